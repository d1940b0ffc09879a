package io.wsmemory.detectors.nettysocketio;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.java.JavaPayloads;
import io.wsmemory.core.resolve.java.JavaResolver;
import io.wsmemory.core.resolve.java.JavaTypes;
import io.wsmemory.core.resolve.java.JavaValue;
import io.wsmemory.detectors.spring.JavaAuth;
import io.wsmemory.detectors.spring.JavaChains;
import io.wsmemory.detectors.spring.Opt;
import io.wsmemory.detectors.spring.SpringConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one Java file for netty-socketio: {@code Configuration} setters (values through constants, {@code @Value}
 * properties and the environment), the {@code SocketIOServer} it starts, authorization and connect listeners that
 * check credentials, event listeners ({@code addEventListener}, {@code @OnEvent}) with their payload classes,
 * {@code sendEvent} calls, rooms, namespaces and store factories.
 */
final class NettySocketIoFileScan {

    static final Set<String> RESERVED = Set.of("connect", "connection", "disconnect", "error", "message", "ping",
            "pong", "reconnect", "connect_error", "disconnecting");
    private static final Map<String, String> SETTERS = Map.ofEntries(
            Map.entry("setContext", "path"), Map.entry("setPingInterval", "ping.interval"),
            Map.entry("setPingTimeout", "ping.timeout"), Map.entry("setUpgradeTimeout", "upgrade.timeout"),
            Map.entry("setFirstDataTimeout", "connect.timeout"),
            Map.entry("setMaxFramePayloadLength", "payload.max"),
            Map.entry("setMaxHttpContentLength", "http.maxContent"),
            Map.entry("setWebsocketCompression", "compression"), Map.entry("setPort", "port"));
    private static final Set<String> NOT_PAYLOAD = Set.of("SocketIOClient", "AckRequest", "SocketIOServer",
            "HandshakeData");

    record Server(Evidence at, Map<String, Opt> options, List<String> transports, Evidence transportsAt, Opt origin,
                  String store, Evidence storeAt) {
    }

    record Event(String name, boolean outbound, Evidence at, String payload) {
    }

    record Room(String pattern, String action, Evidence at) {
    }

    record Auth(String mechanism, String phase, String carrier, Evidence at) {
    }

    /** A Socket.IO event whose payload is itself an envelope: the field that selects the handler, its values. */
    record Envelope(String event, String field, String values, Evidence at) {
    }

    final String path;
    final List<Server> configurations = new ArrayList<>();
    final List<Evidence> servers = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Room> rooms = new ArrayList<>();
    final List<Auth> auths = new ArrayList<>();
    final Map<String, Evidence> namespaces = new LinkedHashMap<>();
    final List<Envelope> envelopes = new ArrayList<>();
    private final ParsedFile file;
    private final JavaResolver r;

    NettySocketIoFileScan(ParsedFile file, SourceSet sources) {
        this.file = file;
        this.path = file.path();
        this.r = new JavaResolver(file, sources, SpringConfig.of(sources));
    }

    boolean isEmpty() {
        return configurations.isEmpty() && servers.isEmpty() && events.isEmpty() && rooms.isEmpty()
                && auths.isEmpty() && namespaces.isEmpty() && envelopes.isEmpty();
    }

