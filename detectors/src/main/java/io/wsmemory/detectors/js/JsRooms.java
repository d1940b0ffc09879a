package io.wsmemory.detectors.js;

import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.js.JsResolver;
import io.wsmemory.core.resolve.js.JsSyntax;
import io.wsmemory.core.resolve.js.JsValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the expression naming a room or channel into a pattern: literals stay, what varies becomes a placeholder
 * named after what it reads ({@code `room:${id}`} → {@code room:{id}}, {@code socket.userID} → {@code {userID}}).
 * A socket's own id is {@code {socketId}}.
 */
public final class JsRooms {

    private JsRooms() {
    }

    public static List<String> patterns(JsResolver resolver, SyntaxNode expr) {
        List<String> out = new ArrayList<>();
        SyntaxNode n = JsSyntax.unwrap(expr);
        if (n == null) {
            return out;
        }
        if (n.is("array")) {
            for (SyntaxNode c : n.namedChildren()) {
                if (!c.is("comment") && !c.is("spread_element")) {
                    String p = pattern(resolver, c, 0);
                    if (p != null) {
                        out.add(p);
                    }
                }
            }
            return out;
        }
        String p = pattern(resolver, n, 0);
        if (p != null) {
            out.add(p);
        }
        return out;
    }

    static String pattern(JsResolver resolver, SyntaxNode expr, int depth) {
        SyntaxNode n = JsSyntax.unwrap(expr);
        if (n == null || depth > 4) {
            return null;
        }
        if (n.is("template_string")) {
            StringBuilder b = new StringBuilder();
            for (SyntaxNode c : n.children()) {
                if (c.is("string_fragment") || c.is("escape_sequence")) {
                    b.append(c.text());
                } else if (c.is("template_substitution")) {
                    SyntaxNode inner = c.namedChild(0);
                    JsValue v = resolver.resolve(inner);
                    if (v.isLiteral()) {
                        b.append(v.text());
                    } else {
                        String sub = pattern(resolver, inner, depth + 1);
                        b.append(sub == null ? "{value}" : sub);
                    }
                }
            }
            return b.toString();
        }
        if (n.is("string")) {
            return JsSyntax.stringValue(n);
        }
        if (n.is("binary_expression")) {
            SyntaxNode op = n.field("operator");
            if (op != null && op.text().equals("+")) {
                String l = pattern(resolver, n.field("left"), depth + 1);
                String r = pattern(resolver, n.field("right"), depth + 1);
                return l == null || r == null ? null : l + r;
            }
            return null;
        }
        if (n.is("identifier")) {
            JsValue v = resolver.resolve(n);
            if (v.isLiteral()) {
                return v.text();
            }
            SyntaxNode def = v.node();
            if (def != null && def.is("template_string") && v.path() != null && def.tree() == n.tree()) {
                return pattern(resolver, def, depth + 1);
            }
            return placeholder(n.text());
        }
        if (n.is("member_expression")) {
            String prop = JsSyntax.memberName(n);
            if ("id".equals(prop)) {
                SyntaxNode obj = JsSyntax.unwrap(n.field("object"));
                String owner = obj == null ? null : obj.is("identifier") ? obj.text() : JsSyntax.memberName(obj);
                if (owner == null) {
                    return "{id}";
                }
                String o = owner.toLowerCase();
                return o.equals("socket") || o.equals("client") || o.equals("sock") || o.equals("ws")
                        ? "{socketId}" : "{" + owner + "Id}";
            }
            return prop == null ? null : placeholder(prop);
        }
        if (n.is("call_expression")) {
            SyntaxNode fn = n.field("function");
            String prop = fn == null ? null : JsSyntax.memberName(fn);
            if ("toString".equals(prop) && fn.field("object") != null) {
                return pattern(resolver, fn.field("object"), depth + 1);
            }
            return null;
        }
        return null;
    }

    private static String placeholder(String name) {
        if (name.equals("socketId") || name.equals("socketID") || name.equals("sid")) {
            return "{socketId}";
        }
        return "{" + name + "}";
    }
}
