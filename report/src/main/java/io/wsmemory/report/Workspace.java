package io.wsmemory.report;

import io.wsmemory.core.cache.ScanCache;
import io.wsmemory.core.engine.Detectors;
import io.wsmemory.core.engine.ScanEngine;
import io.wsmemory.core.engine.ScanLimits;
import io.wsmemory.core.engine.ScanOptions;
import io.wsmemory.core.engine.ScanProgress;
import io.wsmemory.core.engine.ScanResult;
import java.io.IOError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A scanned folder and where its memory lives, as every front end (CLI, Maven plugin) sees them: the scan with the
 * memory folders left out, the project's name, the memory folder of that name, and the paths relative to the
 * scanned folder that SARIF needs.
 *
 * @param root the scanned folder
 * @param memoryRoot the folder that holds one memory folder per project; null for {@code root/memory/websocket-engineer}
 * @param out the memory folder itself, overriding {@code memoryRoot/<project>}; may be null
 * @param project the project's name, overriding what the manifests say; may be null
 * @param threads files scanned in parallel; null for one per core
 * @param limits size cap, per-file time budget and file count; null for the defaults
 * @param cache where the result of an unchanged repository is reused from; {@link ScanCache#NONE} for none
 */
public record Workspace(Path root, Path memoryRoot, Path out, String project, Integer threads, ScanLimits limits,
                        ScanCache cache) {

    public Workspace {
        cache = cache == null ? ScanCache.NONE : cache;
    }

    /** A workspace with the default limits and no cache. */
    public Workspace(Path root, Path memoryRoot, Path out, String project, Integer threads) {
        this(root, memoryRoot, out, project, threads, null, ScanCache.NONE);
    }

    /** A workspace with these limits and no cache. */
    public Workspace(Path root, Path memoryRoot, Path out, String project, Integer threads, ScanLimits limits) {
        this(root, memoryRoot, out, project, threads, limits, ScanCache.NONE);
    }

    /** A workspace with the default limits and this cache. */
    public Workspace(Path root, Path memoryRoot, Path out, String project, Integer threads, ScanCache cache) {
        this(root, memoryRoot, out, project, threads, null, cache);
    }

    /** Where the memory lives inside a repository. */
    public static final String MEMORY_ROOT = "memory/websocket-engineer";

    public Path effectiveMemoryRoot() {
        return memoryRoot != null ? memoryRoot : root.resolve(MEMORY_ROOT);
    }

    /** Scans {@code root}, telling {@code progress}; the project's name is {@link #project} when given. */
    public ScanResult scan(ScanProgress progress) throws IOException {
        ScanResult scanned = new ScanEngine(Detectors.load(), options()).withCache(cache).scan(root, progress);
        String name = project != null ? project : scanned.projectName();
        return new ScanResult(scanned.root(), name, scanned.facts(), scanned.skipped(), scanned.partiallyParsed(),
                scanned.stats());
    }

    /** The memory folder of a project: {@link #out}, else {@code memoryRoot/<safe name>}. */
    public Path memoryDir(String projectName) {
        return out != null ? out : effectiveMemoryRoot().resolve(ProjectNames.safe(projectName));
    }

    /** The default options, with the thread count asked for and the memory folders left out of the scan. */
    ScanOptions options() {
        ScanOptions defaults = ScanOptions.defaults();
        if (limits != null) {
            defaults = defaults.withLimits(limits);
        }
        if (threads != null) {
            defaults = defaults.withThreads(threads);
        }
        Set<String> excluded = new LinkedHashSet<>(defaults.walk().extraExcludedFolders());
        excluded.add(MEMORY_ROOT);
        for (Path p : new Path[] {memoryRoot, out}) {
            String rel = p == null ? null : relative(p);
            if (rel != null && !rel.isEmpty()) {
                excluded.add(rel);
            }
        }
        return defaults.withWalk(defaults.walk().withExtraExcludedFolders(excluded));
    }

    /** {@code p} relative to the scanned folder with {@code /} separators; null when outside it ("" for itself). */
    public String relative(Path p) {
        try {
            Path r = root.toAbsolutePath().normalize();
            Path o = p.toAbsolutePath().normalize();
            if (!o.startsWith(r)) {
                return null;
            }
            return r.relativize(o).toString().replace('\\', '/');
        } catch (InvalidPathException | IOError e) {
            return null;
        }
    }

    /**
     * Why the memory may not be written to {@code dir} inside the scanned folder, or null: a link on the way
     * (memory/, websocket-engineer/, the project folder) could lead the files out of it.
     */
    public String linkProblem(Path dir) {
        String rel = relative(dir);
        if (rel == null || rel.isEmpty()) {
            return null;
        }
        Path p = root;
        for (String part : rel.split("/")) {
            p = p.resolve(part);
            if (Files.isSymbolicLink(p)) {
                return "refusing to write through the link " + p;
            }
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                return "not a directory: " + p;
            }
        }
        return null;
    }

    /**
     * What goes before a path relative to the scanned folder to make it relative to the top of its repository
     * (the folder with {@code .git}), so that code scanning finds the files; "" when the scanned folder is the top or
     * not in a repository.
     */
    public String repositoryPrefix() {
        Path r = root.toAbsolutePath().normalize();
        for (Path p = r; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                String rel = p.relativize(r).toString().replace('\\', '/');
                return rel.isEmpty() ? "" : rel + "/";
            }
        }
        return "";
    }
}
