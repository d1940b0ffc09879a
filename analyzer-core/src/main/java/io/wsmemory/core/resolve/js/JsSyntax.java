package io.wsmemory.core.resolve.js;

import io.wsmemory.core.parse.SyntaxNode;
import java.util.ArrayList;
import java.util.List;

/** Small readings of JavaScript syntax shared by resolution and detectors. */
public final class JsSyntax {

    private JsSyntax() {
    }

    /** The value of a string literal or of a template string without substitutions; null otherwise. */
    public static String stringValue(SyntaxNode n) {
        if (n == null) {
            return null;
        }
        if (n.is("string")) {
            String t = n.text();
            return t.length() >= 2 ? unescape(t.substring(1, t.length() - 1)) : "";
        }
        if (n.is("template_string")) {
            for (SyntaxNode c : n.namedChildren()) {
                if (c.is("template_substitution")) {
                    return null;
                }
            }
            String t = n.text();
            return t.length() >= 2 ? unescape(t.substring(1, t.length() - 1)) : "";
        }
        return null;
    }

    /** The name of an identifier, a property name or a string used as a name. */
    public static String nameText(SyntaxNode n) {
        String s = stringValue(n);
        return s != null ? s : n.text();
    }

    /** The module of {@code require("x")} (also behind {@code await import("x")}), else null. */
    public static String requiredModule(SyntaxNode value) {
        SyntaxNode v = unwrap(value);
        if (v != null && v.is("await_expression")) {
            v = unwrap(v.namedChild(0));
        }
        if (v == null || !v.is("call_expression")) {
            return null;
        }
        SyntaxNode fn = v.field("function");
        if (fn == null || !(fn.text().equals("require") || fn.is("import"))) {
            return null;
        }
        SyntaxNode args = v.field("arguments");
        SyntaxNode first = args == null ? null : args.namedChild(0);
        return first == null ? null : stringValue(first);
    }

    /** Strips parentheses, TypeScript casts ({@code as}, {@code satisfies}, {@code !}, {@code <T>x}). */
    public static SyntaxNode unwrap(SyntaxNode n) {
        while (n != null) {
            switch (n.type()) {
                case "parenthesized_expression", "non_null_expression", "as_expression", "satisfies_expression",
                     "type_assertion" -> {
                    SyntaxNode inner = n.namedChild(n.is("type_assertion") ? 1 : 0);
                    if (inner == null) {
                        return n;
                    }
                    n = inner;
                }
                default -> {
                    return n;
                }
            }
        }
        return null;
    }

    /** The property name of a member expression ({@code a.b} → b, {@code a["b"]} → b), else null. */
    public static String memberName(SyntaxNode member) {
        if (member == null) {
            return null;
        }
        if (member.is("member_expression")) {
            SyntaxNode p = member.field("property");
            return p == null ? null : p.text();
        }
        if (member.is("subscript_expression")) {
            return stringValue(member.field("index"));
        }
        return null;
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
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case '0' -> b.append('\0');
                case '\n' -> {
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }

    /** The arguments an {@code arguments} node holds, comments left out; none for null. */
    public static List<SyntaxNode> arguments(SyntaxNode args) {
        List<SyntaxNode> out = new ArrayList<>();
        if (args != null) {
            for (SyntaxNode c : args.namedChildren()) {
                if (!c.is("comment")) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** The arguments of a call or {@code new} expression. */
    public static List<SyntaxNode> callArguments(SyntaxNode call) {
        return arguments(call.field("arguments"));
    }
}
