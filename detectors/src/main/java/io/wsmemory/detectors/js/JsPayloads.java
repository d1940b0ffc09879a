package io.wsmemory.detectors.js;

import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.js.JsResolver;
import io.wsmemory.core.resolve.js.JsSyntax;
import io.wsmemory.core.resolve.js.JsValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Describes the payload of a message from the code around it: the keys of an emitted object literal, the
 * destructured or typed parameters of a handler, TypeScript types declared in the same file; and whether an
 * acknowledgement callback travels with it.
 */
public final class JsPayloads {

    private static final List<String> BINARY_TYPES = List.of("ArrayBuffer", "Uint8Array", "Buffer", "Blob",
            "Uint8ClampedArray", "DataView");
    private static final int MAX_TEXT = 200;

    /** A payload description; {@code text} is null when nothing is known; {@code binaryTypes} like "ArrayBuffer/Uint8Array". */
    public record Shape(String text, boolean ack, String binaryTypes) {
        public static final Shape NONE = new Shape(null, false, null);

        public boolean binary() {
            return binaryTypes != null;
        }
    }

    private JsPayloads() {
    }

    /** The arguments of an emit after the event name. */
    public static Shape ofArguments(JsResolver resolver, List<SyntaxNode> args) {
        List<String> parts = new ArrayList<>();
        boolean ack = false;
        java.util.Set<String> binary = new java.util.LinkedHashSet<>();
        for (int i = 0; i < args.size(); i++) {
            SyntaxNode a = JsSyntax.unwrap(args.get(i));
            if (a == null) {
                continue;
            }
            if (i == args.size() - 1 && (a.is("arrow_function") || a.is("function_expression"))) {
                ack = true;
                continue;
            }
            String text = describeValue(resolver, a);
            if (text != null) {
                parts.add(text);
            }
            for (String t : BINARY_TYPES) {
                if (a.text().startsWith(t + ".") || a.text().startsWith("new " + t)) {
                    binary.add(t);
                }
            }
        }
        return new Shape(parts.isEmpty() ? null : cut(String.join(", ", parts)), ack,
                binary.isEmpty() ? null : String.join("/", binary));
    }

