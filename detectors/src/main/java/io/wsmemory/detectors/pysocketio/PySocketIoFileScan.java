package io.wsmemory.detectors.pysocketio;

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
import io.wsmemory.core.resolve.python.PySchemas;
import io.wsmemory.core.resolve.python.PySyntax;
import io.wsmemory.core.resolve.python.PyValue;
import io.wsmemory.detectors.pysocketio.PySioFindings.Opt;
import io.wsmemory.detectors.pysocketio.PySioFindings.Side;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one Python file for Socket.IO: python-socketio servers and clients ({@code socketio.AsyncServer},
 * {@code socketio.Client}) and Flask-SocketIO ({@code SocketIO(app)}) with their options, handlers registered with
 * decorators, {@code on(...)} or namespace classes, emits, rooms, client managers (the adapters), the ASGI
 * endpoint's path, and the credential checks of connect handlers. Receivers are classified by what they are bound
 * to (a construction here or in another module, a namespace class), and only by their conventional names
 * ({@code sio}, {@code socketio}) when the file imports the library.
 */
final class PySocketIoFileScan {

    static final Query QUERY = Query.load(PySocketIoFileScan.class, "pysocketio.scm");
    static final Set<String> RESERVED = Set.of("connect", "disconnect", "connect_error", "message", "*",
            "disconnecting");
    static final String SIO = "python-socketio";
    static final String FLASK = "flask-socketio";
    private static final Set<String> SECONDS = Set.of("ping_interval", "ping_timeout");
    private static final Set<String> CREDENTIAL = Set.of("token", "jwt", "auth", "key", "password", "secret",
            "session", "ticket", "authorization", "cookie");

    /** What a receiver is; a MANAGER is a client manager used on its own, to emit from outside the server. */
    enum Role { SERVER, FLASK_SERVER, CLIENT, NAMESPACE, FLASK_NAMESPACE, CLIENT_NAMESPACE, MANAGER, NONE }

    private final ParsedFile file;
    private final PyResolver r;
    private final PyFile py;
    private final PySioFindings out;
    private final boolean importsSio;
    private final boolean importsFlask;
    /** Namespace classes registered in this file, by the class's dotted name. */
    private final Map<String, String> registered = new LinkedHashMap<>();

    PySocketIoFileScan(ParsedFile file, SourceSet sources) {
        this.file = file;
        this.r = new PyResolver(file, sources);
        this.py = r.pyFile();
        this.out = new PySioFindings(file.path());
        this.importsSio = py.importsModule("socketio");
        this.importsFlask = py.importsModule("flask_socketio");
    }

    PySioFindings scan() {
        SyntaxTree tree = file.tree();
        if (tree == null) {
            return out;
        }
        for (PyFile.Import i : py.imports().values()) {
            if (i.level() != 0 || i.module() == null) {
                continue;
            }
            if (i.module().equals("socketio") || i.module().startsWith("socketio.")) {
                out.libraries.putIfAbsent(SIO, new PySioFindings.LibraryUse(SIO, null, file.evidence(i.node())));
            } else if (i.module().equals("flask_socketio") || i.module().startsWith("flask_socketio.")) {
                out.libraries.putIfAbsent(FLASK, new PySioFindings.LibraryUse(FLASK, "server",
                        file.evidence(i.node())));
            }
        }
        List<QueryMatch> matches = QUERY.matches(tree.root());
        Map<SyntaxNode, String> mounts = new LinkedHashMap<>();
        for (QueryMatch m : matches) {
            if (m.has("call") && "mount".equals(m.text("call.method"))) {
                SyntaxNode call = m.node("call");
                SyntaxNode prefix = PySyntax.argument(call, 0, "path");
                SyntaxNode app = PySyntax.argument(call, 1, "app");
                PyValue p = prefix == null ? null : r.resolve(prefix);
                PyValue a = app == null ? null : r.resolve(app);
                if (p != null && p.is(PyValue.Kind.STRING) && a != null && a.node() != null) {
                    mounts.put(a.node(), p.string());
                }
            }
        }
        for (QueryMatch m : matches) {
            if (m.has("ctor")) {
                construction(m.node("ctor"), m.text("ctor.name"), mounts);
            }
        }
        for (QueryMatch m : matches) {
            if (m.has("decorated")) {
                decorated(m);
            } else if (m.has("call")) {
                call(m);
            } else if (m.has("fn.call")) {
                flaskFunction(m);
            }
        }
        namespaceClasses();
        return out;
    }

