package io.wsmemory.core.resolve.python;

import io.wsmemory.core.parse.SyntaxNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small readings of Python syntax shared by the resolver and the detectors: strings, names, call arguments. */
public final class PySyntax {

    private PySyntax() {
    }

    /** Parentheses, {@code await} and type casts ({@code cast(T, x)} is not unwrapped) removed. */
    public static SyntaxNode unwrap(SyntaxNode n) {
        SyntaxNode x = n;
        while (x != null) {
            if (x.is("parenthesized_expression") || x.is("await")) {
                SyntaxNode inner = x.namedChildCount() > 0 ? x.namedChild(0) : null;
                if (inner == null || inner.is("comment")) {
                    return x;
                }
                x = inner;
            } else if (x.is("expression_statement") && x.namedChildCount() == 1) {
                x = x.namedChild(0);
            } else {
                return x;
            }
        }
        return null;
    }

    /**
     * The value of a string literal without interpolation ({@code "a"}, {@code r'\d'}, {@code b"x"},
     * {@code "a" "b"}); null for f-strings with substitutions and for other nodes.
     */
    public static String stringValue(SyntaxNode n) {
        if (n == null) {
            return null;
        }
        if (n.is("concatenated_string")) {
            StringBuilder b = new StringBuilder();
            for (SyntaxNode part : n.namedChildren()) {
                String s = stringValue(part);
                if (s == null) {
                    return null;
                }
                b.append(s);
            }
            return b.toString();
        }
        if (!n.is("string")) {
            return null;
        }
        for (SyntaxNode c : n.namedChildren()) {
            if (c.is("interpolation")) {
                return null;
            }
        }
        return literalText(n.text());
    }

    /** True for an f-string (with or without substitutions). */
    public static boolean isFString(SyntaxNode n) {
        if (n == null || !n.is("string")) {
            return false;
        }
        String p = prefix(n.text());
        return p.contains("f");
    }

    /** The prefix letters of a string literal, lower case ({@code rb}, {@code f}, empty). */
    static String prefix(String text) {
        int i = 0;
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return text.substring(0, i).toLowerCase(Locale.ROOT);
    }

    /** Decodes the text of one literal: prefix and quotes stripped, escapes applied unless raw. */
    static String literalText(String text) {
        String p = prefix(text);
        String body = text.substring(p.length());
        String quote;
        if (body.startsWith("\"\"\"") || body.startsWith("'''")) {
            quote = body.substring(0, 3);
        } else if (!body.isEmpty()) {
            quote = body.substring(0, 1);
        } else {
            return "";
        }
        if (body.length() < 2 * quote.length()) {
            return "";
        }
        String inner = body.substring(quote.length(), body.length() - quote.length());
        return p.contains("r") ? inner : unescape(inner);
    }

    /** One piece of an f-string: literal text, or the expression of a substitution. */
    public record Piece(String text, SyntaxNode expression) {
    }

