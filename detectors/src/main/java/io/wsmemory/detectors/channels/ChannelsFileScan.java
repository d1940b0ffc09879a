package io.wsmemory.detectors.channels;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.python.PyFile;
import io.wsmemory.core.resolve.python.PyResolver;
import io.wsmemory.core.resolve.python.PySyntax;
import io.wsmemory.core.resolve.python.PyValue;
import io.wsmemory.detectors.channels.ChannelsFindings.AuthUse;
import io.wsmemory.detectors.channels.ChannelsFindings.Layer;
import io.wsmemory.detectors.channels.ChannelsFindings.LayerSend;
import io.wsmemory.detectors.channels.ChannelsFindings.Opt;
import io.wsmemory.detectors.channels.ChannelsFindings.OriginCheck;
import io.wsmemory.detectors.channels.ChannelsFindings.Room;
import io.wsmemory.detectors.channels.ChannelsFindings.Route;
import io.wsmemory.detectors.channels.ChannelsFindings.Router;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one file for Django Channels: the ASGI router and what wraps its websocket routes (origin validators,
 * authentication middleware, URL routers), consumer classes, channel-layer operations (groups and layer
 * messages), {@code CHANNEL_LAYERS} and {@code INSTALLED_APPS} in settings modules, and the servers that run the
 * application ({@code uvicorn.run} here; command lines in {@link ServerCommands}).
 */
final class ChannelsFileScan {

    static final Query QUERY = Query.load(ChannelsFileScan.class, "channels.scm");

    private final ParsedFile file;
    private final SourceSet sources;
    private final ChannelsFindings out;
    /** Functions that pass one of their parameters to group_send as the message: name → parameter index. */
    private final Map<String, Integer> layerWrappers = new LinkedHashMap<>();

    ChannelsFileScan(ParsedFile file, SourceSet sources) {
        this.file = file;
        this.sources = sources;
        this.out = new ChannelsFindings(file.path());
    }

    ChannelsFindings scan() {
        SyntaxTree tree = file.tree();
        if (tree == null) {
            out.servers.addAll(ServerCommands.read(file));
            return out;
        }
        PyResolver r = new PyResolver(file, sources);
        PyFile py = r.pyFile();
        for (PyFile.Import i : py.imports().values()) {
            if (i.level() == 0 && i.module() != null && (i.module().equals("channels")
                    || i.module().startsWith("channels."))) {
                Evidence at = file.evidence(i.node());
                if (out.importAt == null || at.line() < out.importAt.line()) {
                    out.importAt = at;
                }
            }
        }
        for (QueryMatch m : QUERY.matches(tree.root())) {
            if (m.has("router")) {
                router(r, m.node("router"));
            } else if (m.has("layer.call")) {
                layerCall(r, m);
            } else if (m.has("uvicorn")) {
                uvicornRun(r, m.node("uvicorn"));
            }
        }
        if (!layerWrappers.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (String n : layerWrappers.keySet()) {
                names.append(" \"").append(n).append('"');
            }
            Query calls = Query.of("channels-layer-helpers", "(call function: [(identifier) @name (attribute "
                    + "attribute: (identifier) @name)] arguments: (argument_list) @args (#any-of? @name" + names
                    + ")) @call");
            for (QueryMatch m : calls.matches(tree.root())) {
                Integer index = layerWrappers.get(m.text("name"));
                SyntaxNode call = m.node("call");
                if (index == null) {
                    continue;
                }
                List<SyntaxNode> args = PySyntax.positional(call);
                if (index < args.size()) {
                    layerMessage(r, args.get(index), call);
                }
            }
        }
        if (out.routers.isEmpty()) {
            looseRoutes(r, py);
        }
        consumers(r, py);
        settings(r, py);
        return out;
    }

    // ---- routing ---------------------------------------------------------------------------------------------

    private void router(PyResolver r, SyntaxNode call) {
        SyntaxNode arg = PySyntax.argument(call, 0, "application_mapping");
        PyValue map = arg == null ? null : r.resolve(arg);
        if (map == null || !map.is(PyValue.Kind.DICT) || !map.has("websocket")) {
            return;
        }
        PyValue.Member ws = map.entries().get("websocket");
        SyntaxNode pair = ws.keyNode();
        PyResolver where = r.resolverFor(map.path());
        SyntaxNode value = pair == null ? null : pair.field("value");
        if (value == null) {
            return;
        }
        Chain chain = new Chain();
        chain.read(where, value, "", Map.of(), 0);
        out.routers.add(new Router(file.evidence(call), where.evidence(pair), chain.origins, chain.auths,
                chain.routes));
    }