    // ---- receivers -------------------------------------------------------------------------------------------

    private Role role(SyntaxNode receiver) {
        SyntaxNode n = PySyntax.unwrap(receiver);
        if (n == null) {
            return Role.NONE;
        }
        if (n.is("identifier") && n.text().equals("self")) {
            SyntaxNode cls = py.enclosing(n, "class_definition");
            return cls == null ? Role.NONE : namespaceRole(cls);
        }
        PyValue v = r.resolve(n);
        SyntaxNode node = v.node();
        if (node != null && node.is("call") && v.path() != null && !node.equals(n)) {
            Role role = ctorRole(r.resolverFor(v.path()).qualifiedName(node.field("function")));
            if (role != Role.NONE) {
                return role;
            }
        }
        if (n.is("identifier")) {
            String name = n.text();
            if (importsFlask && name.equals("socketio")) {
                return Role.FLASK_SERVER;
            }
            if (importsSio && (name.equals("sio") || name.equals("socketio") || name.equals("sio_server")
                    || name.equals("socket_io"))) {
                return Role.SERVER;
            }
        }
        return Role.NONE;
    }

    static Role ctorRole(String q) {
        if (q == null) {
            return Role.NONE;
        }
        if (q.startsWith("flask_socketio.") && q.endsWith(".SocketIO")) {
            return Role.FLASK_SERVER;
        }
        if (!q.startsWith("socketio.")) {
            return Role.NONE;
        }
        if (q.endsWith(".AsyncServer") || q.endsWith(".Server")) {
            return Role.SERVER;
        }
        if (q.endsWith(".AsyncClient") || q.endsWith(".Client") || q.endsWith("SimpleClient")) {
            return Role.CLIENT;
        }
        if (q.endsWith("Manager")) {
            return Role.MANAGER;
        }
        return Role.NONE;
    }

    private Role namespaceRole(SyntaxNode cls) {
        SyntaxNode nameNode = cls.field("name");
        if (nameNode == null) {
            return Role.NONE;
        }
        PyValue v = r.resolveName(nameNode.text(), null);
        if (!v.is(PyValue.Kind.CLASS)) {
            return Role.NONE;
        }
        for (String a : r.ancestors(v)) {
            if (a.startsWith("flask_socketio.") && a.endsWith("Namespace")) {
                return Role.FLASK_NAMESPACE;
            }
            if (a.startsWith("socketio.") && a.endsWith("ClientNamespace")) {
                return Role.CLIENT_NAMESPACE;
            }
            if (a.startsWith("socketio.") && a.endsWith("Namespace")) {
                return Role.NAMESPACE;
            }
        }
        return Role.NONE;
    }

    private static Side side(Role role) {
        return role == Role.CLIENT || role == Role.CLIENT_NAMESPACE ? Side.CLIENT : Side.SERVER;
    }

    private static boolean flask(Role role) {
        return role == Role.FLASK_SERVER || role == Role.FLASK_NAMESPACE;
    }

    // ---- constructions ---------------------------------------------------------------------------------------

