package io.wsmemory.report;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Source;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How values read to a human. Times are in milliseconds and sizes in bytes in every fact (spec/facts.md); here they
 * become {@code 25 s} and {@code 1 MB}. Sizes are written exactly: binary units (KiB, MiB, GiB) when the byte count
 * is a whole multiple of 1024, decimal units (kB, MB, GB) when it is a whole multiple of 1000 (the shorter of the two
 * when both are), else bytes: {@code 1e6} reads {@code 1 MB} and {@code 100 * 1024 * 1024} reads {@code 100 MiB}, as
 * the code wrote them.
 */
final class Format {

    /** Setting and reconnect keys whose value is a time in ms when the fact names no unit. */
    private static final Set<String> TIME_KEYS = Set.of(
            "ping.interval", "ping.timeout", "handshake.timeout", "connect.timeout", "upgrade.timeout",
            "idle.timeout", "heartbeat.outgoing", "heartbeat.incoming", "send.timeLimit", "write.timeout",
            "delay.min", "delay.max");

    /** Setting keys whose value is a size in bytes when the fact names no unit. */
    private static final Set<String> SIZE_KEYS = Set.of(
            "payload.max", "http.maxContent", "buffer.read", "buffer.write", "send.bufferLimit");

    private static final String[] BINARY = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
    private static final String[] DECIMAL = {"bytes", "kB", "MB", "GB", "TB", "PB"};

    private Format() {
    }

