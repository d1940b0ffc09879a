package io.wsmemory.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}, shared by the subcommands. */
public final class VerboseOption {

    @Option(names = {"-v", "--verbose"}, description = "List skipped files; show the stack trace of an internal error.")
    boolean verbose;
}