    private void construction(SyntaxNode call, String name, Map<SyntaxNode, String> mounts) {
        String q = r.qualifiedName(call.field("function"));
        if (q == null || !(q.startsWith("socketio.") || q.startsWith("flask_socketio."))) {
            return;
        }
        Evidence at = file.evidence(call);
        Role role = ctorRole(q);
        if (role == Role.SERVER || role == Role.FLASK_SERVER) {
            Map<String, Opt> options = options(call);
            out.servers.add(new PySioFindings.Server(role == Role.FLASK_SERVER ? FLASK : SIO, at, options));
            String library = role == Role.FLASK_SERVER ? FLASK : SIO;
            out.libraries.computeIfPresent(library, (k, l) -> new PySioFindings.LibraryUse(k, "server", l.at()));
            if (role == Role.FLASK_SERVER) {
                SyntaxNode mq = PySyntax.keyword(call, "message_queue");
                if (mq != null) {
                    messageQueue(mq);
                }
            }
            return;
        }
        if (role == Role.CLIENT) {
            out.clients.add(new PySioFindings.Client(at, options(call)));
            out.libraries.computeIfPresent(SIO, (k, l) -> new PySioFindings.LibraryUse(k,
                    l.role() == null ? "client" : l.role(), l.at()));
            return;
        }
        switch (name) {
            case "ASGIApp", "WSGIApp" -> {
                SyntaxNode p = PySyntax.keyword(call, "socketio_path");
                String prefix = mounts.get(call);
                if (prefix == null) {
                    for (Map.Entry<SyntaxNode, String> e : mounts.entrySet()) { // app = ASGIApp(...); mount("/x", app)
                        if (e.getKey().equals(call)) {
                            prefix = e.getValue();
                        }
                    }
                }
                if (p == null && prefix == null) {
                    return;
                }
                PyValue v = p == null ? null : r.resolve(p);
                String tail = v != null && v.effective().is(PyValue.Kind.STRING) ? v.effective().string() : "socket.io";
                String path = ("/" + (prefix == null ? "" : prefix) + "/" + tail).replaceAll("/{2,}", "/");
                if (path.length() > 1 && path.endsWith("/")) {
                    path = path.substring(0, path.length() - 1);
                }
                List<Evidence> ev = new ArrayList<>();
                ev.add(p != null ? file.evidence(p.parent()) : at);
                if (v != null) {
                    ev.addAll(v.via());
                }
                out.paths.add(new PySioFindings.AppPath(new Opt(path, null,
                        v != null ? v.source() : Source.EXPLICIT, v != null ? v.confidence() : Confidence.MEDIUM,
                        v != null ? v.variable() : null, ev), at));
            }
            default -> manager(call, name, at);
        }
    }

    private void manager(SyntaxNode call, String name, Evidence at) {
        SyntaxNode urlNode = PySyntax.argument(call, 0, "url");
        PyValue url = urlNode == null ? null : r.resolve(urlNode);
        String defaultUrl = switch (name) {
            case "AsyncRedisManager", "RedisManager" -> "redis://localhost:6379/0";
            case "KombuManager", "AsyncAioPikaManager" -> "amqp://guest:guest@localhost:5672//";
            case "KafkaManager" -> "kafka://localhost:9092";
            case "ZmqManager" -> "zmq+tcp://localhost:5555+5556";
            default -> null;
        };
        String text = url == null ? defaultUrl : url.effective().isLiteral() ? url.effective().text() : null;
        String scheme = text == null ? schemeOf(defaultUrl) : schemeOf(text);
        String key = switch (scheme) {
            case "redis", "rediss", "unix" -> "redis";
            case "amqp", "amqps", "pyamqp" -> "amqp";
            case "kafka" -> "kafka";
            case "zmq+tcp", "zmq" -> "zmq";
            default -> name.contains("Redis") ? "redis" : "amqp";
        };
        String broker = switch (key) {
            case "redis" -> "redis";
            case "amqp" -> "rabbitmq";
            case "kafka" -> "kafka";
            default -> null;
        };
        List<Evidence> ev = new ArrayList<>();
        ev.add(urlNode != null ? file.evidence(urlNode) : at);
        if (url != null) {
            ev.addAll(url.via());
        }
        Opt endpoint = new Opt(text == null ? "" : hostPort(text), null,
                url == null ? Source.DEFAULT : url.source(), url == null ? Confidence.MEDIUM : url.confidence(),
                url == null ? null : url.variable(), ev);
        String qualified = "socketio." + name;
        SyntaxNode writeOnly = PySyntax.keyword(call, "write_only");
        out.adapters.add(new PySioFindings.Adapter(key, qualified, at, broker, endpoint,
                writeOnly != null && writeOnly.text().equals("True")));
    }

