package io.wsmemory.detectors.netty;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.java.JavaPayloads;
import io.wsmemory.core.resolve.java.JavaResolver;
import io.wsmemory.core.resolve.java.JavaValue;
import io.wsmemory.detectors.spring.JavaAuth;
import io.wsmemory.detectors.spring.JavaChains;
import io.wsmemory.detectors.spring.JavaDispatch;
import io.wsmemory.detectors.spring.Opt;
import io.wsmemory.detectors.spring.SpringConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one Java file for Netty's WebSocket codec: protocol handlers and handshaker factories (every constructor
 * overload, and the {@code WebSocketServerProtocolConfig} / {@code WebSocketDecoderConfig} builders), client
 * handshakers, compression handlers, idle and timeout handlers in WebSocket pipelines, frame handlers' serialization
 * and JSON envelopes, channel groups keyed by room, credential checks before or at the upgrade, Origin checks.
 * {@code HttpObjectAggregator} and compression sizes bound the handshake request and inflation, not frames: they
 * are not read as frame limits.
 */
final class NettyFileScan {

    private static final Set<String> FRAMES = Set.of("TextWebSocketFrame", "BinaryWebSocketFrame", "WebSocketFrame");

    private final ParsedFile file;
    private final JavaResolver r;
    private final NettyFindings out;

    NettyFileScan(ParsedFile file, SourceSet sources) {
        this.file = file;
        this.r = new JavaResolver(file, sources, SpringConfig.of(sources));
        this.out = new NettyFindings(file.path());
    }

    NettyFindings scan() {
        Optional<CompilationUnit> parsed = file.java();
        if (parsed.isEmpty()) {
            return out;
        }
        CompilationUnit cu = parsed.get();
        boolean netty = cu.getImports().stream().anyMatch(i -> i.getNameAsString().startsWith("io.netty"))
                || cu.getPackageDeclaration().map(p -> p.getNameAsString().startsWith("io.netty")).orElse(false);
        if (!netty) {
            return out;
        }
        for (ObjectCreationExpr o : cu.findAll(ObjectCreationExpr.class)) {
            creation(o);
        }
        for (MethodCallExpr m : cu.findAll(MethodCallExpr.class)) {
            if (m.getNameAsString().equals("newHandshaker") && m.getScope().isPresent()
                    && m.getScope().get().toString().endsWith("WebSocketClientHandshakerFactory")) {
                clientHandshaker(m, m.getArguments(), 5);
            }
        }
        for (ClassOrInterfaceDeclaration c : cu.findAll(ClassOrInterfaceDeclaration.class)) {
            handlerClass(c);
        }
        for (StringLiteralExpr s : cu.findAll(StringLiteralExpr.class)) {
            if (s.getValue().contains("new WebSocket(")) {
                out.clientTypes.add(new NettyFindings.ClientType("browser", "inline HTML page", r.evidence(s)));
                break;
            }
        }
        return out;
    }

    // ---- constructions -------------------------------------------------------------------------------------

    private void creation(ObjectCreationExpr o) {
        String t = o.getType().getNameAsString();
        List<Expression> args = o.getArguments();
        switch (t) {
            case "WebSocketServerProtocolHandler" -> protocolHandler(o, args);
            case "WebSocketServerHandshakerFactory" -> handshakerFactory(o, args);
            case "WebSocketClientProtocolHandler" -> clientProtocolHandler(o, args);
            case "WebSocketServerCompressionHandler" -> out.compressions.add(
                    new NettyFindings.Compression(true, r.evidence(o)));
            case "WebSocketClientCompressionHandler" -> out.compressions.add(
                    new NettyFindings.Compression(false, r.evidence(o)));
            case "IdleStateHandler" -> idle(o, args);
            case "ReadTimeoutHandler", "WriteTimeoutHandler" -> timeout(o, t, args);
            case "WebSocketFrameAggregator" -> {
                if (args.size() == 1 && inWebSocketPipeline(o)) {
                    Opt v = Opt.first(r.resolve(args.get(0)), r.evidence(args.get(0)));
                    out.settings.add(new NettyFindings.Setting("payload.max", v, true,
                            "WebSocketFrameAggregator.maxContentLength"));
                }
            }
            default -> {
            }
        }
    }