    /** The pieces of an f-string in order; literal pieces unescaped. */
    public static List<Piece> fStringPieces(SyntaxNode n) {
        List<Piece> out = new ArrayList<>();
        boolean raw = prefix(n.text()).contains("r");
        for (SyntaxNode c : n.children()) {
            if (c.is("string_content")) {
                out.add(new Piece(raw ? c.text() : unescape(c.text()).replace("{{", "{").replace("}}", "}"), null));
            } else if (c.is("escape_sequence")) {
                out.add(new Piece(unescape(c.text()), null));
            } else if (c.is("interpolation")) {
                SyntaxNode e = c.field("expression");
                if (e == null && c.namedChildCount() > 0) {
                    e = c.namedChild(0);
                }
                out.add(new Piece(null, e));
            }
        }
        return out;
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case '0' -> b.append('\0');
                case '\\' -> b.append('\\');
                case '\'' -> b.append('\'');
                case '"' -> b.append('"');
                case '\n' -> {
                }
                case 'x' -> {
                    if (i + 2 < s.length()) {
                        try {
                            b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                            i += 2;
                        } catch (NumberFormatException e) {
                            b.append("\\x");
                        }
                    } else {
                        b.append("\\x");
                    }
                }
                case 'u' -> {
                    if (i + 4 < s.length()) {
                        try {
                            b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                            i += 4;
                        } catch (NumberFormatException e) {
                            b.append("\\u");
                        }
                    } else {
                        b.append("\\u");
                    }
                }
                default -> b.append('\\').append(n);
            }
        }
        return b.toString();
    }

    /** A dotted name as written: {@code a.b.c} for identifiers and attribute chains, else null. */
    public static String dotted(SyntaxNode n) {
        SyntaxNode x = unwrap(n);
        if (x == null) {
            return null;
        }
        if (x.is("identifier")) {
            return x.text();
        }
        if (x.is("dotted_name")) {
            return x.text().replaceAll("\\s+", "");
        }
        if (x.is("attribute")) {
            String base = dotted(x.field("object"));
            SyntaxNode a = x.field("attribute");
            return base == null || a == null ? null : base + "." + a.text();
        }
        return null;
    }

    /** The last name of a callee: {@code group_send} for {@code self.channel_layer.group_send}. */
    public static String calleeName(SyntaxNode call) {
        SyntaxNode f = call == null ? null : call.field("function");
        if (f == null) {
            return null;
        }
        if (f.is("identifier")) {
            return f.text();
        }
        if (f.is("attribute")) {
            SyntaxNode a = f.field("attribute");
            return a == null ? null : a.text();
        }
        return null;
    }

    /** The positional arguments of a call, in order. */
    public static List<SyntaxNode> positional(SyntaxNode call) {
        SyntaxNode args = call == null ? null : call.field("arguments");
        List<SyntaxNode> out = new ArrayList<>();
        if (args == null) {
            return out;
        }
        for (SyntaxNode a : args.namedChildren()) {
            if (a.is("keyword_argument") || a.is("comment") || a.is("list_splat") || a.is("dictionary_splat")) {
                continue;
            }
            out.add(a);
        }
        return out;
    }

    /** The value of a keyword argument {@code name=...}, or null. */
    public static SyntaxNode keyword(SyntaxNode call, String name) {
        SyntaxNode args = call == null ? null : call.field("arguments");
        if (args == null) {
            return null;
        }
        for (SyntaxNode a : args.namedChildren()) {
            if (a.is("keyword_argument")) {
                SyntaxNode k = a.field("name");
                if (k != null && k.text().equals(name)) {
                    return a.field("value");
                }
            }
        }
        return null;
    }

    /** The keyword arguments of a call by name, in source order: the node of each is the whole argument. */
    public static java.util.Map<String, SyntaxNode> keywords(SyntaxNode call) {
        java.util.Map<String, SyntaxNode> out = new java.util.LinkedHashMap<>();
        SyntaxNode args = call == null ? null : call.field("arguments");
        if (args == null) {
            return out;
        }
        for (SyntaxNode a : args.namedChildren()) {
            if (a.is("keyword_argument")) {
                SyntaxNode k = a.field("name");
                if (k != null) {
                    out.put(k.text(), a);
                }
            }
        }
        return out;
    }

    /** The positional argument at {@code index}, else the keyword argument {@code name}. */
    public static SyntaxNode argument(SyntaxNode call, int index, String name) {
        SyntaxNode k = name == null ? null : keyword(call, name);
        if (k != null) {
            return k;
        }
        List<SyntaxNode> p = positional(call);
        return index >= 0 && index < p.size() ? p.get(index) : null;
    }

    /** The function definition of a {@code decorated_definition} or the node itself. */
    public static SyntaxNode definition(SyntaxNode n) {
        if (n != null && n.is("decorated_definition")) {
            return n.field("definition");
        }
        return n;
    }

    /** The decorators of a definition (the decorated_definition around it), as nodes of their expressions. */
    public static List<SyntaxNode> decorators(SyntaxNode def) {
        List<SyntaxNode> out = new ArrayList<>();
        SyntaxNode p = def == null ? null : def.parent();
        if (p != null && p.is("decorated_definition")) {
            for (SyntaxNode c : p.namedChildren()) {
                if (c.is("decorator") && c.namedChildCount() > 0) {
                    out.add(c.namedChild(0));
                }
            }
        }
        return out;
    }

    /** The names of a function's parameters, in order, {@code self} included. */
    public static List<String> parameterNames(SyntaxNode function) {
        List<String> out = new ArrayList<>();
        SyntaxNode params = function == null ? null : function.field("parameters");
        if (params == null) {
            return out;
        }
        for (SyntaxNode p : params.namedChildren()) {
            String name = switch (p.type()) {
                case "identifier" -> p.text();
                case "typed_parameter", "list_splat_pattern", "dictionary_splat_pattern" -> {
                    SyntaxNode id = p.namedChildCount() > 0 ? p.namedChild(0) : null;
                    yield id != null && id.is("identifier") ? id.text() : null;
                }
                case "default_parameter", "typed_default_parameter" -> {
                    SyntaxNode id = p.field("name");
                    yield id == null ? null : id.text();
                }
                default -> null;
            };
            if (name != null) {
                out.add(name);
            }
        }
        return out;
    }

    /** The type annotation of parameter {@code name}, as written, or null. */
    public static String parameterType(SyntaxNode function, String name) {
        SyntaxNode params = function == null ? null : function.field("parameters");
        if (params == null) {
            return null;
        }
        for (SyntaxNode p : params.namedChildren()) {
            if (p.is("typed_parameter") || p.is("typed_default_parameter")) {
                SyntaxNode id = p.is("typed_parameter") ? p.namedChild(0) : p.field("name");
                SyntaxNode t = p.field("type");
                if (id != null && id.text().equals(name) && t != null) {
                    return t.text();
                }
            }
        }
        return null;
    }
}
