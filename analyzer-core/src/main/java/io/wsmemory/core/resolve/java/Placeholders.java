package io.wsmemory.core.resolve.java;

import java.util.ArrayList;
import java.util.List;

/** Spring's {@code ${key:default}} placeholders in a string, nesting allowed ({@code ${a:${b:3}}}). */
final class Placeholders {

    /** A piece of a string: literal text, or a placeholder with its key and default (null when none). */
    record Part(String literal, String key, String defaultValue) {
        boolean isPlaceholder() {
            return key != null;
        }
    }

    private Placeholders() {
    }

    static boolean has(String s) {
        return s != null && s.contains("${");
    }

    /** The parts of {@code s}; a malformed placeholder is kept as literal text. */
    static List<Part> parse(String s) {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("${", i)) {
                int end = matching(s, i + 2);
                if (end < 0) {
                    lit.append(s.substring(i));
                    break;
                }
                if (lit.length() > 0) {
                    parts.add(new Part(lit.toString(), null, null));
                    lit.setLength(0);
                }
                String body = s.substring(i + 2, end);
                int colon = topLevelColon(body);
                String key = (colon < 0 ? body : body.substring(0, colon)).trim();
                String def = colon < 0 ? null : body.substring(colon + 1);
                parts.add(new Part(null, key, def));
                i = end + 1;
            } else {
                lit.append(s.charAt(i));
                i++;
            }
        }
        if (lit.length() > 0) {
            parts.add(new Part(lit.toString(), null, null));
        }
        return parts;
    }

    private static int matching(String s, int from) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            if (s.startsWith("${", i)) {
                depth++;
                i++;
            } else if (s.charAt(i) == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int topLevelColon(String body) {
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            if (body.startsWith("${", i)) {
                depth++;
                i++;
            } else if (body.charAt(i) == '}') {
                depth--;
            } else if (body.charAt(i) == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
