package io.wsmemory.core.resolve.go;

import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.Language;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.core.source.UnreadableFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Go code of one scan: packages as directories, modules from {@code go.mod} (so an import path leads to a
 * directory of the repository), and each file's index parsed once and kept for the scan, whichever detector or
 * file asked first. One workspace per {@link SourceSet}.
 */
public final class GoWorkspace {

    private static final Map<SourceSet, GoWorkspace> WORKSPACES = Collections.synchronizedMap(new WeakHashMap<>());

    private final java.lang.ref.WeakReference<SourceSet> sources;
    private final Map<String, GoFile> files = new ConcurrentHashMap<>();
    private Map<String, List<SourceFile>> byDir;
    private Map<String, String> modules;

    private GoWorkspace(SourceSet sources) {
        this.sources = new java.lang.ref.WeakReference<>(sources);
    }

    public static GoWorkspace of(SourceSet sources) {
        synchronized (WORKSPACES) {
            return WORKSPACES.computeIfAbsent(sources, GoWorkspace::new);
        }
    }

    public SourceSet sources() {
        SourceSet s = sources.get();
        if (s == null) {
            throw new IllegalStateException("the scan of this workspace is over");
        }
        return s;
    }

    /** The index of a file being read by a detector (its parse is shared). */
    public GoFile file(ParsedFile parsed) {
        GoFile f = files.get(parsed.path());
        if (f != null) {
            return f;
        }
        GoFile made = GoFile.of(parsed);
        GoFile prev = files.putIfAbsent(parsed.path(), made);
        return prev == null ? made : prev;
    }

    /** The index of any Go file of the scan, parsed on first request; null when there is no such file. */
    public GoFile file(String path) {
        GoFile f = files.get(path);
        if (f != null) {
            return f;
        }
        SourceFile sf = sources().file(path).orElse(null);
        if (sf == null || sf.language() != Language.GO) {
            return null;
        }
        try {
            return file(sources().parsed(sf));
        } catch (UnreadableFileException | io.wsmemory.core.parse.ParseTimeoutException e) {
            return null;
        }
    }

    private synchronized Map<String, List<SourceFile>> byDir() {
        if (byDir == null) {
            Map<String, List<SourceFile>> m = new TreeMap<>();
            Map<String, String> mods = new TreeMap<>();
            for (SourceFile f : sources().all()) {
                if (f.language() == Language.GO) {
                    m.computeIfAbsent(f.directory(), k -> new ArrayList<>()).add(f);
                } else if (f.fileName().equals("go.mod")) {
                    String module = moduleLine(f);
                    if (module != null) {
                        mods.put(f.directory(), module);
                    }
                }
            }
            byDir = m;
            modules = mods;
        }
        return byDir;
    }

    private static String moduleLine(SourceFile f) {
        try {
            for (String line : f.text().split("\n")) {
                String l = line.strip();
                if (l.startsWith("module ")) {
                    String m = l.substring(7).strip();
                    int c = m.indexOf("//");
                    if (c >= 0) {
                        m = m.substring(0, c).strip();
                    }
                    return m.replace("\"", "");
                }
            }
        } catch (UnreadableFileException e) {
            return null;
        }
        return null;
    }

    /** The non-test Go files of a directory: one package. */
    public List<GoFile> packageFiles(String dir) {
        List<SourceFile> sfs = byDir().getOrDefault(dir, List.of());
        List<GoFile> out = new ArrayList<>();
        for (SourceFile sf : sfs) {
            if (sf.path().endsWith("_test.go")) {
                continue;
            }
            GoFile g = file(sf.path());
            if (g != null) {
                out.add(g);
            }
        }
        return out;
    }

    /** The import path of the package in {@code dir}, from the nearest go.mod above it; null without one. */
    public synchronized String importPath(String dir) {
        byDir();
        String best = null;
        String bestDir = null;
        for (Map.Entry<String, String> m : modules.entrySet()) {
            String md = m.getKey();
            if (md.isEmpty() || dir.equals(md) || dir.startsWith(md + "/")) {
                if (bestDir == null || md.length() > bestDir.length()) {
                    bestDir = md;
                    best = m.getValue();
                }
            }
        }
        if (best == null) {
            return null;
        }
        String rel = dir.equals(bestDir) ? "" : dir.substring(bestDir.isEmpty() ? 0 : bestDir.length() + 1);
        return rel.isEmpty() ? best : best + "/" + rel;
    }

    /** The directory of the repository that holds an import path, or null when it is not one of ours. */
    public synchronized String dirOf(String importPath) {
        Map<String, List<SourceFile>> dirs = byDir();
        for (Map.Entry<String, String> m : modules.entrySet()) {
            String mod = m.getValue();
            if (importPath.equals(mod) || importPath.startsWith(mod + "/")) {
                String rel = importPath.substring(mod.length());
                rel = rel.startsWith("/") ? rel.substring(1) : rel;
                String dir = m.getKey().isEmpty() ? rel : rel.isEmpty() ? m.getKey() : m.getKey() + "/" + rel;
                if (dirs.containsKey(dir)) {
                    return dir;
                }
            }
        }
        return null;
    }

    /** How many non-test Go files contain {@code needle}, counting no further than {@code limit + 1}; no parse. */
    public int countFilesContaining(String needle, int limit) {
        return sourcesContaining(needle, sf -> true, limit + 1).size();
    }

    /** Non-test Go files whose bytes contain {@code needle}, in path order. */
    public List<GoFile> filesContaining(String needle) {
        return filesContaining(needle, sf -> true);
    }

    /**
     * Non-test Go files whose bytes contain {@code needle} and that {@code worthParsing} keeps, in path order: the
     * test runs on the file's bytes before it is parsed, so a cheap text check spares the parse of a large module.
     */
    public List<GoFile> filesContaining(String needle, java.util.function.Predicate<SourceFile> worthParsing) {
        List<GoFile> out = new ArrayList<>();
        for (SourceFile sf : sourcesContaining(needle, worthParsing, Integer.MAX_VALUE)) {
            try {
                GoFile g = file(sf.path());
                if (g != null) {
                    out.add(g);
                }
            } catch (UnreadableFileException e) {
                // skipped by the engine as well
            }
        }
        return out;
    }

    /** At most {@code max} non-test Go files, in path order, holding {@code needle} and kept by {@code keep}. */
    private List<SourceFile> sourcesContaining(String needle, java.util.function.Predicate<SourceFile> keep, int max) {
        List<SourceFile> out = new ArrayList<>();
        for (List<SourceFile> sfs : byDir().values()) {
            for (SourceFile sf : sfs) {
                try {
                    if (!sf.path().endsWith("_test.go") && sf.contains(needle) && keep.test(sf)) {
                        out.add(sf);
                        if (out.size() >= max) {
                            return out;
                        }
                    }
                } catch (UnreadableFileException e) {
                    // skipped by the engine as well
                }
            }
        }
        return out;
    }

    /** Every directory holding Go files, with its file paths (tests included). */
    public Map<String, List<String>> directories() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<SourceFile>> e : byDir().entrySet()) {
            out.put(e.getKey(), e.getValue().stream().map(SourceFile::path).toList());
        }
        return out;
    }
}
