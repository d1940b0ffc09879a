package io.wsmemory.detectors.infra.nginx;

import java.util.ArrayList;
import java.util.List;

/**
 * nginx's configuration syntax read into a tree of directives: words separated by blanks, {@code ;} ending a
 * simple directive, {@code { ... }} holding a block, {@code #} comments where a word would start, single and double
 * quotes with backslash escapes, and {@code ${var}} inside words. Includes are not followed and Lua blocks are
 * skipped. Unbalanced input keeps whatever was read before it.
 */
final class NginxConfig {

    /** One directive: its name, arguments (quotes removed), line, and block (null for a simple directive). */
    record Directive(String name, List<String> args, int line, List<Directive> block) {
        boolean isBlock() {
            return block != null;
        }

        String arg(int i) {
            return i < args.size() ? args.get(i) : null;
        }

        /** The directive as written, without its block: {@code hash $remote_addr consistent}. */
        String text() {
            return args.isEmpty() ? name : name + " " + String.join(" ", args);
        }
    }

    private record Token(String text, int line, char type) { // type: w word, { } ;
    }

    private static final int MAX_DEPTH = 64;

    private final String src;
    private int pos;
    private int line = 1;

    private NginxConfig(String src) {
        this.src = src;
    }

    static List<Directive> parse(String text) {
        NginxConfig c = new NginxConfig(text);
        List<Directive> top = new ArrayList<>();
        try {
            while (c.body(top, 0)) {
                // a stray closing brace at the top: read on
            }
        } catch (RuntimeException | StackOverflowError e) {
            // keep what was read
        }
        return top;
    }

    /** Reads directives until a closing brace or the end; returns false at the end of input. */
    private boolean body(List<Directive> out, int depth) {
        List<Token> words = new ArrayList<>();
        while (true) {
            Token t = next();
            if (t == null) {
                return false;
            }
            switch (t.type()) {
                case 'w' -> words.add(t);
                case ';' -> {
                    if (!words.isEmpty()) {
                        out.add(directive(words, null));
                    }
                    words = new ArrayList<>();
                }
                case '{' -> {
                    if (words.isEmpty() || depth >= MAX_DEPTH) {
                        return false;
                    }
                    String name = words.get(0).text();
                    List<Directive> inner = new ArrayList<>();
                    if (name.endsWith("_by_lua_block") || name.endsWith("_by_njs_block")) {
                        skipRawBlock();
                    } else {
                        boolean more = body(inner, depth + 1);
                        out.add(directive(words, inner));
                        if (!more) {
                            return false;
                        }
                        words = new ArrayList<>();
                        continue;
                    }
                    out.add(directive(words, inner));
                    words = new ArrayList<>();
                }
                case '}' -> {
                    return true;
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private static Directive directive(List<Token> words, List<Directive> block) {
        List<String> args = new ArrayList<>(words.size() - 1);
        for (int i = 1; i < words.size(); i++) {
            args.add(words.get(i).text());
        }
        return new Directive(words.get(0).text(), List.copyOf(args), words.get(0).line(), block);
    }

    private Token next() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '{' || c == '}' || c == ';') {
                pos++;
                return new Token(String.valueOf(c), line, c);
            } else if (c == '"' || c == '\'') {
                return quoted(c);
            } else {
                return word();
            }
        }
        return null;
    }

    private Token quoted(char q) {
        int startLine = line;
        StringBuilder b = new StringBuilder();
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '\\' && pos < src.length()) {
                char n = src.charAt(pos++);
                if (n == '\n') {
                    line++;
                }
                b.append(n == q || n == '\\' ? String.valueOf(n) : "\\" + n);
            } else if (c == q) {
                return new Token(b.toString(), startLine, 'w');
            } else {
                if (c == '\n') {
                    line++;
                }
                b.append(c);
            }
        }
        return new Token(b.toString(), startLine, 'w');
    }

    private Token word() {
        int startLine = line;
        StringBuilder b = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c) || c == ';' || c == '{' || c == '}') {
                if (c == '{' && b.length() > 0 && b.charAt(b.length() - 1) == '$') { // ${var}
                    int close = src.indexOf('}', pos);
                    if (close > 0 && src.substring(pos, close).indexOf('\n') < 0) {
                        b.append(src, pos, close + 1);
                        pos = close + 1;
                        continue;
                    }
                }
                break;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                b.append(c).append(src.charAt(pos + 1));
                pos += 2;
                continue;
            }
            b.append(c);
            pos++;
        }
        return new Token(b.toString(), startLine, 'w');
    }

    /** Skips a Lua or njs block body: braces counted outside strings and comments. */
    private void skipRawBlock() {
        int depth = 1;
        while (pos < src.length() && depth > 0) {
            char c = src.charAt(pos++);
            switch (c) {
                case '\n' -> line++;
                case '{' -> depth++;
                case '}' -> depth--;
                case '"', '\'' -> {
                    while (pos < src.length() && src.charAt(pos) != c) {
                        if (src.charAt(pos) == '\n') {
                            line++;
                        }
                        pos += src.charAt(pos) == '\\' ? 2 : 1;
                    }
                    pos++;
                }
                case '-' -> {
                    if (pos < src.length() && src.charAt(pos) == '-') { // Lua comment
                        while (pos < src.length() && src.charAt(pos) != '\n') {
                            pos++;
                        }
                    }
                }
                default -> {
                }
            }
        }
    }
}
