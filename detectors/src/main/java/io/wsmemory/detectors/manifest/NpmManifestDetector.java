package io.wsmemory.detectors.manifest;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.core.source.UnreadableFileException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code package.json}: every manifest of the repository, each with its folder. Versions come from the nearest lock
 * file ({@code npm-shrinkwrap.json}, {@code package-lock.json}, {@code yarn.lock}, {@code pnpm-lock.yaml}) in the
 * manifest's folder or in an ancestor folder whose workspaces include it; else the range as written.
 */
public final class NpmManifestDetector extends ManifestDetector {

    private static final List<String> LOCK_FILES = List.of(
            "npm-shrinkwrap.json", "package-lock.json", "yarn.lock", "pnpm-lock.yaml");

    /** Parsed lock files and ancestor manifests, shared by every manifest of the scan. */
    private final ConcurrentHashMap<String, Optional<NpmLock>> locks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Optional<PackageJson>> manifests = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<String>> pnpmWorkspaces = new ConcurrentHashMap<>();

    public NpmManifestDetector() {
        super("manifest-npm", "WebSocket libraries declared in package.json, versions from npm, yarn and pnpm locks");
    }

    @Override
    boolean acceptsName(String fileName, String path) {
        return fileName.equals("package.json");
    }

    @Override
    void read(SourceFile manifest, DetectionContext context, List<Fact> out) throws IOException {
        PackageJson pj = PackageJson.parse(manifest.content());
        List<PackageJson.Dep> wanted = new ArrayList<>();
        for (PackageJson.Dep d : pj.dependencies()) {
            if (catalog.lookup(LibraryCatalog.Ecosystem.NPM, realName(d)).isPresent()) {
                wanted.add(d);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        String dir = manifest.directory();
        SourceSet sources = context.sources();
        String language = typescript(dir, pj, sources) ? "typescript" : "javascript";
        LockScope scope = lockScope(dir, sources);
        for (PackageJson.Dep d : wanted) {
            LibraryCatalog.Entry entry = catalog.lookup(LibraryCatalog.Ecosystem.NPM, realName(d)).orElseThrow();
            String range = range(d);
            String resolved = null;
            String lockPath = null;
            for (NpmLock lock : scope.locks()) {
                String v = lock.resolve(scope.rel(), d.name(), d.spec());
                if (v != null && range != null && !SemverRange.satisfies(range, v).orElse(true)) {
                    v = null; // a stale lock: the manifest asks for something else now
                }
                if (v != null) {
                    resolved = v;
                    lockPath = lock.path();
                    break;
                }
            }
            LibraryFact f = new LibraryFact(entry, manifest, d.line())
                    .value(resolved != null ? resolved : d.spec())
                    .declared(d.spec())
                    .attr("scope", PackageJson.SECTIONS.get(d.section()))
                    .attr("lock", lockPath)
                    .fallbackSnippet("\"" + d.name() + "\": \"" + (d.spec() == null ? "" : d.spec()) + "\"");
            out.add(f.build(language));
        }
    }

    /**
     * TypeScript when the package folder has a tsconfig.json or the package depends on {@code typescript}, or else
     * when the workspace root that includes the folder does.
     */
    private boolean typescript(String dir, PackageJson pj, SourceSet sources) {
        if (pj.dependsOn("typescript") || sources.file(NpmLock.join(dir, "tsconfig.json")).isPresent()) {
            return true;
        }
        for (String root = dir; !root.isEmpty(); ) {
            root = NpmLock.parent(root);
            String rel = relative(dir, root);
            if (workspaceOf(root, rel, sources) || pnpmWorkspaceOf(root, rel, sources)) {
                Optional<PackageJson> rootManifest = manifest(NpmLock.join(root, "package.json"), sources);
                return rootManifest.isPresent() && rootManifest.get().dependsOn("typescript")
                        || sources.file(NpmLock.join(root, "tsconfig.json")).isPresent();
            }
        }
        return false;
    }

    /** True when {@code pnpm-workspace.yaml} in {@code root} lists folder {@code rel} among its packages. */
    private boolean pnpmWorkspaceOf(String root, String rel, SourceSet sources) {
        String path = NpmLock.join(root, "pnpm-workspace.yaml");
        if (sources.file(path).isEmpty()) {
            return false;
        }
        List<String> globs = pnpmWorkspaces.computeIfAbsent(path, p -> {
            List<String> out = new ArrayList<>();
            try {
                for (com.fasterxml.jackson.databind.JsonNode n : Parsers.YAML_MAPPER
                        .readTree(sources.file(p).get().content()).path("packages")) {
                    out.add(n.asText());
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable workspace file includes nothing
            }
            return out;
        });
        for (String g : globs) {
            if (!g.startsWith("!") && Globs.matches(g, rel)) {
                return true;
            }
        }
        return false;
    }

    /** The package an entry installs: the name, or for an alias {@code "x": "npm:socket.io@^4"} the aliased one. */
    static String realName(PackageJson.Dep d) {
        String spec = d.spec();
        if (spec != null && spec.startsWith("npm:")) {
            String s = spec.substring(4);
            int at = s.indexOf('@', s.startsWith("@") ? 1 : 0);
            return at < 0 ? s : s.substring(0, at);
        }
        return d.name();
    }

    /** The semver range of a spec, without an alias prefix; null for specs that are no range. */
    static String range(PackageJson.Dep d) {
        String spec = d.spec();
        if (spec == null) {
            return null;
        }
        if (spec.startsWith("npm:")) {
            String s = spec.substring(4);
            int at = s.indexOf('@', s.startsWith("@") ? 1 : 0);
            return at < 0 ? null : s.substring(at + 1);
        }
        return spec;
    }

    /** The lock files that speak for a manifest's folder, and the folder relative to theirs. */
    private record LockScope(List<NpmLock> locks, String rel) {
    }

    private LockScope lockScope(String dir, SourceSet sources) {
        String lockDir = dir;
        while (true) {
            String rel = relative(dir, lockDir);
            List<NpmLock> found = new ArrayList<>();
            for (String name : LOCK_FILES) {
                String path = NpmLock.join(lockDir, name);
                if (sources.file(path).isEmpty()) {
                    continue;
                }
                NpmLock lock = lock(path, sources).orElse(null);
                if (lock != null && (rel.isEmpty() || lock.records(rel) || workspaceOf(lockDir, rel, sources))) {
                    found.add(lock);
                }
            }
            if (!found.isEmpty()) {
                return new LockScope(found, rel);
            }
            if (lockDir.isEmpty()) {
                return new LockScope(List.of(), "");
            }
            lockDir = NpmLock.parent(lockDir);
        }
    }

    private static String relative(String dir, String ancestor) {
        return ancestor.isEmpty() ? dir : dir.equals(ancestor) ? "" : dir.substring(ancestor.length() + 1);
    }

    /** True when the package.json of {@code lockDir} lists folder {@code rel} among its workspaces. */
    private boolean workspaceOf(String lockDir, String rel, SourceSet sources) {
        Optional<PackageJson> root = manifest(NpmLock.join(lockDir, "package.json"), sources);
        return root.isPresent() && root.get().workspaceCovers(rel);
    }

    private Optional<PackageJson> manifest(String path, SourceSet sources) {
        return manifests.computeIfAbsent(path, p -> sources.file(p).map(f -> {
            try {
                return PackageJson.parse(f.content());
            } catch (IOException | UnreadableFileException e) {
                return null;
            }
        }));
    }

    private Optional<NpmLock> lock(String path, SourceSet sources) {
        return locks.computeIfAbsent(path, p -> sources.file(p).map(f -> {
            try {
                if (p.endsWith("yarn.lock")) {
                    return YarnLockFile.parse(p, f.text());
                }
                if (p.endsWith("pnpm-lock.yaml")) {
                    return PnpmLockFile.parse(p, f.content());
                }
                return PackageLockFile.parse(p, f.content());
            } catch (IOException | RuntimeException e) {
                return null; // a lock that cannot be read resolves nothing
            }
        }));
    }
}
