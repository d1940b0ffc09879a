package io.wsmemory.detectors.monitoring.health;

import io.wsmemory.detectors.monitoring.WordList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which HTTP paths are health checks, by their last segment (the word list is data: health-words.txt):
 * {@code /health}, {@code /api/healthz}, {@code /_ready}, {@code /health-check}; one component's check under a
 * health segment ({@code /health/db}, {@code /health-check/ws}); {@code /ping} and {@code /status} only alone,
 * under a version or API prefix, or under a health segment. {@code /} is never one.
 */
final class HealthPaths {

    private static final WordList WORDS = WordList.load(HealthPaths.class, "health-words.txt");
    private static final Set<String> NEUTRAL_PREFIXES = Set.of("api", "internal", "_internal", "admin", "sys",
            "system", "management", "manage", "ops", "monitoring", "monitor", "meta", "_", "-");

    private HealthPaths() {
    }

    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile(
            "([\"'`])([^\"'`\\n\\\\]{1,200})\\1");

    /**
     * True when the text holds a string literal that is a health path ({@code "/health"}; without a leading slash
     * too when {@code slashOptional}): a cheap test before a file's syntax is read.
     */
    static boolean mentioned(String text, boolean slashOptional) {
        java.util.regex.Matcher m = LITERAL.matcher(text);
        while (m.find()) {
            String lit = m.group(2);
            if (!slashOptional && !lit.startsWith("/")) {
                continue;
            }
            String p = lit.startsWith("^") ? lit.replaceAll("^\\^|\\$$|/\\?$", "") : lit;
            if (isHealth(normalise(p))) {
                return true;
            }
        }
        return false;
    }

    /** The path tidied: a leading {@code /}, no query, no trailing {@code /} (Django's {@code health/} too). */
    static String normalise(String path) {
        if (path == null) {
            return null;
        }
        String p = path.strip();
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        int sp = p.indexOf(' ');
        if (sp > 0 && p.substring(0, sp).matches("[A-Z]+")) { // Go 1.22 "GET /health"
            p = p.substring(sp + 1).strip();
        }
        if (p.isEmpty() || p.contains("://") || p.contains(" ")) {
            return null;
        }
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        p = p.replaceAll("/{2,}", "/");
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** True when the (normalised) path is a health check. */
    static boolean isHealth(String path) {
        if (path == null || path.equals("/")) {
            return false;
        }
        List<String> segs = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segs.add(s.toLowerCase(Locale.ROOT));
            }
        }
        if (segs.isEmpty()) {
            return false;
        }
        String last = word(segs.get(segs.size() - 1));
        if (last == null) {
            return false;
        }
        if (WORDS.matches("any", last)) {
            return true;
        }
        if (segs.size() >= 2) { // a health check of one component: /health/db, /health-check/ws
            String parent = word(segs.get(segs.size() - 2));
            if (parent != null && WORDS.matches("component", parent) && word(segs.get(segs.size() - 1)) != null) {
                return true;
            }
        }
        if (WORDS.matches("alone", last)) {
            for (int i = 0; i < segs.size() - 1; i++) {
                String s = segs.get(i);
                String w = word(s);
                boolean neutral = NEUTRAL_PREFIXES.contains(s) || s.matches("v\\d+(\\.\\d+)?")
                        || w != null && WORDS.matches("any", w);
                if (!neutral) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Liveness, readiness, or a plain HTTP health check, by the last segment. */
    static String role(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (last.startsWith("live") || last.equals("alive") || last.startsWith("_live")) {
            return "liveness";
        }
        if (last.startsWith("ready") || last.startsWith("readi") || last.startsWith("_ready")) {
            return "readiness";
        }
        return "http";
    }

    /** A segment as a word: placeholders and regex pieces are not words; {@code _health} and {@code .well} trimmed. */
    private static String word(String seg) {
        if (seg.startsWith(":") || seg.startsWith("{") || seg.startsWith("<") || seg.startsWith("*")
                || seg.startsWith("(") || seg.startsWith("[")) {
            return null;
        }
        String w = seg.replaceAll("^[_.\\-]+", "").replaceAll("[$^?]+$", "");
        return w.isEmpty() ? null : w;
    }
}