    /** Static type of an argument as overload resolution sees it: String, boolean, int, long or other. */
    private String argType(Expression e) {
        if (e instanceof com.github.javaparser.ast.expr.NullLiteralExpr) {
            return "null";
        }
        JavaValue v = r.resolve(e);
        switch (v.kind()) {
            case STRING:
                return "String";
            case BOOLEAN:
                return "boolean";
            case NUMBER:
                return v.numType() == JavaValue.NumType.LONG ? "long" : v.numType() == JavaValue.NumType.INT ? "int"
                        : "other";
            default:
                break;
        }
        String declared = r.typeOfExpression(e).orElse("");
        return switch (declared) {
            case "String" -> "String";
            case "boolean", "Boolean" -> "boolean";
            case "int", "Integer", "short" -> "int";
            case "long", "Long" -> "long";
            default -> "other";
        };
    }

    private static boolean isNumber(String t) {
        return t.equals("int") || t.equals("long");
    }

    private void protocolHandler(ObjectCreationExpr o, List<Expression> args) {
        Map<String, Opt> opts = NettyFindings.Construction.newOptions();
        int n = args.size();
        if (n == 0) {
            return;
        }
        String first = argType(args.get(0));
        if (n == 1 && first.equals("other")) {
            Optional<Expression> def = r.definitionOf(args.get(0)).or(() -> Optional.of(args.get(0)));
            serverConfig(def.get(), opts);
            tls(o, opts);
            out.constructions.add(new NettyFindings.Construction("WebSocketServerProtocolHandler", true,
                    r.evidence(o), opts, true));
            return;
        }
        put(opts, "path", args.get(0));
        List<String> types = new ArrayList<>();
        for (Expression a : args) {
            types.add(argType(a));
        }
        switch (n) {
            case 1 -> {
                // the path alone: every other option at its default
            }
            case 2 -> {
                if (types.get(1).equals("boolean")) {
                    put(opts, "checkStartsWith", args.get(1));
                } else if (isNumber(types.get(1))) {
                    put(opts, "handshake.timeout", args.get(1));
                } else {
                    put(opts, "subprotocols", args.get(1));
                }
            }
            case 3 -> {
                if (types.get(1).equals("boolean")) {
                    put(opts, "checkStartsWith", args.get(1));
                    put(opts, "handshake.timeout", args.get(2));
                } else {
                    put(opts, "subprotocols", args.get(1));
                    put(opts, isNumber(types.get(2)) ? "handshake.timeout" : "allowExtensions", args.get(2));
                }
            }
            default -> {
                put(opts, "subprotocols", args.get(1));
                if (n == 6 && types.get(2).equals("boolean") && types.get(3).equals("boolean")
                        && types.get(5).equals("other")) {
                    put(opts, "checkStartsWith", args.get(2));
                    put(opts, "handshake.timeout", args.get(4));
                    r.definitionOf(args.get(5)).or(() -> Optional.of(args.get(5)))
                            .ifPresent(d -> decoderConfig(d, opts));
                    break;
                }
                put(opts, "allowExtensions", args.get(2));
                if (n == 4) {
                    put(opts, types.get(3).equals("long") ? "handshake.timeout" : "payload.max", args.get(3));
                    break;
                }
                put(opts, "payload.max", args.get(3));
                if (n >= 5) {
                    String last = types.get(n - 1);
                    if (isNumber(last) && n >= 5) {
                        put(opts, "handshake.timeout", args.get(n - 1));
                    }
                    if (n >= 6 && types.get(5).equals("boolean")) {
                        put(opts, "checkStartsWith", args.get(5));
                    }
                }
            }
        }
        tls(o, opts);
        out.constructions.add(new NettyFindings.Construction("WebSocketServerProtocolHandler", true, r.evidence(o),
                opts, true));
    }

