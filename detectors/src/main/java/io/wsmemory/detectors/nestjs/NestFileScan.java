package io.wsmemory.detectors.nestjs;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import io.wsmemory.core.resolve.js.JsFile;
import io.wsmemory.core.resolve.js.JsFile.Import;
import io.wsmemory.core.resolve.js.JsResolver;
import io.wsmemory.core.resolve.js.JsSyntax;
import io.wsmemory.core.resolve.js.JsValue;
import io.wsmemory.core.source.Language;
import io.wsmemory.detectors.js.JsMessages;
import io.wsmemory.detectors.js.JsOption;
import io.wsmemory.detectors.js.JsOptions;
import io.wsmemory.detectors.js.JsPayloads;
import io.wsmemory.detectors.js.JsRooms;
import io.wsmemory.detectors.js.NestJsFiles;
import io.wsmemory.detectors.nestjs.NestClasses.ClassInfo;
import io.wsmemory.detectors.nestjs.NestClasses.Decorator;
import io.wsmemory.detectors.nestjs.NestClasses.Field;
import io.wsmemory.detectors.nestjs.NestClasses.Method;
import io.wsmemory.detectors.nestjs.NestClasses.Param;
import io.wsmemory.detectors.nestjs.NestFindings.Platform;
import io.wsmemory.detectors.socketio.AuthReading;
import io.wsmemory.detectors.socketio.RedisEndpoint;
import io.wsmemory.detectors.socketio.SocketIoNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one TypeScript file of a NestJS application: gateways and their options, message handlers with their
 * payloads and replies, emits on the gateway's server and on client sockets, rooms, guards and connection checks,
 * adapter classes and the bootstrap's {@code useWebSocketAdapter}. What a receiver is comes from the decorators
 * ({@code @WebSocketServer()}, {@code @ConnectedSocket()}), the lifecycle hooks' parameters, the types Socket.IO
 * and ws export, and the classes a service injects (a gateway, whose {@code server} it uses or whose send methods
 * it calls).
 */
final class NestFileScan {

    static final Query CALLS = Query.load(NestFileScan.class, "gateways.typescript.scm");

    static final String SOCKET_IO = "socket.io";
    static final String WS = "ws";
    private static final Set<String> CHAIN_CALLS = Set.of("to", "in", "except", "timeout", "compress", "binary",
            "of");
    private static final Set<String> CHAIN_FLAGS = Set.of("broadcast", "volatile", "local", "sockets",
            "nsp");
    private static final Set<String> HOOKS = Set.of("handleConnection", "handleDisconnect");

    enum Recv { SERVER, SOCKET, NONE }

    /** A gateway method that emits an event its caller names: {@code send(userId, event, data)}. */
    record Wrapper(String method, int eventIndex, String eventProperty, int payloadIndex) {
    }

    private final ParsedFile file;
    private final NestTypes types;
    private final JsResolver resolver;
    private final JsFile js;
    private final NestClasses classes;
    private final NestFindings out;
    private boolean owned;
    private final Map<String, Wrapper> wrappers = new java.util.HashMap<>();

    NestFileScan(ParsedFile file, NestTypes types) {
        this.file = file;
        this.types = types;
        this.resolver = new JsResolver(file, types.sources());
        this.js = resolver.jsFile();
        this.classes = NestClasses.of(file);
        this.out = new NestFindings(file.path());
    }

    NestFindings scan() {
        SyntaxTree tree = file.tree();
        if (tree == null || tree.language() == Language.JAVASCRIPT || !importsNest()) {
            return out;
        }
        owned = NestJsFiles.isNestWebSocketFile(js);
        if (owned) {
            libraryImports();
        }
        for (ClassInfo c : classes.all()) {
            if (owned && c.decorator("WebSocketGateway") != null) {
                gateway(c);
            }
            if (owned) {
                handlers(c);
                adapterClass(c);
            }
        }
        for (QueryMatch m : CALLS.matches(tree.root())) {
            if (m.has("member.call")) {
                memberCall(m);
            } else if (m.has("field.call")) {
                fieldCall(m);
            } else if (m.has("self.call")) {
                selfCall(m);
            } else if (m.has("plain.call") && owned) {
                plainCall(m);
            } else if (m.has("super.call") && owned) {
                superCall(m);
            }
        }
        return out;
    }

    private boolean importsNest() {
        for (Import i : js.imports().values()) {
            if (i.source().startsWith("@nestjs/")) {
                return true;
            }
        }
        return false;
    }

    private void libraryImports() {
        Map<String, String> ids = Map.of(SOCKET_IO, SOCKET_IO, WS, WS, "@nestjs/websockets", "nestjs-websockets",
                "@nestjs/platform-socket.io", "nestjs-platform-socket.io", "@nestjs/platform-ws",
                "nestjs-platform-ws");
        java.util.TreeMap<String, SyntaxNode> sites = new java.util.TreeMap<>();
        for (Import i : js.imports().values()) {
            if (ids.containsKey(i.source())) {
                sites.putIfAbsent(ids.get(i.source()), i.node());
            }
        }
        sites.forEach((id, node) -> out.libraries.add(new NestFindings.LibraryUse(id, file.evidence(node))));
    }

    // ---- gateways ------------------------------------------------------------------------------------------

