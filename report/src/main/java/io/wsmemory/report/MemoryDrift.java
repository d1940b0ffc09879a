package io.wsmemory.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares memory files as written with the files the facts render, block by block: the Markdown half of the drift
 * check, and the comparison the golden tests use. Text outside the blocks is the humans' and is not compared, unless
 * {@code exact} (golden files have no human text, so every byte counts there).
 */
public final class MemoryDrift {

    private MemoryDrift() {
    }

    /** What is wrong with a memory file. */
    public enum Kind {
        /** The file is not there. */
        FILE_MISSING("is missing"),
        /** The file cannot be read as a memory file (not UTF-8, a link, not a regular file). */
        FILE_UNREADABLE("cannot be read"),
        /** A managed block the facts render is not in the file. */
        BLOCK_MISSING("is missing"),
        /** The block's body no longer matches the hash it was generated with: edited by hand. */
        EDITED("was edited by hand"),
        /** The block matches its hash but not what the facts render: another wsmemory version, or a hand-made hash. */
        STALE("does not match what the facts render"),
        /** A block the facts no longer render. */
        NOT_GENERATED("is no longer generated"),
        /** Markers that do not pair up. */
        MARKERS("has markers that do not pair up"),
        /** Text outside the blocks differs (exact comparison only). */
        TEXT("differs outside the blocks");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One problem: the file, the block (null for the whole file), the 1-based line where it starts (0 when the file
     * is missing or the block is not in it), and a line diff from what the facts render to what is there (may be
     * empty).
     */
    public record Problem(String file, String block, Kind kind, int line, String detail) {

        /** {@code message_schemas.md:18 block messages.events (Event Types) was edited by hand}. */
        public String describe() {
            String where = file + (line > 0 ? ":" + line : "");
            if (block == null) {
                return where + " " + kind.words() + (detail.isEmpty() || kind != Kind.MARKERS ? "" : ": " + detail);
            }
            Places.Place p = Places.block(file, block);
            String title = p.title().equals(block) ? "" : " (" + p.title() + ")";
            return where + " block " + block + title + " " + kind.words();
        }
    }

    /**
     * The problems of the files {@code actual} (file name to text; a missing name or a null text is a missing file)
     * against {@code expected}, in file and line order.
     */
    public static List<Problem> compare(Map<String, String> actual, RenderedMemory expected, boolean exact) {
        List<Problem> out = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.files().entrySet()) {
            String file = e.getKey();
            String text = actual.get(file);
            if (text == null) {
                out.add(new Problem(file, null, Kind.FILE_MISSING, 0, ""));
                continue;
            }
            out.addAll(compareFile(file, text, e.getValue(), exact));
        }
        return List.copyOf(out);
    }

    /** A problem for a file that exists but cannot be compared; {@code why} says what is wrong. */
    public static Problem unreadable(String file, String why) {
        return new Problem(file, null, Kind.FILE_UNREADABLE, 0, why);
    }

    static List<Problem> compareFile(String file, String text, String rendered, boolean exact) {
        List<Problem> out = new ArrayList<>();
        ManagedBlocks.Parsed actual = ManagedBlocks.parse(text);
        for (String p : actual.problems()) {
            out.add(new Problem(file, null, Kind.MARKERS, lineOf(p), p));
        }
        Map<String, ManagedBlocks.Block> wanted = new LinkedHashMap<>();
        for (ManagedBlocks.Block b : ManagedBlocks.parse(rendered).blocks()) {
            wanted.put(b.id(), b);
        }
        Map<String, Integer> lines = new LinkedHashMap<>();
        Map<String, ManagedBlocks.Block> found = new LinkedHashMap<>();
        int line = 1;
        for (ManagedBlocks.Segment s : actual.segments()) {
            if (s instanceof ManagedBlocks.Block b) {
                lines.put(b.id(), line);
                found.put(b.id(), b);
            }
            line += count(s.raw());
        }
        for (ManagedBlocks.Block w : wanted.values()) {
            ManagedBlocks.Block b = found.get(w.id());
            if (b == null) {
                out.add(new Problem(file, w.id(), Kind.BLOCK_MISSING, 0, ""));
                continue;
            }
            String body = b.body().replace("\r\n", "\n");
            if (body.equals(w.body())) {
                continue;
            }
            Kind kind = b.edited() ? Kind.EDITED : Kind.STALE;
            out.add(new Problem(file, w.id(), kind, lines.get(w.id()), LineDiff.diff(w.body(), body)));
        }
        for (ManagedBlocks.Block b : found.values()) {
            if (!wanted.containsKey(b.id())) {
                out.add(new Problem(file, b.id(), Kind.NOT_GENERATED, lines.get(b.id()), ""));
            }
        }
        if (exact && out.isEmpty() && !text.equals(rendered)) {
            out.add(new Problem(file, null, Kind.TEXT, 0, LineDiff.diff(rendered, text)));
        }
        out.sort(java.util.Comparator.comparingInt(Problem::line));
        return out;
    }

    private static int count(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static int lineOf(String problem) {
        if (problem.startsWith("line ")) {
            int end = problem.indexOf(':');
            try {
                return Integer.parseInt(problem.substring(5, end));
            } catch (RuntimeException e) {
                return 0;
            }
        }
        return 0;
    }
}