    /** The parameters of a handler function (inline or named in this file). */
    public static Shape ofHandler(JsResolver resolver, SyntaxNode handler) {
        Optional<SyntaxNode> fn = resolver.functionBehind(handler);
        if (fn.isEmpty()) {
            return Shape.NONE;
        }
        SyntaxNode params = fn.get().field("parameters");
        List<SyntaxNode> list = new ArrayList<>();
        if (params != null) {
            for (SyntaxNode p : params.namedChildren()) {
                if (!p.is("comment")) {
                    list.add(p);
                }
            }
        } else if (fn.get().field("parameter") != null) {
            list.add(fn.get().field("parameter"));
        }
        List<String> parts = new ArrayList<>();
        boolean ack = false;
        java.util.Set<String> binary = new java.util.LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            SyntaxNode p = list.get(i);
            SyntaxNode pattern = p.is("required_parameter") || p.is("optional_parameter") ? p.field("pattern") : p;
            SyntaxNode type = p.field("type");
            String name = pattern == null ? p.text() : pattern.text();
            boolean last = i == list.size() - 1;
            if (last && list.size() > 1 && isCallbackName(name) || last && type != null
                    && type.text().contains("=>")) {
                ack = true;
                continue;
            }
            if (last && list.size() == 1 && isCallbackName(name) && !name.equals("data")) {
                ack = true;
                continue;
            }
            String typeText = type == null ? null : type.text().replaceFirst("^:\\s*", "");
            if (typeText != null) {
                for (String t : BINARY_TYPES) {
                    if (java.util.regex.Pattern.compile("\\b" + t + "\\b").matcher(typeText).find()) {
                        binary.add(t);
                    }
                }
            }
            if (pattern != null && pattern.is("object_pattern")) {
                parts.add(objectPattern(pattern));
            } else if (typeText != null) {
                String expanded = expandType(resolver, typeText);
                parts.add(name + ": " + (expanded != null ? expanded : typeText));
            } else {
                parts.add(name);
            }
        }
        return new Shape(parts.isEmpty() ? null : cut(String.join(", ", parts)), ack,
                binary.isEmpty() ? null : String.join("/", binary));
    }

    private static boolean isCallbackName(String name) {
        String n = name.toLowerCase();
        return n.equals("cb") || n.equals("callback") || n.equals("ack") || n.equals("fn") || n.equals("done")
                || n.equals("respond") || n.equals("reply") || n.equals("acknowledge") || n.equals("acknowledgement");
    }

    private static String objectPattern(SyntaxNode pattern) {
        List<String> keys = new ArrayList<>();
        for (SyntaxNode c : pattern.namedChildren()) {
            switch (c.type()) {
                case "shorthand_property_identifier_pattern" -> keys.add(c.text());
                case "pair_pattern", "object_assignment_pattern" -> {
                    SyntaxNode k = c.field(c.is("pair_pattern") ? "key" : "left");
                    if (k != null) {
                        keys.add(JsSyntax.nameText(k));
                    }
                }
                default -> {
                }
            }
        }
        return "{" + String.join(", ", keys) + "}";
    }

    /** A type alias or interface declared in the same file, written out as {@code {field: type, ...}}. */
    private static String expandType(JsResolver resolver, String typeName) {
        if (!typeName.matches("[A-Za-z_$][\\w$]*")) {
            return null;
        }
        SyntaxNode decl = resolver.jsFile().typeDeclaration(typeName);
        if (decl == null) {
            return null;
        }
        SyntaxNode body = decl.is("interface_declaration") ? decl.field("body") : decl.field("value");
        if (body == null || !(body.is("object_type") || body.is("interface_body"))) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        for (SyntaxNode sig : body.namedChildren()) {
            if (!sig.is("property_signature")) {
                continue;
            }
            SyntaxNode name = sig.field("name");
            SyntaxNode type = sig.field("type");
            if (name != null) {
                String optional = sig.text().contains("?:") ? "?" : "";
                fields.add(name.text() + optional + (type == null ? "" : ": " + squash(type.text()
                        .replaceFirst("^:\\s*", ""))));
            }
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private static String describeValue(JsResolver resolver, SyntaxNode a) {
        if (a.is("object")) {
            return objectKeys(resolver.resolve(a));
        }
        if (a.is("identifier")) {
            JsValue v = resolver.resolve(a);
            if (v.is(JsValue.Kind.OBJECT)) {
                return objectKeys(v);
            }
        }
        return squash(a.text());
    }

    private static String objectKeys(JsValue obj) {
        return "{" + String.join(", ", obj.properties().keySet()) + "}";
    }

    /**
     * The comment just above the statement that holds {@code node}: the handler's description. Adjacent comment
     * lines are one description; tool directives (eslint, ts, prettier) and fixture expectations are not.
     */
    public static String commentAbove(SyntaxNode node) {
        SyntaxNode stmt = node;
        while (stmt.parent() != null && !stmt.parent().is("statement_block") && !stmt.parent().is("program")
                && !stmt.parent().is("switch_case")) {
            stmt = stmt.parent();
        }
        java.util.Deque<String> lines = new java.util.ArrayDeque<>();
        int expectLine = stmt.line() - 1;
        for (SyntaxNode prev = stmt.prevNamedSibling(); prev != null && prev.is("comment")
                && prev.endLine() == expectLine; prev = prev.prevNamedSibling()) {
            String t = prev.text().replaceAll("^/\\*+|\\*+/$", "").replaceAll("^//+", "")
                    .replaceAll("(?m)^\\s*\\*\\s?", "").strip();
            if (!t.isEmpty() && !NOT_DESCRIPTION.matcher(t).find()) {
                lines.addFirst(t);
            }
            expectLine = prev.line() - 1;
        }
        String text = String.join(" ", lines).replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? null : cut(text);
    }

    private static final java.util.regex.Pattern NOT_DESCRIPTION = java.util.regex.Pattern.compile(
            "^(eslint|@ts-|prettier|istanbul|c8 |expect:|expect-none:|todo-expect:|todo-none:|#region|#endregion)");

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private static String cut(String s) {
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT - 1) + "…" : s;
    }
}
