package io.wsmemory.cli;

import picocli.CommandLine.Option;

/** {@code --verbose} and {@code --quiet}, shared by the subcommands. */
public final class Verbosity {

    @Option(names = {"-v", "--verbose"},
            description = "Say more: the skipped files, the lines that differ, the stack trace of an internal error.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"},
            description = "Print only errors and the line that explains a failing exit status; no summary, no"
                    + " progress.")
    boolean quiet;
}