    private void gateway(ClassInfo c) {
        Decorator d = c.decorator("WebSocketGateway");
        JsOption port = null;
        Map<String, JsOption> options = new java.util.LinkedHashMap<>();
        for (SyntaxNode a : d.args()) {
            JsValue v = resolver.resolve(a);
            if (!v.isKnown()) {
                JsValue aliased = throughAlias(a);
                v = aliased == null ? v : aliased;
            }
            if (v.is(JsValue.Kind.OBJECT)) {
                options.putAll(JsOptions.read(resolver, file, v));
            } else if (v.effective().is(JsValue.Kind.NUMBER) || v.is(JsValue.Kind.ENV)) {
                port = JsOptions.of(resolver, file, v, a);
            }
        }
        out.gateways.add(new NestFindings.Gateway(c.name, file.evidence(d.node()), port, options, platformHint()));
        guards(c.decorators);
        Method connect = c.method("handleConnection");
        if (connect != null) {
            NestAuth.Reading r = NestAuth.method(types, file, c, connect);
            if (r.credential().isPresent() && r.disconnects()) {
                out.auths.add(new NestFindings.Auth(r.credential().get().mechanism(), "connection-handler",
                        r.credential().get().carrier(), List.of(file.evidence(connect.node())), null));
            } else if (r.disconnects() && r.looksLikeAuth() && out.unreadCheck == null) {
                out.unreadCheck = file.evidence(connect.node());
            }
        }
    }

    private Platform platformHint() {
        boolean io = js.importsModule(SOCKET_IO) || js.importsModule("@nestjs/platform-socket.io");
        boolean ws = js.importsModule(WS) || js.importsModule("@nestjs/platform-ws");
        return io == ws ? Platform.UNKNOWN : io ? Platform.SOCKET_IO : Platform.WS;
    }

    /** {@code @UseGuards(WsJwtGuard)} on a gateway or a handler: checked on every message it guards. */
    private void guards(List<Decorator> decorators) {
        for (Decorator d : decorators) {
            if (!d.name().equals("UseGuards")) {
                continue;
            }
            for (SyntaxNode a : d.args()) {
                guard(a, d);
            }
        }
    }

    private void guard(SyntaxNode arg, Decorator at) {
        SyntaxNode a = JsSyntax.unwrap(arg);
        if (a == null) {
            return;
        }
        if (a.is("new_expression")) {
            a = a.field("constructor");
        }
        if (a != null && a.is("call_expression")) { // AuthGuard('jwt') from @nestjs/passport
            SyntaxNode fn = a.field("function");
            SyntaxNode first = a.field("arguments") == null ? null : a.field("arguments").namedChild(0);
            String strategy = JsSyntax.stringValue(first);
            if (fn != null && fn.text().equals("AuthGuard") && strategy != null) {
                String mechanism = strategy.contains("jwt") ? "jwt" : strategy.contains("api") ? "api-key"
                        : strategy.equals("local") ? null : "token";
                if (mechanism != null) {
                    out.auths.add(new NestFindings.Auth(mechanism, "per-message", null,
                            List.of(file.evidence(at.node())), a.text()));
                }
            }
            return;
        }
        if (a == null || !a.is("identifier")) {
            return;
        }
        Optional<NestTypes.Found> g = types.classNamed(file, a.text());
        if (g.isEmpty()) { // a guard from a package or a file the scan cannot see: its name is all there is
            String n = a.text().toLowerCase(java.util.Locale.ROOT);
            if (n.contains("jwt")) {
                out.auths.add(new NestFindings.Auth("jwt", "per-message", null, List.of(file.evidence(at.node())),
                        a.text()));
            } else if (n.matches(".*(auth|token|session|apikey|api-key).*") && out.unreadCheck == null) {
                out.unreadCheck = file.evidence(at.node());
            }
            return;
        }
        NestAuth.Reading r = NestAuth.guard(types, g.get().file(), g.get().cls());
        if (r.credential().isPresent()) {
            List<Evidence> ev = new ArrayList<>();
            ev.add(file.evidence(at.node()));
            Method can = g.get().cls().method("canActivate");
            ev.add(g.get().file().evidence(can != null ? can.node() : g.get().cls().node));
            out.auths.add(new NestFindings.Auth(r.credential().get().mechanism(), "per-message",
                    r.credential().get().carrier(), ev, a.text()));
        } else if (r.looksLikeAuth() && out.unreadCheck == null) {
            out.unreadCheck = file.evidence(at.node());
        }
    }

    /** {@code @SubscribeMessage('x')} handlers: inbound events, their payloads, their replies. */
    private void handlers(ClassInfo c) {
        for (Method m : c.methods.values()) {
            Decorator sub = m.decorator("SubscribeMessage");
            if (sub == null) {
                continue;
            }
            guards(m.decorators());
            String name = stringOf(sub.arg(0));
            if (name == null) {
                continue;
            }
            NestDtos.Described body = NestDtos.ofHandler(types, file, m);
            boolean ack = m.params().stream().anyMatch(p -> p.decorator("Ack") != null);
            List<SyntaxNode[]> replies = new ArrayList<>();
            if (m.body() != null) {
                ack |= returnsValue(m.body(), replies);
            }
            out.events.add(new NestFindings.Event(name, false, file.evidence(sub.node()), body.payload(), ack,
                    description(m), body.validation(), body.required(), false));
            for (SyntaxNode[] r : replies) {
                String reply = stringOf(r[1]);
                if (reply != null) {
                    JsPayloads.Shape shape = r[2] == null ? JsPayloads.Shape.NONE
                            : JsPayloads.ofArguments(resolver, List.of(r[2]));
                    out.events.add(new NestFindings.Event(reply, true, file.evidence(r[0]), shape.text(), false,
                            null, null, null, false));
                }
            }
        }
    }