    /** A name's parameter bound to an argument of the call being unwrapped. */
    private record Bound(PyResolver r, SyntaxNode node, Map<String, Bound> outer) {
    }

    /** What wraps the websocket routes, read from the outside in. */
    private final class Chain {
        final List<OriginCheck> origins = new ArrayList<>();
        final List<AuthUse> auths = new ArrayList<>();
        final List<Route> routes = new ArrayList<>();

        void read(PyResolver r, SyntaxNode expr, String prefix, Map<String, Bound> params, int depth) {
            SyntaxNode n = PySyntax.unwrap(expr);
            if (n == null || depth > 14) {
                return;
            }
            switch (n.type()) {
                case "identifier", "attribute" -> {
                    if (n.is("identifier") && params.containsKey(n.text())) {
                        Bound b = params.get(n.text());
                        read(b.r(), b.node(), prefix, b.outer(), depth + 1);
                        return;
                    }
                    PyValue v = r.resolve(n);
                    if (v.is(PyValue.Kind.CLASS)) {
                        routes.add(new Route(prefix.isEmpty() ? "" : prefix, v.name(), r.evidence(n)));
                        return;
                    }
                    if (v.node() != null && v.path() != null && !v.node().equals(n)) {
                        read(r.resolverFor(v.path()), v.node(), prefix, Map.of(), depth + 1);
                    }
                }
                case "list", "tuple" -> {
                    for (SyntaxNode item : n.namedChildren()) {
                        if (item.is("list_splat") && item.namedChildCount() > 0) {
                            read(r, item.namedChild(0), prefix, params, depth + 1);
                        } else {
                            route(r, item, prefix, params, depth + 1);
                        }
                    }
                }
                case "binary_operator" -> {
                    read(r, n.field("left"), prefix, params, depth + 1);
                    read(r, n.field("right"), prefix, params, depth + 1);
                }
                case "call" -> call(r, n, prefix, params, depth);
                default -> {
                }
            }
        }

        private void call(PyResolver r, SyntaxNode n, String prefix, Map<String, Bound> params, int depth) {
            String name = PySyntax.calleeName(n);
            String qualified = r.qualifiedName(n.field("function"));
            if (qualified != null && qualified.startsWith("channels.")) { // an alias: AHV = AllowedHostsOriginValidator
                name = qualified.substring(qualified.lastIndexOf('.') + 1);
            }
            List<SyntaxNode> args = PySyntax.positional(n);
            SyntaxNode inner = args.isEmpty() ? firstKeyword(n, "application", "app", "inner", "routes") : args.get(0);
            if (name == null) {
                return;
            }
            switch (name) {
                case "URLRouter" -> read(r, inner, prefix, params, depth + 1);
                case "AllowedHostsOriginValidator" -> {
                    origins.add(allowedHosts(r, n));
                    read(r, inner, prefix, params, depth + 1);
                }
                case "OriginValidator" -> {
                    SyntaxNode list = PySyntax.argument(n, 1, "allowed_origins");
                    origins.add(originList(r, n, list));
                    read(r, inner, prefix, params, depth + 1);
                }
                case "AuthMiddlewareStack", "AuthMiddleware" -> {
                    auths.add(new AuthUse("session-cookie", "upgrade-request", "cookie", Confidence.HIGH,
                            List.of(r.evidence(n)), "Django session cookie read by " + name
                                    + " into scope[\"user\"]"));
                    read(r, inner, prefix, params, depth + 1);
                }
                case "SessionMiddlewareStack", "SessionMiddleware", "CookieMiddleware" ->
                        read(r, inner, prefix, params, depth + 1);
                case "cast" -> read(r, PySyntax.argument(n, 1, "val"), prefix, params, depth + 1); // typing.cast
                case "as_asgi" -> {
                    SyntaxNode fn = n.field("function");
                    PyValue v = r.resolve(fn.field("object"));
                    String q = v.is(PyValue.Kind.CLASS) ? v.name() : r.qualifiedName(fn.field("object"));
                    routes.add(new Route(prefix, q, r.evidence(n)));
                }
                default -> wrapper(r, n, name, inner, prefix, params, depth);
            }
        }

