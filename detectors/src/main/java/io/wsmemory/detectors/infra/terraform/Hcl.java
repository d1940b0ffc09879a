package io.wsmemory.detectors.infra.terraform;

import java.util.ArrayList;
import java.util.List;

/**
 * A small reader for HCL 2 (Terraform) structure: blocks with labels, attributes with their expressions, line
 * numbers. There is no maintained, light HCL parser for Java, so this one reads only what facts need: it lexes
 * strings (escapes, {@code ${...}} and {@code %{...}} templates with nested strings), heredocs, numbers, comments
 * ({@code #}, {@code //}, {@code /* *\/}) and brackets, and keeps each attribute's expression as text plus its
 * literal value when it is a plain string, number or boolean. It never evaluates expressions; input it does not
 * understand ends the block it is in, never the scan.
 */
final class Hcl {

    /** An attribute: {@code name = expression}; {@code literal} is null unless the expression is a plain literal. */
    record Attribute(String name, int line, String expression, String literal) {
    }

    /** A block: {@code type "label" "label" { ... }}. */
    record Block(String type, List<String> labels, int line, List<Attribute> attributes, List<Block> blocks) {

        Attribute attribute(String name) {
            for (Attribute a : attributes) {
                if (a.name().equals(name)) {
                    return a;
                }
            }
            return null;
        }

        Block block(String type) {
            for (Block b : blocks) {
                if (b.type().equals(type)) {
                    return b;
                }
            }
            return null;
        }

        String label(int i) {
            return i < labels.size() ? labels.get(i) : null;
        }
    }

    private enum T { IDENT, STRING, NUMBER, HEREDOC, PUNCT, NEWLINE }

    private record Token(T type, String text, int line, boolean template) {
    }

    private static final int MAX_DEPTH = 48;

    private final List<Token> tokens;
    private int at;

