package io.wsmemory.cli;

import io.wsmemory.core.engine.ScanResult;
import io.wsmemory.core.source.SkippedFile;
import io.wsmemory.report.JsonReport;
import io.wsmemory.report.KeptBlock;
import io.wsmemory.report.MemoryWriter;
import io.wsmemory.report.Sarif;
import io.wsmemory.report.WriteReport;
import io.wsmemory.report.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wsmemory scan [PATH]}: scans a repository and writes its memory files, or prints the JSON or SARIF report.
 * Paths are taken as the user gave them, relative to the working directory.
 */
@Command(name = "scan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Scans PATH and writes connection_patterns.md, message_schemas.md, scaling_config.md and the"
                + " wsmemory.json fact snapshot to PATH/memory/websocket-engineer/<project>/.",
                "Text outside the wsmemory blocks is kept on a rescan; a block edited by hand is kept and reported"
                        + " (exit status 3) unless --force."},
        footer = {"", "Exit status: 0 done; 2 usage or input error; 3 files written but hand-edited blocks kept;"
                + " 4 internal error."})
final class ScanCommand extends AbstractSubcommand {

    /** Where the memory lives inside a repository. */
    static final String MEMORY_ROOT = Workspace.MEMORY_ROOT;

    /** Output formats; lower case, as typed. */
    enum OutputFormat { markdown, json, sarif }

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", defaultValue = ".",
            description = "The repository to scan (default: the current directory).")
    Path path;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write the memory files here instead of PATH/" + MEMORY_ROOT + "/<project>/.")
    Path out;

    @Option(names = "--project", paramLabel = "NAME",
            description = "The project's name (default: from package.json, go.mod, pom.xml, pyproject.toml, else the"
                    + " folder); it becomes a safe folder name.")
    String project;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown (default): write the files; json: print the fact report to stdout; sarif: print"
                    + " the findings as SARIF 2.1.0 to stdout. json and sarif write no file.")
    OutputFormat format;

    @Option(names = "--force", description = "Overwrite blocks edited by hand (text outside blocks is still kept).")
    boolean force;

    @Option(names = "--threads", paramLabel = "N", description = "Files scanned in parallel (default: one per core).")
    Integer threads;

    @Mixin
    LimitOptions limits = new LimitOptions();

    @Override
    protected void validate() throws UsageException {
        readableDirectory(path);
        threads(threads);
        limits.limits();
        if (project != null && project.isBlank()) {
            throw new UsageException("--project must not be empty");
        }
        if (format != OutputFormat.markdown && (out != null || force)) {
            throw new UsageException((out != null ? "--out" : "--force") + " does not go with --format " + format
                    + ", which prints the report to stdout and writes no file");
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("not a directory: " + out);
        }
    }

    @Override
    protected ExitCode execute() throws UsageException {
        Workspace ws = new Workspace(path, null, out, project, threads, limits.limits(), cache());
        ScanResult result;
        try (Progress progress = progress()) {
            result = ws.scan(progress);
        } catch (IOException e) {
            throw new UsageException("cannot scan " + path + ": " + Messages.describe(e));
        }
        cacheWarnings();

        if (format == OutputFormat.json) {
            try {
                JsonReport.write(result, out());
            } catch (IOException e) {
                throw new UsageException("cannot print the report: " + Messages.describe(e));
            }
            summary(result, "JSON report on stdout");
            return ExitCode.OK;
        }
        if (format == OutputFormat.sarif) {
            out().print(Sarif.toSarif(result.facts(), VersionProvider.version(), ws.repositoryPrefix(), null, ""));
            out().flush();
            summary(result, "SARIF on stdout");
            return ExitCode.OK;
        }

        Path dir = ws.memoryDir(result.projectName());
        if (out == null) {
            String problem = ws.linkProblem(dir);
            if (problem != null) {
                throw new UsageException(problem + "; use --out DIR");
            }
        }
        WriteReport written;
        try {
            written = MemoryWriter.write(result, dir, force);
        } catch (IOException e) {
            throw new UsageException("cannot write " + dir + ": " + Messages.describe(e));
        }
        summary(result, where(written));
        for (String w : written.warnings()) {
            err().println("wsmemory: warning: " + Messages.oneLine(w) + " (left as text)");
        }
        if (written.keptEdits()) {
            List<String> where = new ArrayList<>();
            for (KeptBlock k : written.kept()) {
                where.add(k.where() + " (" + k.reason() + ")");
            }
            err().println("wsmemory: kept what was edited by hand in " + String.join(", ", where)
                    + "; move your text outside the blocks, then run again with --force to overwrite them");
            err().flush();
            return ExitCode.KEPT_EDITS;
        }
        err().flush();
        return ExitCode.OK;
    }

    private static String where(WriteReport w) {
        String dir = w.outDir().normalize().toString();
        if (w.written().isEmpty()) {
            return "memory up to date in " + dir;
        }
        String n = w.written().size() + (w.written().size() == 1 ? " file" : " files");
        String same = w.unchanged().isEmpty() ? "" : " (" + w.unchanged().size() + " unchanged)";
        return "wrote " + n + same + " to " + dir;
    }

    /** One line on stderr (none with --quiet); the skipped files only with --verbose. */
    private void summary(ScanResult result, String what) {
        if (quiet()) {
            return;
        }
        String hint = !verbose() && !result.skipped().isEmpty() ? " (--verbose lists the skipped files)" : "";
        err().println("wsmemory: " + result.stats().summary() + "; " + what + hint);
        if (verbose()) {
            for (SkippedFile s : result.skipped()) {
                err().println("  skipped " + Messages.oneLine(s.path()) + " — " + Messages.oneLine(s.reason()));
            }
        }
        err().flush();
    }
}