    NettySocketIoFileScan scan() {
        if (file.path().endsWith(".xml")) {
            xmlBeans();
            return this;
        }
        Optional<CompilationUnit> parsed = file.java();
        if (parsed.isEmpty()) {
            return this;
        }
        CompilationUnit cu = parsed.get();
        if (cu.getImports().stream().noneMatch(i -> i.getNameAsString().startsWith("com.corundumstudio.socketio"))) {
            return this;
        }
        for (ObjectCreationExpr o : cu.findAll(ObjectCreationExpr.class)) {
            String t = o.getType().getNameAsString();
            if (t.equals("Configuration") && o.getArguments().isEmpty()) {
                configuration(o);
            } else if (t.equals("SocketIOServer")) {
                servers.add(r.evidence(o));
            }
        }
        for (MethodCallExpr m : cu.findAll(MethodCallExpr.class)) {
            call(m);
        }
        for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
            Optional<AnnotationExpr> on = JavaResolver.annotation(m, "OnEvent");
            if (on.isPresent()) {
                Expression v = JavaResolver.annotationValue(on.get(), "value");
                JavaValue name = v == null ? null : r.resolve(v);
                if (name != null && name.is(JavaValue.Kind.STRING) && !RESERVED.contains(name.string())) {
                    String payload = null;
                    for (Parameter p : m.getParameters()) {
                        String t = JavaResolver.simpleName(p.getType());
                        if (!NOT_PAYLOAD.contains(t)) {
                            payload = JavaPayloads.of(p.getType(), r).map(JavaPayloads.Shape::describe).orElse(t);
                            break;
                        }
                    }
                    events.add(new Event(name.string(), false, r.evidence(on.get()), payload));
                    envelope(name.string(), m);
                }
            }
            if (JavaResolver.annotation(m, "OnConnect").isPresent()) {
                connectCheck(m);
            }
        }
        for (ClassOrInterfaceDeclaration c : cu.findAll(ClassOrInterfaceDeclaration.class)) {
            for (ClassOrInterfaceType t : c.getImplementedTypes()) {
                if (t.getNameAsString().equals("AuthorizationListener")) {
                    authorization(c, c);
                }
            }
        }
        return this;
    }

    /** An event handler that decodes a JSON envelope and switches on its type: the envelope, not more events. */
    private void envelope(String event, Node handler) {
        io.wsmemory.detectors.spring.JavaDispatch.Reading reading =
                io.wsmemory.detectors.spring.JavaDispatch.read(handler, r);
        Map<String, List<String>> byField = new LinkedHashMap<>();
        Map<String, Evidence> at = new LinkedHashMap<>();
        for (io.wsmemory.detectors.spring.JavaDispatch.Dispatch d : reading.dispatches()) {
            if (!d.outbound()) {
                byField.computeIfAbsent(d.field(), k -> new ArrayList<>()).add(d.value());
                at.putIfAbsent(d.field(), d.at());
            }
        }
        byField.forEach((field, values) -> envelopes.add(new Envelope(event, field, String.join(",", values),
                at.get(field))));
    }

    private static final java.util.regex.Pattern BEAN = java.util.regex.Pattern.compile(
            "<bean\\b[^>]*class\\s*=\\s*\"com\\.corundumstudio\\.socketio\\.(Configuration|SocketIOServer)\"");
    private static final java.util.regex.Pattern PROPERTY = java.util.regex.Pattern.compile(
            "<property\\s+name\\s*=\\s*\"(\\w+)\"\\s+value\\s*=\\s*\"([^\"]*)\"");

    /** Spring XML: {@code <bean class="com.corundumstudio.socketio.Configuration">} and its properties. */
    private void xmlBeans() {
        io.wsmemory.core.source.SourceFile f = file.file();
        boolean inConfig = false;
        Map<String, Opt> options = new LinkedHashMap<>();
        Evidence configAt = null;
        Opt origin = null;
        for (int i = 1; i <= f.lineCount(); i++) {
            String line = f.line(i);
            java.util.regex.Matcher b = BEAN.matcher(line);
            if (b.find()) {
                if (b.group(1).equals("SocketIOServer")) {
                    servers.add(file.evidence(i));
                } else {
                    inConfig = true;
                    configAt = file.evidence(i);
                }
            }
            if (!inConfig) {
                continue;
            }
            java.util.regex.Matcher p = PROPERTY.matcher(line);
            if (p.find()) {
                String key = SETTERS.get("set" + Character.toUpperCase(p.group(1).charAt(0)) + p.group(1).substring(1));
                JavaValue v = r.resolvePlaceholders(p.group(2), "String", null);
                Opt o = Opt.first(v, file.evidence(i));
                if (key != null) {
                    options.put(key, o);
                } else if (p.group(1).equals("origin")) {
                    origin = o;
                }
            }
            if (line.contains("</bean>") || line.contains("/>") && line.contains("<bean")) {
                if (configAt != null) {
                    configurations.add(new Server(configAt, options, null, null, origin, null, null));
                    options = new LinkedHashMap<>();
                    configAt = null;
                    origin = null;
                }
                inConfig = false;
            }
        }
    }

    private void configuration(ObjectCreationExpr o) {
        Map<String, Opt> options = new LinkedHashMap<>();
        List<String> transports = null;
        Evidence transportsAt = null;
        Opt origin = null;
        String store = null;
        Evidence storeAt = null;
        for (MethodCallExpr c : JavaChains.after(o)) {
            String n = c.getNameAsString();
            if (c.getArguments().isEmpty()) {
                continue;
            }
            Expression a = c.getArgument(0);
            if (SETTERS.containsKey(n)) {
                options.put(SETTERS.get(n), Opt.first(r.resolve(a), r.evidence(c)));
            } else if (n.equals("setTransports")) {
                transports = new ArrayList<>();
                transportsAt = r.evidence(c);
                for (Expression t : c.getArguments()) {
                    JavaValue v = r.resolve(t);
                    if (v.is(JavaValue.Kind.ARRAY)) {
                        transports.addAll(v.texts());
                    } else if (v.text() != null) {
                        transports.add(v.text());
                    }
                }
            } else if (n.equals("setOrigin")) {
                origin = Opt.first(r.resolve(a), r.evidence(c));
            } else if (n.equals("setAuthorizationListener")) {
                authorizationArgument(a);
            } else if (n.equals("setStoreFactory")) {
                String t = a instanceof ObjectCreationExpr oc ? oc.getType().getNameAsString()
                        : r.typeOfExpression(a).orElse(a.toString());
                store = t;
                storeAt = r.evidence(c);
            }
        }
        configurations.add(new Server(r.evidence(o), options, transports, transportsAt, origin, store, storeAt));
    }

    private void authorizationArgument(Expression a) {
        if (a instanceof LambdaExpr l) {
            authorization(l.getBody(), l.findAncestor(TypeDeclaration.class).map(t -> (Node) t).orElse(l));
            return;
        }
        String type = a instanceof ObjectCreationExpr oc ? oc.getType().getNameAsString()
                : r.typeOfExpression(a).orElse(null);
        if (a instanceof ObjectCreationExpr oc && oc.getAnonymousClassBody().isPresent()) {
            authorization(oc, oc);
            return;
        }
        if (type != null) {
            Optional<JavaTypes.TypeRef> t = r.type(type);
            if (t.isPresent() && !t.get().path().equals(file.path())) {
                JavaResolver other = r.resolverFor(t.get().file());
                JavaAuth.read(t.get().decl(), t.get().decl(), other).ifPresent(c -> auths.add(new Auth(c.mechanism(),
                        phase(c.carrier()), c.carrier(), c.at())));
            }
        }
    }

    private void authorization(Node body, Node context) {
        JavaAuth.read(body, context, r).ifPresent(c -> auths.add(new Auth(c.mechanism(), phase(c.carrier()),
                c.carrier(), c.at())));
    }

    private static String phase(String carrier) {
        return carrier.equals("auth-payload") ? "handshake-middleware" : "upgrade-request";
    }

    private void connectCheck(Node body) {
        if (!r.source(body).contains("disconnect()")) {
            return;
        }
        Node context = body.findAncestor(TypeDeclaration.class).map(t -> (Node) t).orElse(body);
        JavaAuth.read(body, context, r).ifPresent(c -> auths.add(new Auth(c.mechanism(), "connection-handler",
                c.carrier(), c.at())));
    }

    private void call(MethodCallExpr m) {
        String n = m.getNameAsString();
        List<Expression> args = m.getArguments();
        switch (n) {
            case "addEventListener" -> {
                if (args.size() >= 2) {
                    JavaValue name = r.resolve(args.get(0));
                    if (name.is(JavaValue.Kind.STRING) && !RESERVED.contains(name.string())) {
                        String payload = null;
                        if (args.get(1) instanceof ClassExpr ce) {
                            payload = JavaPayloads.of(ce.getType(), r).map(JavaPayloads.Shape::describe)
                                    .orElse(JavaResolver.simpleName(ce.getType()));
                        }
                        events.add(new Event(name.string(), false, r.evidence(m), payload));
                    }
                }
            }
            case "sendEvent" -> {
                if (!args.isEmpty()) {
                    JavaValue name = r.resolve(args.get(0));
                    if (name.is(JavaValue.Kind.STRING) && !RESERVED.contains(name.string())) {
                        String payload = null;
                        for (int i = 1; i < args.size(); i++) {
                            Optional<String> t = r.typeOfExpression(args.get(i));
                            if (t.isPresent() && !t.get().endsWith("AckCallback")) {
                                payload = JavaPayloads.ofName(t.get(), r).map(JavaPayloads.Shape::describe)
                                        .orElse(t.get());
                                break;
                            }
                        }
                        events.add(new Event(name.string(), true, r.evidence(m), payload));
                    }
                }
            }
            case "joinRoom", "getRoomOperations" -> {
                if (args.size() == 1) {
                    String pattern = r.pattern(args.get(0));
                    if (pattern == null) {
                        pattern = "{" + JavaResolver.hintName(args.get(0)) + "}";
                    }
                    rooms.add(new Room(pattern, n.equals("joinRoom") ? "join" : "broadcast", r.evidence(m)));
                }
            }
            case "addNamespace" -> {
                if (args.size() == 1) {
                    JavaValue v = r.resolve(args.get(0));
                    if (v.is(JavaValue.Kind.STRING)) {
                        namespaces.putIfAbsent(v.string(), r.evidence(m));
                    }
                }
            }
            case "addConnectListener" -> {
                if (args.size() == 1 && args.get(0) instanceof LambdaExpr l) {
                    connectCheck(l.getBody());
                }
            }
            default -> {
            }
        }
    }
}
