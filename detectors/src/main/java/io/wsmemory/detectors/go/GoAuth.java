package io.wsmemory.detectors.go;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.go.GoFile;
import io.wsmemory.core.resolve.go.GoResolver;
import io.wsmemory.core.resolve.go.GoResolver.Located;
import io.wsmemory.core.resolve.go.GoSyntax;
import io.wsmemory.core.resolve.go.GoValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What is checked before a WebSocket upgrade: credentials read from the request (query parameter, header, cookie,
 * basic auth, a session store) and verified (a JWT library), in the handler before the upgrade call and in the
 * middleware in front of its route, following the repository's functions a few calls deep.
 */
public final class GoAuth {

    private static final Query CALLS = Query.load(GoAuth.class, "calls.scm");
    private static final Pattern CREDENTIAL_NAME = Pattern.compile(
            "(?i).*(token|jwt|auth|api[-_]?key|apikey|access[-_]?key|ticket|bearer|secret|session|sid).*");
    private static final Pattern AUTH_WORDS = Pattern.compile(
            "(?i)(token|jwt|auth|session|cookie|password|api_?key|claims|credential|bearer|login)");
    private static final int MAX_DEPTH = 5;

    /** One credential read or check: mechanism, where it travels, where. */
    public record Check(String mechanism, String carrier, Evidence at) {
    }

    /** The checks found, by mechanism, with the places that show them (first the hook, then the reads). */
    public static final class Result {
        final Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        final Map<String, Set<String>> carriers = new LinkedHashMap<>();
        boolean jwtVerified;

        void add(Check c) {
            evidence.computeIfAbsent(c.mechanism(), k -> new ArrayList<>()).add(c.at());
            if (c.carrier() != null) {
                carriers.computeIfAbsent(c.mechanism(), k -> new java.util.LinkedHashSet<>()).add(c.carrier());
            }
        }

        public boolean isEmpty() {
            return evidence.isEmpty() && !jwtVerified;
        }

        /**
         * Mechanisms as facts name them: tokens verified as JWTs are {@code jwt}; an opaque token otherwise.
         */
        public Map<String, List<Evidence>> mechanisms() {
            Map<String, List<Evidence>> out = new LinkedHashMap<>();
            for (Map.Entry<String, List<Evidence>> e : evidence.entrySet()) {
                String m = e.getKey();
                if (jwtVerified && m.equals("token")) {
                    m = "jwt";
                }
                out.computeIfAbsent(m, k -> new ArrayList<>()).addAll(e.getValue());
            }
            return out;
        }

        public String carriers(String mechanism) {
            Set<String> c = new java.util.LinkedHashSet<>();
            if (carriers.containsKey(mechanism)) {
                c.addAll(carriers.get(mechanism));
            }
            if (mechanism.equals("jwt") && carriers.containsKey("token")) {
                c.addAll(carriers.get("token"));
            }
            return c.isEmpty() ? null : String.join(",", c);
        }
    }

    private GoAuth() {
    }

    /** Checks in a function's body, only those that start before {@code before} (when given), and in its callees. */
    public static void scan(GoResolver r, SyntaxNode fn, SyntaxNode before, Result out) {
        scan(r, fn, before, out, 0, new java.util.HashMap<>());
    }

    /** Checks in a function's body after {@code after} (a connection handler reading credentials), and in callees. */
    public static void scanAfter(GoResolver r, SyntaxNode fn, SyntaxNode after, Result out) {
        SyntaxNode body = fn == null ? null : fn.field("body");
        if (body == null) {
            return;
        }
        Map<String, Integer> seen = new java.util.HashMap<>();
        seen.put(r.path() + ":" + fn.startByte(), 0);
        for (QueryMatch m : CALLS.matches(body)) {
            SyntaxNode call = m.node("call");
            if (call.startByte() <= after.endByte()) {
                continue;
            }
            Check c = classify(r, call, m.text("call.name"), m.node("call.operand"));
            if (c != null) {
                out.add(c);
                continue;
            }
            SyntaxNode op = m.node("call.operand");
            if (op != null && op.is("identifier") && r.goFile().importOf(op.text()) != null
                    && r.workspace().dirOf(r.goFile().importOf(op.text()).path()) == null) {
                continue;
            }
            Located<SyntaxNode> target = r.functionOf(call.field("function"));
            if (target != null && !target.item().equals(fn)) {
                scan(target.scope(), target.item(), null, out, 3, seen);
            }
        }
    }

