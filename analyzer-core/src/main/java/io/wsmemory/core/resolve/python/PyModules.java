package io.wsmemory.core.resolve.python;

import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.Language;
import io.wsmemory.core.source.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Finds the repository file behind a Python import. Relative imports are resolved against the importing file's
 * package; absolute ones ({@code myproj.settings}) by path suffix, since the source root is not known
 * ({@code src/}, a project folder): among the files that match, the one nearest the importing file wins.
 */
public final class PyModules {

    private static final Map<SourceSet, PyModules> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    /** Module path without extension ({@code a/b/c} for a/b/c.py and a/b/c/__init__.py) → files. */
    private final Map<String, List<SourceFile>> byModulePath = new HashMap<>();

    private PyModules(SourceSet sources) { // no reference to the set is kept: the cache holds it weakly
        for (SourceFile f : sources.all()) {
            if (f.language() != Language.PYTHON) {
                continue;
            }
            String p = f.path();
            String mod = p.endsWith("/__init__.py") ? p.substring(0, p.length() - "/__init__.py".length())
                    : p.equals("__init__.py") ? "" : p.replaceFirst("\\.pyi?$", "");
            byModulePath.computeIfAbsent(mod, k -> new ArrayList<>()).add(f);
        }
    }

    public static PyModules of(SourceSet sources) {
        return CACHE.computeIfAbsent(sources, PyModules::new);
    }

    /**
     * The file of module {@code module} imported from {@code fromPath} with {@code level} leading dots; empty for
     * packages outside the repository.
     */
    public Optional<SourceFile> resolve(String fromPath, String module, int level) {
        String rel = module == null || module.isEmpty() ? "" : module.replace('.', '/');
        if (level > 0) {
            String dir = dirOf(fromPath);
            for (int i = 1; i < level; i++) {
                dir = dirOf(dir);
            }
            String joined = dir.isEmpty() ? rel : rel.isEmpty() ? dir : dir + "/" + rel;
            return first(joined);
        }
        if (rel.isEmpty()) {
            return Optional.empty();
        }
        SourceFile best = null;
        int bestScore = Integer.MIN_VALUE;
        for (Map.Entry<String, List<SourceFile>> e : byModulePath.entrySet()) {
            String key = e.getKey();
            if (!(key.equals(rel) || key.endsWith("/" + rel))) {
                continue;
            }
            String root = key.substring(0, key.length() - rel.length());
            for (SourceFile f : e.getValue()) {
                // a root that holds the importing file is most likely the source root; deeper roots are nearer
                int score = (fromPath.startsWith(root) ? 1000 : 0) + commonPrefix(root, fromPath) - root.length() / 1000;
                if (score > bestScore || score == bestScore && best != null && f.path().compareTo(best.path()) < 0) {
                    best = f;
                    bestScore = score;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The file of a module path such as {@code a/b/c}: the module file before the package. */
    private Optional<SourceFile> first(String modulePath) {
        List<SourceFile> l = byModulePath.get(modulePath);
        if (l == null || l.isEmpty()) {
            return Optional.empty();
        }
        for (SourceFile f : l) {
            if (!f.path().endsWith("__init__.py")) {
                return Optional.of(f);
            }
        }
        return Optional.of(l.get(0));
    }

    /** True when {@code path} is a package's {@code __init__.py}. */
    static boolean isPackage(String path) {
        return path.equals("__init__.py") || path.endsWith("/__init__.py");
    }

    /** The dotted module name of a file as seen from the repository root ({@code chat/consumers.py} → chat.consumers). */
    public static String moduleName(String path) {
        String p = path.endsWith("/__init__.py") ? path.substring(0, path.length() - "/__init__.py".length())
                : path.replaceFirst("\\.pyi?$", "");
        return p.replace('/', '.');
    }

    /** Every Python file of the scan. */
    public List<SourceFile> files() {
        List<SourceFile> out = new ArrayList<>();
        for (List<SourceFile> l : byModulePath.values()) {
            out.addAll(l);
        }
        out.sort(java.util.Comparator.comparing(SourceFile::path));
        return out;
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    static String dirOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