    private void messageQueue(SyntaxNode mq) {
        PyValue url = r.resolve(mq);
        String text = url.effective().isLiteral() ? url.effective().text() : null;
        String scheme = text == null ? "redis" : schemeOf(text);
        String key = scheme.startsWith("amqp") ? "amqp" : scheme.equals("kafka") ? "kafka" : "redis";
        String broker = key.equals("amqp") ? "rabbitmq" : key;
        List<Evidence> ev = new ArrayList<>();
        ev.add(file.evidence(mq.parent()));
        ev.addAll(url.via());
        out.adapters.add(new PySioFindings.Adapter(key, "flask-socketio message_queue", file.evidence(mq.parent()),
                broker, new Opt(text == null ? "" : hostPort(text), null, url.source(), url.confidence(),
                url.variable(), ev), false));
    }

    static String schemeOf(String url) {
        int i = url.indexOf("://");
        return i < 0 ? "" : url.substring(0, i).toLowerCase(Locale.ROOT);
    }

    /** {@code redis://:pw@host:6380/0} → {@code host:6380}, with the scheme's default port. */
    static String hostPort(String url) {
        String scheme = schemeOf(url);
        int port = switch (scheme) {
            case "redis", "rediss" -> 6379;
            case "amqp", "pyamqp" -> 5672;
            case "amqps" -> 5671;
            case "kafka" -> 9092;
            default -> -1;
        };
        try {
            URI u = URI.create(url.replace("zmq+tcp", "tcp"));
            String host = u.getHost();
            if (host == null) {
                String auth = u.getRawAuthority();
                if (auth == null) {
                    return url;
                }
                host = auth.contains("@") ? auth.substring(auth.lastIndexOf('@') + 1) : auth;
                return host;
            }
            int p = u.getPort() >= 0 ? u.getPort() : port;
            return p < 0 ? host : host + ":" + p;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** The keyword options of a construction, resolved; seconds turned to milliseconds. */
    private Map<String, Opt> options(SyntaxNode call) {
        Map<String, Opt> out = new LinkedHashMap<>();
        for (Map.Entry<String, SyntaxNode> e : PySyntax.keywords(call).entrySet()) {
            SyntaxNode valueNode = e.getValue().field("value");
            PyValue v = r.resolve(valueNode);
            List<Evidence> ev = new ArrayList<>();
            ev.add(file.evidence(e.getValue()));
            ev.addAll(v.via());
            PyValue x = v.effective();
            String key = e.getKey();
            if (key.equals("client_manager")) {
                out.put(key, new Opt("<manager>", null, Source.EXPLICIT, Confidence.HIGH, null, ev));
                continue;
            }
            if (SECONDS.contains(key) && x.is(PyValue.Kind.LIST) && !x.items().isEmpty()) {
                x = x.items().get(0); // (interval, grace)
            }
            List<String> items = null;
            String text;
            if (x.is(PyValue.Kind.LIST)) {
                items = new ArrayList<>();
                for (PyValue i : x.items()) {
                    PyValue ie = i.effective();
                    items.add(ie.isLiteral() ? ie.text() : "?");
                }
                text = String.join(",", items);
            } else if (x.isLiteral()) {
                text = x.is(PyValue.Kind.NUMBER) && SECONDS.contains(key) ? ms(x.number()) : x.text();
            } else if (v.is(PyValue.Kind.ENV)) {
                text = "";
            } else {
                text = null;
            }
            out.put(key, new Opt(text, items, v.source(), v.confidence(), v.variable(), ev));
        }
        return out;
    }

    static String ms(double seconds) {
        double v = seconds * 1000;
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    // ---- handlers and emits ----------------------------------------------------------------------------------

    private void decorated(QueryMatch m) {
        Role role = role(m.node("dec.receiver"));
        if (role == Role.NONE) {
            return;
        }
        SyntaxNode handler = m.node("handler");
        String method = m.text("dec.method");
        SyntaxNode args = m.node("dec.args");
        String name;
        String namespace = null;
        SyntaxNode decoratorCall = args == null ? null : args.parent();
        if (method.equals("event")) {
            name = m.text("handler.name");
        } else {
            SyntaxNode first = decoratorCall == null ? null : PySyntax.argument(decoratorCall, 0, "message");
            PyValue v = first == null ? null : r.resolve(first);
            if (v == null || !v.effective().is(PyValue.Kind.STRING)) {
                return;
            }
            name = v.effective().string();
        }
        if (decoratorCall != null) {
            SyntaxNode ns = PySyntax.keyword(decoratorCall, "namespace");
            PyValue nv = ns == null ? null : r.resolve(ns);
            if (nv != null && nv.effective().is(PyValue.Kind.STRING)) {
                namespace = nv.effective().string();
                out.namespaces.add(new PySioFindings.Namespace(namespace, file.evidence(ns.parent())));
            }
        }
        handler(role, name, handler, file.evidence(m.node("decorated")), namespace);
    }

    private void handler(Role role, String name, SyntaxNode fn, Evidence at, String namespace) {
        if (name.equals("connect") && side(role) == Side.SERVER) {
            if (out.connectHandler == null && namespace == null) {
                out.connectHandler = at;
            }
            connectAuth(role, fn);
            return;
        }
        if (RESERVED.contains(name)) {
            return;
        }
        int dataIndex = switch (role) {
            case SERVER -> 1;
            case NAMESPACE -> 2;
            case FLASK_NAMESPACE, CLIENT_NAMESPACE -> 1;
            default -> 0;
        };
        List<String> params = PySyntax.parameterNames(fn);
        String payload = null;
        String validation = null;
        String required = null;
        if (dataIndex < params.size()) {
            String data = params.get(dataIndex);
            payload = payload(fn, data);
            String typed = PySyntax.parameterType(fn, data);
            Optional<PySchemas.Shape> shape = Optional.empty();
            if (typed != null) {
                PyValue t = r.resolveName(typed, null);
                shape = PySchemas.shape(r, t);
            }
            if (shape.isEmpty()) {
                Optional<PySchemas.Validation> val = PySchemas.validationIn(r, fn.field("body"));
                if (val.isPresent() && val.get().shapes().size() == 1) {
                    shape = Optional.of(val.get().shapes().get(0));
                }
            }
            if (shape.isPresent()) {
                validation = shape.get().describe();
                required = String.join(",", shape.get().required());
                payload = shape.get().payload();
            }
        }
        boolean ack = fn.text().contains("return ") && returnsValue(fn);
        out.events.add(new PySioFindings.Event(name, side(role), false, at, payload, ack, namespace, validation,
                required));
    }

    private static boolean returnsValue(SyntaxNode fn) {
        return Pattern.compile("(?m)^\\s*return\\s+\\S").matcher(fn.text()).find();
    }

    /** The keys a handler reads from its data parameter: {@code {room, text}}. */
    private String payload(SyntaxNode fn, String data) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(data)
                + "\\s*(?:\\[\\s*['\"]([\\w.-]+)['\"]\\s*]|\\.get\\(\\s*['\"]([\\w.-]+)['\"])").matcher(fn.text());
        List<String> keys = new ArrayList<>();
        while (m.find()) {
            String k = m.group(1) != null ? m.group(1) : m.group(2);
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        return keys.isEmpty() ? null : "{" + String.join(", ", keys) + "}";
    }

    private void call(QueryMatch m) {
        String method = m.text("call.method");
        if (method.equals("mount")) {
            return;
        }
        Role role = role(m.node("call.receiver"));
        if (role == Role.NONE) {
            return;
        }
        SyntaxNode call = m.node("call");
        if (role == Role.MANAGER && !method.equals("emit")) {
            return;
        }
        switch (method) {
            case "emit", "call" -> emit(role, call, method.equals("call"));
            case "on" -> {
                SyntaxNode first = PySyntax.argument(call, 0, "event");
                SyntaxNode h = PySyntax.argument(call, 1, "handler");
                PyValue v = first == null ? null : r.resolve(first);
                if (v == null || !v.effective().is(PyValue.Kind.STRING) || h == null) {
                    return;
                }
                PyValue fn = r.resolve(h);
                SyntaxNode fnNode = fn.is(PyValue.Kind.FUNCTION) && fn.node() != null
                        && fn.node().is("function_definition") && fn.path().equals(file.path()) ? fn.node() : null;
                SyntaxNode ns = PySyntax.keyword(call, "namespace");
                PyValue nv = ns == null ? null : r.resolve(ns);
                String namespace = nv != null && nv.effective().is(PyValue.Kind.STRING) ? nv.effective().string()
                        : null;
                if (namespace != null) {
                    out.namespaces.add(new PySioFindings.Namespace(namespace, file.evidence(ns.parent())));
                }
                if (fnNode != null) {
                    handler(role, v.effective().string(), fnNode, file.evidence(call), namespace);
                } else if (!RESERVED.contains(v.effective().string())) {
                    out.events.add(new PySioFindings.Event(v.effective().string(), side(role), false,
                            file.evidence(call), null, false, namespace, null, null));
                }
            }
            case "enter_room", "leave_room", "close_room" -> {
                if (method.equals("enter_room")) {
                    SyntaxNode room = PySyntax.argument(call, 1, "room");
                    if (room != null) {
                        room(room, call, "join", role);
                    }
                }
            }
            case "register_namespace", "on_namespace" -> {
                SyntaxNode arg = PySyntax.argument(call, 0, "namespace_handler");
                SyntaxNode n = PySyntax.unwrap(arg);
                if (n != null && n.is("identifier")) {
                    PyValue v = r.resolve(n);
                    n = v.node() != null && v.node().is("call") ? v.node() : n;
                }
                if (n != null && n.is("call")) {
                    SyntaxNode ns = PySyntax.argument(n, 0, "namespace");
                    PyValue nv = ns == null ? null : r.resolve(ns);
                    if (nv != null && nv.effective().is(PyValue.Kind.STRING)) {
                        out.namespaces.add(new PySioFindings.Namespace(nv.effective().string(), file.evidence(call)));
                        PyValue cls = r.resolve(n.field("function"));
                        if (cls.is(PyValue.Kind.CLASS)) {
                            registered.put(cls.name(), nv.effective().string());
                        }
                    }
                }
            }
            case "init_app" -> {
                if (role == Role.FLASK_SERVER && !PySyntax.keywords(call).isEmpty()) { // options given late
                    out.servers.add(new PySioFindings.Server(FLASK, file.evidence(call), options(call)));
                    SyntaxNode mq = PySyntax.keyword(call, "message_queue");
                    if (mq != null) {
                        messageQueue(mq);
                    }
                }
            }
            case "connect" -> {
                if (role == Role.CLIENT) {
                    SyntaxNode url = PySyntax.argument(call, 0, "url");
                    if (url != null && PySyntax.keyword(call, "auth") != null) {
                        out.auths.add(new PySioFindings.Auth("token", "handshake-middleware", "auth-payload",
                                file.evidence(call), "client"));
                    }
                }
            }
            default -> {
            }
        }
    }

    private void flaskFunction(QueryMatch m) {
        String name = m.text("fn.name");
        PyFile.Import i = py.importOf(name);
        if (i == null || i.module() == null || !i.module().startsWith("flask_socketio")) {
            return;
        }
        SyntaxNode call = m.node("fn.call");
        Role role = Role.FLASK_SERVER;
        switch (name) {
            case "emit" -> emit(role, call, false);
            case "join_room" -> {
                SyntaxNode room = PySyntax.argument(call, 0, "room");
                if (room != null) {
                    room(room, call, "join", role);
                }
            }
            default -> {
            }
        }
    }

    private void emit(Role role, SyntaxNode call, boolean ack) {
        SyntaxNode first = PySyntax.argument(call, 0, "event");
        PyValue v = first == null ? null : r.resolve(first);
        if (v == null || !v.effective().is(PyValue.Kind.STRING)) {
            return;
        }
        String name = v.effective().string();
        SyntaxNode data = PySyntax.argument(call, 1, "data");
        String payload = data == null ? null : describe(data);
        boolean callback = ack || PySyntax.keyword(call, "callback") != null;
        SyntaxNode ns = PySyntax.keyword(call, "namespace");
        PyValue nv = ns == null ? null : r.resolve(ns);
        String namespace = nv != null && nv.effective().is(PyValue.Kind.STRING) ? nv.effective().string() : null;
        if (!RESERVED.contains(name)) {
            out.events.add(new PySioFindings.Event(name, side(role), true, file.evidence(call), payload, callback,
                    namespace, null, null));
        }
        if (side(role) == Side.SERVER) {
            SyntaxNode to = PySyntax.keyword(call, "to");
            if (to == null) {
                to = PySyntax.keyword(call, "room");
            }
            if (to != null) {
                room(to, call, "broadcast", role);
            }
        }
    }

    private String describe(SyntaxNode data) {
        PyValue v = r.resolve(data);
        if (v.is(PyValue.Kind.DICT)) {
            return "{" + String.join(", ", v.entries().keySet()) + "}";
        }
        String t = data.text().replaceAll("\\s+", " ").trim();
        return t.length() > 120 ? t.substring(0, 119) + "…" : t;
    }

    private void room(SyntaxNode expr, SyntaxNode call, String action, Role role) {
        SyntaxNode n = PySyntax.unwrap(expr);
        if (n == null || n.is("none")) {
            return;
        }
        String pattern;
        if (isSid(n, role)) {
            pattern = "{socketId}";
        } else {
            pattern = r.pattern(n);
            if (pattern == null) {
                pattern = "{" + PyResolver.placeholder(n) + "}";
            }
        }
        if (!pattern.isEmpty()) {
            out.rooms.add(new PySioFindings.Room(pattern, action, file.evidence(call)));
        }
    }

    /** The connection's own id: the handler's {@code sid} parameter, or Flask's {@code request.sid}. */
    private boolean isSid(SyntaxNode n, Role role) {
        String t = n.text();
        if (t.equals("request.sid") || t.equals("sid")) {
            return true;
        }
        SyntaxNode fn = py.enclosing(n, "function_definition");
        if (fn != null && n.is("identifier")) {
            List<String> ps = PySyntax.parameterNames(fn);
            int sidIndex = role == Role.NAMESPACE ? 1 : 0;
            return (role == Role.SERVER || role == Role.NAMESPACE) && ps.size() > sidIndex
                    && ps.get(sidIndex).equals(t);
        }
        return false;
    }

    private void namespaceClasses() {
        for (Map.Entry<String, SyntaxNode> e : py.classes().entrySet()) {
            Role role = namespaceRole(e.getValue());
            if (role == Role.NONE) {
                continue;
            }
            PyValue cls = r.resolveName(e.getKey(), null);
            // a class registered elsewhere serves a namespace this file does not name: "?" keeps it off "/"
            String namespace = registered.getOrDefault(cls.name(), "?");
            for (Map.Entry<String, SyntaxNode> m : PyFile.methods(e.getValue()).entrySet()) {
                if (m.getKey().startsWith("on_") && m.getKey().length() > 3) {
                    handler(role, m.getKey().substring(3), m.getValue(), file.evidence(m.getValue()),
                            namespace);
                }
            }
        }
    }

    // ---- connect handlers ------------------------------------------------------------------------------------

    /**
     * A connect handler that reads a credential and refuses the connection without it: the auth payload, a
     * header, the query string or a cookie (Flask-Login's {@code current_user} is the session cookie).
     */
    private void connectAuth(Role role, SyntaxNode fn) {
        String text = fn.text();
        SyntaxNode body = fn.field("body");
        String bodyText = body == null ? text : body.text();
        boolean refuses = bodyText.contains("ConnectionRefusedError") || Pattern.compile("\\breturn\\s+False\\b")
                .matcher(bodyText).find() || bodyText.contains("disconnect(") || Pattern.compile("\\braise\\b")
                .matcher(bodyText).find();
        if (!refuses) {
            return;
        }
        List<String> params = PySyntax.parameterNames(fn);
        String authParam = switch (role) {
            case SERVER -> params.size() > 2 ? params.get(2) : null;
            case NAMESPACE -> params.size() > 3 ? params.get(3) : null;
            case FLASK_SERVER -> params.isEmpty() ? null : params.get(0);
            case FLASK_NAMESPACE -> params.size() > 1 ? params.get(1) : null;
            default -> null;
        };
        String lower = bodyText.toLowerCase(Locale.ROOT);
        int at = -1;
        String carrier = null;
        String mechanism = null;
        Matcher m;
        if (authParam != null && (m = Pattern.compile("\\b" + Pattern.quote(authParam) + "\\b").matcher(bodyText))
                .find()) {
            at = m.start();
            carrier = "auth-payload";
        }
        String[][] carriers = {
            {"http_authorization", "header"}, {"authorization", "header"}, {"query_string", "query"},
            {"request.args", "query"}, {"http_cookie", "cookie"}, {"request.cookies", "cookie"},
            {"request.headers", "header"}, {"http_x_", "header"}};
        for (String[] c : carriers) {
            int i = lower.indexOf(c[0]);
            if (i >= 0 && (at < 0 || i < at)) {
                at = i;
                carrier = c[1];
            }
        }
        int user = lower.indexOf("current_user");
        if (carrier == null && user >= 0) {
            at = user;
            carrier = "cookie";
            mechanism = "session-cookie";
        }
        if (carrier == null || !(mechanism != null || mentionsCredential(lower))) {
            return;
        }
        if (mechanism == null) {
            String fileText = (file.file().text() + helperText(body)).toLowerCase(Locale.ROOT);
            mechanism = fileText.contains("jwt") || lower.contains("decode_token") ? "jwt"
                    : lower.contains("api_key") || lower.contains("apikey") || lower.contains("x-api-key")
                    || lower.contains("http_x_api_key") ? "api-key" : "token";
        }
        int line = body == null ? fn.line() : body.line() + newlines(bodyText, at);
        out.auths.add(new PySioFindings.Auth(mechanism, "handshake-middleware", carrier, file.evidence(line),
                null));
    }

    private static final Query CALLS = Query.of("pysocketio-calls",
            "(call function: [(identifier) (attribute)] @callee) @call");

    /** The text of the repository functions a body calls (where a token is decoded, say). */
    private String helperText(SyntaxNode body) {
        if (body == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (QueryMatch m : CALLS.matches(body)) {
            PyValue v = r.resolve(m.node("callee"));
            if (v.is(PyValue.Kind.FUNCTION) && v.node() != null && v.path() != null) {
                b.append('\n').append(v.node().text());
                if (!v.path().equals(file.path())) {
                    for (PyFile.Import i : r.resolverFor(v.path()).pyFile().imports().values()) {
                        b.append('\n').append(i.qualified());
                    }
                }
            }
        }
        return b.toString();
    }

    private static boolean mentionsCredential(String lower) {
        for (String c : CREDENTIAL) {
            if (lower.contains(c)) {
                return true;
            }
        }
        return false;
    }

    private static int newlines(String text, int upTo) {
        int n = 0;
        for (int i = 0; i < upTo && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