    /** Checks in a middleware expression: a function reference, a call returning a handler, or a func literal. */
    public static void scanMiddleware(Located<SyntaxNode> mw, Result out) {
        GoResolver r = mw.scope();
        SyntaxNode e = GoSyntax.unwrap(mw.item());
        Map<String, Integer> seen = new java.util.HashMap<>();
        if (e.is("func_literal")) {
            scan(r, e, null, out, 1, seen);
            return;
        }
        if (e.is("call_expression")) {
            // a middleware factory: jwtMiddleware(secret) or mw.Handler(...)
            scanCalls(r, e, null, out, 1, seen);
            Located<SyntaxNode> fn = r.functionOf(e.field("function"));
            if (fn != null) {
                scan(fn.scope(), fn.item(), null, out, 1, seen);
            }
            return;
        }
        Located<SyntaxNode> fn = r.functionOf(e);
        if (fn != null) {
            scan(fn.scope(), fn.item(), null, out, 1, seen);
        } else if (isJwtLibrary(r, e)) {
            out.jwtVerified = true;
            out.add(new Check("jwt", "header", r.evidence(e)));
        }
    }

    private static void scan(GoResolver r, SyntaxNode fn, SyntaxNode before, Result out, int depth, Map<String, Integer> seen) {
        if (fn == null) {
            return;
        }
        String key = r.path() + ":" + fn.startByte();
        if (depth > MAX_DEPTH || seen.getOrDefault(key, Integer.MAX_VALUE) <= depth) {
            return;
        }
        seen.put(key, depth);
        SyntaxNode body = fn.field("body");
        if (body == null) {
            return;
        }
        scanCalls(r, body, before, out, depth, seen);
    }

    private static void scanCalls(GoResolver r, SyntaxNode node, SyntaxNode before, Result out, int depth,
                                  Map<String, Integer> seen) {
        for (QueryMatch m : CALLS.matches(node)) {
            SyntaxNode call = m.node("call");
            if (before != null && call.startByte() >= before.startByte()) {
                continue;
            }
            Check c = classify(r, call, m.text("call.name"), m.node("call.operand"));
            if (c != null) {
                out.add(c);
                continue;
            }
            if (m.node("call.operand") != null && isJwtLibrary(r, m.node("call.operand"))
                    && m.text("call.name").startsWith("Parse") || isJwtVerify(r, call, m)) {
                out.jwtVerified = true;
                continue;
            }
            if (depth < MAX_DEPTH) {
                SyntaxNode callee = call.field("function");
                SyntaxNode op = m.node("call.operand");
                if (op != null && op.is("identifier") && r.goFile().importOf(op.text()) != null
                        && r.workspace().dirOf(r.goFile().importOf(op.text()).path()) == null) {
                    continue; // a library call
                }
                Located<SyntaxNode> target = r.functionOf(callee);
                if (target != null && !target.item().equals(GoSyntax.enclosingFunction(call))) {
                    scan(target.scope(), target.item(), null, out, depth + 1, seen);
                }
            }
        }
    }

    private static boolean isJwtLibrary(GoResolver r, SyntaxNode operand) {
        SyntaxNode op = GoSyntax.unwrap(operand);
        while (op != null && op.is("selector_expression")) {
            op = op.field("operand");
        }
        if (op == null || !op.is("identifier")) {
            return false;
        }
        GoFile.Import i = r.goFile().importOf(op.text());
        return i != null && (i.path().contains("jwt") || i.path().contains("jose") || i.path().contains("paseto"));
    }

    private static boolean isJwtVerify(GoResolver r, SyntaxNode call, QueryMatch m) {
        String name = m.text("call.name");
        if (!name.equals("ParseWithClaims") && !name.equals("Parse") && !name.equals("ParseString")
                && !name.equals("Verify") && !name.equals("ParseSigned")) {
            return false;
        }
        SyntaxNode op = m.node("call.operand");
        if (op != null && isJwtLibrary(r, op)) {
            return true;
        }
        return op != null && op.text().toLowerCase(Locale.ROOT).contains("jwt");
    }

