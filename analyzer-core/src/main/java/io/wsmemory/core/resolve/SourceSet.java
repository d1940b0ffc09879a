package io.wsmemory.core.resolve;

import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.SourceFile;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files of the scan by repository path. Resolution uses it to open a file that a candidate imports; such a file
 * is parsed once and kept for the rest of the scan.
 */
public final class SourceSet {

    private final Map<String, SourceFile> byPath = new LinkedHashMap<>();
    private final Map<String, ParsedFile> parsed = new ConcurrentHashMap<>();
    private final long budgetMillis;

    public SourceSet(List<SourceFile> files, long budgetMillis) {
        for (SourceFile f : files) {
            byPath.put(f.path(), f);
        }
        this.budgetMillis = budgetMillis;
    }

    /**
     * A file of the scan by path, for resolution to open. A file that cannot be read (binary, over the size cap,
     * gone) is as good as absent here: the file that imports it is read on, its value unknown, and the bad file is
     * reported under its own path when the engine reaches it. (Before, the import's failure was the importer's: a
     * server whose config.js was binary was skipped as 'binary content'.)
     */
    public Optional<SourceFile> file(String path) {
        SourceFile f = byPath.get(path);
        return f != null && f.isReadable() ? Optional.of(f) : Optional.empty();
    }

    public Collection<SourceFile> all() {
        return byPath.values();
    }

    /** The parsed form of a file, shared between everything that asks for it during the scan. */
    public ParsedFile parsed(SourceFile file) {
        return parsed.computeIfAbsent(file.path(), p -> new ParsedFile(file, budgetMillis));
    }

    /** Forgets a parsed file once the engine has finished with it, so its tree can be collected. */
    public void release(String path) {
        parsed.remove(path);
    }

    /** Resolves {@code a/b/../c} against the repository root; null when the path would leave it. */
    public static String normalise(String path) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(seg);
            }
        }
        return String.join("/", parts);
    }
}