        /** A middleware or a function that builds a stack: read what it does, then what it wraps. */
        private void wrapper(PyResolver r, SyntaxNode n, String name, SyntaxNode inner, String prefix,
                             Map<String, Bound> params, int depth) {
            PyValue fn = r.resolve(n.field("function"));
            if (fn.is(PyValue.Kind.FUNCTION) && fn.node() != null
                    && (fn.node().is("function_definition") || fn.node().is("lambda"))) {
                PyResolver there = r.resolverFor(fn.path());
                List<String> ps = new ArrayList<>();
                if (fn.node().is("lambda")) {
                    SyntaxNode lp = fn.node().field("parameters");
                    for (SyntaxNode p : lp == null ? List.<SyntaxNode>of() : lp.namedChildren()) {
                        ps.add(p.is("identifier") ? p.text() : p.field("name") != null ? p.field("name").text() : "");
                    }
                } else {
                    ps = PySyntax.parameterNames(fn.node());
                }
                List<SyntaxNode> args = PySyntax.positional(n);
                Map<String, Bound> bound = new HashMap<>();
                for (int i = 0; i < ps.size() && i < args.size(); i++) {
                    bound.put(ps.get(i), new Bound(r, args.get(i), params));
                }
                if (fn.node().is("lambda")) { // a lambda's body is its return value
                    read(there, fn.node().field("body"), prefix, bound, depth + 1);
                    return;
                }
                SyntaxNode body = fn.node().field("body");
                for (SyntaxNode s : body == null ? List.<SyntaxNode>of() : body.namedChildren()) {
                    if (s.is("return_statement") && s.namedChildCount() > 0) {
                        read(there, s.namedChild(0), prefix, bound, depth + 1);
                    }
                }
                return;
            }
            if (fn.is(PyValue.Kind.CLASS)) {
                AuthUse a = MiddlewareReading.auth(r.resolverFor(fn.path()), fn, r.evidence(n));
                if (a != null) {
                    auths.add(a);
                }
            } else if (inner != null) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.contains("jwt") || lower.contains("token")) { // a packaged middleware known by its name
                    auths.add(new AuthUse(lower.contains("jwt") ? "jwt" : "token", "upgrade-request", null,
                            Confidence.LOW, List.of(r.evidence(n)), "middleware " + name
                                    + " from a package; its credential carrier is not in this repository"));
                }
            }
            if (inner != null) {
                read(r, inner, prefix, params, depth + 1);
            }
        }

        private void route(PyResolver r, SyntaxNode item, String prefix, Map<String, Bound> params, int depth) {
            SyntaxNode n = PySyntax.unwrap(item);
            if (n == null || !n.is("call")) {
                read(r, item, prefix, params, depth);
                return;
            }
            String name = PySyntax.calleeName(n);
            if (!("path".equals(name) || "re_path".equals(name) || "url".equals(name) || "route".equals(name))) {
                read(r, n, prefix, params, depth);
                return;
            }
            SyntaxNode routeArg = PySyntax.argument(n, 0, "route");
            SyntaxNode target = PySyntax.argument(n, 1, "view");
            PyValue rv = routeArg == null ? null : r.resolve(routeArg);
            if (rv == null || !rv.is(PyValue.Kind.STRING) || target == null) {
                return;
            }
            String p = RoutePaths.join(prefix, rv.string(), !"path".equals(name));
            int before = routes.size();
            SyntaxNode t = PySyntax.unwrap(target);
            while (t != null && t.is("call") && "cast".equals(PySyntax.calleeName(t))) { // cast(Any, X.as_asgi())
                t = PySyntax.unwrap(PySyntax.argument(t, 1, "val"));
            }
            if (t != null && t.is("call") && "as_asgi".equals(PySyntax.calleeName(t))) {
                call(r, t, p, params, depth + 1);
            } else {
                read(r, target, p, params, depth + 1);
            }
            // the route's line is the evidence, not the consumer's
            for (int i = before; i < routes.size(); i++) {
                Route x = routes.get(i);
                if (x.path().equals(p)) {
                    routes.set(i, new Route(x.path(), x.consumer(), r.evidence(n)));
                }
            }
        }
    }

    private static SyntaxNode firstKeyword(SyntaxNode call, String... names) {
        for (String n : names) {
            SyntaxNode k = PySyntax.keyword(call, n);
            if (k != null) {
                return k;
            }
        }
        return null;
    }

    /** {@code AllowedHostsOriginValidator}: the origins are the hosts of {@code settings.ALLOWED_HOSTS}. */
    private OriginCheck allowedHosts(PyResolver r, SyntaxNode call) {
        PyValue hosts = r.djangoSetting("ALLOWED_HOSTS");
        List<Evidence> ev = new ArrayList<>();
        ev.add(r.evidence(call));
        ev.addAll(hosts.via());
        if (hosts.is(PyValue.Kind.ENV)) {
            PyValue fb = hosts.fallback();
            String value = fb == null ? "" : fb.text();
            boolean any = fb != null && fb.items().stream().anyMatch(i -> "*".equals(i.text()))
                    || "*".equals(value);
            return new OriginCheck(any ? "any" : "allow-list", new Opt(value, Source.ENV, Confidence.MEDIUM,
                    hosts.variable(), ev), r.evidence(call), "settings.ALLOWED_HOSTS");
        }
        if (hosts.is(PyValue.Kind.LIST)) {
            List<String> items = new ArrayList<>();
            for (PyValue i : hosts.items()) {
                PyValue e = i.effective();
                items.add(e.isLiteral() ? e.text() : "?");
            }
            if (items.contains("*")) {
                return new OriginCheck("any", new Opt("*", Source.EXPLICIT, Confidence.MEDIUM, null, ev),
                        r.evidence(call), "ALLOWED_HOSTS contains *");
            }
            String note = "settings.ALLOWED_HOSTS";
            if (items.isEmpty()) {
                PyValue debug = r.djangoSetting("DEBUG");
                if (debug.is(PyValue.Kind.BOOLEAN) && debug.bool()) {
                    items = List.of("localhost", "127.0.0.1", "[::1]");
                    note = "ALLOWED_HOSTS is empty and DEBUG is on: local hosts only";
                }
            }
            return new OriginCheck("allow-list", new Opt(String.join(",", items), Source.EXPLICIT,
                    Confidence.MEDIUM, null, ev), r.evidence(call), note);
        }
        return new OriginCheck("allow-list", new Opt("", Source.EXPLICIT, Confidence.MEDIUM, null, ev),
                r.evidence(call), "settings.ALLOWED_HOSTS (value not resolved)");
    }

    private OriginCheck originList(PyResolver r, SyntaxNode call, SyntaxNode list) {
        PyValue v = list == null ? null : r.resolve(list);
        List<Evidence> ev = new ArrayList<>();
        ev.add(r.evidence(call));
        if (v == null) {
            return new OriginCheck("allow-list", new Opt("", Source.EXPLICIT, Confidence.MEDIUM, null, ev),
                    r.evidence(call), null);
        }
        ev.addAll(v.via());
        PyValue e = v.effective();
        List<String> items = new ArrayList<>();
        for (PyValue i : e.items()) {
            PyValue x = i.effective();
            items.add(x.isLiteral() ? x.text() : "?");
        }
        if (e.is(PyValue.Kind.STRING)) {
            items.add(e.string());
        }
        String key = items.contains("*") ? "any" : "allow-list";
        return new OriginCheck(key, new Opt(String.join(",", items), v.source(), v.confidence(), v.variable(), ev),
                r.evidence(call), null);
    }

    /** {@code websocket_urlpatterns = [...]} in a module with no router of its own. */
    private void looseRoutes(PyResolver r, PyFile py) {
        for (Map.Entry<String, List<PyFile.Assignment>> e : py.allAssignments().entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (!(name.contains("websocket") || name.startsWith("ws_") || name.equals("ws_urlpatterns"))
                    || !(name.contains("pattern") || name.contains("route") || name.contains("url"))) {
                continue;
            }
            for (PyFile.Assignment a : e.getValue()) {
                Chain chain = new Chain();
                chain.read(r, a.value(), "", Map.of(), 0);
                out.looseRoutes.addAll(chain.routes);
            }
        }
    }

    // ---- consumers and the channel layer ---------------------------------------------------------------------

    private void consumers(PyResolver r, PyFile py) {
        for (Map.Entry<String, SyntaxNode> e : py.classes().entrySet()) {
            PyValue cls = r.resolveName(e.getKey(), null);
            if (!cls.is(PyValue.Kind.CLASS) || !cls.node().equals(e.getValue())) {
                continue;
            }
            List<String> ancestors = r.ancestors(cls);
            if (!ConsumerScan.isConsumer(ancestors, e.getValue())) {
                continue;
            }
            out.consumers.add(new ConsumerScan(r, cls, ancestors).scan());
            SyntaxNode groups = PyFile.classAttributes(e.getValue()).get("groups");
            if (groups != null) {
                PyValue v = r.resolve(groups.field("right"));
                for (PyValue g : v.items()) {
                    PyValue s = g.effective();
                    if (s.is(PyValue.Kind.STRING) && !s.string().isEmpty()) {
                        out.rooms.add(new Room(s.string(), "join", file.evidence(groups)));
                    }
                }
            }
        }
    }

    private void layerCall(PyResolver r, QueryMatch m) {
        String op = m.text("layer.op");
        SyntaxNode receiver = m.node("layer.receiver");
        SyntaxNode call = m.node("layer.call");
        String recv = receiver.text().toLowerCase(Locale.ROOT);
        boolean layer = recv.contains("layer");
        if (!layer && receiver.is("identifier")) {
            PyValue v = r.resolve(receiver);
            SyntaxNode node = v.node();
            layer = node != null && node.is("call") && node.text().contains("get_channel_layer");
        }
        if (!layer && op.equals("send")) {
            return;
        }
        if (!layer && !file.file().text().contains("channels")) {
            return;
        }
        List<SyntaxNode> args = PySyntax.positional(call);
        if (op.equals("group_add") || op.equals("group_send")) {
            SyntaxNode group = PySyntax.argument(call, 0, "group");
            String pattern = group == null ? null : r.pattern(group);
            if (pattern == null && group != null) {
                pattern = "{" + PyResolver.placeholder(group) + "}";
            }
            if (pattern != null && !pattern.isEmpty()) {
                out.rooms.add(new Room(pattern, op.equals("group_add") ? "join" : "broadcast", file.evidence(call)));
            }
        }
        if (op.equals("group_send") || op.equals("send")) {
            SyntaxNode message = PySyntax.argument(call, 1, "message");
            if (message == null) {
                return;
            }
            SyntaxNode mn = PySyntax.unwrap(message);
            SyntaxNode fn = r.pyFile().enclosing(call, "function_definition");
            if (mn != null && mn.is("identifier") && fn != null && fn.field("name") != null) {
                int index = PySyntax.parameterNames(fn).indexOf(mn.text());
                if (index >= 0) { // def broadcast(room, event): ... group_send(group, event)
                    boolean method = r.pyFile().enclosing(fn, "class_definition") != null
                            && !PySyntax.parameterNames(fn).isEmpty()
                            && PySyntax.parameterNames(fn).get(0).equals("self");
                    layerWrappers.put(fn.field("name").text(), method ? index - 1 : index);
                    return;
                }
            }
            layerMessage(r, message, call);
        }
    }

    /** A channel-layer message: its type, where the type is written, the keys it carries. */
    private void layerMessage(PyResolver r, SyntaxNode message, SyntaxNode call) {
        {
            PyValue v = r.resolve(message);
            if (!v.is(PyValue.Kind.DICT)) {
                return;
            }
            PyValue.Member type = v.entries().get("type");
            PyValue t = type == null ? null : type.value().effective();
            if (t == null || !t.is(PyValue.Kind.STRING) || t.string().isEmpty()) {
                return;
            }
            List<String> payload = new ArrayList<>(v.entries().keySet());
            PyResolver where = r.resolverFor(v.path());
            Evidence at = type.keyNode() != null ? where.evidence(type.keyNode()) : file.evidence(call);
            out.layerSends.add(new LayerSend(t.string(), at, payload));
        }
    }

    // ---- settings --------------------------------------------------------------------------------------------

    private void settings(PyResolver r, PyFile py) {
        for (PyFile.Assignment a : py.assignments("CHANNEL_LAYERS")) {
            PyValue v = r.resolve(a.value());
            if (!v.is(PyValue.Kind.DICT)) {
                continue;
            }
            for (Map.Entry<String, PyValue.Member> alias : v.entries().entrySet()) {
                PyValue conf = alias.getValue().value();
                if (!conf.is(PyValue.Kind.DICT)) {
                    continue;
                }
                layer(r, alias.getKey(), conf, a);
            }
        }
        for (PyFile.Assignment a : py.assignments("INSTALLED_APPS")) {
            PyValue v = r.resolve(a.value());
            for (PyValue i : v.items()) {
                if (i.is(PyValue.Kind.STRING)) {
                    out.installedApps.add(i.string());
                }
            }
            if (out.installedAppsAt == null) {
                out.installedAppsAt = file.evidence(a.statement());
            }
        }
        if (!py.assignments("INSTALLED_APPS").isEmpty() || file.file().text().contains("INSTALLED_APPS")) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("INSTALLED_APPS\\s*(\\+=|\\.append\\(|\\.insert\\(\\s*\\d+\\s*,)\\s*\\[?([^\\]\\n)]*)")
                    .matcher(file.file().text());
            while (m.find()) {
                java.util.regex.Matcher q = java.util.regex.Pattern.compile("['\"]([\\w.]+)['\"]").matcher(m.group(2));
                while (q.find()) {
                    out.installedApps.add(q.group(1));
                }
            }
        }
    }

    private void layer(PyResolver r, String alias, PyValue conf, PyFile.Assignment a) {
        PyValue.Member backend = conf.entries().get("BACKEND");
        PyValue b = backend == null ? null : backend.value().effective();
        if (b == null || !b.is(PyValue.Kind.STRING)) {
            return;
        }
        PyResolver where = r.resolverFor(conf.path());
        Evidence backendAt = backend.keyNode() != null ? where.evidence(backend.keyNode()) : file.evidence(a.statement());
        PyValue config = conf.get("CONFIG");
        List<Opt> hosts = new ArrayList<>();
        Evidence hostsAt = null;
        Map<String, Opt> options = new LinkedHashMap<>();
        if (config.is(PyValue.Kind.DICT)) {
            PyResolver cw = r.resolverFor(config.path());
            for (Map.Entry<String, PyValue.Member> e : config.entries().entrySet()) {
                PyValue val = e.getValue().value();
                Evidence at = e.getValue().keyNode() != null ? cw.evidence(e.getValue().keyNode()) : backendAt;
                if (e.getKey().equals("hosts")) {
                    hostsAt = at;
                    for (PyValue h : val.effective().items()) {
                        Opt o = RedisHosts.host(h, at);
                        if (o != null) {
                            hosts.add(o);
                        }
                    }
                    if (val.is(PyValue.Kind.ENV) && val.fallback() == null) {
                        hosts.add(new Opt("", Source.ENV, Confidence.MEDIUM, val.variable(), withVia(at, val)));
                    }
                } else {
                    PyValue x = val.effective();
                    String text = x.isLiteral() ? x.text() : null;
                    if (text != null) {
                        List<Evidence> ev = withVia(at, val);
                        options.put(e.getKey(), new Opt(text, val.source(), val.confidence(), val.variable(), ev));
                    }
                }
            }
        }
        out.layers.add(new Layer(alias, b.string(), backendAt, hosts, hostsAt, options, a.conditional()));
    }

    static List<Evidence> withVia(Evidence at, PyValue v) {
        List<Evidence> ev = new ArrayList<>();
        ev.add(at);
        for (Evidence e : v.via()) {
            if (!ev.contains(e)) {
                ev.add(e);
            }
        }
        return ev;
    }

    // ---- servers ---------------------------------------------------------------------------------------------

    private void uvicornRun(PyResolver r, SyntaxNode call) {
        Map<String, Opt> options = new LinkedHashMap<>();
        for (Map.Entry<String, SyntaxNode> e : PySyntax.keywords(call).entrySet()) {
            String key = e.getKey();
            if (!(key.startsWith("ws_") || key.equals("port"))) {
                continue;
            }
            PyValue v = r.resolve(e.getValue().field("value"));
            PyValue x = v.effective();
            if (x.isLiteral()) {
                options.put("--" + key.replace('_', '-'), new Opt(x.text(), v.source(), v.confidence(), v.variable(),
                        withVia(file.evidence(e.getValue()), v)));
            } else if (v.is(PyValue.Kind.ENV)) {
                options.put("--" + key.replace('_', '-'), new Opt("", v.source(), v.confidence(), v.variable(),
                        withVia(file.evidence(e.getValue()), v)));
            }
        }
        out.servers.add(new ChannelsFindings.ServerRun("uvicorn", options, file.evidence(call)));
    }
}
