package io.wsmemory.detectors.monitoring.health;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.js.JsFile;
import io.wsmemory.core.resolve.js.JsResolver;
import io.wsmemory.core.resolve.js.JsValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Health endpoints in JavaScript and TypeScript servers: Express, Koa, Fastify, Hapi, Hono and friends
 * ({@code app.get("/health", handler)}, {@code server.route({url: "/health"})}), raw node:http
 * ({@code if (req.url === "/health")}), and NestJS controllers ({@code @Controller("health")} with {@code @Get()}).
 * A route needs a handler after its path, and a file that imports a server framework or a receiver named like a
 * server, so that {@code axios.get("/health")} in a client is not an endpoint.
 */
final class JsHealth {

    static final Query QUERY = Query.load(JsHealth.class, "health.javascript.scm");
    private static final Set<String> FRAMEWORKS = Set.of("express", "fastify", "koa", "@koa/router", "koa-router",
            "@hapi/hapi", "hapi", "restify", "polka", "hono", "router", "find-my-way", "connect", "micro", "h3",
            "elysia", "uWebSockets.js", "uws", "@nestjs/common", "express-serve-static-core", "tinyhttp",
            "@tinyhttp/app", "0http", "hyper-express", "ultimate-express");
    private static final Set<String> SERVER_NAMES = Set.of("app", "router", "server", "fastify", "api", "routes",
            "route", "srv", "httpServer", "healthRouter", "healthRoutes", "r");
    private static final Set<String> CLIENT_NAMES = Set.of("axios", "http", "https", "fetch", "request", "superagent",
            "got", "ky", "client", "httpClient", "api.client", "cy", "agent", "supertest", "$http", "$", "jQuery");
    private static final Set<String> NEST_ROUTES = Set.of("Get", "All", "Head");

    /** A NestJS route before the global prefix is known. */
    record NestRoute(String path, Evidence at) {
    }

    /** A global prefix and the paths it leaves out. */
    record GlobalPrefix(String prefix, List<String> exclude, Evidence at) {
    }

    private JsHealth() {
    }

    static void read(ParsedFile file, SourceSet sources, List<HealthRoute> routes, List<NestRoute> nest,
                     List<GlobalPrefix> prefixes) {
        SyntaxTree tree = file.tree();
        if (tree == null) {
            return;
        }
        JsResolver resolver = new JsResolver(file, sources);
        JsFile js = resolver.jsFile();
        boolean framework = FRAMEWORKS.stream().anyMatch(js::importsModule);
        for (QueryMatch m : QUERY.matches(tree.root())) {
            if (m.has("route")) {
                route(file, resolver, m, framework, routes);
            } else if (m.has("route.object")) {
                routeObject(file, resolver, m, routes);
            } else if (m.has("compare")) {
                compare(file, resolver, m.node("left"), m.node("right"), m.node("compare"), routes);
                compare(file, resolver, m.node("right"), m.node("left"), m.node("compare"), routes);
            } else if (m.has("starts")) {
                compare(file, resolver, m.node("left"), m.node("right"), m.node("starts"), routes);
            } else if (m.has("case")) {
                compare(file, resolver, m.node("switch.value"), m.node("right"), m.node("case"), routes);
            } else if (m.has("decorator")) {
                decorator(file, resolver, m, nest);
            } else if (m.has("global.prefix")) {
                globalPrefix(file, resolver, m, prefixes);
            }
        }
    }

