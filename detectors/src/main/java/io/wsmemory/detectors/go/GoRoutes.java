package io.wsmemory.detectors.go;

import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import io.wsmemory.core.resolve.go.GoFile;
import io.wsmemory.core.resolve.go.GoResolver;
import io.wsmemory.core.resolve.go.GoResolver.Located;
import io.wsmemory.core.resolve.go.GoSyntax;
import io.wsmemory.core.resolve.go.GoType;
import io.wsmemory.core.resolve.go.GoValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Where a WebSocket handler is mounted: the route registrations (net/http, gorilla/mux, chi, gin, echo,
 * httprouter) whose handler argument leads to the function that upgrades, with the path prefixes of the groups
 * they are registered on and the middleware in front of them (route arguments, wrappers, {@code Use} on the group
 * chain).
 */
public final class GoRoutes {

    private static final Query ROUTES = Query.load(GoRoutes.class, "routes.scm");
    private static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
            "CONNECT", "TRACE");
    private static final Set<String> HANDLER_WRAPPERS = Set.of("HandlerFunc", "Handler", "WrapH", "WrapF",
            "WrapHandler", "HandleFunc", "StripPrefix", "New");

    /** A registration: its call and file, the path (prefixes applied) and the middleware expressions before it. */
    public record Registration(GoResolver scope, SyntaxNode call, String path, GoValue pathValue,
                               List<Located<SyntaxNode>> middleware) {
    }

    private final Map<String, List<SyntaxNode>> routesByFile = new ConcurrentHashMap<>();

    /** The registrations that mount the function around {@code upgrade}, following callers up to two levels. */
    public List<Registration> find(GoResolver r, SyntaxNode upgrade) {
        List<Registration> out = new ArrayList<>();
        // a handler written inline: r.HandleFunc("/ws", func(w, r) { upgrader.Upgrade(...) })
        for (SyntaxNode lit = upgrade.ancestor("func_literal"); lit != null; lit = lit.ancestor("func_literal")) {
            SyntaxNode args = lit.parent();
            SyntaxNode call = args == null ? null : args.parent();
            if (call != null && call.is("call_expression") && isRoute(call)) {
                Registration reg = registration(r, call, lit);
                if (reg != null) {
                    out.add(reg);
                    return out;
                }
            }
        }
        List<Located<SyntaxNode>> targets = new ArrayList<>();
        SyntaxNode decl = GoSyntax.enclosingDeclaration(upgrade);
        if (decl == null) {
            return out;
        }
        targets.add(new Located<>(decl, r));
        Set<Integer> seen = new HashSet<>();
        for (int level = 0; level < 3 && out.isEmpty() && !targets.isEmpty(); level++) {
            List<Located<SyntaxNode>> next = new ArrayList<>();
            for (Located<SyntaxNode> t : targets) {
                if (!seen.add(t.scope().path().hashCode() * 31 + t.item().startByte())) {
                    continue;
                }
                out.addAll(registrationsOf(t));
                if (level < 2) {
                    for (GoResolver.CallSite site : t.scope().callSites(t.item())) {
                        SyntaxNode caller = GoSyntax.enclosingDeclaration(site.call());
                        if (caller != null) {
                            next.add(new Located<>(caller, site.scope()));
                        }
                    }
                }
            }
            targets = next;
        }
        return out;
    }

    private List<Registration> registrationsOf(Located<SyntaxNode> target) {
        List<Registration> out = new ArrayList<>();
        SyntaxNode decl = target.item();
        SyntaxNode nameNode = decl.field("name");
        if (nameNode == null) {
            return out;
        }
        String name = nameNode.text();
        boolean serveHttp = name.equals("ServeHTTP");
        String receiver = decl.is("method_declaration") ? receiverType(decl) : null;
        String needle = serveHttp ? receiver : name;
        if (needle == null) {
            return out;
        }
        Pattern token = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(needle) + "(?![A-Za-z0-9_])");
        // A function is registered in its own package by name, elsewhere as pkg.Name: in a large module the bare
        // name (Handler, Serve) is in hundreds of files that need no parse. A method is registered through a value
        // (api.Handle), so its name alone decides.
        String home = target.scope().directory();
        String pkg = target.scope().goFile() == null ? null : target.scope().goFile().packageName();
        String qualified = !decl.is("function_declaration") || pkg == null ? null : pkg + "." + needle; // methods go by value
        for (GoFile g : target.scope().workspace().filesContaining(needle,
                sf -> qualified == null || sf.directory().equals(home) || sf.contains(qualified))) {
            GoResolver scope = target.scope().resolverFor(g.path());
            for (SyntaxNode call : routes(g)) {
                List<SyntaxNode> args = GoSyntax.arguments(call);
                SyntaxNode handler = null;
                for (SyntaxNode a : args) {
                    if (token.matcher(a.text()).find()) {
                        handler = a;
                    }
                }
                if (handler == null || !receiverFits(scope, handler, needle, receiver, serveHttp)) {
                    continue;
                }
                Registration reg = registration(scope, call, handler);
                if (reg != null) {
                    out.add(reg);
                }
            }
        }
        return out;
    }

    private static boolean receiverFits(GoResolver scope, SyntaxNode handler, String needle, String receiver,
                                        boolean serveHttp) {
        if (receiver == null || serveHttp) {
            return true;
        }
        SyntaxNode h = GoSyntax.unwrap(handler);
        if (h.is("selector_expression") && h.field("field").text().equals(needle)) {
            GoType t = scope.typeOf(h.field("operand"));
            String name = t == null ? null : t.base().name();
            return name == null || name.equals(receiver);
        }
        return true;
    }

    private List<SyntaxNode> routes(GoFile g) {
        return routesByFile.computeIfAbsent(g.path(), p -> {
            List<SyntaxNode> calls = new ArrayList<>();
            SyntaxTree tree = g.parsed().tree();
            if (tree != null) {
                for (QueryMatch m : ROUTES.matches(tree.root())) {
                    calls.add(m.node("route"));
                }
            }
            return calls;
        });
    }

    private static boolean isRoute(SyntaxNode call) {
        String name = GoSyntax.calleeName(call);
        return name != null && Set.of("HandleFunc", "Handle", "GET", "Get", "Any", "HandlerFunc", "Handler",
                "Match", "Add", "Websocket", "WebSocket").contains(name) && GoSyntax.calleeOperand(call) != null;
    }

    /** Reads one registration: its path (first string argument that is not an HTTP verb) and middleware. */
    private Registration registration(GoResolver scope, SyntaxNode call, SyntaxNode handler) {
        List<SyntaxNode> args = GoSyntax.arguments(call);
        GoValue pathValue = null;
        int pathIndex = -1;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).startByte() >= handler.startByte()) {
                break;
            }
            GoValue v = scope.resolve(args.get(i));
            if (v.is(GoValue.Kind.STRING) && VERBS.contains(v.string())) {
                continue;
            }
            if (v.is(GoValue.Kind.STRING) || v.is(GoValue.Kind.ENV)) {
                pathValue = v;
                pathIndex = i;
                break;
            }
            if (i == 0) {
                pathIndex = 0;
                break;
            }
        }
        SyntaxNode receiver = GoSyntax.calleeOperand(call);
        List<Located<SyntaxNode>> middleware = new ArrayList<>();
        StringBuilder prefix = new StringBuilder();
        groupChain(scope, receiver, call, prefix, middleware, 0);
        if (pathValue == null && receiver != null) {
            // gorilla/mux: r.Path("/ws").HandlerFunc(h)
            SyntaxNode rc = GoSyntax.unwrap(receiver);
            if (rc.is("call_expression") && "Path".equals(GoSyntax.calleeName(rc))) {
                List<SyntaxNode> a = GoSyntax.arguments(rc);
                if (!a.isEmpty()) {
                    pathValue = scope.resolve(a.get(0));
                }
            }
        }
        if (pathValue == null || !pathValue.is(GoValue.Kind.STRING) && !pathValue.is(GoValue.Kind.ENV)) {
            if (pathIndex >= 0 || pathValue != null) {
                return null;
            }
            return null;
        }
        for (int i = pathIndex + 1; i < args.size(); i++) {
            SyntaxNode a = args.get(i);
            if (a.equals(handler)) {
                wrappers(scope, a, middleware);
                break;
            }
            middleware.add(new Located<>(a, scope));
        }
        String p = pathValue.text() == null ? "" : pathValue.text();
        String full = join(prefix.toString(), p);
        return new Registration(scope, call, full, pathValue, middleware);
    }

    /** Calls wrapped around a handler ({@code auth(http.HandlerFunc(serveWs))}) are middleware. */
    private static void wrappers(GoResolver scope, SyntaxNode handler, List<Located<SyntaxNode>> out) {
        SyntaxNode h = GoSyntax.unwrap(handler);
        int guard = 0;
        while (h != null && h.is("call_expression") && guard++ < 6) {
            String name = GoSyntax.calleeName(h);
            List<SyntaxNode> args = GoSyntax.arguments(h);
            if (name != null && !HANDLER_WRAPPERS.contains(name)) {
                out.add(new Located<>(h.field("function"), scope));
            }
            if (args.isEmpty()) {
                break;
            }
            h = GoSyntax.unwrap(args.get(args.size() - 1));
        }
    }

    /**
     * Follows the receiver of a registration back through {@code Group}, {@code Route}, {@code PathPrefix},
     * {@code With} and {@code Use}: prefixes are prepended, middleware collected.
     */
    private static void groupChain(GoResolver scope, SyntaxNode receiver, SyntaxNode before, StringBuilder prefix,
                                   List<Located<SyntaxNode>> middleware, int depth) {
        SyntaxNode rc = GoSyntax.unwrap(receiver);
        if (rc == null || depth > 6) {
            return;
        }
        if (rc.is("call_expression")) {
            String name = GoSyntax.calleeName(rc);
            List<SyntaxNode> args = GoSyntax.arguments(rc);
            SyntaxNode op = GoSyntax.calleeOperand(rc);
            if (name == null) {
                return;
            }
            switch (name) {
                case "Group", "PathPrefix", "Route", "Prefix" -> {
                    if (!args.isEmpty()) {
                        GoValue v = scope.resolve(args.get(0));
                        if (v.is(GoValue.Kind.STRING)) {
                            prefix.insert(0, v.string());
                        }
                        for (int i = 1; i < args.size(); i++) {
                            if (!args.get(i).is("func_literal")) {
                                middleware.add(new Located<>(args.get(i), scope));
                            }
                        }
                    }
                    groupChain(scope, op, rc, prefix, middleware, depth + 1);
                }
                case "With", "Use" -> {
                    for (SyntaxNode a : args) {
                        middleware.add(new Located<>(a, scope));
                    }
                    groupChain(scope, op, rc, prefix, middleware, depth + 1);
                }
                case "Subrouter", "Methods", "Name" -> groupChain(scope, op, rc, prefix, middleware, depth + 1);
                default -> {
                }
            }
            return;
        }
        if (!rc.is("identifier")) {
            return;
        }
        // middleware registered on the same variable in the same function: g.Use(mw)
        SyntaxNode fn = GoSyntax.enclosingFunction(rc);
        if (fn != null && fn.field("body") != null) {
            for (SyntaxNode use : scope.goFile().calls("Use")) {
                SyntaxNode op = GoSyntax.calleeOperand(use);
                if (op != null && op.is("identifier") && op.text().equals(rc.text()) && fn.encloses(use)
                        && use.startByte() < before.startByte()) {
                    for (SyntaxNode a : GoSyntax.arguments(use)) {
                        middleware.add(new Located<>(a, scope));
                    }
                }
            }
        }
        if (scope.isParameter(rc)) {
            // chi: r.Route("/api", func(r chi.Router) { r.Get(...) })
            SyntaxNode lit = rc.ancestor("func_literal");
            SyntaxNode args = lit == null ? null : lit.parent();
            SyntaxNode call = args == null ? null : args.parent();
            if (call != null && call.is("call_expression")) {
                String name = GoSyntax.calleeName(call);
                if ("Route".equals(name) || "Group".equals(name)) {
                    groupChain(scope, call, call, prefix, middleware, depth + 1);
                }
            }
            return;
        }
        Located<SyntaxNode> def = scope.definition(rc);
        if (def != null) {
            groupChain(def.scope(), def.item(), def.item(), prefix, middleware, depth + 1);
        }
    }

    private static String join(String prefix, String path) {
        if (prefix.isEmpty()) {
            return path;
        }
        if (path.isEmpty()) {
            return prefix;
        }
        boolean a = prefix.endsWith("/");
        boolean b = path.startsWith("/");
        return a && b ? prefix + path.substring(1) : a || b ? prefix + path : prefix + "/" + path;
    }

    static String receiverType(SyntaxNode method) {
        SyntaxNode recv = method.field("receiver");
        if (recv == null) {
            return null;
        }
        for (SyntaxNode p : recv.namedChildren()) {
            if (p.is("parameter_declaration")) {
                return GoSyntax.typeName(p.field("type"));
            }
        }
        return null;
    }
}
