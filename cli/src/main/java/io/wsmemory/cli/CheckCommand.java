package io.wsmemory.cli;

import io.wsmemory.core.engine.ScanResult;
import io.wsmemory.core.source.SkippedFile;
import io.wsmemory.report.DriftCheck;
import io.wsmemory.report.DriftJson;
import io.wsmemory.report.DriftReport;
import io.wsmemory.report.DriftText;
import io.wsmemory.report.FailOn;
import io.wsmemory.report.Memory;
import io.wsmemory.report.Sarif;
import io.wsmemory.report.Snapshot;
import io.wsmemory.report.Workspace;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wsmemory check [PATH]}: rescans, compares the facts with the committed {@code wsmemory.json} and the
 * committed Markdown with what those facts render, and prints what changed, grouped by memory file and section.
 * Writes nothing.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Rescans PATH and compares it with the memory committed in"
                + " PATH/memory/websocket-engineer/<project>/: each fact added, removed or changed since"
                + " wsmemory.json was written, classified breaking or additive, with its evidence (path:line); and"
                + " each generated block that was edited by hand or is missing.",
                "Writes nothing; `wsmemory scan` updates the memory."},
        footer = {"", "Exit status: 0 the memory matches the code (or only changes --fail-on does not count); 1 it"
                + " does not, or a memory file was edited inside a block; 2 usage or input error, or no"
                + " wsmemory.json to compare with; 4 internal error."})
final class CheckCommand extends AbstractSubcommand {

    /** Output formats; lower case, as typed. */
    enum OutputFormat { text, json, sarif }

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", defaultValue = ".",
            description = "The repository to check (default: the current directory).")
    Path path;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The memory folder to check, if not PATH/" + Workspace.MEMORY_ROOT + "/<project>/.")
    Path out;

    @Option(names = "--project", paramLabel = "NAME",
            description = "The project's name, as given to `wsmemory scan` (default: from the manifests).")
    String project;

    @Option(names = "--fail-on", paramLabel = "WHAT", defaultValue = "any",
            description = "any (default): every change fails; breaking: only breaking changes fail, additive ones"
                    + " are shown. Blocks edited by hand fail either way.")
    FailOn failOn;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default): the diff on stdout; json: the diff as JSON; sarif: the findings and the"
                    + " drift as SARIF 2.1.0.")
    OutputFormat format;

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
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("not a directory: " + out);
        }
    }

    @Override
    protected ExitCode execute() throws UsageException {
        Workspace ws = new Workspace(path, null, out, project, threads, limits.limits(), cache());
        ScanResult fresh;
        try (Progress progress = progress()) {
            fresh = ws.scan(progress);
        } catch (IOException e) {
            throw new UsageException("cannot scan " + path + ": " + Messages.describe(e));
        }
        cacheWarnings();
        if (verbose()) {
            err().println("wsmemory: " + fresh.stats().summary());
            for (SkippedFile s : fresh.skipped()) {
                err().println("  skipped " + Messages.oneLine(s.path()) + " — " + Messages.oneLine(s.reason()));
            }
        }
        Path dir = ws.memoryDir(fresh.projectName());
        String where = dir.normalize().toString();
        DriftText.Fixes fixes = fixes();
        DriftReport report;
        try {
            report = DriftCheck.run(dir, fresh);
        } catch (Snapshot.SnapshotException e) {
            if (e.missing()) {
                throw new UsageException("no memory to check: " + e.getMessage() + others(ws, dir)
                        + "; create it with `" + fixes.update() + "`, commit it, then run check");
            }
            throw new UsageException(e.getMessage() + "; write it again with `" + fixes.force() + "`");
        } catch (IOException e) {
            throw new UsageException("cannot read the memory in " + where + ": " + Messages.describe(e));
        }

        switch (format) {
            case json -> out().print(DriftJson.toJson(report, failOn, fixes, where));
            case sarif -> {
                String prefix = ws.repositoryPrefix();
                String rel = ws.relative(dir);
                String memoryPrefix = rel == null ? "" : prefix + (rel.isEmpty() ? "" : rel + "/");
                out().print(Sarif.toSarif(fresh.facts(), VersionProvider.version(), prefix, report, memoryPrefix));
            }
            case text -> {
                if (!quiet()) {
                    out().print(DriftText.body(report, fixes, terminal.colourOut(), verbose()));
                }
            }
        }
        out().flush();
        boolean fails = report.fails(failOn);
        if (fails || !quiet()) {
            err().println("wsmemory: " + DriftText.summary(report, failOn, fixes, where));
        }
        err().flush();
        return fails ? ExitCode.DRIFT : ExitCode.OK;
    }

    /** The commands that update the memory, as this user would type them. */
    private DriftText.Fixes fixes() {
        StringBuilder b = new StringBuilder("wsmemory scan");
        if (!path.toString().equals(".")) {
            b.append(' ').append(quote(path.toString()));
        }
        if (out != null) {
            b.append(" --out ").append(quote(out.toString()));
        }
        if (project != null) {
            b.append(" --project ").append(quote(project));
        }
        return new DriftText.Fixes(b.toString(), b + " --force", "--fail-on %s");
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./@:+=-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** Memory folders of other project names beside the one looked for, as a hint. */
    private String others(Workspace ws, Path dir) {
        if (out != null) {
            return "";
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(ws.effectiveMemoryRoot())) {
            for (Path p : s) {
                if (!p.equals(dir) && Files.isRegularFile(p.resolve(Memory.SNAPSHOT))) {
                    names.add(p.getFileName().toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        if (names.isEmpty()) {
            return "";
        }
        names.sort(null);
        return " (there is memory for " + String.join(", ", names) + ": pass --project NAME if the project was"
                + " renamed)";
    }
}
