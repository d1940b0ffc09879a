package io.wsmemory.cli;

import io.wsmemory.core.engine.Detectors;
import io.wsmemory.core.engine.ScanEngine;
import io.wsmemory.core.engine.ScanOptions;
import io.wsmemory.core.engine.ScanResult;
import io.wsmemory.core.source.SkippedFile;
import io.wsmemory.core.source.WalkOptions;
import io.wsmemory.report.JsonReport;
import io.wsmemory.report.KeptBlock;
import io.wsmemory.report.MemoryWriter;
import io.wsmemory.report.ProjectNames;
import io.wsmemory.report.WriteReport;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wsmemory scan [PATH]}: scans a repository and writes its memory files, or prints the JSON report. Paths
 * are taken as the user gave them, relative to the working directory.
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
    static final String MEMORY_ROOT = "memory/websocket-engineer";

    /** Output formats; lower case, as typed. */
    enum OutputFormat { markdown, json }

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
            description = "markdown (default): write the files; json: print the fact report to stdout and write"
                    + " nothing.")
    OutputFormat format;

    @Option(names = "--force", description = "Overwrite blocks edited by hand (text outside blocks is still kept).")
    boolean force;

    @Option(names = "--threads", paramLabel = "N", description = "Files scanned in parallel (default: one per core).")
    Integer threads;

    @Override
    protected void validate() throws UsageException {
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
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new UsageException("--threads must be between 1 and 1024, not " + threads);
        }
        if (project != null && project.isBlank()) {
            throw new UsageException("--project must not be empty");
        }
        if (format == OutputFormat.json && (out != null || force)) {
            throw new UsageException((out != null ? "--out" : "--force")
                    + " does not go with --format json, which prints the report to stdout and writes no file");
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("not a directory: " + out);
        }
    }

    @Override
    protected ExitCode execute() throws UsageException {
        ScanResult scanned;
        try {
            scanned = new ScanEngine(Detectors.load(), options()).scan(path);
        } catch (IOException e) {
            throw new UsageException("cannot scan " + path + ": " + Messages.describe(e));
        }
        String name = project != null ? project : scanned.projectName();
        ScanResult result = new ScanResult(scanned.root(), name, scanned.facts(), scanned.skipped(),
                scanned.partiallyParsed(), scanned.stats());

        if (format == OutputFormat.json) {
            try {
                JsonReport.write(result, out());
            } catch (IOException e) {
                throw new UsageException("cannot print the report: " + Messages.describe(e));
            }
            summary(result, "JSON report on stdout");
            return ExitCode.OK;
        }

        Path dir = out != null ? out : path.resolve(MEMORY_ROOT).resolve(ProjectNames.safe(name));
        if (out == null) {
            refuseLinks(dir);
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
                    + "; run again with --force to overwrite it");
            err().flush();
            return ExitCode.KEPT_EDITS;
        }
        err().flush();
        return ExitCode.OK;
    }

    /** The default options, with the thread count asked for and the memory folders left out of the scan. */
    private ScanOptions options() {
        ScanOptions defaults = ScanOptions.defaults();
        if (threads != null) {
            defaults = defaults.withThreads(threads);
        }
        Set<String> excluded = new LinkedHashSet<>(defaults.walk().extraExcludedFolders());
        excluded.add(MEMORY_ROOT);
        String rel = relativeOut();
        if (rel != null) {
            excluded.add(rel);
        }
        WalkOptions w = defaults.walk();
        return new ScanOptions(defaults.threads(), defaults.parseBudgetMillis(),
                new WalkOptions(w.maxFileBytes(), w.maxManifestBytes(), Set.copyOf(excluded)));
    }

    /** --out as a path inside the scanned folder, so its files are not scanned as code; null when outside. */
    private String relativeOut() {
        if (out == null) {
            return null;
        }
        try {
            Path root = path.toAbsolutePath().normalize();
            Path o = out.toAbsolutePath().normalize();
            if (!o.startsWith(root) || o.equals(root)) {
                return null;
            }
            return root.relativize(o).toString().replace('\\', '/');
        } catch (InvalidPathException | java.io.IOError e) {
            return null;
        }
    }

    /**
     * The default output folder is inside the scanned repository; a link on the way (memory/, websocket-engineer/,
     * the project folder) could lead the files out of it, so it is refused.
     */
    private void refuseLinks(Path dir) throws UsageException {
        Path p = path;
        for (Path part : path.relativize(dir)) {
            p = p.resolve(part);
            if (Files.isSymbolicLink(p)) {
                throw new UsageException("refusing to write through the link " + p + "; use --out DIR");
            }
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new UsageException("not a directory: " + p);
            }
        }
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

    /** One line on stderr; the skipped files only with --verbose. */
    private void summary(ScanResult result, String what) {
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