    /** One line of Markdown: control characters and line breaks become spaces, runs of spaces one. */
    static String inline(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isISOControl(c)
                    || c == '\u2028' || c == '\u2029';
            if (space) {
                if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
            } else {
                b.append(c);
            }
        }
        return b.toString().strip();
    }

    /** A Markdown code span that survives backticks inside the value. */
    static String code(String s) {
        String v = inline(s);
        if (v.isEmpty()) {
            return "``";
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < v.length(); i++) {
            run = v.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        if (longest == 0) {
            return "`" + v + "`";
        }
        String fence = "`".repeat(longest + 1);
        return fence + " " + v + " " + fence;
    }

    /** Code spans for each item of a comma-separated list, in source order. */
    static String codeList(String csv) {
        List<String> parts = new ArrayList<>();
        for (String p : csv.split(",")) {
            if (!p.isBlank()) {
                parts.add(code(p.strip()));
            }
        }
        return String.join(", ", parts);
    }

    /** The first evidence as {@code `path:line`}, with {@code (+n more)} when the fact has more. */
    static String evidence(Fact f) {
        Evidence e = f.primaryEvidence();
        if (e == null) {
            return "(no evidence recorded)";
        }
        String s = code(e.location());
        int more = f.evidence().size() - 1;
        return more > 0 ? s + " (+" + more + " more)" : s;
    }

    /** The unit a value is in: the fact's own, else what the spec says its key holds. */
    static String unitOf(Fact f) {
        if (f.unit() != null && !f.unit().isBlank()) {
            return f.unit().strip();
        }
        String u = f.attr("unit");
        if (u != null) {
            return u;
        }
        if (TIME_KEYS.contains(f.key())) {
            return "ms";
        }
        if (SIZE_KEYS.contains(f.key())) {
            return "bytes";
        }
        if ("send.queue".equals(f.key())) {
            return "messages";
        }
        return null;
    }

    /** A value with its unit, for a human: {@code 25 s}, {@code 1 MB}, {@code enabled}, {@code `/ws`}. */
    static String value(String raw, String unit) {
        String v = inline(raw);
        if (v.isEmpty()) {
            return "(empty)";
        }
        if ("true".equals(v)) {
            return "enabled";
        }
        if ("false".equals(v)) {
            return "disabled";
        }
        if (unit == null) {
            return v.startsWith("/") || v.contains(" ") ? code(v) : v;
        }
        switch (unit.toLowerCase(Locale.ROOT)) {
            case "ms":
                return duration(v);
            case "bytes":
            case "byte":
            case "b":
                return size(v);
            default:
                return v + " " + inline(unit);
        }
    }

    /** Milliseconds for a human: {@code 500 ms}, {@code 1.5 s}, {@code 25 s}, {@code 5 min}, {@code 1 h}. */
    static String duration(String ms) {
        BigDecimal d = number(ms);
        if (d == null || d.signum() < 0 || d.stripTrailingZeros().scale() > 0) {
            return inline(ms) + " ms";
        }
        long v = d.longValueExact();
        if (v < 1000) {
            return v + " ms";
        }
        if (v % 1000 != 0) {
            return BigDecimal.valueOf(v, 3).stripTrailingZeros().toPlainString() + " s";
        }
        long s = v / 1000;
        if (s >= 3600 && s % 3600 == 0) {
            return s / 3600 + " h";
        }
        if (s >= 120 && s % 60 == 0) {
            return s / 60 + " min";
        }
        return s + " s";
    }

    /** Bytes for a human, exactly (see the class comment): {@code 1 MB}, {@code 100 MiB}, {@code 1500 bytes}. */
    static String size(String bytes) {
        BigDecimal d = number(bytes);
        if (d == null || d.signum() < 0 || d.stripTrailingZeros().scale() > 0) {
            return inline(bytes) + " bytes";
        }
        long v = d.longValueExact();
        if (v == 1) {
            return "1 byte";
        }
        if (v == 0) {
            return "0 bytes";
        }
        String binary = scaled(v, 1024, BINARY);
        String decimal = scaled(v, 1000, DECIMAL);
        int lb = binary.indexOf(' ');
        int ld = decimal.indexOf(' ');
        return ld < lb ? decimal : binary;
    }

    private static String scaled(long v, long base, String[] units) {
        int i = 0;
        while (i + 1 < units.length && v % base == 0) {
            v /= base;
            i++;
        }
        return v + " " + units[i];
    }

    private static BigDecimal number(String s) {
        try {
            BigDecimal d = new BigDecimal(s.strip());
            return d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? null : d;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    /**
     * A fact's value as a line states it, with where it came from: {@code 25 s (library default, socket.io)},
     * {@code from env `PING_MS`, fallback 25 s}, {@code 3 (inferred)}.
     */
    static String sourced(Fact f) {
        String unit = unitOf(f);
        String v;
        if (f.source() == Source.ENV) {
            String var = f.attr("variable");
            String from = var == null ? "from an environment variable" : "from env " + code(var);
            v = f.value().isBlank() ? from + ", no fallback" : from + ", fallback " + value(f.value(), unit);
        } else {
            v = value(f.value(), unit);
        }
        return v + notes(f, false);
    }

    /**
     * {@code  (library default, socket.io)}, {@code  (inferred, low confidence)}, {@code  (from env `X`)}: where a
     * fact came from when it is not plainly written in the code; nothing for an explicit fact.
     */
    static String notes(Fact f, boolean withEnv) {
        List<String> n = new ArrayList<>();
        if (f.source() == Source.DEFAULT) {
            n.add(f.library() == null ? "library default" : "library default, " + inline(f.library()));
        } else if (f.source() == Source.INFERRED) {
            n.add("inferred");
        } else if (f.source() == Source.ENV && withEnv) {
            n.add(f.attr("variable") == null ? "from an environment variable" : "from env " + code(f.attr("variable")));
        }
        if (f.confidence() == Confidence.LOW) {
            n.add("low confidence");
        }
        return n.isEmpty() ? "" : " (" + String.join(", ", n) + ")";
    }

    /** {@code chat} → {@code Chat}: the first letter upper case, the rest as written. */
    static String capitalize(String s) {
        String v = inline(s);
        if (v.isEmpty()) {
            return v;
        }
        int first = v.codePointAt(0);
        return new String(Character.toChars(Character.toUpperCase(first))) + v.substring(Character.charCount(first));
    }

    /** A label for a Mermaid node: only characters Mermaid never reads as syntax. */
    static String mermaid(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : inline(s).toCharArray()) {
            boolean ok = Character.isLetterOrDigit(c) || " .,:/_+-@*".indexOf(c) >= 0;
            b.append(ok ? c : ' ');
        }
        return inline(b.toString());
    }
}