    /**
     * Walks a handler's body: {@code {event, data}} objects (a {@code WsResponse}, returned or inside the
     * Observable it returns) go to {@code replies} as [object, event, data]; true when the handler returns some other
     * value, which Socket.IO hands to the client's acknowledgement callback.
     */
    private boolean returnsValue(SyntaxNode body, List<SyntaxNode[]> replies) {
        boolean[] value = {false};
        body.walk(n -> !n.is("class_declaration"), n -> {
            if (n.is("object")) {
                SyntaxNode event = null;
                SyntaxNode data = null;
                for (SyntaxNode p : n.namedChildren()) {
                    if (p.is("pair") && p.field("key") != null) {
                        String k = JsSyntax.nameText(p.field("key"));
                        if (k.equals("event")) {
                            event = p.field("value");
                        } else if (k.equals("data")) {
                            data = p.field("value");
                        }
                    } else if (p.is("shorthand_property_identifier") && p.text().equals("data")) {
                        data = p;
                    }
                }
                if (event != null && data != null && !insideEmit(n, body) && isReturned(n, body)) {
                    replies.add(new SyntaxNode[] {n, event, data});
                }
            } else if (n.is("return_statement") && n.namedChildCount() > 0 && ownReturn(n, body)) {
                SyntaxNode v = JsSyntax.unwrap(n.namedChild(0));
                boolean namedReply = v != null && v.is("identifier") && replies.stream()
                        .anyMatch(r -> v.text().equals(declaredName(r[0])));
                if (v != null && !v.is("undefined") && !v.is("null") && !isReply(v) && !namedReply) {
                    value[0] = true;
                }
            }
        });
        return value[0];
    }

    private static boolean isReply(SyntaxNode v) {
        String t = v.text();
        return v.is("object") && t.contains("event") || t.startsWith("of(") || t.startsWith("from(")
                || t.contains(".pipe(");
    }

    /** True when the return belongs to the method itself, not to a callback inside it. */
    private static boolean ownReturn(SyntaxNode ret, SyntaxNode body) {
        for (SyntaxNode p = ret.parent(); p != null && !p.equals(body); p = p.parent()) {
            if (p.is("arrow_function") || p.is("function_expression") || p.is("function_declaration")
                    || p.is("method_definition")) {
                return false;
            }
        }
        return true;
    }

    /**
     * True for an object a handler replies with: returned ({@code return {event, data}}, {@code return of(...)}),
     * the result of an arrow ({@code map(x => ({event, data}))}), or a constant the handler returns.
     */
    private boolean isReturned(SyntaxNode obj, SyntaxNode body) {
        SyntaxNode child = obj;
        for (SyntaxNode p = obj.parent(); p != null && !p.equals(body); child = p, p = p.parent()) {
            switch (p.type()) {
                case "return_statement":
                    return true;
                case "arrow_function":
                    return child.equals(p.field("body"));
                case "variable_declarator": {
                    SyntaxNode name = p.field("name");
                    return name != null && name.is("identifier") && returnsName(body, name.text());
                }
                case "parenthesized_expression", "arguments", "call_expression", "array", "as_expression",
                     "satisfies_expression", "await_expression", "ternary_expression":
                    continue;
                default:
                    return false;
            }
        }
        return false;
    }

    /** {@code reply} of {@code const reply = {event, data} as WsResponse}, else null. */
    private static String declaredName(SyntaxNode obj) {
        SyntaxNode p = obj.parent();
        while (p != null && (p.is("as_expression") || p.is("satisfies_expression")
                || p.is("parenthesized_expression"))) {
            p = p.parent();
        }
        SyntaxNode name = p != null && p.is("variable_declarator") ? p.field("name") : null;
        return name == null ? null : name.text();
    }

