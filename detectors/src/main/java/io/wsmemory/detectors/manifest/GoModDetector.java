package io.wsmemory.detectors.manifest;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code go.mod}: {@code require} lines and blocks (dependencies marked {@code // indirect} are not the module's
 * own), with {@code replace} directives applied: the version reported is the replacement's.
 */
public final class GoModDetector extends ManifestDetector {

    private record Require(String path, String version, int line) {
    }

    private record Replace(String path, String version, String newPath, String newVersion) {
    }

    public GoModDetector() {
        super("manifest-go", "WebSocket libraries required in go.mod, replace directives applied");
    }

    @Override
    boolean acceptsName(String fileName, String path) {
        return fileName.equals("go.mod");
    }

    @Override
    void read(SourceFile manifest, DetectionContext context, List<Fact> out) {
        List<Require> requires = new ArrayList<>();
        List<Replace> replaces = new ArrayList<>();
        String block = null;
        int n = manifest.lineCount();
        for (int i = 1; i <= n; i++) {
            String raw = manifest.line(i);
            int comment = raw.indexOf("//");
            String code = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
            boolean indirect = comment >= 0 && raw.substring(comment + 2).strip().startsWith("indirect");
            if (code.isEmpty()) {
                continue;
            }
            List<String> words = words(code);
            if (block != null) {
                if (code.equals(")")) {
                    block = null;
                    continue;
                }
                take(block, words, i, indirect, requires, replaces);
                continue;
            }
            String verb = words.get(0);
            if (words.size() == 2 && words.get(1).equals("(")) {
                block = verb;
            } else if (words.size() > 1) {
                take(verb, words.subList(1, words.size()), i, indirect, requires, replaces);
            }
        }
        for (Require r : requires) {
            Optional<LibraryCatalog.Entry> entry = catalog.lookup(LibraryCatalog.Ecosystem.GO, r.path());
            if (entry.isEmpty()) {
                continue;
            }
            Replace rep = null;
            for (Replace x : replaces) { // a versioned replace beats a path-wide one
                if (x.path().equals(r.path()) && (x.version() == null || x.version().equals(r.version()))
                        && (rep == null || rep.version() == null)) {
                    rep = x;
                }
            }
            LibraryFact f = new LibraryFact(entry.get(), manifest, r.line());
            if (rep == null) {
                f.value(r.version());
            } else {
                f.value(rep.newVersion()).declared(r.version())
                        .attr("replace", rep.newPath() + (rep.newVersion() == null ? "" : " " + rep.newVersion()));
            }
            out.add(f.build("go"));
        }
    }

    private static void take(String verb, List<String> w, int line, boolean indirect, List<Require> requires,
                             List<Replace> replaces) {
        if (verb.equals("require") && w.size() >= 2 && !indirect) {
            requires.add(new Require(w.get(0), w.get(1), line));
        } else if (verb.equals("replace")) {
            int arrow = w.indexOf("=>");
            if (arrow == 1 || arrow == 2) {
                String version = arrow == 2 ? w.get(1) : null;
                List<String> right = w.subList(arrow + 1, w.size());
                if (!right.isEmpty()) {
                    replaces.add(new Replace(w.get(0), version, right.get(0), right.size() > 1 ? right.get(1) : null));
                }
            }
        }
    }

    /** Splits a directive into words; module paths may be quoted. */
    private static List<String> words(String code) {
        List<String> out = new ArrayList<>();
        for (String w : code.split("\\s+")) {
            if (w.length() >= 2 && (w.startsWith("\"") && w.endsWith("\"") || w.startsWith("`") && w.endsWith("`"))) {
                w = w.substring(1, w.length() - 1);
            }
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
