package io.wsmemory.detectors.manifest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Gradle build script (Groovy or Kotlin DSL) prepared for pattern matching: comments blanked out, offsets and
 * lines unchanged, and the spans of blocks such as {@code constraints { }} known.
 */
final class GradleText {

    final String code;
    private final String skeleton;
    private final int[] lineStarts;

    GradleText(String text) {
        StringBuilder code = new StringBuilder(text.length());
        StringBuilder skeleton = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    code.append(' ');
                    skeleton.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    char b = text.charAt(i) == '\n' ? '\n' : ' ';
                    code.append(b);
                    skeleton.append(b);
                }
            } else if (c == '"' || c == '\'') {
                String quote = text.startsWith(String.valueOf(c).repeat(3), i) ? String.valueOf(c).repeat(3)
                        : String.valueOf(c);
                int end = i + quote.length();
                while (end < n && !text.startsWith(quote, end) && (quote.length() == 3 || text.charAt(end) != '\n')) {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + (end < n && text.startsWith(quote, end) ? quote.length() : 0));
                for (int k = i; k < end; k++) {
                    char b = text.charAt(k);
                    code.append(b);
                    boolean delimiter = k < i + quote.length() || k >= end - quote.length();
                    skeleton.append(b == '\n' ? '\n' : delimiter ? b : ' ');
                }
                i = end;
            } else {
                code.append(c);
                skeleton.append(c);
                i++;
            }
        }
        this.code = code.toString();
        this.skeleton = skeleton.toString();
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int k = 0; k < n; k++) {
            if (text.charAt(k) == '\n') {
                starts.add(k + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** 1-based line of an offset. */
    int lineAt(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The spans {@code [start, end)} of every block {@code name { ... }}, braces counted outside strings. */
    List<int[]> blocks(String name) {
        List<int[]> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + name + "\\s*\\{").matcher(skeleton);
        while (m.find()) {
            int depth = 0;
            int k = m.end() - 1;
            for (; k < skeleton.length(); k++) {
                char c = skeleton.charAt(k);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    break;
                }
            }
            out.add(new int[] {m.start(), Math.min(k + 1, skeleton.length())});
        }
        return out;
    }

    static boolean inside(List<int[]> spans, int offset) {
        for (int[] s : spans) {
            if (offset >= s[0] && offset < s[1]) {
                return true;
            }
        }
        return false;
    }
}