    private static void route(ParsedFile file, JsResolver resolver, QueryMatch m, boolean framework,
                              List<HealthRoute> out) {
        String recv = m.text("recv");
        if (CLIENT_NAMES.contains(recv) || recv.endsWith(".http") || recv.endsWith("Client")
                || recv.endsWith("client") || recv.startsWith("request(") || recv.startsWith("supertest(")) {
            return;
        }
        List<SyntaxNode> args = m.node("args").namedChildren();
        args.removeIf(a -> a.is("comment"));
        if (args.size() < 2 || !isHandler(resolver, args.get(args.size() - 1))) {
            return;
        }
        String root = recv.contains(".") ? recv.substring(recv.lastIndexOf('.') + 1) : recv;
        if (!framework && !SERVER_NAMES.contains(root)) {
            return;
        }
        String path = string(resolver, m.node("path"));
        if (path == null || !path.startsWith("/")) {
            return; // routes start with a slash; redis.get("status", cb) does not
        }
        String norm = HealthPaths.normalise(path);
        if (!HealthPaths.isHealth(norm)) {
            return;
        }
        String method = m.text("method");
        out.add(new HealthRoute(norm, "js", method.equals("use") ? "*" : method.toUpperCase(java.util.Locale.ROOT),
                file.evidence(m.node("path")), List.of(), Source.EXPLICIT, Confidence.HIGH, null));
    }

    private static boolean isHandler(JsResolver resolver, SyntaxNode n) {
        if (n.is("arrow_function") || n.is("function_expression") || n.is("function") || n.is("member_expression")
                || n.is("call_expression")) {
            return true;
        }
        if (n.is("identifier")) {
            return resolver.functionBehind(n).isPresent() || resolver.jsFile().importOf(n.text()) != null
                    || resolver.resolveName(n.text(), n).is(JsValue.Kind.FUNCTION);
        }
        return false;
    }

    private static void routeObject(ParsedFile file, JsResolver resolver, QueryMatch m, List<HealthRoute> out) {
        JsValue opts = resolver.resolve(m.node("opts"));
        if (!opts.is(JsValue.Kind.OBJECT) || !opts.has("handler") && !opts.has("handle")) {
            return;
        }
        JsValue.Member url = opts.properties().containsKey("url") ? opts.properties().get("url")
                : opts.properties().get("path");
        if (url == null) {
            return;
        }
        JsValue v = url.value();
        String norm = HealthPaths.normalise(v.is(JsValue.Kind.STRING) ? v.string() : null);
        if (!HealthPaths.isHealth(norm)) {
            return;
        }
        JsValue method = opts.get("method");
        String meth = method.is(JsValue.Kind.STRING) ? method.string().toUpperCase(java.util.Locale.ROOT)
                : method.is(JsValue.Kind.ARRAY) ? method.text().toUpperCase(java.util.Locale.ROOT) : null;
        out.add(HealthRoute.of(norm, "js", meth, file.evidence(url.keyNode() != null ? url.keyNode() : m.node("opts"))));
    }

    /** {@code req.url === "/health"}: one side reads the request's URL, the other is a health path. */
    private static void compare(ParsedFile file, JsResolver resolver, SyntaxNode urlSide, SyntaxNode pathSide,
                                SyntaxNode at, List<HealthRoute> out) {
        if (urlSide == null || pathSide == null) {
            return;
        }
        String u = urlSide.text();
        if (!(u.endsWith(".url") || u.endsWith(".pathname") || u.endsWith(".path") || u.equals("pathname")
                || u.equals("url") || u.equals("path") || u.endsWith(".originalUrl"))) {
            return;
        }
        if (!(pathSide.is("string") || pathSide.is("template_string"))) {
            return;
        }
        String path = string(resolver, pathSide);
        if (path == null || !path.startsWith("/")) {
            return;
        }
        String norm = HealthPaths.normalise(path);
        if (!HealthPaths.isHealth(norm)) {
            return;
        }
        out.add(HealthRoute.of(norm, "node:http", null, file.evidence(at)));
    }

