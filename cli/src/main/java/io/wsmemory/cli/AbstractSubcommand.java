package io.wsmemory.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand: {@link #validate()} checks the input, {@link #execute()} does the work; expected errors become one
 * line and {@link ExitCode#USAGE}, unexpected ones one line and {@link ExitCode#INTERNAL} (the stack trace only with
 * {@code --verbose}). Output goes to the command line's writers, so tests can inject them.
 */
abstract class AbstractSubcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbosity = new VerboseOption();

    /** Checks options and paths before any work; a problem is a {@link UsageException}. */
    protected abstract void validate() throws UsageException;

    /** The work, once the input is valid. */
    protected abstract ExitCode execute() throws UsageException;

    @Override
    public final Integer call() {
        try {
            validate();
            return execute().code();
        } catch (UsageException e) {
            err().println("wsmemory: " + e.getMessage());
            return ExitCode.USAGE.code();
        } catch (RuntimeException e) {
            err().println("wsmemory: internal error: " + Messages.oneLine(String.valueOf(e))
                    + (verbose() ? "" : " (--verbose shows the stack trace)"));
            if (verbose()) {
                e.printStackTrace(err());
            }
            err().flush();
            return ExitCode.INTERNAL.code();
        }
    }

    protected boolean verbose() {
        return verbosity.verbose;
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
