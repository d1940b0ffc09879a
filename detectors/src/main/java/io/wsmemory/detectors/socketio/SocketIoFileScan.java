package io.wsmemory.detectors.socketio;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.js.JsFile;
import io.wsmemory.core.resolve.js.JsFile.Import;
import io.wsmemory.core.resolve.js.JsModules;
import io.wsmemory.core.resolve.js.JsResolver;
import io.wsmemory.core.resolve.js.JsSyntax;
import io.wsmemory.core.resolve.js.JsValue;
import io.wsmemory.detectors.js.JsPayloads;
import io.wsmemory.detectors.js.JsRooms;
import io.wsmemory.detectors.js.JsValidation;
import io.wsmemory.detectors.js.JsClientKind;
import io.wsmemory.detectors.js.JsMessageTypes;
import io.wsmemory.detectors.js.JsOption;
import io.wsmemory.detectors.js.JsOptions;
import io.wsmemory.detectors.socketio.Findings.Side;
import io.wsmemory.core.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one JavaScript or TypeScript file for Socket.IO: server and client constructions with their options, the
 * sockets their handlers receive, events on both sides, rooms, namespaces, handshake authentication, adapters and
 * sticky masters. Receivers are classified by where they come from (a construction, a connection handler's
 * parameter, a typed parameter, an import of another file's socket) and, failing that, by the names the Socket.IO
 * documentation uses ({@code socket}, {@code io}); findings of the latter kind are weak and kept only when the
 * repository depends on Socket.IO.
 */
final class SocketIoFileScan {

    static final Query QUERY = Query.load(SocketIoFileScan.class, "socketio.scm");
    static final Query TYPES = Query.load(SocketIoFileScan.class, "socketio-types.typescript.scm");

    static final String SERVER_MODULE = "socket.io";
    static final String CLIENT_MODULE = "socket.io-client";
    static final Set<String> RESERVED = SocketIoNames.RESERVED_EVENTS;
    static final Map<String, String> ADAPTERS = SocketIoNames.ADAPTER_PACKAGES;
    private static final Set<String> MSGPACK_PARSERS = Set.of("socket.io-msgpack-parser", "@skgdev/socket.io-msgpack-javascript");
    private static final Set<String> EMITS = Set.of("emit", "emitWithAck");
    private static final Set<String> CHAIN_CALLS = Set.of("to", "in", "except", "timeout", "compress", "binary");
    private static final Set<String> CHAIN_FLAGS = Set.of("broadcast", "volatile", "local");

    enum Role { SERVER, SERVER_SOCKET, CLIENT_SOCKET, WEAK_SERVER, WEAK_SOCKET, NONE }

    private record Scope(String name, int start, int end, Role role) {
    }

    private final ParsedFile file;
    private final SourceSet sources;
    private final JsResolver resolver;
    private final JsFile js;
    private final Findings out;
    private final Map<String, Role> fileNames = new HashMap<>();
    private final List<Scope> scopes = new ArrayList<>();
    private final Map<String, Role> importedRoles = new HashMap<>();
    private final Set<String> httpServers = new HashSet<>();
    private final Set<String> namespaceNames = new HashSet<>();
    private final Set<Integer> adapterCalls = new HashSet<>();

    SocketIoFileScan(ParsedFile file, SourceSet sources) {
        this.file = file;
        this.sources = sources;
        this.resolver = new JsResolver(file, sources);
        this.js = resolver.jsFile();
        boolean server = js.importsModule(SERVER_MODULE);
        boolean client = js.importsModule(CLIENT_MODULE);
        this.out = new Findings(file.path(), server == client ? Side.UNKNOWN : server ? Side.SERVER : Side.CLIENT);
    }

    Findings scan() {
        SyntaxTree tree = file.tree();
        if (tree == null) {
            return out;
        }
        libraryImports();
        if (tree.language() != io.wsmemory.core.source.Language.JAVASCRIPT) {
            for (QueryMatch m : TYPES.matches(tree.root())) {
                typedParam(m);
            }
            for (JsMessageTypes.Declared d : JsMessageTypes.socketIoEventMaps(file)) {
                if (!RESERVED.contains(d.name())) {
                    out.events.add(new Findings.Event(d.name(), Side.SERVER, d.direction() == JsMessageTypes.Direction.OUT,
                            d.at(), d.payload(), false, null, false, null, null));
                }
            }
        }
        List<QueryMatch> matches = QUERY.matches(tree.root());
        for (QueryMatch m : matches) {
            if (m.has("ctor.call") || m.has("ctor.new")) {
                construction(m);
            }
        }
        for (QueryMatch m : matches) { // handlers first: a socket parameter is known before its uses are read
            if (m.has("method.call")) {
                handlerRegistration(m);
            }
        }
        for (QueryMatch m : matches) {
            if (m.has("method.call")) {
                methodCall(m);
            }
        }
        return out;
    }

    // ---- imports and constructions -------------------------------------------------------------------------

    private void libraryImports() {
        Map<String, SyntaxNode> sites = new java.util.TreeMap<>();
        for (Import i : js.imports().values()) {
            sites.putIfAbsent(i.source(), i.node());
        }
        js.requires().forEach(sites::putIfAbsent);
        SyntaxNode server = sites.get(SERVER_MODULE);
        SyntaxNode client = sites.get(CLIENT_MODULE);
        if (server != null) {
            out.libraries.add(new Findings.LibraryUse("socket.io", "server", file.evidence(server)));
        }
        if (client != null) {
            out.libraries.add(new Findings.LibraryUse("socket.io-client", "client", file.evidence(client)));
        }
    }

    private void typedParam(QueryMatch m) {
        String type = m.text("param.type");
        Import imp = js.importOf(type);
        if (imp == null) {
            return;
        }
        Role role = null;
        if (imp.source().equals(SERVER_MODULE)) {
            role = imp.imported().equals("Socket") ? Role.SERVER_SOCKET
                    : imp.imported().equals("Server") || imp.imported().equals("Namespace") ? Role.SERVER : null;
        } else if (imp.source().equals(CLIENT_MODULE) && imp.imported().equals("Socket")) {
            role = Role.CLIENT_SOCKET;
        }
        SyntaxNode fn = functionOf(m.node("param"));
        if (role != null && fn != null) {
            scopes.add(new Scope(m.text("param.name"), fn.startByte(), fn.endByte(), role));
        }
    }

    private void construction(QueryMatch m) {
        SyntaxNode call = m.has("ctor.call") ? m.node("ctor.call") : m.node("ctor.new");
        SyntaxNode callee = m.node("callee");
        String root = rootName(callee.text());
        boolean known = root.equals("require") || root.equals("import") || js.importOf(root) != null
                || !js.declarations(root).isEmpty();
        List<SyntaxNode> args = JsSyntax.arguments(m.node("args"));
        if (!known) {
            if (m.has("ctor.call") && root.equals("io") && callee.is("identifier") && isBrowserGlobal()) {
                client(call, args);
            }
            return;
        }
        Optional<Import> imp = resolver.importBehind(callee);
        if (imp.isEmpty()) {
            return;
        }
        String source = imp.get().source();
        String member = imp.get().imported();
        boolean isNew = m.has("ctor.new");
        if (source.equals(SERVER_MODULE)) {
            if (member.equals("Server") || member.equals("*") || member.equals("default") || member.endsWith("listen")
                    || member.equals("default.Server")) {
                server(call, args, !member.contains("Server") || !isNew);
            }
        } else if (source.equals(CLIENT_MODULE)) {
            if (Set.of("io", "*", "default", "connect", "io.connect", "default.connect", "Manager", "lookup")
                    .contains(member)) {
                client(call, args);
            }
        } else if (ADAPTERS.containsKey(source) && !isNew) {
            adapter(call, args, ADAPTERS.get(source), source, member);
        } else if (source.equals("@socket.io/sticky") && member.equals("setupMaster")) {
            sticky(call, args);
        }
    }

    private boolean isBrowserGlobal() {
        if (js.importOf("io") != null || !js.declarations("io").isEmpty()) {
            return false;
        }
        SourceFile f = file.file();
        return f.isEmbeddedScript() || f.contains("/socket.io/socket.io.js") || f.contains("socket.io.min.js")
                || f.contains("socket.io-client") || f.contains("window.") || f.contains("document.")
                || f.contains("$(") || f.contains("jQuery") || loadedByPageWithClient(f);
    }

    /** A script a page of the same folder loads next to the Socket.IO client bundle ({@code io} is its global). */
    private boolean loadedByPageWithClient(SourceFile script) {
        for (SourceFile page : sources.all()) {
            String name = page.fileName().toLowerCase(Locale.ROOT);
            if (page.directory().equals(script.directory()) && (name.endsWith(".html") || name.endsWith(".htm"))
                    && page.contains("socket.io") && page.contains(script.fileName())) {
                return true;
            }
        }
        return false;
    }

    private void server(SyntaxNode call, List<SyntaxNode> args, boolean v2Style) {
        Map<String, JsOption> options = Findings.options();
        JsOption port = null;
        for (SyntaxNode a : args) {
            JsValue v = resolver.resolve(a);
            if (v.is(JsValue.Kind.OBJECT)) {
                readOptions(v, "", options, 0);
                JsValue.Member allow = v.properties().get("allowRequest");
                if (allow != null && allow.value().node() != null) {
                    AuthReading.allowRequest(resolver, file, allow.value().node(), allow.keyNode())
                            .ifPresent(out.auths::add);
                }
            } else if (v.effective().is(JsValue.Kind.NUMBER)) {
                port = opt(v, a);
            } else if (a.is("identifier")) {
                httpServers.add(a.text());
            }
        }
        String name = bindingName(call);
        if (name != null) {
            fileNames.put(name, Role.SERVER);
        }
        Evidence at = file.evidence(call);
        out.servers.add(new Findings.Server(at, options, port, v2Style));
        parserOption(options);
    }

    private void parserOption(Map<String, JsOption> options) {
        JsOption parser = options.get("parser");
        if (parser != null && parser.value() != null && MSGPACK_PARSERS.stream().anyMatch(parser.value()::contains)) {
            out.serializations.add(new Findings.Serialization("msgpack", parser.value(), Source.EXPLICIT,
                    parser.evidence().get(0)));
        }
    }

    /** What a client sends to be let in: the {@code auth} payload, a token in the query, an Authorization header. */
    private void clientAuth(Map<String, JsOption> options) {
        String carrier = null;
        JsOption at = null;
        if (options.containsKey("auth")) {
            carrier = "auth-payload";
            at = options.get("auth");
        } else if (options.containsKey("query.token") || options.containsKey("query.access_token")) {
            carrier = "query";
            at = options.containsKey("query.token") ? options.get("query.token") : options.get("query.access_token");
        } else if (options.containsKey("extraHeaders.Authorization") || options.containsKey("extraHeaders.authorization")) {
            carrier = "header";
            at = options.containsKey("extraHeaders.Authorization") ? options.get("extraHeaders.Authorization")
                    : options.get("extraHeaders.authorization");
        }
        if (at == null) {
            return;
        }
        String line = at.evidence().get(0).snippet() == null ? "" : at.evidence().get(0).snippet().toLowerCase(Locale.ROOT);
        String mechanism = line.contains("jwt") || line.contains("bearer") ? "jwt" : "token";
        out.auths.add(new Findings.Auth(mechanism, "handshake-middleware", carrier, at.evidence().get(0), Side.CLIENT));
    }

    private void client(SyntaxNode call, List<SyntaxNode> args) {
        Map<String, JsOption> options = Findings.options();
        String url = null;
        for (SyntaxNode a : args) {
            JsValue v = resolver.resolve(a);
            if (v.is(JsValue.Kind.OBJECT)) {
                readOptions(v, "", options, 0);
            } else if (v.effective().is(JsValue.Kind.STRING)) {
                url = v.effective().string();
            }
        }
        String name = bindingName(call);
        if (name != null) {
            fileNames.put(name, Role.CLIENT_SOCKET);
        }
        JsClientKind.Kind kind = JsClientKind.of(file, js, sources);
        Evidence at = file.evidence(call);
        out.clients.add(new Findings.Client(at, options, url, kind.type(), kind.why()));
        parserOption(options);
        clientAuth(options);
    }

    private void adapter(SyntaxNode call, List<SyntaxNode> args, String key, String pkg, String member) {
        if (member.equals("Emitter") || pkg.endsWith("emitter")) {
            return;
        }
        if (!adapterCalls.add(call.startByte())) {
            return;
        }
        JsOption broker = null;
        if (key.startsWith("redis")) {
            broker = RedisEndpoint.of(resolver, file, args);
        }
        out.adapters.add(new Findings.Adapter(key, pkg, file.evidence(call), broker));
    }

    private void sticky(SyntaxNode call, List<SyntaxNode> args) {
        String method = "least-connection";
        if (args.size() > 1) {
            JsValue o = resolver.resolve(args.get(1));
            JsValue lb = o.get("loadBalancingMethod");
            if (lb.effective().is(JsValue.Kind.STRING)) {
                method = lb.effective().string();
            }
        }
        out.stickies.add(new Findings.Sticky("session-affinity", "@socket.io/sticky setupMaster (" + method + ")",
                file.evidence(call)));
    }

    private void readOptions(JsValue obj, String prefix, Map<String, JsOption> into, int depth) {
        into.putAll(JsOptions.read(resolver, file, obj));
    }

    private JsOption opt(JsValue v, SyntaxNode at) {
        return JsOptions.of(resolver, file, v, at);
    }

    // ---- handlers and method calls -------------------------------------------------------------------------

    private void handlerRegistration(QueryMatch m) {
        String method = m.text("method");
        List<SyntaxNode> args = JsSyntax.arguments(m.node("args"));
        SyntaxNode receiver = m.node("receiver");
        Role role = classify(receiver);
        boolean serverish = role == Role.SERVER || role == Role.WEAK_SERVER;
        if ((method.equals("on") || method.equals("once")) && serverish && args.size() >= 2) {
            String ev = JsSyntax.stringValue(args.get(0));
            if ("connection".equals(ev) || "connect".equals(ev)) {
                if (out.connectionHandler == null && !isNamespace(receiver)) {
                    out.connectionHandler = file.evidence(m.node("method.call"));
                }
                AuthReading.connectionHandler(resolver, file, args.get(1), m.node("method.call"))
                        .ifPresent(out.auths::add);
                registerSocketParam(args.get(1), role == Role.SERVER ? Role.SERVER_SOCKET : Role.WEAK_SOCKET);
            }
        } else if (method.equals("use") && serverish && !args.isEmpty()) {
            registerSocketParam(args.get(0), role == Role.SERVER ? Role.SERVER_SOCKET : Role.WEAK_SOCKET);
        } else if (method.equals("of") && serverish) {
            String name = bindingName(m.node("method.call"));
            if (name != null) {
                fileNames.put(name, role);
                namespaceNames.add(name);
            }
        }
    }

    private void registerSocketParam(SyntaxNode handler, Role role) {
        Optional<SyntaxNode> fn = resolver.functionBehind(handler);
        if (fn.isEmpty()) {
            return;
        }
        SyntaxNode params = fn.get().field("parameters");
        SyntaxNode first = params == null ? fn.get().field("parameter") : params.namedChild(0);
        if (first == null) {
            return;
        }
        SyntaxNode id = first.is("identifier") ? first : first.field("pattern");
        if (id != null && id.is("identifier")) {
            scopes.add(new Scope(id.text(), fn.get().startByte(), fn.get().endByte(), role));
        }
    }

    private void methodCall(QueryMatch m) {
        String method = m.text("method");
        SyntaxNode call = m.node("method.call");
        SyntaxNode receiver = m.node("receiver");
        List<SyntaxNode> args = JsSyntax.arguments(m.node("args"));
        if (EMITS.contains(method)) {
            emit(call, receiver, args);
            return;
        }
        Role role = classify(receiver);
        switch (method) {
            case "on", "once" -> listen(call, role, args);
            case "join", "leave" -> {
                if ((role == Role.SERVER_SOCKET || role == Role.WEAK_SOCKET) && !args.isEmpty()
                        && method.equals("join")) {
                    for (String room : JsRooms.patterns(resolver, args.get(0))) {
                        out.rooms.add(new Findings.Room(room, "join", file.evidence(call), role == Role.WEAK_SOCKET));
                    }
                }
            }
            case "use" -> {
                if ((role == Role.SERVER || role == Role.WEAK_SERVER) && !args.isEmpty()) {
                    AuthReading.middleware(resolver, file, args.get(0), call).ifPresent(out.auths::add);
                } else if (!args.isEmpty() && isEngineOf(receiver)) { // io.engine.use(mw): Express-style, on the HTTP request
                    AuthReading.engineMiddleware(resolver, file, args.get(0), call).ifPresent(out.auths::add);
                }
            }
            case "of" -> {
                if ((role == Role.SERVER || role == Role.WEAK_SERVER) && !args.isEmpty()) {
                    JsValue ns = resolver.resolve(args.get(0));
                    if (ns.effective().is(JsValue.Kind.STRING) || ns.is(JsValue.Kind.REGEX)) {
                        String name = ns.is(JsValue.Kind.REGEX) ? "/" + ns.string() + "/" : ns.effective().string();
                        out.namespaces.add(new Findings.Namespace(name, file.evidence(call)));
                    }
                }
            }
            case "listen" -> {
                String root = rootName(receiver.text());
                if (!args.isEmpty() && (role == Role.SERVER || httpServers.contains(root))) {
                    JsValue port = resolver.resolve(args.get(0));
                    if (port.effective().is(JsValue.Kind.NUMBER) || port.is(JsValue.Kind.ENV)) {
                        out.servers.add(new Findings.Server(file.evidence(call), Map.of(), opt(port, call), false));
                    }
                }
            }
            default -> {
            }
        }
    }

    private void listen(SyntaxNode call, Role role, List<SyntaxNode> args) {
        if (args.isEmpty()) {
            return;
        }
        Side side = switch (role) {
            case SERVER_SOCKET -> Side.SERVER;
            case CLIENT_SOCKET -> Side.CLIENT;
            case WEAK_SOCKET -> out.side;
            default -> null;
        };
        if (side == null) {
            return;
        }
        String name = eventName(args.get(0));
        if (name == null || RESERVED.contains(name)) {
            return;
        }
        SyntaxNode handler = args.size() > 1 ? args.get(1) : null;
        JsPayloads.Shape shape = handler == null ? JsPayloads.Shape.NONE : JsPayloads.ofHandler(resolver, handler);
        if (shape.binary()) {
            out.serializations.add(new Findings.Serialization("binary", shape.binaryTypes() + " event arguments",
                    Source.INFERRED, file.evidence(call)));
        }
        Optional<JsValidation.Schema> schema = handler == null ? Optional.empty()
                : JsValidation.inHandler(resolver, handler);
        out.events.add(new Findings.Event(name, side, false, file.evidence(call), shape.text(), shape.ack(),
                JsPayloads.commentAbove(call), role == Role.WEAK_SOCKET,
                schema.map(JsValidation.Schema::describe).orElse(null),
                schema.map(sc -> String.join(",", sc.required())).orElse(null)));
    }

    private void emit(SyntaxNode call, SyntaxNode receiver, List<SyntaxNode> args) {
        List<String> rooms = new ArrayList<>();
        SyntaxNode x = receiver;
        boolean broadcastFlag = false;
        while (x != null) {
            if (x.is("call_expression")) {
                SyntaxNode fn = x.field("function");
                String prop = JsSyntax.memberName(fn);
                if (fn != null && fn.is("member_expression") && CHAIN_CALLS.contains(prop)) {
                    if (!prop.equals("except") && (prop.equals("to") || prop.equals("in"))) {
                        List<SyntaxNode> a = JsSyntax.arguments(x.field("arguments"));
                        if (!a.isEmpty()) {
                            rooms.addAll(JsRooms.patterns(resolver, a.get(0)));
                        }
                    }
                    x = fn.field("object");
                    continue;
                }
                break;
            }
            if (x.is("member_expression") && CHAIN_FLAGS.contains(JsSyntax.memberName(x))) {
                broadcastFlag = true;
                x = x.field("object");
                continue;
            }
            break;
        }
        Role role = classify(x);
        Side side = switch (role) {
            case SERVER, SERVER_SOCKET, WEAK_SERVER -> Side.SERVER;
            case CLIENT_SOCKET -> Side.CLIENT;
            case WEAK_SOCKET -> out.side;
            default -> null;
        };
        if (side == null || args.isEmpty()) {
            return;
        }
        String name = eventName(args.get(0));
        boolean weak = role == Role.WEAK_SOCKET || role == Role.WEAK_SERVER;
        if (name != null && !RESERVED.contains(name)) {
            JsPayloads.Shape shape = JsPayloads.ofArguments(resolver, args.subList(1, args.size()));
            if (shape.binary()) {
                out.serializations.add(new Findings.Serialization("binary", shape.binaryTypes() + " event arguments",
                        Source.INFERRED, file.evidence(call)));
            }
            out.events.add(new Findings.Event(name, side, true, file.evidence(call), shape.text(), shape.ack(),
                    JsPayloads.commentAbove(call), weak, null, null));
        }
        if (side != Side.CLIENT && !"error".equals(name)) {
            for (String room : rooms) {
                out.rooms.add(new Findings.Room(room, "broadcast", file.evidence(call), weak));
            }
        }
    }

    private String eventName(SyntaxNode arg) {
        JsValue v = resolver.resolve(arg);
        return v.effective().is(JsValue.Kind.STRING) ? v.effective().string() : null;
    }

    // ---- receivers -----------------------------------------------------------------------------------------

    /** {@code io.engine}: the Engine.IO server under a Socket.IO server (4.6+ accepts Express middleware). */
    private boolean isEngineOf(SyntaxNode receiver) {
        SyntaxNode r = JsSyntax.unwrap(receiver);
        if (r == null || !r.is("member_expression") || !"engine".equals(JsSyntax.memberName(r))) {
            return false;
        }
        Role base = classify(r.field("object"));
        return base == Role.SERVER || base == Role.WEAK_SERVER;
    }

    /** A namespace other than the main one: {@code io.of("/chat")} or a variable bound to it. */
    private boolean isNamespace(SyntaxNode receiver) {
        SyntaxNode r = JsSyntax.unwrap(receiver);
        if (r == null) {
            return false;
        }
        if (r.is("call_expression")) {
            SyntaxNode fn = r.field("function");
            return fn != null && "of".equals(JsSyntax.memberName(fn));
        }
        return namespaceNames.contains(r.text().replaceAll("\\s+", ""));
    }

    /** What a receiver expression is, as far as this file (and the files it imports) can tell. */
    Role classify(SyntaxNode receiver) {
        SyntaxNode r = JsSyntax.unwrap(receiver);
        if (r == null) {
            return Role.NONE;
        }
        if (r.is("call_expression")) { // io.of("/chat").on(...), io.of("/chat").emit(...)
            SyntaxNode fn = r.field("function");
            if (fn != null && fn.is("member_expression") && "of".equals(JsSyntax.memberName(fn))) {
                Role base = classify(fn.field("object"));
                return base == Role.SERVER || base == Role.WEAK_SERVER ? base : Role.NONE;
            }
            return Role.NONE;
        }
        if (r.is("member_expression")) {
            String text = r.text().replaceAll("\\s+", "");
            Role named = fileNames.get(text);
            if (named != null) {
                return named;
            }
            String prop = JsSyntax.memberName(r);
            if ("sockets".equals(prop)) {
                Role base = classify(r.field("object"));
                return base == Role.SERVER || base == Role.WEAK_SERVER ? base : Role.NONE;
            }
            if (text.startsWith("this.")) {
                return byName(prop);
            }
            return Role.NONE;
        }
        if (!r.is("identifier")) {
            return Role.NONE;
        }
        String name = r.text();
        Scope best = null;
        for (Scope s : scopes) {
            if (s.name().equals(name) && s.start() <= r.startByte() && r.endByte() <= s.end()
                    && (best == null || s.start() >= best.start())) {
                best = s;
            }
        }
        if (best != null) {
            return best.role();
        }
        Role named = fileNames.get(name);
        if (named != null) {
            return named;
        }
        Role imported = importedRole(name);
        if (imported != Role.NONE) {
            return imported;
        }
        return byName(name);
    }

    /** The documented names, for handler modules that receive their socket from elsewhere. */
    private Role byName(String name) {
        if (name == null) {
            return Role.NONE;
        }
        if (name.equals("socket")) {
            return Role.WEAK_SOCKET;
        }
        if (name.equals("io") && out.side != Side.CLIENT) {
            return Role.WEAK_SERVER;
        }
        return Role.NONE;
    }

    /** A socket or server exported by another file of the repository ({@code import socket from "./socket"}). */
    private Role importedRole(String name) {
        Role cached = importedRoles.get(name);
        if (cached != null) {
            return cached;
        }
        Role role = Role.NONE;
        Import imp = js.importOf(name);
        if (imp != null) {
            Optional<SourceFile> target = JsModules.resolve(sources, file.path(), imp.source());
            if (target.isPresent()) {
                JsValue v = resolver.resolveName(name, null);
                SyntaxNode n = v.node();
                if (n != null && (n.is("call_expression") || n.is("new_expression")) && v.path() != null) {
                    ParsedFile other = sources.parsed(target.get());
                    if (v.path().equals(other.path())) {
                        JsResolver r = new JsResolver(other, sources);
                        SyntaxNode callee = n.is("call_expression") ? n.field("function") : n.field("constructor");
                        Optional<Import> behind = callee == null ? Optional.empty() : r.importBehind(callee);
                        if (behind.isPresent() && behind.get().source().equals(CLIENT_MODULE)) {
                            role = Role.CLIENT_SOCKET;
                        } else if (behind.isPresent() && behind.get().source().equals(SERVER_MODULE)) {
                            role = Role.SERVER;
                        }
                    }
                }
            }
        }
        importedRoles.put(name, role);
        return role;
    }

    // ---- small helpers -------------------------------------------------------------------------------------

    private static String rootName(String text) {
        int i = 0;
        while (i < text.length() && (Character.isJavaIdentifierPart(text.charAt(i)))) {
            i++;
        }
        return text.substring(0, i);
    }

    /** The name a construction is bound to: {@code const io = ...}, {@code this.io = ...}. */
    private static String bindingName(SyntaxNode expr) {
        SyntaxNode p = expr.parent();
        while (p != null && (p.is("await_expression") || p.is("parenthesized_expression") || p.is("as_expression")
                || p.is("non_null_expression"))) {
            p = p.parent();
        }
        if (p == null) {
            return null;
        }
        if (p.is("variable_declarator")) {
            SyntaxNode n = p.field("name");
            return n != null && n.is("identifier") ? n.text() : null;
        }
        if (p.is("assignment_expression")) {
            SyntaxNode left = p.field("left");
            return left == null ? null : left.text().replaceAll("\\s+", "");
        }
        if (p.is("public_field_definition") || p.is("field_definition")) {
            SyntaxNode n = p.field("name");
            return n == null ? null : "this." + n.text();
        }
        return null;
    }

    private static SyntaxNode functionOf(SyntaxNode param) {
        SyntaxNode p = param.parent();
        return p == null ? null : p.parent();
    }
}
