package io.wsmemory.core.resolve.go;

import io.wsmemory.core.parse.SyntaxNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small readings of Go syntax shared by the resolver and the Go detectors. */
public final class GoSyntax {

    private static final Pattern TAG = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*):\"((?:[^\"\\\\]|\\\\.)*)\"");

    private GoSyntax() {
    }

    /** The value of a string literal (interpreted or raw), or null when the node is not one. */
    public static String stringValue(SyntaxNode n) {
        if (n == null) {
            return null;
        }
        String t = n.text();
        if (n.is("raw_string_literal")) {
            return t.length() >= 2 ? t.substring(1, t.length() - 1) : "";
        }
        if (n.is("interpreted_string_literal")) {
            return t.length() >= 2 ? unescape(t.substring(1, t.length() - 1)) : "";
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
                case '"' -> b.append('"');
                case '\\' -> b.append('\\');
                default -> b.append('\\').append(e);
            }
        }
        return b.toString();
    }

    /** The names a const or var spec (or a parameter declaration) binds: its leading identifiers. */
    public static List<SyntaxNode> leadingIdentifiers(SyntaxNode spec) {
        List<SyntaxNode> out = new ArrayList<>();
        for (SyntaxNode c : spec.namedChildren()) {
            if (c.is("identifier")) {
                out.add(c);
            } else if (!c.is("comment")) {
                break;
            }
        }
        return out;
    }

    /**
     * The name of a type expression without pointers, slices' element aside: {@code Hub} for {@code *Hub},
     * {@code Message} for {@code model.Message}, {@code Box} for {@code Box[T]}; null for other types.
     */
    public static String typeName(SyntaxNode t) {
        SyntaxNode n = t;
        while (n != null && (n.is("pointer_type") || n.is("parenthesized_type"))) {
            n = n.namedChild(0);
        }
        if (n == null) {
            return null;
        }
        if (n.is("type_identifier")) {
            return n.text();
        }
        if (n.is("qualified_type")) {
            SyntaxNode name = n.field("name");
            return name == null ? null : name.text();
        }
        if (n.is("generic_type")) {
            return typeName(n.field("type"));
        }
        return null;
    }

    /** The package qualifier of a type expression ({@code model} for {@code *model.Message}), or null. */
    public static String typePackage(SyntaxNode t) {
        SyntaxNode n = t;
        while (n != null && (n.is("pointer_type") || n.is("parenthesized_type"))) {
            n = n.namedChild(0);
        }
        if (n != null && n.is("qualified_type")) {
            SyntaxNode p = n.field("package");
            return p == null ? null : p.text();
        }
        return null;
    }

    /** The keys of a struct tag: {@code json:"type,omitempty" validate:"required"} → json, validate. */
    public static Map<String, String> tags(SyntaxNode tag) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tag == null) {
            return out;
        }
        String s = stringValue(tag);
        if (s == null) {
            return out;
        }
        Matcher m = TAG.matcher(s);
        while (m.find()) {
            out.putIfAbsent(m.group(1), m.group(2));
        }
        return out;
    }

    /** Strips parentheses around an expression. */
    public static SyntaxNode unwrap(SyntaxNode n) {
        SyntaxNode x = n;
        while (x != null && (x.is("parenthesized_expression") || x.is("literal_element"))) {
            SyntaxNode inner = x.namedChild(0);
            if (inner == null) {
                break;
            }
            x = inner;
        }
        return x;
    }

    /** The statements of a block ({@code block → statement_list → ...}). */
    public static List<SyntaxNode> statements(SyntaxNode block) {
        if (block == null) {
            return List.of();
        }
        for (SyntaxNode c : block.namedChildren()) {
            if (c.is("statement_list")) {
                return c.namedChildren();
            }
        }
        return List.of();
    }

    /** The arguments of a call, without comments. */
    public static List<SyntaxNode> arguments(SyntaxNode call) {
        SyntaxNode args = call == null ? null : call.field("arguments");
        if (args == null) {
            return List.of();
        }
        List<SyntaxNode> out = new ArrayList<>();
        for (SyntaxNode c : args.namedChildren()) {
            if (!c.is("comment")) {
                out.add(c);
            }
        }
        return out;
    }

    /** The callee's last name: {@code f} for {@code f(x)}, {@code m} for {@code a.b.m(x)}; null otherwise. */
    public static String calleeName(SyntaxNode call) {
        SyntaxNode fn = call == null ? null : call.field("function");
        if (fn == null) {
            return null;
        }
        if (fn.is("identifier")) {
            return fn.text();
        }
        if (fn.is("selector_expression")) {
            SyntaxNode f = fn.field("field");
            return f == null ? null : f.text();
        }
        return null;
    }

    /** The operand of a selector callee ({@code c.conn} for {@code c.conn.WriteJSON(v)}), or null. */
    public static SyntaxNode calleeOperand(SyntaxNode call) {
        SyntaxNode fn = call == null ? null : call.field("function");
        return fn != null && fn.is("selector_expression") ? fn.field("operand") : null;
    }

    /** The parameter names of a function or func literal, in order (variadic included; unnamed as "_"). */
    public static List<String> parameterNames(SyntaxNode fn) {
        SyntaxNode params = fn == null ? null : fn.field("parameters");
        List<String> out = new ArrayList<>();
        if (params == null) {
            return out;
        }
        for (SyntaxNode p : params.namedChildren()) {
            if (p.is("parameter_declaration") || p.is("variadic_parameter_declaration")) {
                List<SyntaxNode> names = new ArrayList<>();
                for (SyntaxNode c : p.namedChildren()) {
                    if (c.is("identifier")) {
                        names.add(c);
                    }
                }
                if (names.isEmpty()) {
                    out.add("_");
                }
                for (SyntaxNode n : names) {
                    out.add(n.text());
                }
            }
        }
        return out;
    }

    /** The declared type node of a named parameter, or null. */
    public static SyntaxNode parameterType(SyntaxNode fn, String name) {
        SyntaxNode params = fn == null ? null : fn.field("parameters");
        if (params == null) {
            return null;
        }
        for (SyntaxNode p : params.namedChildren()) {
            if (p.is("parameter_declaration") || p.is("variadic_parameter_declaration")) {
                for (SyntaxNode c : p.namedChildren()) {
                    if (c.is("identifier") && c.text().equals(name)) {
                        return p.field("type");
                    }
                }
            }
        }
        return null;
    }

    /** The enclosing function declaration, method declaration or func literal of a node, or null. */
    public static SyntaxNode enclosingFunction(SyntaxNode n) {
        return n == null ? null : n.ancestor("function_declaration", "method_declaration", "func_literal");
    }

    /** The outermost function or method declaration around a node (through func literals), or null. */
    public static SyntaxNode enclosingDeclaration(SyntaxNode n) {
        return n == null ? null : n.ancestor("function_declaration", "method_declaration");
    }
}
