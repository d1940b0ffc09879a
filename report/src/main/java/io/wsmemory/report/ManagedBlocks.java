package io.wsmemory.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The managed blocks of a memory file (design.md). Each generated section sits between
 * {@code <!-- wsmemory:begin <id> sha256=<hex> -->} and {@code <!-- wsmemory:end <id> -->}, each marker on a line of
 * its own; the hash is of the body (the lines between the markers) as generated, read with {@code \n} line ends so
 * that a checkout that turned them into {@code \r\n} does not look like a hand edit.
 *
 * <p>A rescan ({@link #merge}) keeps every byte outside the blocks; replaces a block whose body still matches its
 * hash; keeps, and reports, one that does not (edited by hand) unless forced; inserts a block the file lacks after
 * the block before it in template order; drops a block no longer generated only if it is unedited. Markers that do
 * not pair up are left alone as text and reported.
 */
final class ManagedBlocks {

    static final String PREFIX = "wsmemory:";
    private static final Pattern BEGIN = Pattern.compile(
            "<!-- wsmemory:begin ([A-Za-z0-9._-]+)(?: sha256=([0-9a-fA-F]*))? -->");
    private static final Pattern END = Pattern.compile("<!-- wsmemory:end ([A-Za-z0-9._-]+) -->");

    private ManagedBlocks() {
    }

    /** A piece of a memory file: human text, or a managed block. */
    sealed interface Segment permits Text, Block {
        String raw();
    }

    /** Text outside the blocks, byte for byte. */
    record Text(String raw) implements Segment {
    }

    /** A block as found: its marker lines and body as written, and the hash its begin marker records. */
    record Block(String id, String recordedHash, String beginLine, String body, String endLine) implements Segment {
        @Override
        public String raw() {
            return beginLine + body + endLine;
        }

        /** Edited by hand: the body no longer matches the hash recorded when it was generated. */
        boolean edited() {
            return recordedHash == null || !recordedHash.equalsIgnoreCase(sha256(body));
        }
    }

    /** A file split into segments, with what could not be paired up. */
    record Parsed(List<Segment> segments, List<String> problems) {
        List<Block> blocks() {
            List<Block> out = new ArrayList<>();
            for (Segment s : segments) {
                if (s instanceof Block b) {
                    out.add(b);
                }
            }
            return out;
        }
    }

    /** Why a block was not rewritten. */
    enum KeptReason {
        EDITED("edited by hand"),
        EDITED_NO_LONGER_GENERATED("edited by hand and no longer generated");

        final String text;

        KeptReason(String text) {
            this.text = text;
        }
    }

    record Kept(String id, KeptReason reason) {
    }

    /** The merged text, the blocks left as the human wrote them, the blocks dropped, and marker problems. */
    record Merge(String text, List<Kept> kept, List<String> removed, List<String> inserted, List<String> problems) {
    }

    /** SHA-256 of a body, hex, read with {@code \n} line ends. */
    static String sha256(String body) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] h = md.digest(body.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    static String beginMarker(String id, String hash) {
        return "<!-- " + PREFIX + "begin " + id + " sha256=" + hash + " -->";
    }

    static String endMarker(String id) {
        return "<!-- " + PREFIX + "end " + id + " -->";
    }

    /** A block as generated: its markers (the begin one with the body's hash) around the body. */
    static Block block(String id, String body) {
        return new Block(id, sha256(body), beginMarker(id, sha256(body)) + "\n", body, endMarker(id) + "\n");
    }

    /**
     * Fills in the hashes of freshly rendered text, whose begin markers carry none or a stale one. The template is
     * ours, so a marker that does not pair up is a bug, not a user's edit.
     */
    static String seal(String rendered) {
        Parsed p = parse(rendered);
        if (!p.problems().isEmpty()) {
            throw new IllegalStateException("template markers do not pair up: " + p.problems());
        }
        StringBuilder out = new StringBuilder(rendered.length() + 1024);
        for (Segment s : p.segments()) {
            out.append(s instanceof Block b ? block(b.id(), b.body()).raw() : s.raw());
        }
        return out.toString();
    }

    /** Splits a file into text and blocks. Never fails: what does not pair up stays text and is reported. */
    static Parsed parse(String text) {
        List<Segment> segments = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        StringBuilder pending = new StringBuilder();
        String openId = null;
        String openHash = null;
        String openBegin = null;
        int openLine = 0;
        StringBuilder body = new StringBuilder();
        int lineNo = 0;
        int pos = 0;
        if (text.startsWith("\uFEFF")) { // a byte order mark some editors add: the human's, kept as it is
            segments.add(new Text("\uFEFF"));
            pos = 1;
        }
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int next = nl < 0 ? text.length() : nl + 1;
            String line = text.substring(pos, next);
            pos = next;
            lineNo++;
            String content = line.strip();
            Matcher begin = BEGIN.matcher(content);
            Matcher end = END.matcher(content);
            boolean isBegin = begin.matches();
            boolean isEnd = end.matches();
            if (openId == null) {
                if (isBegin) {
                    openId = begin.group(1);
                    openHash = begin.group(2) == null || begin.group(2).length() != 64 ? null : begin.group(2);
                    openBegin = line;
                    openLine = lineNo;
                    body.setLength(0);
                } else {
                    if (isEnd) {
                        problems.add("line " + lineNo + ": end of block " + end.group(1) + " without a begin");
                    }
                    pending.append(line);
                }
                continue;
            }
            if (isEnd && end.group(1).equals(openId)) {
                if (seen.add(openId)) {
                    if (pending.length() > 0) {
                        segments.add(new Text(pending.toString()));
                        pending.setLength(0);
                    }
                    segments.add(new Block(openId, openHash, openBegin, body.toString(), line));
                } else {
                    problems.add("line " + openLine + ": block " + openId + " appears twice; the second one is left"
                            + " as text");
                    pending.append(openBegin).append(body).append(line);
                }
                openId = null;
            } else if (isBegin || isEnd) {
                problems.add("line " + openLine + ": block " + openId + " is not closed before line " + lineNo
                        + "; left as text");
                pending.append(openBegin).append(body);
                openId = null;
                pos -= line.length(); // read this line again, outside any block
                lineNo--;
            } else {
                body.append(line);
            }
        }
        if (openId != null) {
            problems.add("line " + openLine + ": block " + openId + " is not closed; left as text");
            pending.append(openBegin).append(body);
        }
        if (pending.length() > 0) {
            segments.add(new Text(pending.toString()));
        }
        return new Parsed(List.copyOf(segments), List.copyOf(problems));
    }

    /**
     * A rescan: the existing file with its blocks brought up to date from the fresh rendering (see the class
     * comment). {@code force} rewrites edited blocks and drops edited blocks no longer generated; text outside the
     * blocks is kept either way.
     */
    static Merge merge(String existing, String fresh, boolean force) {
        Parsed old = parse(existing);
        List<Block> template = parse(fresh).blocks();
        Map<String, Block> generated = new LinkedHashMap<>();
        Map<String, Integer> order = new HashMap<>();
        for (Block b : template) {
            order.put(b.id(), order.size());
            generated.put(b.id(), b);
        }
        Set<String> present = new HashSet<>();
        for (Block b : old.blocks()) {
            if (generated.containsKey(b.id())) {
                present.add(b.id());
            }
        }
        // Where each missing block goes: after the nearest earlier block present, else before the nearest later.
        Map<String, List<Block>> after = new HashMap<>();
        Map<String, List<Block>> before = new HashMap<>();
        List<Block> atEnd = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        for (int i = 0; i < template.size(); i++) {
            Block b = template.get(i);
            if (present.contains(b.id())) {
                continue;
            }
            inserted.add(b.id());
            String anchor = null;
            for (int j = i - 1; j >= 0 && anchor == null; j--) {
                anchor = present.contains(template.get(j).id()) ? template.get(j).id() : null;
            }
            if (anchor != null) {
                after.computeIfAbsent(anchor, k -> new ArrayList<>()).add(b);
                continue;
            }
            for (int j = i + 1; j < template.size() && anchor == null; j++) {
                anchor = present.contains(template.get(j).id()) ? template.get(j).id() : null;
            }
            if (anchor != null) {
                before.computeIfAbsent(anchor, k -> new ArrayList<>()).add(b);
            } else {
                atEnd.add(b);
            }
        }

        StringBuilder out = new StringBuilder(existing.length() + fresh.length());
        List<Kept> kept = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Segment s : old.segments()) {
            if (!(s instanceof Block b)) {
                out.append(s.raw());
                continue;
            }
            Block now = generated.get(b.id());
            if (now == null) {
                if (b.edited() && !force) {
                    kept.add(new Kept(b.id(), KeptReason.EDITED_NO_LONGER_GENERATED));
                    out.append(b.raw());
                } else {
                    removed.add(b.id());
                }
                continue;
            }
            for (Block ins : before.getOrDefault(b.id(), List.of())) {
                out.append(ins.raw()).append('\n');
            }
            boolean sameAsGenerated = b.body().replace("\r\n", "\n").equals(now.body());
            if (b.edited() && !force && !sameAsGenerated) {
                kept.add(new Kept(b.id(), KeptReason.EDITED));
                out.append(b.raw());
            } else {
                out.append(now.raw());
            }
            for (Block ins : after.getOrDefault(b.id(), List.of())) {
                endLine(out);
                out.append('\n').append(ins.raw());
            }
        }
        for (Block ins : atEnd) {
            endLine(out);
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(ins.raw());
        }
        return new Merge(out.toString(), List.copyOf(kept), List.copyOf(removed), List.copyOf(inserted),
                old.problems());
    }

    private static void endLine(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