    private static void decorator(ParsedFile file, JsResolver resolver, QueryMatch m, List<NestRoute> out) {
        String deco = m.text("deco");
        if (!NEST_ROUTES.contains(deco)) {
            return;
        }
        JsFile.Import imp = resolver.jsFile().importOf(deco);
        if (imp == null || !imp.source().equals("@nestjs/common")) {
            return;
        }
        SyntaxNode decorator = m.node("decorator");
        SyntaxNode cls = decorator.ancestor("class_declaration", "class", "abstract_class_declaration");
        if (cls == null) {
            return;
        }
        List<String> prefixes = controllerPaths(resolver, cls);
        if (prefixes == null) {
            return;
        }
        List<String> paths = decoratorPaths(resolver, m.node("deco.args"));
        if (paths == null) {
            return;
        }
        for (String prefix : prefixes) {
            for (String p : paths) {
                String norm = HealthPaths.normalise(prefix + "/" + p);
                if (norm != null && HealthPaths.isHealth(norm)) {
                    out.add(new NestRoute(norm, file.evidence(decorator)));
                }
            }
        }
    }

    /** The paths of a class's {@code @Controller(...)}: "" for none; null when the class is no controller. */
    private static List<String> controllerPaths(JsResolver resolver, SyntaxNode cls) {
        List<SyntaxNode> decorators = new ArrayList<>();
        for (SyntaxNode c : cls.namedChildren()) {
            if (c.is("decorator")) {
                decorators.add(c);
            }
        }
        SyntaxNode parent = cls.parent();
        if (parent != null && parent.is("export_statement")) {
            for (SyntaxNode c : parent.namedChildren()) {
                if (c.is("decorator")) {
                    decorators.add(c);
                }
            }
        }
        for (SyntaxNode d : decorators) {
            SyntaxNode call = d.namedChild(0);
            if (call != null && call.is("call_expression") && call.field("function") != null
                    && call.field("function").text().equals("Controller")) {
                SyntaxNode args = call.field("arguments");
                SyntaxNode first = args == null ? null : args.namedChild(0);
                if (first != null && first.is("object")) {
                    JsValue o = resolver.resolve(first);
                    JsValue p = o.get("path");
                    return p.is(JsValue.Kind.STRING) ? List.of(p.string())
                            : o.has("path") ? null : List.of("");
                }
                return decoratorPaths(resolver, args);
            }
        }
        return null;
    }

    /** The paths of a route decorator's first argument: none is "", a string, or an array of strings. */
    private static List<String> decoratorPaths(JsResolver resolver, SyntaxNode args) {
        SyntaxNode first = args == null ? null : args.namedChild(0);
        if (first == null) {
            return List.of("");
        }
        JsValue v = resolver.resolve(first);
        if (v.is(JsValue.Kind.STRING)) {
            return List.of(v.string());
        }
        if (v.is(JsValue.Kind.ARRAY)) {
            List<String> out = new ArrayList<>();
            for (JsValue i : v.items()) {
                if (!i.is(JsValue.Kind.STRING)) {
                    return null;
                }
                out.add(i.string());
            }
            return out;
        }
        return null;
    }

    private static void globalPrefix(ParsedFile file, JsResolver resolver, QueryMatch m, List<GlobalPrefix> out) {
        JsValue v = resolver.resolve(m.node("prefix"));
        if (!v.is(JsValue.Kind.STRING)) {
            out.add(new GlobalPrefix(null, List.of(), file.evidence(m.node("global.prefix"))));
            return;
        }
        List<String> exclude = new ArrayList<>();
        SyntaxNode opts = m.node("prefix.args").namedChild(1);
        if (opts != null) {
            JsValue o = resolver.resolve(opts);
            for (JsValue e : o.get("exclude").items()) {
                if (e.is(JsValue.Kind.STRING)) {
                    exclude.add(HealthPaths.normalise(e.string()));
                } else if (e.is(JsValue.Kind.OBJECT) && e.get("path").is(JsValue.Kind.STRING)) {
                    exclude.add(HealthPaths.normalise(e.get("path").string()));
                }
            }
        }
        out.add(new GlobalPrefix(v.string(), exclude, file.evidence(m.node("global.prefix"))));
    }

    private static String string(JsResolver resolver, SyntaxNode n) {
        JsValue v = resolver.resolve(n);
        return v.is(JsValue.Kind.STRING) ? v.string() : null;
    }
}
