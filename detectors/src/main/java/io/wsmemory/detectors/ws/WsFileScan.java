package io.wsmemory.detectors.ws;

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
import io.wsmemory.detectors.js.JsClientKind;
import io.wsmemory.detectors.js.JsMessageTypes;
import io.wsmemory.detectors.js.JsMessages;
import io.wsmemory.detectors.js.JsOption;
import io.wsmemory.detectors.js.JsOptions;
import io.wsmemory.detectors.ws.WsFindings.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one JavaScript or TypeScript file for raw WebSockets: ws servers and their options, the upgrade-time
 * checks (verifyClient, the noServer upgrade listener), the heartbeat, server sockets and client sockets (ws in
 * Node, the browser's WebSocket, reconnecting wrappers), what is sent and how received messages are dispatched,
 * and hand-written reconnect loops.
 */
final class WsFileScan {

    static final Query QUERY = Query.load(WsFileScan.class, "ws.scm");
    static final Query TYPES = Query.load(WsFileScan.class, "ws-types.typescript.scm");
    static final Set<String> WS_MODULES = Set.of("ws", "isomorphic-ws");
    static final Set<String> WRAPPERS = Set.of("reconnecting-websocket", "partysocket");

    enum Role { SERVER, SERVER_SOCKET, CLIENT, NONE }

    private record Scope(String name, int start, int end) {
    }

    private final ParsedFile file;
    private final SourceSet sources;
    private final JsResolver resolver;
    private final JsFile js;
    private final WsFindings out;
    private final Map<String, Role> names = new HashMap<>();
    private final List<Scope> socketScopes = new ArrayList<>();
    private final Map<String, List<SyntaxNode>> calls = new HashMap<>();
    private boolean noServer;
    private final java.util.Set<String> parsedVariables = new java.util.HashSet<>();
    private final List<JsMessages.Name> serverInbound = new ArrayList<>();
    private final List<SyntaxNode[]> relayCandidates = new ArrayList<>();

    WsFileScan(ParsedFile file, SourceSet sources) {
        this.file = file;
        this.sources = sources;
        this.resolver = new JsResolver(file, sources);
        this.js = resolver.jsFile();
        this.out = new WsFindings(file.path());
    }

    WsFindings scan() {
        SyntaxTree tree = file.tree();
        if (tree == null) {
            return out;
        }
        libraryImports();
        if (tree.language() != io.wsmemory.core.source.Language.JAVASCRIPT) {
            declaredMessages(JsMessageTypes.discriminatedMessages(file), null);
            for (Import i : js.imports().values()) { // protocol types kept in a module of their own
                if (i.source().startsWith(".") && JsMessageTypes.isMessageTypeName(i.imported())) {
                    JsModules.resolve(sources, file.path(), i.source()).ifPresent(f -> declaredMessages(
                            JsMessageTypes.discriminatedMessages(sources.parsed(f)), i.imported()));
                }
            }
        }
        List<QueryMatch> matches = QUERY.matches(tree.root());
        for (QueryMatch m : matches) {
            if (m.has("plain")) {
                calls.computeIfAbsent(m.text("plain.fn"), k -> new ArrayList<>()).add(m.node("plain"));
            } else if (m.has("new")) {
                construction(m);
            }
        }
        if (tree.language() != io.wsmemory.core.source.Language.JAVASCRIPT) {
            for (QueryMatch m : TYPES.matches(tree.root())) {
                typedParam(m);
            }
        }
        for (QueryMatch m : matches) {
            if (m.has("call")) {
                registration(m);
            } else if (m.has("loop")) {
                loop(m);
            }
        }
        for (QueryMatch m : matches) {
            if (m.has("call")) {
                call(m);
            } else if (m.has("assign")) {
                assignment(m);
            } else if (m.has("interval")) {
                heartbeat(m);
            }
        }
        for (SyntaxNode[] c : relayCandidates) {
            if (isRelay(c[0], c[1])) {
                Evidence at = file.evidence(c[1]);
                for (JsMessages.Name n : serverInbound) {
                    out.events.add(new WsFindings.Event(n.value(), Side.SERVER, true, at, null, false));
                }
                break;
            }
        }
        return out;
    }

    private void declaredMessages(List<JsMessageTypes.Declared> declared, String onlyType) {
        for (JsMessageTypes.Declared d : declared) {
            if (onlyType != null && !onlyType.equals(d.typeName())) {
                continue;
            }
            boolean unknown = d.direction() == JsMessageTypes.Direction.UNKNOWN;
            out.events.add(new WsFindings.Event(d.name(), Side.SERVER, d.direction() == JsMessageTypes.Direction.OUT,
                    d.at(), d.payload(), unknown));
            if (!unknown) {
                out.envelopes.add(new WsFindings.Envelope(d.field(), true, d.at(), Side.SERVER));
            }
        }
    }

    // ---- libraries and constructions ---------------------------------------------------------------------

    private void libraryImports() {
        for (Import i : js.imports().values()) {
            if (WS_MODULES.contains(i.source())) {
                out.libraries.add(new WsFindings.LibraryUse("ws", null, file.evidence(i.node())));
                return;
            }
            if (isRepositoryWs(i)) {
                out.libraries.add(new WsFindings.LibraryUse("ws", null, file.evidence(i.node())));
                return;
            }
            if (WRAPPERS.contains(i.source())) {
                out.libraries.add(new WsFindings.LibraryUse("reconnecting-websocket", "client", file.evidence(i.node())));
            }
        }
        js.requires().forEach((source, node) -> {
            if (WS_MODULES.contains(source) && out.libraries.isEmpty()) {
                out.libraries.add(new WsFindings.LibraryUse("ws", null, file.evidence(node)));
            }
        });
    }

    /**
     * ws's own examples and tests import the library from the checkout ({@code require("../..")}): a relative import
     * that leaves the scanned folder and names {@code WebSocketServer} is ws.
     */
    private boolean isRepositoryWs(Import i) {
        return (i.imported().equals("WebSocketServer") || i.imported().equals("WebSocket"))
                && (i.source().startsWith(".") && JsModules.resolve(sources, file.path(), i.source()).isEmpty())
                && js.imports().values().stream().anyMatch(o -> o.imported().equals("WebSocketServer")
                && o.source().equals(i.source()));
    }

    /** What a constructor expression names: a ws server, a ws client, the browser's WebSocket, a wrapper. */
    private String classify(SyntaxNode ctor) {
        SyntaxNode c = JsSyntax.unwrap(ctor);
        if (c == null) {
            return null;
        }
        Optional<Import> imp = resolver.importBehind(c);
        if (imp.isPresent()) {
            Import i = imp.get();
            boolean ws = WS_MODULES.contains(i.source()) || isRepositoryWs(i);
            if (ws) {
                String m = i.imported();
                if (m.equals("WebSocketServer") || m.equals("Server") || m.endsWith(".Server")) {
                    return "server";
                }
                if (m.equals("WebSocket") || m.equals("default") || m.equals("*")) {
                    return "node-client";
                }
                return null;
            }
            if (WRAPPERS.contains(i.source())) {
                return "wrapper";
            }
            return null;
        }
        String t = c.text();
        if (t.equals("WebSocket") || t.equals("window.WebSocket") || t.equals("globalThis.WebSocket")) {
            return js.importOf("WebSocket") == null && js.declarations("WebSocket").isEmpty() ? "browser-client" : null;
        }
        if (t.equals("ReconnectingWebSocket") && js.importOf(t) == null && js.declarations(t).isEmpty()) {
            return "legacy-wrapper"; // the vendored joewalnes script, loaded with a <script> tag
        }
        return null;
    }

    private void construction(QueryMatch m) {
        String what = classify(m.node("ctor"));
        if (what == null) {
            return;
        }
        SyntaxNode call = m.node("new");
        List<SyntaxNode> args = JsSyntax.arguments(m.node("args"));
        String name = bindingName(call);
        if (what.equals("server")) {
            Map<String, JsOption> options = new java.util.LinkedHashMap<>();
            JsValue opts = args.isEmpty() ? null : resolver.resolve(args.get(0));
            if (opts != null && opts.is(JsValue.Kind.OBJECT)) {
                options.putAll(JsOptions.read(resolver, file, opts));
                JsValue.Member verify = opts.properties().get("verifyClient");
                if (verify != null) {
                    String text = functionText(verify.value());
                    Evidence at = verify.keyNode() == null ? file.evidence(call) : file.evidence(verify.keyNode());
                    WsAuthReading.auth(text, at).ifPresent(out.auths::add);
                    WsAuthReading.origin(text, at).map(o -> withListedOrigins(o, text, verify.value().node()))
                            .ifPresent(out.origins::add);
                }
            }
            JsOption ns = options.get("noServer");
            noServer |= ns != null && "true".equals(ns.value());
            out.servers.add(new WsFindings.Server(file.evidence(call), options));
            if (name != null) {
                names.put(name, Role.SERVER);
            }
            return;
        }
        Map<String, JsOption> options = new java.util.LinkedHashMap<>();
        int optionsAt = what.contains("wrapper") ? 2 : what.equals("node-client") ? 1 : -1;
        for (int i = 1; i < args.size(); i++) {
            JsValue v = resolver.resolve(args.get(i));
            if (v.is(JsValue.Kind.OBJECT) && (i == optionsAt || i == optionsAt + 1 || optionsAt < 0)) {
                options.putAll(JsOptions.read(resolver, file, v));
            }
        }
        JsClientKind.Kind kind = JsClientKind.of(file, js, sources);
        if (what.equals("node-client") && kind.type().equals("browser") && kind.why().equals("client module")) {
            kind = new JsClientKind.Kind("server", "Node ws client");
        }
        String wrapper = what.equals("wrapper") ? "pladaria" : what.equals("legacy-wrapper") ? "joewalnes" : null;
        out.clients.add(new WsFindings.Client(file.evidence(call), options, kind.type(), kind.why(), wrapper,
                what.equals("node-client")));
        if (name != null) {
            names.put(name, Role.CLIENT);
        }
    }

    // ---- sockets -----------------------------------------------------------------------------------------

    private void registration(QueryMatch m) {
        String method = m.text("method");
        SyntaxNode receiver = m.node("receiver");
        List<SyntaxNode> args = JsSyntax.arguments(m.node("args"));
        if ((method.equals("on") || method.equals("once")) && args.size() >= 2 && role(receiver) == Role.SERVER
                && "connection".equals(JsSyntax.stringValue(args.get(0)))) {
            registerParam(args.get(1));
        } else if (method.equals("forEach") && !args.isEmpty() && isClientsOf(receiver)) {
            registerParam(args.get(0));
        } else if (method.equals("handleUpgrade") && args.size() >= 4 && role(receiver) == Role.SERVER) {
            registerParam(args.get(3));
        }
    }

    private void loop(QueryMatch m) {
        if (!isClientsOf(m.node("loop.over"))) {
            return;
        }
        SyntaxNode var = m.node("loop.var");
        SyntaxNode id = var.is("identifier") ? var : null;
        if (id == null) {
            for (SyntaxNode c : var.namedChildren()) {
                if (c.is("identifier")) {
                    id = c;
                }
            }
        }
        SyntaxNode loop = m.node("loop");
        if (id != null) {
            socketScopes.add(new Scope(id.text(), loop.startByte(), loop.endByte()));
        }
    }

    /** A parameter typed with ws's WebSocket: a server's socket in a file that runs a server. */
    private void typedParam(QueryMatch m) {
        Import imp = js.importOf(m.text("param.type"));
        if (imp == null || !(WS_MODULES.contains(imp.source()) || isRepositoryWs(imp))
                || !(imp.imported().equals("WebSocket") || imp.imported().equals("default"))) {
            return;
        }
        SyntaxNode fn = m.node("param").parent() == null ? null : m.node("param").parent().parent();
        if (fn != null && !out.servers.isEmpty()) {
            socketScopes.add(new Scope(m.text("param.name"), fn.startByte(), fn.endByte()));
        }
    }

    /** {@code wss.clients}: the tracked sockets of a server. */
    private boolean isClientsOf(SyntaxNode n) {
        SyntaxNode r = JsSyntax.unwrap(n);
        return r != null && r.is("member_expression") && "clients".equals(JsSyntax.memberName(r))
                && role(r.field("object")) == Role.SERVER;
    }

    private void registerParam(SyntaxNode handler) {
        Optional<SyntaxNode> fn = resolver.functionBehind(handler);
        if (fn.isEmpty()) {
            return;
        }
        SyntaxNode params = fn.get().field("parameters");
        SyntaxNode first = params == null ? fn.get().field("parameter") : params.namedChild(0);
        SyntaxNode id = first == null ? null : first.is("identifier") ? first : first.field("pattern");
        if (id != null && id.is("identifier")) {
            socketScopes.add(new Scope(id.text(), fn.get().startByte(), fn.get().endByte()));
        }
    }

    Role role(SyntaxNode receiver) {
        SyntaxNode r = JsSyntax.unwrap(receiver);
        if (r == null) {
            return Role.NONE;
        }
        String text = r.text().replaceAll("\\s+", "");
        if (r.is("identifier")) {
            for (Scope s : socketScopes) {
                if (s.name().equals(text) && s.start() <= r.startByte() && r.endByte() <= s.end()) {
                    return Role.SERVER_SOCKET;
                }
            }
        }
        Role named = names.get(text);
        if (named != null) {
            return named;
        }
        // in a file that runs a ws server, the conventional names of a socket are that server's sockets
        if (r.is("identifier") && !out.servers.isEmpty() && SOCKET_NAMES.contains(text)
                && !names.containsValue(Role.CLIENT)) {
            return Role.SERVER_SOCKET;
        }
        return Role.NONE;
    }

    private static final Set<String> SOCKET_NAMES = Set.of("ws", "socket", "client", "conn", "connection");

    // ---- calls -------------------------------------------------------------------------------------------

    private void call(QueryMatch m) {
        String method = m.text("method");
        SyntaxNode receiver = m.node("receiver");
        SyntaxNode call = m.node("call");
        List<SyntaxNode> args = JsSyntax.arguments(m.node("args"));
        Role role = role(receiver);
        switch (method) {
            case "on", "once", "addEventListener" -> {
                if (args.size() < 2) {
                    return;
                }
                String event = JsSyntax.stringValue(args.get(0));
                if ("message".equals(event) && (role == Role.SERVER_SOCKET || role == Role.CLIENT)) {
                    inbound(args.get(1), role == Role.CLIENT ? Side.CLIENT : Side.SERVER);
                } else if ("close".equals(event) && role == Role.CLIENT) {
                    reconnectLoop(args.get(1));
                } else if ("upgrade".equals(event) && role == Role.NONE && (noServer || upgradesTo(args.get(1)))) {
                    String text = functionText(resolver.resolve(args.get(1)));
                    WsAuthReading.auth(text, file.evidence(call)).ifPresent(out.auths::add);
                    WsAuthReading.origin(text, file.evidence(call)).map(o -> withListedOrigins(o, text, args.get(1)))
                            .ifPresent(out.origins::add);
                }
            }
            case "send" -> {
                if (!args.isEmpty() && (role == Role.SERVER_SOCKET || role == Role.CLIENT)) {
                    outbound(args.get(0), call, role == Role.CLIENT ? Side.CLIENT : Side.SERVER);
                }
            }
            default -> {
            }
        }
    }

    private boolean upgradesTo(SyntaxNode handler) {
        String text = functionText(resolver.resolve(handler));
        return text != null && text.contains("handleUpgrade");
    }

    private void assignment(QueryMatch m) {
        Role role = role(m.node("target"));
        if (role != Role.CLIENT && role != Role.SERVER_SOCKET) {
            return;
        }
        Side side = role == Role.CLIENT ? Side.CLIENT : Side.SERVER;
        switch (m.text("prop")) {
            case "onmessage" -> inbound(m.node("value"), side);
            case "onclose" -> {
                if (role == Role.CLIENT) {
                    reconnectLoop(m.node("value"));
                }
            }
            case "binaryType" -> {
                JsValue v = resolver.resolve(m.node("value"));
                if (v.effective().is(JsValue.Kind.STRING)) {
                    out.serializations.add(new WsFindings.Serialization("binary", "binaryType "
                            + v.effective().string(), Source.EXPLICIT, file.evidence(m.node("assign")), side));
                }
            }
            default -> {
            }
        }
    }

    private void inbound(SyntaxNode handler, Side side) {
        Optional<JsMessages.Inbound> in = JsMessages.inbound(resolver, file, handler);
        if (in.isEmpty()) {
            return;
        }
        JsMessages.Inbound msg = in.get();
        out.serializations.add(new WsFindings.Serialization("json", "JSON.parse", Source.EXPLICIT, msg.parsedAt(),
                side));
        msg.fields().forEach((field, at) -> out.envelopes.add(new WsFindings.Envelope(field,
                field.equals(msg.discriminator()), at, side)));
        for (JsMessages.Name n : msg.names()) {
            out.events.add(new WsFindings.Event(n.value(), side, false, n.at(), null, false));
        }
        if (side == Side.SERVER) {
            parsedVariables.addAll(msg.parsedVariables());
            serverInbound.addAll(msg.names());
        }
    }

    private void outbound(SyntaxNode arg, SyntaxNode call, Side side) {
        if (side == Side.SERVER) {
            relayCandidates.add(new SyntaxNode[] {arg, call}); // judged once every handler's messages are known
        }
        Optional<JsMessages.Outbound> sent = JsMessages.outbound(resolver, file, arg, this::wrapperLiterals);
        if (sent.isEmpty()) {
            return;
        }
        JsMessages.Outbound msg = sent.get();
        Evidence at = file.evidence(call);
        String value = msg.format().equals("text") ? "plain strings" : msg.formatText();
        out.serializations.add(new WsFindings.Serialization(msg.format(), value, Source.EXPLICIT, at, side));
        msg.fields().forEach((field, fat) -> out.envelopes.add(new WsFindings.Envelope(field,
                field.equals(msg.discriminator()), fat, side)));
        String payload = msg.fields().isEmpty() ? null : "{" + String.join(", ", msg.fields().keySet()) + "}";
        for (JsMessages.Name n : msg.names()) {
            out.events.add(new WsFindings.Event(n.value(), side, true, n.at(), payload, false));
        }
    }

    /**
     * A server that sends back a message it parsed ({@code client.send(JSON.stringify(message))}, directly or
     * through a {@code broadcast(message)} helper) relays what it receives: those messages travel both ways.
     */
    private boolean isRelay(SyntaxNode arg, SyntaxNode call) {
        SyntaxNode a = JsSyntax.unwrap(arg);
        if (a == null || !a.is("call_expression") || a.field("function") == null
                || !a.field("function").text().equals("JSON.stringify")) {
            return false;
        }
        List<SyntaxNode> args = JsSyntax.arguments(a.field("arguments"));
        if (args.isEmpty() || !args.get(0).is("identifier")) {
            return false;
        }
        if (isParsedHere(args.get(0))) {
            return true;
        }
        SyntaxNode fn = call;
        while (fn != null && !isFunction(fn)) {
            fn = fn.parent();
        }
        while (fn != null && functionName(fn) == null) { // the forEach callback sits inside the named helper
            SyntaxNode p = fn.parent();
            while (p != null && !isFunction(p)) {
                p = p.parent();
            }
            fn = p;
        }
        String name = fn == null ? null : functionName(fn);
        if (name == null) {
            return false;
        }
        for (SyntaxNode c : calls.getOrDefault(name, List.of())) {
            for (SyntaxNode x : JsSyntax.arguments(c.field("arguments"))) {
                if (x.is("identifier") && isParsedHere(x)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An identifier bound, where it is used, to a message the server parsed ({@code x = JSON.parse(...)}). */
    private boolean isParsedHere(SyntaxNode id) {
        if (!parsedVariables.contains(id.text())) {
            return false;
        }
        JsValue v = resolver.resolve(id);
        SyntaxNode def = v.node();
        if (def != null && def.is("call_expression") && def.text().startsWith("JSON.parse")) {
            return true;
        }
        SyntaxNode fn = id;
        while (fn != null && !isFunction(fn)) {
            fn = fn.parent();
        }
        return fn != null && Pattern.compile("\\b" + Pattern.quote(id.text()) + "\\s*=\\s*JSON\\.parse")
                .matcher(fn.text()).find();
    }

    /** The literal first arguments callers give a send wrapper whose parameter becomes the discriminator. */
    private List<JsMessages.Name> wrapperLiterals(SyntaxNode use, SyntaxNode inside) {
        String param = use.text();
        SyntaxNode fn = inside;
        while (fn != null && !isFunction(fn)) {
            fn = fn.parent();
        }
        if (fn == null) {
            return List.of();
        }
        SyntaxNode params = fn.field("parameters");
        int index = -1;
        if (params != null) {
            List<SyntaxNode> ps = params.namedChildren();
            for (int i = 0; i < ps.size(); i++) {
                SyntaxNode p = ps.get(i);
                SyntaxNode id = p.is("identifier") ? p : p.field("pattern");
                if (id != null && id.text().equals(param)) {
                    index = i;
                }
            }
        }
        String name = functionName(fn);
        if (index < 0 || name == null) {
            return List.of();
        }
        List<JsMessages.Name> names = new ArrayList<>();
        for (SyntaxNode c : calls.getOrDefault(name, List.of())) {
            List<SyntaxNode> a = JsSyntax.arguments(c.field("arguments"));
            if (a.size() > index) {
                JsValue v = resolver.resolve(a.get(index));
                if (v.effective().is(JsValue.Kind.STRING)) {
                    names.add(new JsMessages.Name(v.effective().string(), file.evidence(c)));
                }
            }
        }
        return names;
    }

    private static final Pattern LIST_CHECK = Pattern.compile(
            "([A-Za-z_$][\\w$]*)\\.(?:includes|has|indexOf)\\(\\s*(?:origin|info\\.origin|req\\.headers\\.origin|request\\.headers\\.origin)\\s*\\)");

    /** An allow-list kept in a constant ({@code ALLOWED.includes(origin)}): its literal origins. */
    private WsFindings.Origin withListedOrigins(WsFindings.Origin o, String text, SyntaxNode near) {
        if (!o.value().isEmpty() || near == null) {
            return o;
        }
        Matcher m = LIST_CHECK.matcher(text);
        if (!m.find()) {
            return o;
        }
        JsValue list = resolver.resolveName(m.group(1), near);
        List<String> items = new ArrayList<>();
        for (JsValue i : list.effective().items()) {
            if (i.isLiteral()) {
                items.add(i.text());
            }
        }
        return items.isEmpty() ? o : new WsFindings.Origin(o.key(), String.join(",", items), o.at());
    }

    // ---- heartbeat and reconnection ------------------------------------------------------------------------

    private static final Pattern ATTEMPTS = Pattern.compile(
            "\\b(\\w*(?:attempts?|retries|retry\\w*|tries))\\s*(<|<=|>=|>)\\s*([A-Za-z_$][\\w$.]*|\\d+)");

    /** {@code setInterval(() => wss.clients.forEach(ws => { if (!ws.isAlive) return ws.terminate(); ws.ping(); }), 30000)}. */
    private void heartbeat(QueryMatch m) {
        String body = functionText(resolver.resolve(m.node("timer.fn")));
        if (body == null) {
            return;
        }
        String note = "ping() on an interval";
        Evidence delegate = null;
        if (!body.contains(".ping(")) {
            Optional<PingingCallee.Found> callee = PingingCallee.of(body, file.file(), js, sources);
            if (callee.isEmpty()) {
                return;
            }
            body = callee.get().body();
            delegate = callee.get().at();
            note = "ping() in " + callee.get().name() + "(), called on an interval";
        }
        JsValue delay = resolver.resolve(m.node("timer.delay"));
        if (!delay.effective().is(JsValue.Kind.NUMBER)) {
            return;
        }
        List<Evidence> ev = new ArrayList<>();
        ev.add(file.evidence(m.node("interval")));
        ev.addAll(delay.via());
        if (delegate != null) {
            ev.add(delegate);
        }
        String value = delay.effective().text();
        boolean server = !body.contains("WebSocket(") && (body.contains("clients") || body.contains("terminate"));
        String role = server ? "server" : "client";
        out.settings.add(new WsFindings.Setting("setting", "ping.interval", value, "ms", delay.source(), ev, role,
                note));
        if (body.contains("terminate(") && (body.contains("isAlive") || body.contains("alive"))) {
            out.settings.add(new WsFindings.Setting("setting", "ping.timeout", value, "ms", Source.INFERRED, ev, role,
                    "a socket that has not answered the previous ping by the next tick is terminated"));
        }
    }

    /** A close handler that schedules a new connection: a hand-written reconnect loop. */
    private void reconnectLoop(SyntaxNode handler) {
        JsValue fn = resolver.resolve(handler);
        String text = functionText(fn);
        if (text == null) {
            return;
        }
        SyntaxNode timeout = findSetTimeout(fn.node() == null ? handler : fn.node(), 0);
        if (timeout == null) {
            return;
        }
        List<SyntaxNode> args = JsSyntax.arguments(timeout.field("arguments"));
        if (args.size() < 2) {
            return;
        }
        Evidence at = file.evidence(timeout);
        out.settings.add(new WsFindings.Setting("reconnect", "enabled", "true", null, Source.EXPLICIT, List.of(at),
                "client", "close handler schedules a new connection"));
        SyntaxNode delayExpr = JsSyntax.unwrap(args.get(1));
        JsValue delay = resolver.resolve(delayExpr);
        String dtext = delayExpr.text();
        if (delay.effective().is(JsValue.Kind.NUMBER)) {
            List<Evidence> ev = new ArrayList<>();
            ev.add(at);
            ev.addAll(delay.via());
            out.settings.add(new WsFindings.Setting("reconnect", "delay.min", delay.effective().text(), "ms",
                    delay.source(), ev, "client", null));
            out.settings.add(new WsFindings.Setting("reconnect", "strategy", "fixed", null, Source.EXPLICIT,
                    List.of(at), "client", null));
        } else if (dtext.contains("**") || dtext.contains("Math.pow") || dtext.contains("<<")
                || dtext.matches(".*\\*\\s*2\\b.*")) {
            out.settings.add(new WsFindings.Setting("reconnect", "strategy", "exponential", null, Source.EXPLICIT,
                    List.of(at), "client", dtext));
            Matcher base = Pattern.compile("(\\d[\\d_]*)\\s*\\*").matcher(dtext);
            while (base.find()) {
                String b = base.group(1).replace("_", "");
                if (!b.equals("2")) { // the growth factor, not the base delay
                    out.settings.add(new WsFindings.Setting("reconnect", "delay.min", b, "ms", Source.EXPLICIT,
                            List.of(at), "client", null));
                    break;
                }
            }
            Matcher min = Pattern.compile("Math\\.min\\(([^,]+),\\s*([^)]+)\\)").matcher(dtext);
            if (min.find()) {
                String cap = min.group(2).trim();
                JsValue capValue = resolver.resolveName(cap, delayExpr);
                if (cap.matches("\\d[\\d_]*")) {
                    out.settings.add(new WsFindings.Setting("reconnect", "delay.max", cap.replace("_", ""), "ms",
                            Source.EXPLICIT, List.of(at), "client", null));
                } else if (capValue.effective().is(JsValue.Kind.NUMBER)) {
                    out.settings.add(new WsFindings.Setting("reconnect", "delay.max", capValue.effective().text(),
                            "ms", capValue.source(), List.of(at), "client", null));
                }
            }
        }
        if (dtext.contains("Math.random")) {
            out.settings.add(new WsFindings.Setting("reconnect", "jitter", "random", null, Source.EXPLICIT,
                    List.of(at), "client", dtext));
        }
        Matcher attempts = ATTEMPTS.matcher(text);
        if (attempts.find()) {
            String bound = attempts.group(3);
            JsValue b = bound.matches("\\d+") ? null : resolver.resolveName(bound, handler);
            String value = bound.matches("\\d+") ? bound : b != null && b.effective().is(JsValue.Kind.NUMBER)
                    ? b.effective().text() : null;
            if (value != null) {
                out.settings.add(new WsFindings.Setting("reconnect", "attempts", value, null, Source.EXPLICIT,
                        List.of(at), "client", null));
            }
        }
    }

    /** The first {@code setTimeout} inside a function, following one call into a function of this file. */
    private SyntaxNode findSetTimeout(SyntaxNode fn, int depth) {
        SyntaxNode[] found = {null};
        List<SyntaxNode> callees = new ArrayList<>();
        fn.walk(n -> found[0] == null, n -> {
            if (found[0] == null && n.is("call_expression")) {
                SyntaxNode f = n.field("function");
                if (f != null && (f.text().equals("setTimeout") || f.text().equals("window.setTimeout"))) {
                    found[0] = n;
                } else if (f != null && f.is("identifier")) {
                    callees.add(f);
                }
            }
        });
        if (found[0] == null && depth == 0) {
            for (SyntaxNode c : callees) {
                Optional<SyntaxNode> target = resolver.functionBehind(c);
                if (target.isPresent()) {
                    SyntaxNode t = findSetTimeout(target.get(), depth + 1);
                    if (t != null) {
                        return t;
                    }
                }
            }
        }
        return found[0];
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static String functionText(JsValue v) {
        if (v == null || v.node() == null) {
            return null;
        }
        return v.is(JsValue.Kind.FUNCTION) ? v.node().text() : null;
    }

    private static boolean isFunction(SyntaxNode n) {
        return n.is("arrow_function") || n.is("function_expression") || n.is("function_declaration")
                || n.is("function") || n.is("method_definition");
    }

    private static String functionName(SyntaxNode fn) {
        if (fn.is("function_declaration")) {
            SyntaxNode n = fn.field("name");
            return n == null ? null : n.text();
        }
        SyntaxNode p = fn.parent();
        if (p != null && p.is("variable_declarator") && p.field("name") != null) {
            return p.field("name").text();
        }
        return null;
    }

    /** The name a construction is bound to: {@code const ws = ...}, {@code this.ws = ...}, {@code ws = ...}. */
    private static String bindingName(SyntaxNode expr) {
        SyntaxNode p = expr.parent();
        while (p != null && (p.is("await_expression") || p.is("parenthesized_expression") || p.is("as_expression"))) {
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
        return null;
    }
}
