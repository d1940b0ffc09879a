package io.wsmemory.detectors.monitoring.debt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the comments of a file, line by line, skipping string literals, by the comment syntax of its language:
 * {@code //} and {@code /* *\/} (C family, JavaScript with template strings, Go with raw strings, Java text
 * blocks), {@code #} (Python with triple-quoted strings, shell, YAML, configuration), {@code <!-- -->} (markup,
 * which also carries script blocks).
 */
final class CommentScanner {

    /** One line of a comment. */
    record Comment(int line, String text) {
    }

    private enum Style { C, HASH, MARKUP, NONE }

    private static final Set<String> C_EXT = Set.of("js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", "go",
            "java", "kt", "kts", "scala", "groovy", "gradle", "c", "h", "cc", "cpp", "hpp", "cs", "rs", "swift",
            "dart", "php", "proto", "css", "scss", "less", "jsonc", "json5");
    private static final Set<String> HASH_EXT = Set.of("py", "pyi", "rb", "sh", "bash", "zsh", "yml", "yaml",
            "toml", "conf", "cfg", "ini", "properties", "env", "tf", "hcl", "r", "pl", "mk", "dockerfile", "nginx",
            "cnf");
    private static final Set<String> MARKUP_EXT = Set.of("html", "htm", "vue", "svelte", "xml", "xhtml", "md");

    private CommentScanner() {
    }

    static List<Comment> comments(String fileName, String text) {
        return switch (style(fileName)) {
            case C -> cLike(text, true);
            case HASH -> hash(text, fileName.toLowerCase(Locale.ROOT).endsWith(".py")
                    || fileName.toLowerCase(Locale.ROOT).endsWith(".pyi"));
            case MARKUP -> markup(text);
            case NONE -> List.of();
        };
    }

    private static Style style(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        if (C_EXT.contains(ext)) {
            return Style.C;
        }
        if (MARKUP_EXT.contains(ext)) {
            return Style.MARKUP;
        }
        if (HASH_EXT.contains(ext) || n.equals("dockerfile") || n.startsWith("dockerfile.") || n.equals("makefile")
                || n.startsWith(".env") || n.equals("procfile") || n.equals("haproxy.cfg")) {
            return Style.HASH;
        }
        return Style.NONE;
    }

    /** C-family comments; quotes {@code "} {@code '} and {@code `} open strings (backticks may span lines). */
    private static List<Comment> cLike(String s, boolean backtickMultiline) {
        List<Comment> out = new ArrayList<>();
        int n = s.length();
        int line = 1;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '"' && s.startsWith("\"\"\"", i)) { // Java text block
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                line += count(s, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                i = skipQuoted(s, i, c);
            } else if (c == '`') {
                int j = i + 1;
                while (j < n && s.charAt(j) != '`') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(n, j + 1);
                line += count(s, i, j);
                i = j;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                int end = s.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.add(new Comment(line, s.substring(i + 2, end)));
                i = end;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end;
                for (String part : s.substring(i + 2, end).split("\n", -1)) {
                    out.add(new Comment(line, part));
                    line++;
                }
                line--;
                i = Math.min(n, end + 2);
            } else {
                i++;
            }
        }
        return out;
    }

    /** A quoted string on one line: ends at the closing quote or the line's end (a stray apostrophe in prose). */
    private static int skipQuoted(String s, int i, char q) {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != q && s.charAt(j) != '\n') {
            j += s.charAt(j) == '\\' ? 2 : 1;
        }
        return j < s.length() && s.charAt(j) == q ? j + 1 : Math.min(j, s.length());
    }

    private static List<Comment> hash(String s, boolean python) {
        List<Comment> out = new ArrayList<>();
        int n = s.length();
        int line = 1;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (python && (s.startsWith("\"\"\"", i) || s.startsWith("'''", i))) {
                String q = s.substring(i, i + 3);
                int end = s.indexOf(q, i + 3);
                end = end < 0 ? n : end + 3;
                line += count(s, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                i = skipQuoted(s, i, c);
            } else if (c == '#') {
                int end = s.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.add(new Comment(line, s.substring(i + 1, end)));
                i = end;
            } else {
                i++;
            }
        }
        return out;
    }

    /** {@code <!-- -->} comments, and the C-family comments of the file's script blocks. */
    private static List<Comment> markup(String s) {
        List<Comment> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = s.length();
        while (i < n) {
            if (s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i + 4);
                end = end < 0 ? n : end;
                for (String part : s.substring(i + 4, end).split("\n", -1)) {
                    out.add(new Comment(line, part));
                    line++;
                }
                line--;
                i = Math.min(n, end + 3);
            } else if (s.regionMatches(true, i, "<script", 0, 7)) {
                int open = s.indexOf('>', i);
                int close = open < 0 ? -1 : indexOfIgnoreCase(s, "</script", open);
                if (open < 0) {
                    break;
                }
                close = close < 0 ? n : close;
                int base = line + count(s, i, open + 1);
                for (Comment c : cLike(s.substring(open + 1, close), true)) {
                    out.add(new Comment(base + c.line() - 1, c.text()));
                }
                line += count(s, i, close);
                i = close;
            } else {
                if (s.charAt(i) == '\n') {
                    line++;
                }
                i++;
            }
        }
        return out;
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        for (int i = from; i + what.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    private static int count(String s, int from, int to) {
        int k = 0;
        for (int i = from; i < to && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                k++;
            }
        }
        return k;
    }
}
