package io.wsmemory.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wsmemory}: the root command. No logic here; the subcommands do the work. */
@Command(name = "wsmemory",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Writes what a WebSocket engineer must remember about a code base: connection patterns,"
                + " message schemas and scaling configuration, each fact with its evidence (path:line).",
        subcommands = {ScanCommand.class, CheckCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 done (check: in sync); 1 check: the memory no longer matches the code;"
                + " 2 usage or input error; 3 scan: files written but hand-edited blocks kept (--force overwrites"
                + " them); 4 internal error."})
public final class Main implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cl = commandLine(Terminal.detect());
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(cl.execute(args));
    }

    /** The command line with wsmemory's error handling: one line per error, exit codes of {@link ExitCode}. */
    public static CommandLine commandLine() {
        return commandLine(Terminal.NONE);
    }

    /** The command line for a terminal: progress and colour only where it says so. */
    static CommandLine commandLine(Terminal terminal) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K made = defaults.create(cls);
                if (made instanceof AbstractSubcommand sub) {
                    sub.terminal = terminal;
                }
                return made;
            }
        };
        CommandLine cl = new CommandLine(new Main(), factory);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("wsmemory: internal error: " + Messages.oneLine(String.valueOf(ex)));
            return ExitCode.INTERNAL.code();
        });
        return cl;
    }

    private static int usageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String help = cmd.getCommandSpec().qualifiedName() + " --help";
        cmd.getErr().println("wsmemory: " + Messages.oneLine(ex.getMessage()) + " (see `" + help + "`)");
        cmd.getErr().flush();
        return ExitCode.USAGE.code();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command, e.g. `wsmemory scan [PATH]` or `wsmemory check [PATH]`");
    }
}
