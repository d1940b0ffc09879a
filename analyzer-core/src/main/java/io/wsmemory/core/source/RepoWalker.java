package io.wsmemory.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Lists the files of a repository worth reading. Honours {@code .gitignore} files at every level (JGit's rules),
 * leaves out dependency, build and VCS folders, minified bundles and generated files, and never follows a link:
 * a link inside the repository is read at its target, a link that leaves it is reported.
 */
public final class RepoWalker {

    /** Folders that hold dependencies, build output, caches or VCS data: never the project's own code. */
    public static final Set<String> EXCLUDED_FOLDERS = Set.of(
            "node_modules", "bower_components", "jspm_packages", "vendor", "third_party_vendor",
            ".git", ".hg", ".svn", ".bzr",
            "dist", "build", "target", "out", ".next", ".nuxt", ".output", ".svelte-kit", ".angular",
            ".turbo", ".parcel-cache", ".cache", "coverage", ".nyc_output",
            "__pycache__", ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache", "site-packages",
            ".gradle", ".idea", ".vscode", ".yarn", ".pnpm-store");

    /** Files that hold dependency versions; read even when large. */
    private static final Set<String> MANIFESTS = Set.of(
            "package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml",
            "go.mod", "go.sum", "pom.xml", "build.gradle", "build.gradle.kts", "requirements.txt",
            "pyproject.toml", "poetry.lock", "pipfile", "pipfile.lock", "setup.py", "setup.cfg", "uv.lock", "pdm.lock",
            "libs.versions.toml", "pnpm-workspace.yaml");

    private final Path root;
    private final WalkOptions options;

    public RepoWalker(Path root, WalkOptions options) {
        this.root = root.toAbsolutePath().normalize();
        this.options = options;
    }

    public WalkResult walk() throws IOException {
        Path realRoot = root.toRealPath();
        List<SourceFile> files = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        int[] ignored = {0};
        Deque<IgnoreScope> scopes = new ArrayDeque<>();

        // walk the real root: a root given through a link would otherwise be visited as a link, and yield nothing
        Files.walkFileTree(realRoot, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String rel = relative(realRoot, dir);
                if (!rel.isEmpty()) {
                    String name = dir.getFileName().toString();
                    if (EXCLUDED_FOLDERS.contains(name) || options.extraExcludedFolders().contains(rel)
                            || isIgnored(scopes, rel, true)) {
                        ignored[0]++;
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                }
                if (rel.isEmpty()) { // .git/info/exclude ranks below every .gitignore, so it sits deepest
                    scopes.push(new IgnoreScope(rel, readIgnoreFile(dir.resolve(".git/info/exclude"), rel, realRoot, skipped)));
                }
                scopes.push(new IgnoreScope(rel, readIgnoreFile(dir.resolve(".gitignore"), rel, realRoot, skipped)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                String rel = relative(realRoot, dir);
                while (!scopes.isEmpty() && scopes.peek().folder().equals(rel)) {
                    scopes.pop();
                }
                if (exc != null) {
                    skipped.add(new SkippedFile(rel.isEmpty() ? "." : rel, "folder could not be listed completely"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = relative(realRoot, file);
                if (attrs.isSymbolicLink()) {
                    checkLink(file, rel, realRoot, skipped);
                    return FileVisitResult.CONTINUE;
                }
                if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                if (isIgnored(scopes, rel, false) || isBundleOrGenerated(file.getFileName().toString())) {
                    ignored[0]++;
                    return FileVisitResult.CONTINUE;
                }
                String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
                long cap = MANIFESTS.contains(lower) ? options.maxManifestBytes() : options.maxFileBytes();
                files.add(new SourceFile(rel, file, attrs.size(), cap));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                String rel = relative(realRoot, file);
                String why = exc instanceof AccessDeniedException ? "permission denied"
                        : exc instanceof NoSuchFileException ? "disappeared during the scan"
                        : "unreadable: " + exc.getClass().getSimpleName();
                skipped.add(new SkippedFile(rel.isEmpty() ? "." : rel, why));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(SourceFile::path));
        List<SourceFile> kept = files;
        if (files.size() > options.maxFiles()) { // the first in path order: the same files whatever the file system
            kept = files.subList(0, Math.max(0, options.maxFiles()));
            String why = "beyond the limit of " + options.maxFiles() + " files";
            for (SourceFile f : files.subList(kept.size(), files.size())) {
                skipped.add(new SkippedFile(f.path(), why));
            }
        }
        skipped.sort(Comparator.naturalOrder());
        return new WalkResult(List.copyOf(kept), List.copyOf(skipped), ignored[0]);
    }

    private static String relative(Path realRoot, Path p) {
        return realRoot.relativize(p).toString().replace('\\', '/');
    }

    /** A link is not followed; one that points out of the repository or nowhere is worth telling the user about. */
    private static void checkLink(Path link, String rel, Path realRoot, List<SkippedFile> skipped) {
        try {
            Path target = link.toRealPath();
            if (!target.startsWith(realRoot)) {
                skipped.add(new SkippedFile(rel, "link points outside the repository"));
            }
        } catch (IOException | SecurityException e) {
            skipped.add(new SkippedFile(rel, "broken or looping link"));
        }
    }

    static boolean isBundleOrGenerated(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".min.js") || n.endsWith(".min.mjs") || n.endsWith(".min.cjs")
                || n.endsWith(".bundle.js") || n.endsWith("-bundle.js") || n.endsWith(".chunk.js")
                || n.endsWith(".map") || n.endsWith(".d.ts.map")
                || n.endsWith(".pb.go") || n.endsWith("_pb2.py") || n.endsWith("_pb2_grpc.py")
                || n.endsWith("_pb.js") || n.endsWith("_pb.d.ts") || n.endsWith(".generated.ts")
                || n.endsWith(".generated.js") || n.endsWith("_generated.go") || n.endsWith(".gen.go");
    }

    private static boolean isIgnored(Deque<IgnoreScope> scopes, String rel, boolean directory) {
        for (IgnoreScope s : scopes) { // innermost first: the deepest .gitignore with a matching rule decides
            if (s.node() == null) {
                continue;
            }
            String local = s.folder().isEmpty() ? rel : rel.substring(s.folder().length() + 1);
            Boolean verdict = s.node().checkIgnored(local, directory);
            if (verdict != null) {
                return verdict;
            }
        }
        return false;
    }

    /** Ignore rules are read from regular files of the repository only: like git (2.32+), never through a link. */
    private static IgnoreNode readIgnoreFile(Path file, String rel, Path realRoot, List<SkippedFile> skipped) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !file.toRealPath().startsWith(realRoot)) {
                return null;
            }
        } catch (IOException | SecurityException e) {
            return null;
        }
        IgnoreNode node = new IgnoreNode();
        try (InputStream in = Files.newInputStream(file)) {
            node.parse(in);
            return node;
        } catch (IOException | RuntimeException e) {
            skipped.add(new SkippedFile((rel.isEmpty() ? "" : rel + "/") + file.getFileName(),
                    "ignore rules could not be read"));
            return null;
        }
    }

    private record IgnoreScope(String folder, IgnoreNode node) {
    }
}
