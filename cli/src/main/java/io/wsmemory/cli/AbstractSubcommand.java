package io.wsmemory.cli;

import io.wsmemory.core.cache.ScanCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Verbosity verbosity = new Verbosity();

    @Mixin
    CacheOptions cacheOptions = new CacheOptions();

    private ScanCache cache;

    /** Set by {@link Main}'s factory; tests get {@link Terminal#NONE}. */
    Terminal terminal = Terminal.NONE;

    /** Checks options and paths before any work; a problem is a {@link UsageException}. */
    protected abstract void validate() throws UsageException;

    /** The work, once the input is valid. */
    protected abstract ExitCode execute() throws UsageException;

    @Override
    public final Integer call() {
        try {
            if (verbosity.verbose && verbosity.quiet) {
                throw new UsageException("--verbose and --quiet do not go together");
            }
            cacheOptions.validate();
            validate();
            return execute().code();
        } catch (UsageException e) {
            err().println("wsmemory: " + e.getMessage());
            err().flush();
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

    /** A folder to scan: it exists, is a directory and can be listed. */
    static void readableDirectory(Path path) throws UsageException {
        if (!Files.exists(path)) {
            throw new UsageException("no such directory: " + path);
        }
        if (!Files.isDirectory(path)) {
            throw new UsageException("not a directory: " + path);
        }
        try (DirectoryStream<Path> ignored = Files.newDirectoryStream(path)) {
            // readable
        } catch (IOException | SecurityException e) {
            throw new UsageException("cannot read directory: " + path);
        }
    }

    static void threads(Integer threads) throws UsageException {
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new UsageException("--threads must be between 1 and 1024, not " + threads);
        }
    }

    /** The scan cache the options ask for, one per command run. */
    protected ScanCache cache() {
        if (cache == null) {
            cache = cacheOptions.cache(System.getenv());
        }
        return cache;
    }

    /** What went wrong with the cache, one warning a line on stderr (not with --quiet); the scan did not need it. */
    protected void cacheWarnings() {
        if (cache == null || quiet()) {
            return;
        }
        for (String w : cache.warnings()) {
            err().println("wsmemory: warning: " + Messages.oneLine(w));
        }
        err().flush();
    }

    protected boolean verbose() {
        return verbosity.verbose;
    }

    protected boolean quiet() {
        return verbosity.quiet;
    }

    /** Progress on stderr while scanning, when stderr is a terminal and not --quiet. */
    protected Progress progress() {
        return new Progress(err(), terminal.progress() && !quiet());
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