    /** A credential read at a call, or null. */
    static Check classify(GoResolver r, SyntaxNode call, String name, SyntaxNode operand) {
        List<SyntaxNode> args = GoSyntax.arguments(call);
        String op = operand == null ? "" : operand.text();
        Evidence at = r.evidence(call);
        switch (name) {
            case "BasicAuth":
                return args.isEmpty() ? new Check("basic", "header", at) : null;
            case "Cookie":
                if (args.size() == 1) {
                    String cookie = stringArg(r, args.get(0));
                    if (cookie != null && cookie.toLowerCase(Locale.ROOT).contains("jwt")) {
                        return new Check("jwt", "cookie", at);
                    }
                    if (cookie != null && !CREDENTIAL_NAME.matcher(cookie).matches()
                            && !cookie.toLowerCase(Locale.ROOT).matches(".*(user|login|sess|sid|id).*")) {
                        return null; // a preference cookie (theme, locale), not a credential
                    }
                    return new Check("session-cookie", "cookie", at);
                }
                return null;
            case "Get", "Query", "QueryParam", "DefaultQuery", "FormValue", "GetQuery", "Param":
                if (name.equals("Get") && op.endsWith("Query()") || !name.equals("Get") && args.size() >= 1) {
                    String key = args.isEmpty() ? null : stringArg(r, args.get(0));
                    if (key != null && CREDENTIAL_NAME.matcher(key).matches()
                            && !key.toLowerCase(Locale.ROOT).contains("session")) {
                        return new Check(apiKey(key) ? "api-key" : "token", "query", at);
                    }
                    if (name.equals("Get") && op.endsWith("Query()")) {
                        return null;
                    }
                }
                if (name.equals("Get") && (op.endsWith("Header") || op.endsWith("Header()"))) {
                    return header(r, args, at);
                }
                if (name.equals("Get") && (op.toLowerCase(Locale.ROOT).contains("session")
                        || op.toLowerCase(Locale.ROOT).contains("store")) && args.size() == 2) {
                    return new Check("session-cookie", "cookie", at);
                }
                return null;
            case "GetHeader", "Header":
                if (args.size() == 1) {
                    return header(r, args, at);
                }
                return null;
            case "Default":
                // gin-contrib/sessions: sessions.Default(c)
                if (operand != null && operand.is("identifier")) {
                    GoFile.Import i = r.goFile().importOf(operand.text());
                    if (i != null && i.path().contains("sessions")) {
                        return new Check("session-cookie", "cookie", at);
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static Check header(GoResolver r, List<SyntaxNode> args, Evidence at) {
        if (args.isEmpty()) {
            return null;
        }
        String h = stringArg(r, args.get(0));
        if (h == null) {
            return null;
        }
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.equals("authorization")) {
            return new Check("token", "header", at);
        }
        if (lower.equals("sec-websocket-protocol")) {
            return new Check("token", "subprotocol", at);
        }
        if (lower.equals("cookie")) {
            return new Check("session-cookie", "cookie", at);
        }
        if (CREDENTIAL_NAME.matcher(lower).matches() || lower.endsWith("-key")) {
            return new Check(apiKey(lower) ? "api-key" : "token", "header", at);
        }
        return null;
    }

    private static boolean apiKey(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").contains("apikey");
    }

    private static String stringArg(GoResolver r, SyntaxNode arg) {
        GoValue v = r.resolve(arg);
        return v.is(GoValue.Kind.STRING) ? v.string() : null;
    }

    /** True when a function's text mentions nothing that looks like authentication. */
    /** True when a function and the repository functions it calls directly mention nothing like authentication. */
    public static boolean mentionsNothing(GoResolver r, SyntaxNode fn) {
        if (!mentionsNothing(fn)) {
            return false;
        }
        SyntaxNode body = fn == null ? null : fn.field("body");
        if (body == null) {
            return true;
        }
        int checked = 0;
        for (QueryMatch m : CALLS.matches(body)) {
            SyntaxNode op = m.node("call.operand");
            if (op != null && op.is("identifier") && r.goFile().importOf(op.text()) != null) {
                continue;
            }
            Located<SyntaxNode> target = r.functionOf(m.node("call").field("function"));
            if (target != null && !target.item().equals(fn) && checked++ < 12
                    && !mentionsNothing(target.item())) {
                return false;
            }
        }
        return true;
    }

    public static boolean mentionsNothing(SyntaxNode fn) {
        if (fn == null) {
            return true;
        }
        String code = fn.text().replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
        return !AUTH_WORDS.matcher(code).find();
    }
}