    /** An SslHandler in the same pipeline: the endpoint is wss (conditionally when added under an if). */
    private void tls(Node at, Map<String, Opt> opts) {
        Node scope = at.findAncestor(MethodDeclaration.class).map(m -> (Node) m).orElse(null);
        if (scope == null) {
            return;
        }
        for (MethodCallExpr m : scope.findAll(MethodCallExpr.class)) {
            if (m.getNameAsString().equals("newHandler") && r.source(m).contains("(")) {
                boolean conditional = m.findAncestor(com.github.javaparser.ast.stmt.IfStmt.class).isPresent();
                opts.put("tls", Opt.literal(conditional ? "conditional" : "true", r.evidence(m)));
                return;
            }
        }
        for (ObjectCreationExpr o : scope.findAll(ObjectCreationExpr.class)) {
            if (o.getType().getNameAsString().equals("SslHandler")) {
                boolean conditional = o.findAncestor(com.github.javaparser.ast.stmt.IfStmt.class).isPresent();
                opts.put("tls", Opt.literal(conditional ? "conditional" : "true", r.evidence(o)));
                return;
            }
        }
    }

    private void put(Map<String, Opt> opts, String key, Expression e) {
        opts.put(key, Opt.first(r.resolve(e), r.evidence(e)));
    }

    /** {@code WebSocketServerProtocolConfig.newBuilder().websocketPath("/ws")...build()}. */
    private void serverConfig(Expression e, Map<String, Opt> opts) {
        for (MethodCallExpr m : builderCalls(e)) {
            if (m.getArguments().isEmpty()) {
                continue;
            }
            Expression a = m.getArgument(0);
            switch (m.getNameAsString()) {
                case "websocketPath" -> put(opts, "path", a);
                case "subprotocols" -> put(opts, "subprotocols", a);
                case "checkStartsWith" -> put(opts, "checkStartsWith", a);
                case "handshakeTimeoutMillis" -> put(opts, "handshake.timeout", a);
                case "maxFramePayloadLength" -> put(opts, "payload.max", a);
                case "allowExtensions" -> put(opts, "allowExtensions", a);
                case "decoderConfig" -> r.definitionOf(a).or(() -> Optional.of(a)).ifPresent(d -> decoderConfig(d, opts));
                default -> {
                }
            }
        }
    }

    private void decoderConfig(Expression e, Map<String, Opt> opts) {
        for (MethodCallExpr m : builderCalls(e)) {
            if (m.getNameAsString().equals("maxFramePayloadLength") && !m.getArguments().isEmpty()) {
                put(opts, "payload.max", m.getArgument(0));
            }
            if (m.getNameAsString().equals("allowExtensions") && !m.getArguments().isEmpty()) {
                put(opts, "allowExtensions", m.getArgument(0));
            }
        }
    }

    /** The calls of a builder expression {@code X.newBuilder().a(1).b(2).build()}, innermost first. */
    private static List<MethodCallExpr> builderCalls(Expression e) {
        List<MethodCallExpr> calls = new ArrayList<>();
        Expression cur = e;
        while (cur instanceof MethodCallExpr m) {
            calls.add(0, m);
            cur = m.getScope().orElse(null);
        }
        return calls;
    }

    private void handshakerFactory(ObjectCreationExpr o, List<Expression> args) {
        Map<String, Opt> opts = NettyFindings.Construction.newOptions();
        if (args.isEmpty()) {
            return;
        }
        Opt url = Opt.first(r.resolve(args.get(0)), r.evidence(args.get(0)));
        String path = pathOf(url.value());
        if (path != null) {
            opts.put("path", url.withValue(path));
        }
        if (args.size() >= 2) {
            put(opts, "subprotocols", args.get(1));
        }
        if (args.size() == 3 && argType(args.get(2)).equals("other")) {
            r.definitionOf(args.get(2)).or(() -> Optional.of(args.get(2))).ifPresent(d -> decoderConfig(d, opts));
        } else {
            if (args.size() >= 3) {
                put(opts, "allowExtensions", args.get(2));
            }
            if (args.size() >= 4) {
                put(opts, "payload.max", args.get(3));
            }
        }
        out.constructions.add(new NettyFindings.Construction("WebSocketServerHandshakerFactory", true, r.evidence(o),
                opts, false));
    }

