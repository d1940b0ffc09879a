package io.wsmemory.detectors.go;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.go.GoResolver;
import io.wsmemory.core.resolve.go.GoResolver.Located;
import io.wsmemory.core.resolve.go.GoSyntax;
import io.wsmemory.core.resolve.go.GoValue;
import io.wsmemory.detectors.go.GoFindings.Opt;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The origin policy of a check function (gorilla's {@code CheckOrigin}): {@code any} when it always returns
 * true, an {@code allow-list} when it compares against literals, a list, a map or patterns (with the origins when
 * they are written, or the environment variable they come from), {@code same-origin} when it only compares with
 * the request's host.
 */
public final class GoOrigins {

    private static final Query PARTS = Query.load(GoOrigins.class, "origins.scm");
    private static final Pattern ORIGIN_LITERAL = Pattern.compile(
            "(?i)(https?://\\S+|\\*\\.[a-z0-9.-]+|[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}(:\\d+)?|localhost(:\\d+)?)");
    private static final Pattern LIST_SHAPES = Pattern.compile(
            "\\brange\\b|MatchString|Contains\\(|HasSuffix\\(|HasPrefix\\(|EqualFold\\(|\\bswitch\\b|==\\s*\"|\\[\\s*\\w+\\s*\\]");

    /** A policy, with the opt (value, source, evidence) and, when the host is also compared, where. */
    public record Policy(String key, Opt opt, Opt sameHost) {
    }

    private GoOrigins() {
    }

    public static Policy checkOrigin(GoResolver r, SyntaxNode value, Evidence at) {
        SyntaxNode v = GoSyntax.unwrap(value);
        if (v == null || v.is("nil")) {
            return null;
        }
        Located<SyntaxNode> fn = v.is("func_literal") ? new Located<>(v, r) : r.functionOf(v);
        if (fn == null) {
            return new Policy("allow-list", new Opt("custom function", null, Source.EXPLICIT, Confidence.LOW, null,
                    List.of(at)), null);
        }
        List<Located<SyntaxNode>> bodies = new ArrayList<>();
        bodies.add(fn);
        for (QueryMatch m : PARTS.matches(fn.item())) {
            if (m.has("call")) {
                Located<SyntaxNode> callee = fn.scope().functionOf(m.node("call").field("function"));
                if (callee != null && !callee.item().equals(fn.item()) && bodies.size() < 4) {
                    bodies.add(callee);
                }
            }
        }
        if (alwaysTrue(fn.item())) {
            return new Policy("any", new Opt("", null, Source.EXPLICIT, Confidence.HIGH, null, List.of(at)), null);
        }
        Set<String> origins = new LinkedHashSet<>();
        boolean list = false;
        Evidence sameHost = null;
        GoValue env = null;
        List<Evidence> via = new ArrayList<>();
        for (Located<SyntaxNode> b : bodies) {
            String text = b.item().text();
            if (LIST_SHAPES.matcher(text).find()) {
                list = true;
            }
            for (QueryMatch m : PARTS.matches(b.item())) {
                if (m.has("host")) {
                    String op = m.text("host.operand");
                    if (sameHost == null && op.matches("r|req|request|.*[Rr]equest(\\(\\))?")) {
                        sameHost = b.scope().evidence(m.node("host"));
                    }
                } else if (m.has("string")) {
                    String s = GoSyntax.stringValue(m.node("string"));
                    if (s != null && ORIGIN_LITERAL.matcher(s).matches() && !s.equalsIgnoreCase("origin")) {
                        origins.add(s);
                        if (b != bodies.get(0)) {
                            via.add(b.scope().evidence(m.node("string")));
                        }
                    }
                } else if (m.has("id") && env == null) {
                    GoValue p = provenance(b.scope(), m.node("id"), 0);
                    if (p != null && p.is(GoValue.Kind.ENV)) {
                        env = p;
                    } else if (p != null && p.is(GoValue.Kind.SLICE)) {
                        for (GoValue item : p.items()) {
                            if (item.is(GoValue.Kind.STRING)) {
                                origins.add(item.string());
                            }
                        }
                        via.addAll(p.via());
                    } else if (p != null && p.is(GoValue.Kind.STRUCT)) {
                        for (String k : p.fields().keySet()) {
                            if (ORIGIN_LITERAL.matcher(k).matches()) {
                                origins.add(k);
                            }
                        }
                        via.addAll(p.via());
                    }
                }
            }
        }
        List<Evidence> ev = new ArrayList<>();
        ev.add(at);
        ev.addAll(via);
        Opt same = sameHost == null ? null : new Opt("", null, Source.EXPLICIT, Confidence.HIGH, null,
                List.of(sameHost));
        if (env != null) {
            ev.addAll(env.via());
            String listed = String.join(",", origins);
            if (listed.isEmpty()) {
                listed = env.text() == null ? "" : env.text();
            }
            return new Policy("allow-list", new Opt(listed, null, Source.ENV, Confidence.MEDIUM, env.variable(),
                    List.copyOf(ev)), same);
        }
        if (!origins.isEmpty()) {
            return new Policy("allow-list", new Opt(String.join(",", origins), null, Source.EXPLICIT,
                    via.isEmpty() ? Confidence.HIGH : Confidence.MEDIUM, null, List.copyOf(ev)), same);
        }
        if (list) {
            return new Policy("allow-list", new Opt("", null, Source.EXPLICIT, Confidence.MEDIUM, null,
                    List.copyOf(ev)), same);
        }
        if (sameHost != null && delegates(fn.item())) {
            // the host is compared, and some other check decides the rest: return conf.CheckOrigin(origin)
            return new Policy("allow-list", new Opt("custom function", null, Source.EXPLICIT, Confidence.LOW, null,
                    List.copyOf(ev)), same);
        }
        if (sameHost != null) {
            return new Policy("same-origin", new Opt("", null, Source.EXPLICIT, Confidence.MEDIUM, null,
                    List.of(at, sameHost)), null);
        }
        return new Policy("allow-list", new Opt("custom function", null, Source.EXPLICIT, Confidence.LOW, null,
                List.of(at)), null);
    }

    /** Some return of the function hands the decision to a call ({@code return conf.CheckOrigin(origin)}). */
    private static boolean delegates(SyntaxNode fn) {
        SyntaxNode body = fn.field("body");
        boolean[] found = {false};
        if (body != null) {
            body.walk(x -> !x.is("func_literal") && !found[0], x -> {
                if (x.is("return_statement")) {
                    SyntaxNode e = x.namedChild(0);
                    SyntaxNode first = e != null && e.is("expression_list") ? e.namedChild(0) : e;
                    found[0] |= first != null && first.is("call_expression");
                }
            });
        }
        return found[0];
    }

    /** Every return of the function (not of nested literals) returns the literal true. */
    private static boolean alwaysTrue(SyntaxNode fn) {
        SyntaxNode body = fn.field("body");
        if (body == null) {
            return false;
        }
        int[] counts = {0, 0};
        body.walk(x -> !x.is("func_literal"), x -> {
            if (x.is("return_statement")) {
                counts[0]++;
                SyntaxNode e = x.namedChild(0);
                SyntaxNode first = e != null && e.is("expression_list") ? e.namedChild(0) : e;
                if (first != null && first.is("true")) {
                    counts[1]++;
                }
            }
        });
        return counts[0] > 0 && counts[0] == counts[1];
    }

    /** Where a value comes from: its resolved value, or one found behind the call that built it. */
    static GoValue provenance(GoResolver r, SyntaxNode expr, int depth) {
        if (depth > 3) {
            return null;
        }
        SyntaxNode e = GoSyntax.unwrap(expr);
        if (e.is("identifier") && (e.text().equals("r") || e.text().equals("req") || e.text().equals("origin"))) {
            return null;
        }
        GoValue v = r.resolve(e);
        if (v.is(GoValue.Kind.ENV) || v.is(GoValue.Kind.SLICE) || v.is(GoValue.Kind.STRUCT)) {
            return v;
        }
        if (e.is("identifier")) {
            Located<SyntaxNode> def = r.definition(e);
            if (def != null) {
                return provenance(def.scope(), def.item(), depth + 1);
            }
        } else if (e.is("call_expression")) {
            for (SyntaxNode a : GoSyntax.arguments(e)) {
                GoValue p = provenance(r, a, depth + 1);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }
}
