package io.wsmemory.detectors.go;

import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.go.GoResolver;
import io.wsmemory.core.resolve.go.GoSyntax;
import io.wsmemory.core.resolve.go.GoValue;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Channel, subject and room names as patterns: what is known is written out, what is computed at run time becomes
 * a {@code {placeholder}} named after the expression ({@code "room:" + id} and {@code fmt.Sprintf("room:%s", id)}
 * are both {@code room:{id}}).
 */
public final class GoPatterns {

    private static final Pattern VERB = Pattern.compile("%[-+# 0-9.]*[a-zA-Z%]");

    private GoPatterns() {
    }

    /** The pattern of an expression; null when nothing of it is known. */
    public static String of(GoResolver r, SyntaxNode expr) {
        return of(r, expr, 0);
    }

    private static String of(GoResolver r, SyntaxNode expr, int depth) {
        SyntaxNode e = GoSyntax.unwrap(expr);
        if (e == null || depth > 6) {
            return null;
        }
        GoValue v = r.resolve(e);
        if (v.is(GoValue.Kind.STRING)) {
            return v.string();
        }
        if (v.is(GoValue.Kind.NUMBER)) {
            return v.text();
        }
        switch (e.type()) {
            case "binary_expression": {
                SyntaxNode op = e.field("operator");
                if (op != null && op.text().equals("+")) {
                    String a = of(r, e.field("left"), depth + 1);
                    String b = of(r, e.field("right"), depth + 1);
                    return a == null || b == null ? null : a + b;
                }
                return null;
            }
            case "call_expression": {
                String name = GoSyntax.calleeName(e);
                List<SyntaxNode> args = GoSyntax.arguments(e);
                if ("Sprintf".equals(name) && !args.isEmpty()) {
                    GoValue f = r.resolve(args.get(0));
                    if (!f.is(GoValue.Kind.STRING)) {
                        return null;
                    }
                    StringBuilder b = new StringBuilder();
                    Matcher m = VERB.matcher(f.string());
                    int last = 0;
                    int arg = 1;
                    while (m.find()) {
                        b.append(f.string(), last, m.start());
                        if (m.group().equals("%%")) {
                            b.append('%');
                        } else {
                            String part = arg < args.size() ? of(r, args.get(arg), depth + 1) : null;
                            b.append(part == null ? "{?}" : part);
                            arg++;
                        }
                        last = m.end();
                    }
                    b.append(f.string().substring(last));
                    return b.toString();
                }
                if (("Itoa".equals(name) || "FormatInt".equals(name) || "FormatUint".equals(name)
                        || "String".equals(name)) && !args.isEmpty()) {
                    return of(r, args.get(0), depth + 1);
                }
                if ("Join".equals(name) && args.size() == 2) {
                    GoValue sep = r.resolve(args.get(1));
                    GoValue parts = r.resolve(args.get(0));
                    if (sep.is(GoValue.Kind.STRING) && parts.is(GoValue.Kind.SLICE)) {
                        StringBuilder b = new StringBuilder();
                        for (GoValue p : parts.items()) {
                            if (b.length() > 0) {
                                b.append(sep.string());
                            }
                            b.append(p.is(GoValue.Kind.STRING) ? p.string() : "{?}");
                        }
                        return b.toString();
                    }
                }
                return placeholder(e);
            }
            default:
                return placeholder(e);
        }
    }

    /** {@code {name}} after the last name of an expression: {@code {roomID}} for {@code msg.RoomID}. */
    public static String placeholder(SyntaxNode e) {
        SyntaxNode n = GoSyntax.unwrap(e);
        if (n == null) {
            return "{?}";
        }
        if (n.is("identifier")) {
            return "{" + n.text() + "}";
        }
        if (n.is("selector_expression")) {
            String f = n.field("field").text();
            return "{" + (f.length() > 1 && Character.isUpperCase(f.charAt(0)) && Character.isLowerCase(f.charAt(1))
                    ? Character.toLowerCase(f.charAt(0)) + f.substring(1) : f) + "}";
        }
        if (n.is("call_expression")) {
            String name = GoSyntax.calleeName(n);
            if (name != null && name.startsWith("Get") && name.length() > 3) {
                return "{" + Character.toLowerCase(name.charAt(3)) + name.substring(4) + "}";
            }
            List<SyntaxNode> args = GoSyntax.arguments(n);
            if (args.size() == 1) {
                return placeholder(args.get(0));
            }
        }
        if (n.is("index_expression")) {
            return placeholder(n.field("index"));
        }
        return "{?}";
    }

    /** True when a pattern holds nothing but one placeholder. */
    public static boolean isOnlyPlaceholder(String p) {
        return p == null || p.matches("\\{[^}]*}");
    }
}