    private void clientHandshaker(Node at, List<Expression> args, int maxIndex) {
        Map<String, Opt> opts = NettyFindings.Construction.newOptions();
        if (!args.isEmpty()) {
            uriPath(args.get(0), opts);
        }
        if (args.size() > maxIndex) {
            put(opts, "payload.max", args.get(maxIndex));
        }
        out.constructions.add(new NettyFindings.Construction("WebSocketClientHandshaker", false, r.evidence(at), opts,
                false));
        clientType(at);
    }

    private void clientProtocolHandler(ObjectCreationExpr o, List<Expression> args) {
        if (args.isEmpty()) {
            return;
        }
        String first = r.typeOfExpression(args.get(0)).orElse("");
        if (first.equals("URI") || args.size() >= 5) {
            clientHandshaker(o, args, 5);
            return;
        }
        if (first.equals("WebSocketClientProtocolConfig") || args.get(0) instanceof MethodCallExpr) {
            Map<String, Opt> opts = NettyFindings.Construction.newOptions();
            Expression def = r.definitionOf(args.get(0)).orElse(args.get(0));
            for (MethodCallExpr m : builderCalls(def)) {
                if (m.getArguments().isEmpty()) {
                    continue;
                }
                switch (m.getNameAsString()) {
                    case "webSocketUri" -> uriPath(m.getArgument(0), opts);
                    case "maxFramePayloadLength" -> put(opts, "payload.max", m.getArgument(0));
                    case "handshakeTimeoutMillis" -> put(opts, "handshake.timeout", m.getArgument(0));
                    default -> {
                    }
                }
            }
            out.constructions.add(new NettyFindings.Construction("WebSocketClientProtocolHandler", false,
                    r.evidence(o), opts, true));
            clientType(o);
        }
    }

    /** The path of a client's URI: {@code new URI(URL)} with {@code URL = System.getProperty("url", "ws://h/ws")}. */
    private void uriPath(Expression e, Map<String, Opt> opts) {
        Expression cur = e;
        for (int i = 0; i < 3; i++) {
            if (cur instanceof ObjectCreationExpr oc && oc.getType().getNameAsString().equals("URI")
                    && oc.getArguments().size() == 1) {
                cur = oc.getArgument(0);
                break;
            }
            if (cur instanceof MethodCallExpr mc && mc.getNameAsString().equals("create")
                    && mc.getArguments().size() == 1) {
                cur = mc.getArgument(0);
                break;
            }
            Optional<Expression> d = r.definitionOf(cur);
            if (d.isEmpty()) {
                break;
            }
            cur = d.get();
        }
        JavaValue v = r.resolve(cur);
        Opt url = Opt.first(v, r.evidence(e));
        String path = pathOf(url.value());
        if (path != null) {
            opts.put("path", url.withValue(path));
        }
    }