    private Hcl(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The top-level body of a file, as a block of type "" without labels. */
    static Block parse(String text) {
        List<Token> tokens = new ArrayList<>();
        try {
            lex(text, tokens);
        } catch (RuntimeException e) {
            // parse what was lexed
        }
        Hcl h = new Hcl(tokens);
        List<Attribute> attrs = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        try {
            h.body(attrs, blocks, 0);
        } catch (RuntimeException | StackOverflowError e) {
            // keep what was read
        }
        return new Block("", List.of(), 1, attrs, blocks);
    }

    private Token peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private boolean isPunct(Token t, String p) {
        return t != null && t.type() == T.PUNCT && t.text().equals(p);
    }

    /** Reads attributes and blocks until a closing brace (not consumed) or the end. */
    private void body(List<Attribute> attrs, List<Block> blocks, int depth) {
        while (true) {
            Token t = peek();
            if (t == null || isPunct(t, "}")) {
                return;
            }
            if (t.type() == T.NEWLINE) {
                at++;
                continue;
            }
            if (t.type() != T.IDENT) {
                skipLine();
                continue;
            }
            at++;
            Token n = peek();
            if (isPunct(n, "=")) {
                at++;
                attrs.add(expression(t));
                continue;
            }
            List<String> labels = new ArrayList<>();
            while (n != null && (n.type() == T.STRING || n.type() == T.IDENT)) {
                labels.add(n.text());
                at++;
                n = peek();
            }
            if (isPunct(n, "{") && depth < MAX_DEPTH) {
                at++;
                List<Attribute> innerAttrs = new ArrayList<>();
                List<Block> innerBlocks = new ArrayList<>();
                body(innerAttrs, innerBlocks, depth + 1);
                if (isPunct(peek(), "}")) {
                    at++;
                }
                blocks.add(new Block(t.text(), List.copyOf(labels), t.line(), innerAttrs, innerBlocks));
                continue;
            }
            skipLine();
        }
    }

    private void skipLine() {
        int depth = 0;
        while (peek() != null) {
            Token t = peek();
            if (t.type() == T.NEWLINE && depth <= 0) {
                at++;
                return;
            }
            if (isPunct(t, "}") && depth <= 0) {
                return;
            }
            if (t.type() == T.PUNCT && "([{".contains(t.text())) {
                depth++;
            } else if (t.type() == T.PUNCT && ")]}".contains(t.text())) {
                depth--;
            }
            at++;
        }
    }

    private Attribute expression(Token name) {
        StringBuilder b = new StringBuilder();
        List<Token> parts = new ArrayList<>();
        int depth = 0;
        while (peek() != null) {
            Token t = peek();
            if (depth <= 0 && (t.type() == T.NEWLINE || isPunct(t, "}"))) {
                break;
            }
            if (t.type() == T.NEWLINE) {
                at++;
                continue;
            }
            if (t.type() == T.PUNCT && "([{".contains(t.text())) {
                depth++;
            } else if (t.type() == T.PUNCT && ")]}".contains(t.text())) {
                depth--;
            }
            parts.add(t);
            if (b.length() > 0 && !(t.type() == T.PUNCT && t.text().equals(".")) && !b.toString().endsWith(".")) {
                b.append(' ');
            }
            b.append(t.type() == T.STRING ? "\"" + t.text() + "\"" : t.text());
            at++;
        }
        String literal = null;
        if (parts.size() == 1) {
            Token p = parts.get(0);
            if (p.type() == T.STRING && !p.template() || p.type() == T.NUMBER || p.type() == T.HEREDOC && !p.template()) {
                literal = p.text();
            } else if (p.type() == T.IDENT && (p.text().equals("true") || p.text().equals("false"))) {
                literal = p.text();
            }
        } else if (parts.size() == 2 && isPunct(parts.get(0), "-") && parts.get(1).type() == T.NUMBER) {
            literal = "-" + parts.get(1).text();
        }
        return new Attribute(name.text(), name.line(), b.toString(), literal);
    }

    // --- lexer ------------------------------------------------------------------------------------------------

    private static void lex(String s, List<Token> out) {
        int i = 0;
        int line = 1;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                out.add(new Token(T.NEWLINE, "\n", line, false));
                line++;
                i++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                i++;
            } else if (c == '#' || c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) {
                    if (s.charAt(k) == '\n') {
                        line++;
                    }
                }
                i = end;
            } else if (c == '"') {
                int start = line;
                StringBuilder b = new StringBuilder();
                boolean[] template = {false};
                int[] lines = {0};
                i = string(s, i + 1, b, template, lines, 0);
                line += lines[0];
                out.add(new Token(T.STRING, b.toString(), start, template[0]));
            } else if (c == '<' && s.startsWith("<<", i) && i + 2 < n
                    && (Character.isLetter(s.charAt(i + 2)) || s.charAt(i + 2) == '-')) {
                int j = i + 2 + (s.charAt(i + 2) == '-' ? 1 : 0);
                int k = j;
                while (k < n && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) {
                    k++;
                }
                String marker = s.substring(j, k);
                int bodyStart = s.indexOf('\n', k);
                if (marker.isEmpty() || bodyStart < 0) {
                    i = n;
                    continue;
                }
                int start = line;
                StringBuilder b = new StringBuilder();
                int p = bodyStart + 1;
                line++;
                while (p < n) {
                    int eol = s.indexOf('\n', p);
                    String l = s.substring(p, eol < 0 ? n : eol);
                    p = eol < 0 ? n : eol + 1;
                    if (l.strip().equals(marker)) {
                        break;
                    }
                    b.append(l).append('\n');
                    line++;
                }
                out.add(new Token(T.HEREDOC, b.toString(), start, b.indexOf("${") >= 0 || b.indexOf("%{") >= 0));
                out.add(new Token(T.NEWLINE, "\n", line, false));
                line++;
                i = p;
            } else if (Character.isDigit(c)) {
                int k = i;
                while (k < n && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '.')) {
                    k++;
                }
                out.add(new Token(T.NUMBER, s.substring(i, k), line, false));
                i = k;
            } else if (Character.isLetter(c) || c == '_') {
                int k = i;
                while (k < n && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_' || s.charAt(k) == '-')) {
                    k++;
                }
                out.add(new Token(T.IDENT, s.substring(i, k), line, false));
                i = k;
            } else {
                out.add(new Token(T.PUNCT, String.valueOf(c), line, false));
                i++;
            }
        }
    }

    /** Reads a quoted string from just after its quote; returns the index after the closing quote. */
    private static int string(String s, int i, StringBuilder b, boolean[] template, int[] lines, int depth) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char e = s.charAt(i + 1);
                b.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case '"' -> '"';
                    case '\\' -> '\\';
                    default -> e;
                });
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else if ((c == '$' || c == '%') && i + 1 < n && s.charAt(i + 1) == '{') {
                template[0] = true;
                int braces = 0;
                int k = i + 1;
                while (k < n) {
                    char x = s.charAt(k);
                    if (x == '{') {
                        braces++;
                    } else if (x == '}') {
                        braces--;
                        if (braces == 0) {
                            break;
                        }
                    } else if (x == '"' && depth < 8) {
                        k = string(s, k + 1, new StringBuilder(), template, lines, depth + 1) - 1;
                    } else if (x == '\n') {
                        lines[0]++;
                    }
                    k++;
                }
                b.append(s, i, Math.min(n, k + 1));
                i = k + 1;
            } else {
                if (c == '\n') {
                    lines[0]++;
                }
                b.append(c);
                i++;
            }
        }
        return n;
    }
}