    private static boolean returnsName(SyntaxNode body, String name) {
        for (SyntaxNode s : body.namedChildren()) {
            if (s.is("return_statement") && s.namedChildCount() > 0 && s.namedChild(0).text().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideEmit(SyntaxNode n, SyntaxNode body) {
        for (SyntaxNode p = n.parent(); p != null && !p.equals(body); p = p.parent()) {
            if (p.is("call_expression")) {
                String fn = p.field("function") == null ? "" : p.field("function").text();
                if (fn.endsWith(".emit") || fn.endsWith(".send") || fn.endsWith("stringify")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The comment just above a handler's decorators: its description. */
    private static String description(Method m) {
        SyntaxNode first = m.decorators().isEmpty() ? m.node() : m.decorators().get(0).node();
        List<String> lines = new ArrayList<>();
        int expect = first.line() - 1;
        for (SyntaxNode prev = first.prevNamedSibling(); prev != null && prev.is("comment")
                && prev.endLine() == expect; prev = prev.prevNamedSibling()) {
            String t = prev.text().replaceAll("^/\\*+|\\*+/$", "").replaceAll("^//+", "")
                    .replaceAll("(?m)^\\s*\\*\\s?", "").strip();
            if (!t.isEmpty() && !t.matches("(?s)^(eslint|@ts-|prettier|expect:|expect-none:|todo-expect:|todo-none:).*")) {
                lines.add(0, t);
            }
            expect = prev.line() - 1;
        }
        String text = String.join(" ", lines).replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? null : text.length() > 200 ? text.substring(0, 199) + "…" : text;
    }

    // ---- adapters --------------------------------------------------------------------------------------------

    /** A class extending {@code IoAdapter} or {@code WsAdapter}: the platform the application runs its gateways on. */
    private void adapterClass(ClassInfo c) {
        Platform p = adapterPlatform(file, c, 0);
        if (p != Platform.UNKNOWN) {
            out.adapterUses.add(new NestFindings.AdapterUse(p, c.name, file.evidence(c.node)));
        }
    }

    private Platform adapterPlatform(ParsedFile f, ClassInfo c, int depth) {
        if (c.superName == null || depth > 3) {
            return Platform.UNKNOWN;
        }
        Import imp = JsFile.of(f).importOf(c.superName);
        if (imp != null && imp.source().equals("@nestjs/platform-socket.io") && imp.imported().equals("IoAdapter")) {
            return Platform.SOCKET_IO;
        }
        if (imp != null && imp.source().equals("@nestjs/platform-ws") && imp.imported().equals("WsAdapter")) {
            return Platform.WS;
        }
        return types.classNamed(f, c.superName).map(found -> adapterPlatform(found.file(), found.cls(), depth + 1))
                .orElse(Platform.UNKNOWN);
    }

    /** {@code app.useWebSocketAdapter(new WsAdapter(app))}, or an adapter class of the repository. */
    private void useAdapter(SyntaxNode call, List<SyntaxNode> args) {
        if (args.isEmpty()) {
            return;
        }
        SyntaxNode a = JsSyntax.unwrap(args.get(0));
        if (a != null && a.is("identifier")) {
            for (JsFile.Declaration d : js.declarations(a.text())) {
                if (d.value() != null) {
                    a = JsSyntax.unwrap(d.value());
                }
            }
        }
        if (a != null && a.is("await_expression")) {
            a = JsSyntax.unwrap(a.namedChild(0));
        }
        if (a == null || !a.is("new_expression") || a.field("constructor") == null) {
            return;
        }
        String name = a.field("constructor").text();
        Import imp = js.importOf(name);
        Platform p = Platform.UNKNOWN;
        if (imp != null && imp.source().equals("@nestjs/platform-ws")) {
            p = Platform.WS;
        } else if (imp != null && imp.source().equals("@nestjs/platform-socket.io")) {
            p = Platform.SOCKET_IO;
        } else {
            Optional<NestTypes.Found> c = types.classNamed(file, name);
            if (c.isPresent()) {
                p = adapterPlatform(c.get().file(), c.get().cls(), 0);
            }
        }
        out.adapterUses.add(new NestFindings.AdapterUse(p, name, file.evidence(call)));
    }

    /** {@code createAdapter(pubClient, subClient)} of an adapter package. */
    private void plainCall(QueryMatch m) {
        String callee = m.text("callee");
        Import imp = js.importOf(callee);
        if (imp == null || !SocketIoNames.ADAPTER_PACKAGES.containsKey(imp.source())
                || imp.imported().contains("Emitter")) {
            return;
        }
        List<SyntaxNode> args = JsSyntax.arguments(m.node("args"));
        String key = SocketIoNames.ADAPTER_PACKAGES.get(imp.source());
        JsOption broker = key.startsWith("redis") ? RedisEndpoint.of(resolver, file, args) : null;
        out.adapters.add(new NestFindings.Adapter(key, imp.source(), file.evidence(m.node("plain.call")), broker));
    }

    /** {@code super.createIOServer(port, {...options, cors: ...})}: options every gateway's server gets. */
    private void superCall(QueryMatch m) {
        String method = m.text("super.method");
        if (!method.equals("createIOServer") && !method.equals("create")) {
            return;
        }
        ClassInfo c = classes.enclosing(m.node("super.call"));
        if (c == null || adapterPlatform(file, c, 0) == Platform.UNKNOWN) {
            return;
        }
        List<SyntaxNode> args = JsSyntax.arguments(m.node("args"));
        if (args.size() > 1) {
            JsValue v = resolver.resolve(args.get(1));
            if (v.is(JsValue.Kind.OBJECT)) {
                out.adapterOptions.putAll(JsOptions.read(resolver, file, v));
            }
        }
    }

    // ---- calls -----------------------------------------------------------------------------------------------

    private void memberCall(QueryMatch m) {
        String method = m.text("method");
        SyntaxNode call = m.node("member.call");
        SyntaxNode receiver = m.node("receiver");
        List<SyntaxNode> args = JsSyntax.arguments(m.node("args"));
        ClassInfo c = classes.enclosing(call);
        Method in = c == null ? null : c.methodAt(call);
        switch (method) {
            case "emit" -> emit(call, receiver, args, c, in);
            case "send" -> send(call, receiver, args, c, in);
            case "join" -> {
                if (!args.isEmpty() && classify(receiver, c, in, call) == Recv.SOCKET) {
                    for (String room : JsRooms.patterns(resolver, args.get(0))) {
                        out.rooms.add(new NestFindings.Room(room, "join", file.evidence(call)));
                    }
                }
            }
            case "socketsJoin" -> {
                if (!args.isEmpty() && base(receiver, c, in, call, new ArrayList<>()) == Recv.SERVER) {
                    for (String room : JsRooms.patterns(resolver, args.get(0))) {
                        out.rooms.add(new NestFindings.Room(room, "join", file.evidence(call)));
                    }
                }
            }
            case "use" -> {
                if (owned && !args.isEmpty() && classify(receiver, c, in, call) == Recv.SERVER) {
                    middleware(call, args.get(0));
                }
            }
            case "useWebSocketAdapter" -> useAdapter(call, args);
            case "listen" -> listen(receiver, args, call);
            default -> {
            }
        }
    }

    /** {@code server.use((socket, next) => ...)} in {@code afterInit} or in an adapter: handshake middleware. */
    private void middleware(SyntaxNode call, SyntaxNode hook) {
        String text = NestAuth.hookText(types, file, resolver, hook);
        if (text == null) {
            return;
        }
        Optional<AuthReading.Credential> c = AuthReading.credential(text, js);
        if (c.isPresent()) {
            out.auths.add(new NestFindings.Auth(c.get().mechanism(), "handshake-middleware", c.get().carrier(),
                    List.of(file.evidence(call)), null));
        } else if (out.unreadCheck == null && text.matches("(?is).*(token|auth|jwt|session).*")) {
            out.unreadCheck = file.evidence(call);
        }
    }

    /** {@code await app.listen(3000)} in the bootstrap: the port gateways without their own port share. */
    private void listen(SyntaxNode receiver, List<SyntaxNode> args, SyntaxNode call) {
        SyntaxNode r = JsSyntax.unwrap(receiver);
        if (args.isEmpty() || r == null || !r.is("identifier")) {
            return;
        }
        boolean app = false;
        for (JsFile.Declaration d : js.declarations(r.text())) {
            app |= d.value() != null && d.value().text().contains("NestFactory.create");
        }
        if (!app) {
            return;
        }
        JsValue port = resolver.resolve(args.get(0));
        if (port.effective().is(JsValue.Kind.NUMBER) || port.is(JsValue.Kind.ENV)
                || port.effective().is(JsValue.Kind.STRING) && port.effective().string().matches("\\d+")) {
            out.listenPort = JsOptions.of(resolver, file, port, call);
        }
    }

    private void emit(SyntaxNode call, SyntaxNode receiver, List<SyntaxNode> args, ClassInfo c, Method in) {
        List<String> rooms = new ArrayList<>();
        Recv base = base(receiver, c, in, call, rooms);
        if (base == Recv.NONE || args.isEmpty()) {
            return;
        }
        String name = stringOf(args.get(0));
        if (name != null) {
            JsPayloads.Shape shape = JsPayloads.ofArguments(resolver, args.subList(1, args.size()));
            out.events.add(new NestFindings.Event(name, true, file.evidence(call), shape.text(), shape.ack(),
                    null, null, null, false));
        }
        for (String room : rooms) {
            out.rooms.add(new NestFindings.Room(room, "broadcast", file.evidence(call)));
        }
    }

    /** {@code client.send(JSON.stringify({event: 'x', data}))}: the ws platform's wire format. */
    private void send(SyntaxNode call, SyntaxNode receiver, List<SyntaxNode> args, ClassInfo c, Method in) {
        if (args.isEmpty() || classify(receiver, c, in, call) != Recv.SOCKET) {
            return;
        }
        Optional<JsMessages.Outbound> o = JsMessages.outbound(resolver, file, args.get(0), null);
        if (o.isEmpty() || o.get().discriminator() == null) {
            return;
        }
        String payload = sentData(args.get(0));
        for (JsMessages.Name n : o.get().names()) {
            out.events.add(new NestFindings.Event(n.value(), true, file.evidence(call), payload, false, null, null,
                    null, true));
        }
    }

    /** What {@code JSON.stringify({event, data: x})} carries in its {@code data}: x described. */
    private String sentData(SyntaxNode arg) {
        SyntaxNode a = JsSyntax.unwrap(arg);
        if (a == null || !a.is("call_expression")) {
            return null;
        }
        List<SyntaxNode> inner = JsSyntax.arguments(a.field("arguments"));
        if (inner.isEmpty()) {
            return null;
        }
        JsValue.Member data = resolver.resolve(inner.get(0)).properties().get("data");
        if (data == null || data.keyNode() == null) {
            return null;
        }
        SyntaxNode value = data.keyNode().is("pair") ? data.keyNode().field("value") : data.keyNode();
        return value == null ? null : JsPayloads.ofArguments(resolver, List.of(value)).text();
    }

    /** The receiver under a chain of room selectors and flags; the rooms of {@code to()} / {@code in()} collected. */
    private Recv base(SyntaxNode receiver, ClassInfo c, Method in, SyntaxNode at, List<String> rooms) {
        SyntaxNode x = receiver;
        while (x != null) {
            x = JsSyntax.unwrap(x);
            if (x != null && x.is("call_expression")) {
                SyntaxNode fn = x.field("function");
                String prop = JsSyntax.memberName(fn);
                if (fn != null && fn.is("member_expression") && "get".equals(prop)
                        && "sockets".equals(JsSyntax.memberName(JsSyntax.unwrap(fn.field("object"))))) {
                    x = fn.field("object"); // server.sockets.sockets.get(id): one socket of the server
                    continue;
                }
                if (fn != null && fn.is("member_expression") && CHAIN_CALLS.contains(prop)) {
                    if (prop.equals("to") || prop.equals("in")) {
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
            if (x != null && x.is("member_expression") && CHAIN_FLAGS.contains(JsSyntax.memberName(x))) {
                x = x.field("object");
                continue;
            }
            break;
        }
        return classify(x, c, in, at);
    }

    /** What a receiver is, from the class and method around it. */
    Recv classify(SyntaxNode receiver, ClassInfo c, Method in, SyntaxNode at) {
        SyntaxNode r = JsSyntax.unwrap(receiver);
        if (r == null) {
            return Recv.NONE;
        }
        if (r.is("member_expression")) {
            SyntaxNode obj = JsSyntax.unwrap(r.field("object"));
            String prop = JsSyntax.memberName(r);
            if (obj == null || prop == null || c == null) {
                return Recv.NONE;
            }
            if (obj.is("this")) {
                if (!owned && (prop.equals("io") || prop.equals("socket"))) {
                    return Recv.NONE; // the Socket.IO detector knows these by name
                }
                return fieldRole(file, c, prop, 0);
            }
            if (prop.equals("server") && obj.is("member_expression") && obj.field("object") != null
                    && obj.field("object").is("this")) { // this.gateway.server
                Field f = c.field(JsSyntax.memberName(obj));
                return f != null && isGatewayType(f.typeName()) ? Recv.SERVER : Recv.NONE;
            }
            return Recv.NONE;
        }
        if (!r.is("identifier")) {
            return Recv.NONE;
        }
        String name = r.text();
        if (!owned) { // only what the Socket.IO detector cannot know: a socket taken from the execution context
            return !name.equals("socket") && !name.equals("io") && contextSocket(name, in) ? Recv.SOCKET : Recv.NONE;
        }
        if (in != null) {
            Param p = in.param(name);
            if (p != null && encloses(in, at)) {
                return paramRole(p, in);
            }
        }
        for (JsFile.Declaration d : js.declarations(name)) { // const server = super.createIOServer(port, options)
            SyntaxNode v = JsSyntax.unwrap(d.value());
            if (v != null && in != null && in.node().encloses(d.declarator()) && v.is("call_expression")) {
                String callee = v.field("function") == null ? "" : v.field("function").text().replaceAll("\\s+", "");
                if (callee.equals("super.createIOServer") || callee.equals("super.create")) {
                    return Recv.SERVER;
                }

            }
        }
        if (contextSocket(name, in)) {
            return Recv.SOCKET;
        }
        return callbackRole(name, r, c, in);
    }

    /** {@code const client = context.switchToWs().getClient()}: the socket a guard, pipe or filter works on. */
    private boolean contextSocket(String name, Method in) {
        for (JsFile.Declaration d : js.declarations(name)) {
            SyntaxNode v = JsSyntax.unwrap(d.value());
            if (v != null && in != null && in.node().encloses(d.declarator()) && v.is("call_expression")
                    && v.field("function") != null
                    && v.field("function").text().replaceAll("\\s+", "").endsWith("switchToWs().getClient")) {
                return true;
            }
        }
        return false;
    }

    private static boolean encloses(Method m, SyntaxNode at) {
        return m.node().encloses(at);
    }

    private Recv paramRole(Param p, Method m) {
        if (p.decorator("ConnectedSocket") != null) {
            return Recv.SOCKET;
        }
        Recv typed = typeRole(js, p.typeName());
        if (typed != Recv.NONE) {
            return typed;
        }
        boolean untyped = p.typeName() == null || "any".equals(p.typeText());
        if (!untyped || p.index() != 0) {
            return Recv.NONE;
        }
        if (HOOKS.contains(m.name())) {
            return Recv.SOCKET;
        }
        if (m.name().equals("afterInit")) {
            return Recv.SERVER;
        }
        boolean decorated = m.params().stream().anyMatch(q -> !q.decorators().isEmpty());
        return m.decorator("SubscribeMessage") != null && !decorated ? Recv.SOCKET : Recv.NONE;
    }

    /** {@code this.server.clients.forEach((client) => client.send(...))}: the callback's parameter is a socket. */
    private Recv callbackRole(String name, SyntaxNode use, ClassInfo c, Method in) {
        for (SyntaxNode p = use.parent(); p != null; p = p.parent()) {
            if (p.is("arrow_function") || p.is("function_expression")) {
                SyntaxNode params = p.field("parameters");
                SyntaxNode first = params == null ? p.field("parameter") : params.namedChild(0);
                SyntaxNode id = first == null ? null : first.is("identifier") ? first : first.field("pattern");
                if (id == null || !id.text().equals(name)) {
                    continue;
                }
                SyntaxNode args = p.parent();
                SyntaxNode call = args == null ? null : args.parent();
                if (call != null && call.is("call_expression")) {
                    SyntaxNode fn = call.field("function");
                    if ("forEach".equals(JsSyntax.memberName(fn))) {
                        SyntaxNode coll = JsSyntax.unwrap(fn.field("object"));
                        if (coll != null && coll.is("member_expression")
                                && Set.of("clients", "sockets").contains(JsSyntax.memberName(coll))
                                && classify(coll.field("object"), c, in, use) == Recv.SERVER) {
                            return Recv.SOCKET;
                        }
                    }
                }
                return Recv.NONE;
            }
            if (p.is("method_definition")) {
                break;
            }
        }
        return Recv.NONE;
    }

    /** A field: the gateway's {@code @WebSocketServer()}, or one typed as a Socket.IO or ws server or socket. */
    private Recv fieldRole(ParsedFile f, ClassInfo c, String name, int depth) {
        Field field = c.field(name);
        if (field != null) {
            if (field.decorator("WebSocketServer") != null) {
                return Recv.SERVER;
            }
            return typeRole(JsFile.of(f), field.typeName());
        }
        if (c.superName != null && depth < 3) { // a base class declares the server
            Optional<NestTypes.Found> base = types.classNamed(f, c.superName);
            if (base.isPresent()) {
                return fieldRole(base.get().file(), base.get().cls(), name, depth + 1);
            }
        }
        return Recv.NONE;
    }

    /** Server and Namespace of Socket.IO, WebSocketServer and Server of ws are servers; Socket and WebSocket sockets. */
    private static Recv typeRole(JsFile js, String type) {
        if (type == null) {
            return Recv.NONE;
        }
        Import imp = js.importOf(type);
        if (imp == null) {
            return Recv.NONE;
        }
        String member = imp.imported();
        if (imp.source().equals(SOCKET_IO)) {
            return member.equals("Socket") ? Recv.SOCKET
                    : member.equals("Server") || member.equals("Namespace") ? Recv.SERVER : Recv.NONE;
        }
        if (imp.source().equals(WS)) {
            return member.equals("WebSocket") || member.equals("default") ? Recv.SOCKET
                    : member.equals("Server") || member.equals("WebSocketServer") ? Recv.SERVER : Recv.NONE;
        }
        return Recv.NONE;
    }

    private boolean isGatewayType(String typeName) {
        return typeName != null && types.classNamed(file, typeName)
                .map(f -> f.cls().decorator("WebSocketGateway") != null).orElse(false);
    }

    // ---- send wrappers ---------------------------------------------------------------------------------------

    /** {@code this.gateway.notify(userId, 'order:shipped', order)}: a gateway's send method called by a service. */
    private void fieldCall(QueryMatch m) {
        ClassInfo c = classes.enclosing(m.node("field.call"));
        if (c == null) {
            return;
        }
        Field f = c.field(m.text("field.name"));
        if (f == null || f.typeName() == null) {
            return;
        }
        Optional<NestTypes.Found> target = types.classNamed(file, f.typeName());
        if (target.isEmpty() || target.get().cls().decorator("WebSocketGateway") == null) {
            return;
        }
        wrapperCall(m.node("field.call"), m.text("field.method"), JsSyntax.arguments(m.node("args")), target.get(), 0);
    }

    /** {@code this.broadcast(client, rooms, new MessageSeenEvent(...))}: a send method of this class or a base. */
    private void selfCall(QueryMatch m) {
        if (!owned) {
            return;
        }
        ClassInfo c = classes.enclosing(m.node("self.call"));
        if (c == null) {
            return;
        }
        wrapperCall(m.node("self.call"), m.text("self.method"), JsSyntax.arguments(m.node("args")),
                new NestTypes.Found(file, c), 0);
    }

    private void wrapperCall(SyntaxNode call, String method, List<SyntaxNode> args, NestTypes.Found target,
                             int depth) {
        Method m = target.cls().method(method);
        if (m == null) {
            if (target.cls().superName != null && depth < 3) {
                types.classNamed(target.file(), target.cls().superName)
                        .ifPresent(base -> wrapperCall(call, method, args, base, depth + 1));
            }
            return;
        }
        Wrapper w = wrapperOf(target.file(), m);
        if (w == null || w.eventIndex() >= args.size()) {
            return;
        }
        SyntaxNode arg = args.get(w.eventIndex());
        String name;
        String payload = null;
        if (w.eventProperty() == null) {
            name = stringOf(arg);
            if (w.payloadIndex() >= 0 && w.payloadIndex() < args.size()) {
                payload = JsPayloads.ofArguments(resolver, List.of(args.get(w.payloadIndex()))).text();
            }
        } else {
            SyntaxNode ctor = newExpression(arg);
            name = ctor == null ? null : eventClassName(ctor, w.eventProperty());
            SyntaxNode ctorArgs = ctor == null ? null : ctor.field("arguments");
            if (ctorArgs != null && ctorArgs.namedChildCount() > 0) {
                payload = JsPayloads.ofArguments(resolver, JsSyntax.arguments(ctorArgs)).text();
            }
        }
        if (name != null) {
            out.events.add(new NestFindings.Event(name, true, file.evidence(call), payload, false, null, null, null,
                    false));
        }
    }

    private SyntaxNode newExpression(SyntaxNode arg) {
        SyntaxNode a = JsSyntax.unwrap(arg);
        if (a != null && a.is("identifier")) {
            for (JsFile.Declaration d : js.declarations(a.text())) {
                if (d.value() != null && d.declarator().startByte() < arg.startByte()) {
                    a = JsSyntax.unwrap(d.value());
                }
            }
        }
        return a != null && a.is("new_expression") ? a : null;
    }

    /** {@code get eventName() { return 'message.seen'; }} or {@code eventName = 'message.seen'} of an event class. */
    private String eventClassName(SyntaxNode ctor, String property) {
        SyntaxNode type = ctor.field("constructor");
        if (type == null || !type.is("identifier")) {
            return null;
        }
        Optional<NestTypes.Found> cls = types.classNamed(file, type.text());
        for (int depth = 0; cls.isPresent() && depth < 3; depth++) {
            NestTypes.Found found = cls.get();
            JsResolver there = resolver.resolverFor(found.file().path());
            Method getter = found.cls().method(property);
            if (getter != null && getter.body() != null) {
                for (SyntaxNode s : getter.body().namedChildren()) {
                    if (s.is("return_statement") && s.namedChildCount() > 0) {
                        JsValue v = there.resolve(s.namedChild(0));
                        if (v.effective().is(JsValue.Kind.STRING)) {
                            return v.effective().string();
                        }
                    }
                }
            }
            Field f = found.cls().field(property);
            if (f != null && f.value() != null) {
                JsValue v = there.resolve(f.value());
                if (v.effective().is(JsValue.Kind.STRING)) {
                    return v.effective().string();
                }
            }
            cls = found.cls().superName == null ? Optional.empty()
                    : types.classNamed(found.file(), found.cls().superName);
        }
        return null;
    }

    /**
     * The send method a gateway method is: an emit whose event name is one of its parameters ({@code event}) or a
     * property of one ({@code event.eventName}); null otherwise.
     */
    private Wrapper wrapperOf(ParsedFile f, Method m) {
        String key = f.path() + "#" + m.node().startByte();
        if (wrappers.containsKey(key)) {
            return wrappers.get(key);
        }
        Wrapper w = findWrapper(m);
        wrappers.put(key, w);
        return w;
    }

    private Wrapper findWrapper(Method m) {
        if (m.body() == null) {
            return null;
        }
        for (QueryMatch q : CALLS.matches(m.body())) {
            if (!q.has("member.call") || !"emit".equals(q.text("method"))) {
                continue;
            }
            List<SyntaxNode> args = JsSyntax.arguments(q.node("args"));
            if (args.isEmpty()) {
                continue;
            }
            SyntaxNode a = JsSyntax.unwrap(args.get(0));
            String param = null;
            String property = null;
            if (a != null && a.is("identifier")) {
                param = a.text();
            } else if (a != null && a.is("member_expression") && a.field("object") != null
                    && a.field("object").is("identifier")) {
                param = a.field("object").text();
                property = JsSyntax.memberName(a);
            }
            Param p = param == null ? null : m.param(param);
            if (p == null) {
                continue;
            }
            int payload = -1;
            if (args.size() > 1) {
                SyntaxNode d = JsSyntax.unwrap(args.get(1));
                Param dp = d != null && d.is("identifier") ? m.param(d.text()) : null;
                payload = dp == null ? -1 : dp.index();
            }
            return new Wrapper(m.name(), p.index(), property, payload);
        }
        return null;
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private String stringOf(SyntaxNode n) {
        if (n == null) {
            return null;
        }
        JsValue v = resolver.resolve(n);
        if (!v.effective().is(JsValue.Kind.STRING)) {
            v = throughAlias(n);
        }
        return v != null && v.effective().is(JsValue.Kind.STRING) ? v.effective().string() : null;
    }

    /**
     * A constant imported through a tsconfig alias or {@code baseUrl} ({@code import { Events } from
     * 'src/common/events'}), which the resolver, knowing only relative imports, leaves unknown.
     */
    private JsValue throughAlias(SyntaxNode expr) {
        SyntaxNode n = JsSyntax.unwrap(expr);
        List<String> path = new ArrayList<>();
        while (n != null && n.is("member_expression")) {
            String prop = JsSyntax.memberName(n);
            if (prop == null) {
                return null;
            }
            path.add(0, prop);
            n = JsSyntax.unwrap(n.field("object"));
        }
        if (n == null || !n.is("identifier")) {
            return null;
        }
        Import imp = js.importOf(n.text());
        if (imp == null || imp.source().startsWith(".") || imp.imported().equals("*")
                || imp.imported().equals("default")) {
            return null;
        }
        Optional<ParsedFile> target = types.file(file, imp.source())
                .flatMap(f -> types.declaring(f, imp.imported()));
        if (target.isEmpty()) {
            return null;
        }
        JsValue v = resolver.resolverFor(target.get().path()).resolveName(imp.imported(), null);
        for (String p : path) {
            v = v.get(p);
        }
        return v;
    }
}