    static String pathOf(String url) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        if (url.startsWith("/")) {
            return url;
        }
        try {
            URI u = new URI(url);
            if (u.getScheme() == null) {
                return null;
            }
            String p = u.getRawPath();
            return p == null || p.isEmpty() ? "/" : p;
        } catch (Exception ex) {
            return null;
        }
    }

    private void clientType(Node at) {
        Node owner = at.findAncestor(TypeDeclaration.class).map(t -> (Node) t).orElse(at);
        String text = r.source(owner);
        if (text.contains("System.in")) {
            out.clientTypes.add(new NettyFindings.ClientType("cli", "Netty WebSocketClient", r.evidence(at)));
        } else {
            out.clientTypes.add(new NettyFindings.ClientType("server", "Netty WebSocketClient", r.evidence(at)));
        }
    }

    // ---- idle and timeouts ----------------------------------------------------------------------------------

    private boolean inWebSocketPipeline(Node n) {
        Node scope = n.findAncestor(MethodDeclaration.class).map(m -> (Node) m)
                .orElse(n.findAncestor(TypeDeclaration.class).map(t -> (Node) t).orElse(n));
        String text = r.source(scope);
        return text.contains("WebSocket") || text.contains("websocket");
    }

    private void idle(ObjectCreationExpr o, List<Expression> args) {
        if (!inWebSocketPipeline(o) || args.size() < 3) {
            return;
        }
        int base = args.size() == 5 ? 1 : 0; // (observeOutput, r, w, a, unit)
        double unit = 1000;
        boolean explicitUnit = args.size() >= 4;
        if (explicitUnit) {
            JavaValue u = r.resolve(args.get(args.size() - 1));
            Double f = u.is(JavaValue.Kind.CONSTANT) ? unitMillis(u.string()) : null;
            if (f == null) {
                return;
            }
            unit = f;
        }
        String[] options = {"readerIdleTime", "writerIdleTime", "allIdleTime"};
        for (int i = 0; i < 3; i++) {
            Expression a = args.get(base + i);
            Opt v = Opt.first(r.resolve(a), r.evidence(a));
            Double n = v.value() == null ? null : parse(v.value());
            if (n == null || n <= 0) {
                continue;
            }
            String key = i == 1 ? "ping.interval" : "idle.timeout";
            out.settings.add(new NettyFindings.Setting(key, v.withValue(
                    io.wsmemory.core.resolve.java.JavaValue.formatNumber(n * unit)), true,
                    "IdleStateHandler." + options[i]));
        }
    }

    private void timeout(ObjectCreationExpr o, String type, List<Expression> args) {
        if (!inWebSocketPipeline(o) || args.isEmpty()) {
            return;
        }
        double unit = 1000;
        if (args.size() == 2) {
            JavaValue u = r.resolve(args.get(1));
            Double f = u.is(JavaValue.Kind.CONSTANT) ? unitMillis(u.string()) : null;
            if (f == null) {
                return;
            }
            unit = f;
        }
        Opt v = Opt.first(r.resolve(args.get(0)), r.evidence(args.get(0)));
        Double n = v.value() == null ? null : parse(v.value());
        if (n == null || n <= 0) {
            return;
        }
        out.settings.add(new NettyFindings.Setting(type.startsWith("Read") ? "idle.timeout" : "write.timeout",
                v.withValue(JavaValue.formatNumber(n * unit)), true, type));
    }

    private static Double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double unitMillis(String unit) {
        return switch (unit) {
            case "MILLISECONDS" -> 1.0;
            case "SECONDS" -> 1000.0;
            case "MINUTES" -> 60_000.0;
            case "HOURS" -> 3_600_000.0;
            case "NANOSECONDS" -> 1e-6;
            case "MICROSECONDS" -> 1e-3;
            default -> null;
        };
    }

    // ---- handlers -------------------------------------------------------------------------------------------

    /** A channel handler or codec: what reads and writes frames in a pipeline. */
    private static boolean isChannelHandler(ClassOrInterfaceDeclaration c) {
        List<ClassOrInterfaceType> supers = new ArrayList<>(c.getExtendedTypes());
        supers.addAll(c.getImplementedTypes());
        for (ClassOrInterfaceType t : supers) {
            String n = t.getNameAsString();
            if (n.contains("Handler") || n.endsWith("Codec") || n.endsWith("Decoder") || n.endsWith("Encoder")) {
                return true;
            }
        }
        return false;
    }

    private void handlerClass(ClassOrInterfaceDeclaration c) {
        if (c.isInterface()) {
            return;
        }
        if (!isChannelHandler(c)) {
            rooms(c);
            return;
        }
        String text = r.source(c);
        boolean client = text.contains("WebSocketClientHandshaker") || text.contains("WebSocketClientProtocolHandler");
        Evidence text0 = frameReference(c, "TextWebSocketFrame");
        Evidence binary = frameReference(c, "BinaryWebSocketFrame");
        if (text0 != null) {
            out.serializations.add(new NettyFindings.Serialization("text", "TextWebSocketFrame", text0, !client));
        }
        if (binary != null) {
            out.serializations.add(new NettyFindings.Serialization("binary", "BinaryWebSocketFrame", binary,
                    !client));
        }
        boolean frames = text0 != null || binary != null || frameReference(c, "WebSocketFrame") != null;
        if (client) {
            return;
        }
        if (frames) {
            JavaDispatch.Reading reading = JavaDispatch.read(c, r);
            String payload = JavaDispatch.payload(reading.payloadType(), r).map(JavaPayloads.Shape::describe)
                    .orElse(null);
            for (JavaDispatch.Dispatch d : reading.dispatches()) {
                out.events.add(new NettyFindings.Event(d.value(), d.field(), d.outbound(), d.at(),
                        d.outbound() ? null : payload, d.code()));
            }
            if (reading.dispatches().isEmpty() && reading.payloadType() != null) {
                out.events.add(new NettyFindings.Event(reading.payloadType(), null, false, reading.jsonAt(), payload,
                        null));
            }
            if (reading.json()) {
                out.serializations.add(new NettyFindings.Serialization("json", "JSON text frames in "
                        + c.getNameAsString(), reading.jsonAt(), true));
            }
        }
        if (frames || text.contains("FullHttpRequest") || text.contains("HandshakeComplete")) {
            Optional<JavaAuth.Credential> cred = JavaAuth.read(c, c, r);
            if (cred.isPresent()) {
                String phase = text.contains("HandshakeComplete") && !text.contains("FullHttpRequest")
                        ? "connection-handler" : "upgrade-request";
                out.auths.add(new NettyFindings.Auth(cred.get().mechanism(), phase, cred.get().carrier(),
                        cred.get().at()));
            }
            for (MethodCallExpr m : c.findAll(MethodCallExpr.class)) {
                String s = r.source(m);
                if ((s.contains("HttpHeaderNames.ORIGIN") || s.contains("\"Origin\"")) && out.originCheck == null) {
                    out.originCheck = r.evidence(m);
                }
            }
        }
        rooms(c);
    }

    /** Where a class first shows it handles a frame type: instanceof, handler type argument, parameter, new. */
    private Evidence frameReference(ClassOrInterfaceDeclaration c, String type) {
        for (InstanceOfExpr i : c.findAll(InstanceOfExpr.class)) {
            if (i.getType().asString().equals(type) || i.getType().asString().endsWith("." + type)) {
                return r.evidence(i);
            }
        }
        for (ClassOrInterfaceType s : c.getExtendedTypes()) {
            if (s.getTypeArguments().map(a -> a.stream().anyMatch(t -> t.asString().equals(type))).orElse(false)) {
                return r.evidence(c);
            }
        }
        for (MethodDeclaration m : c.getMethods()) {
            for (Parameter p : m.getParameters()) {
                if (p.getType().asString().equals(type) && !type.equals("WebSocketFrame")) {
                    return r.evidence(p);
                }
            }
        }
        if (!type.equals("WebSocketFrame")) {
            for (ObjectCreationExpr o : c.findAll(ObjectCreationExpr.class)) {
                if (o.getType().getNameAsString().equals(type)) {
                    return r.evidence(o);
                }
            }
        }
        return null;
    }

    /** Channel groups kept per room: {@code Map<String, ChannelGroup>} read by a key. */
    private void rooms(ClassOrInterfaceDeclaration c) {
        for (io.wsmemory.detectors.spring.JavaRooms.Room room : io.wsmemory.detectors.spring.JavaRooms.of(c, r,
                t -> t.contains("ChannelGroup") || t.contains("Set<Channel>"))) {
            out.rooms.add(new NettyFindings.Room(room.pattern(), room.action(), room.at()));
        }
    }

}
