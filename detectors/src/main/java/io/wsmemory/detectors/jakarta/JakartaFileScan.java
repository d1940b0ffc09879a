package io.wsmemory.detectors.jakarta;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
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
import io.wsmemory.detectors.spring.JavaDispatch;
import io.wsmemory.detectors.spring.Opt;
import io.wsmemory.detectors.spring.SpringConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one Java file for Jakarta WebSocket: {@code @ServerEndpoint} classes (path, subprotocols, configurator,
 * encoders and decoders, {@code @OnMessage} size limit and payload, {@code @OnOpen} credential checks, envelopes,
 * session maps as rooms), configurators ({@code modifyHandshake}, {@code checkOrigin}), session and container
 * limits, {@code @ClientEndpoint} clients and {@code connectToServer} URIs.
 */
final class JakartaFileScan {

    private static final Set<String> BINARY = Set.of("ByteBuffer", "byte[]", "InputStream", "PongMessage");

    private final ParsedFile file;
    private final JavaResolver r;
    private final JakartaFindings out;

    JakartaFileScan(ParsedFile file, SourceSet sources) {
        this.file = file;
        this.r = new JavaResolver(file, sources, SpringConfig.of(sources));
        this.out = new JakartaFindings(file.path());
    }

    JakartaFindings scan() {
        Optional<CompilationUnit> parsed = file.java();
        if (parsed.isEmpty()) {
            return out;
        }
        CompilationUnit cu = parsed.get();
        boolean jsr = cu.getImports().stream().anyMatch(i -> i.getNameAsString().startsWith("jakarta.websocket")
                || i.getNameAsString().startsWith("javax.websocket"));
        for (ObjectCreationExpr o : cu.findAll(ObjectCreationExpr.class)) {
            if (o.getType().getNameAsString().equals("ServerEndpointExporter")) {
                out.exporter = true;
            }
        }
        if (!jsr) {
            return out;
        }
        for (ClassOrInterfaceDeclaration c : cu.findAll(ClassOrInterfaceDeclaration.class)) {
            JavaResolver.annotation(c, "ServerEndpoint").ifPresent(a -> endpoint(c, a));
            JavaResolver.annotation(c, "ClientEndpoint").ifPresent(a -> out.clients.add(
                    new JakartaFindings.Client(r.evidence(a), null)));
            if (extendsConfigurator(c)) {
                configurator(c, r);
            }
        }
        for (MethodCallExpr m : cu.findAll(MethodCallExpr.class)) {
            call(m);
        }
        return out;
    }

    private static boolean extendsConfigurator(ClassOrInterfaceDeclaration c) {
        for (ClassOrInterfaceType t : c.getExtendedTypes()) {
            if (t.getNameAsString().equals("Configurator")) {
                return true;
            }
        }
        return false;
    }

    private void endpoint(ClassOrInterfaceDeclaration c, AnnotationExpr a) {
        Expression value = JavaResolver.annotationValue(a, "value");
        Opt path = null;
        if (value != null) {
            JavaValue v = r.resolve(value);
            if (v.is(JavaValue.Kind.STRING) && v.string().contains("${")) {
                v = r.resolvePlaceholders(v.string(), "String", value);
            }
            path = Opt.first(v, r.evidence(a));
        }
        Expression sub = JavaResolver.annotationValue(a, "subprotocols");
        String subprotocols = sub == null ? null : String.join(",", r.resolve(sub).texts());
        Opt max = null;
        String inType = null;
        for (MethodDeclaration m : c.getMethods()) {
            Optional<AnnotationExpr> on = JavaResolver.annotation(m, "OnMessage");
            if (on.isPresent()) {
                Expression mm = JavaResolver.annotationValue(on.get(), "maxMessageSize");
                if (mm != null) {
                    max = Opt.first(r.resolve(mm), r.evidence(mm));
                }
                for (Parameter p : m.getParameters()) {
                    String t = JavaResolver.simpleName(p.getType()) + (p.getType().isArrayType() ? "[]" : "");
                    if (t.equals("Session") || JavaResolver.annotation(p, "PathParam").isPresent()
                            || t.equals("boolean")) {
                        continue;
                    }
                    if (BINARY.contains(t)) {
                        out.serializations.add(new JakartaFindings.Serialization("binary", t, r.evidence(p)));
                    } else if (t.equals("String") || t.equals("Reader")) {
                        out.serializations.add(new JakartaFindings.Serialization("text", t, r.evidence(p)));
                    } else if (inType == null) {
                        inType = t;
                    }
                }
            }
            if (JavaResolver.annotation(m, "OnOpen").isPresent()) {
                JavaAuth.read(m, c, r).ifPresent(cr -> out.auths.add(new JakartaFindings.Auth(cr.mechanism(),
                        "connection-handler", cr.carrier(), cr.at(), "@OnOpen")));
            }
        }
        out.endpoints.add(new JakartaFindings.Endpoint(path, r.evidence(a), max, subprotocols));
        for (String member : List.of("decoders", "encoders")) {
            Expression codecs = JavaResolver.annotationValue(a, member);
            if (codecs == null) {
                continue;
            }
            List<Expression> items = codecs instanceof ArrayInitializerExpr ai ? ai.getValues() : List.of(codecs);
            for (Expression e : items) {
                if (e instanceof ClassExpr ce) {
                    String name = JavaResolver.simpleName(ce.getType());
                    Optional<JavaTypes.TypeRef> t = r.type(name);
                    String text = t.map(x -> JavaResolver.source(x.file(), x.decl())).orElse(name);
                    String key = text.contains("ObjectMapper") || text.contains("Gson") || text.contains("JSON")
                            || text.contains("Json") ? "json" : text.contains("Protobuf") || text.contains("parseFrom")
                            ? "protobuf" : null;
                    if (key != null) {
                        out.serializations.add(new JakartaFindings.Serialization(key, name, r.evidence(e)));
                    }
                }
            }
        }
        JavaDispatch.Reading reading = JavaDispatch.read(c, r);
        String payloadType = reading.payloadType() != null ? reading.payloadType() : inType;
        String payload = JavaDispatch.payload(payloadType, r).map(JavaPayloads.Shape::describe).orElse(null);
        for (JavaDispatch.Dispatch d : reading.dispatches()) {
            out.events.add(new JakartaFindings.Event(d.value(), d.field(), d.outbound(), d.at(),
                    d.outbound() ? null : payload, d.code()));
        }
        if (reading.dispatches().isEmpty() && payloadType != null && payload != null) {
            out.events.add(new JakartaFindings.Event(payloadType, null, false,
                    reading.jsonAt() != null ? reading.jsonAt() : r.evidence(a), payload, null));
        }
        if (reading.json()) {
            out.serializations.add(new JakartaFindings.Serialization("json", "JSON in " + c.getNameAsString(),
                    reading.jsonAt()));
        }
        rooms(c);
    }

    private void configurator(ClassOrInterfaceDeclaration c, JavaResolver r) {
        for (MethodDeclaration m : c.getMethods()) {
            if (m.getNameAsString().equals("modifyHandshake")) {
                JavaAuth.read(m, c, r).ifPresent(cr -> out.auths.add(new JakartaFindings.Auth(cr.mechanism(),
                        "upgrade-request", cr.carrier(), cr.at(), "Configurator.modifyHandshake")));
            }
            if (m.getNameAsString().equals("checkOrigin")) {
                out.originCheck = r.evidence(m);
                List<ReturnStmt> rs = m.findAll(ReturnStmt.class);
                out.originValue = rs.size() == 1 && rs.get(0).getExpression().map(e -> e.toString().equals("true"))
                        .orElse(false) ? "true" : "check";
            }
        }
    }

    private void call(MethodCallExpr m) {
        String n = m.getNameAsString();
        if (n.equals("create") && m.getArguments().size() == 2 && m.getScope().isPresent()
                && r.source(m.getScope().get()).endsWith("ServerEndpointConfig.Builder")) {
            // a programmatic endpoint: ServerEndpointConfig.Builder.create(Echo.class, "/echo")
            out.endpoints.add(new JakartaFindings.Endpoint(Opt.first(r.resolve(m.getArgument(1)),
                    r.evidence(m.getArgument(1))), r.evidence(m), null, null));
            return;
        }
        if (m.getArguments().size() != 1 && !n.equals("connectToServer")) {
            return;
        }
        String key = switch (n) {
            case "setMaxIdleTimeout", "setDefaultMaxSessionIdleTimeout" -> "idle.timeout";
            case "setMaxTextMessageBufferSize", "setDefaultMaxTextMessageBufferSize" -> "payload.max";
            case "setAsyncSendTimeout", "setDefaultAsyncSendTimeout" -> "send.timeLimit";
            default -> null;
        };
        if (key != null) {
            if (m.findAncestor(MethodDeclaration.class).map(md -> r.source(md).contains("ServletServerContainerFactoryBean"))
                    .orElse(false)) {
                return; // Spring's container bean: the Spring detector reads it
            }
            out.settings.add(new JakartaFindings.Setting(key, Opt.first(r.resolve(m.getArgument(0)),
                    r.evidence(m)), n));
            return;
        }
        if (n.equals("connectToServer") && m.getArguments().size() >= 2) {
            Expression uri = m.getArgument(m.getArguments().size() - 1);
            Expression cur = uri;
            for (int i = 0; i < 3; i++) {
                if (cur instanceof ObjectCreationExpr o && o.getType().getNameAsString().equals("URI")
                        && o.getArguments().size() == 1) {
                    cur = o.getArgument(0);
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
            Opt url = Opt.first(r.resolve(cur), r.evidence(m));
            String p = pathOf(url.value());
            out.clients.add(new JakartaFindings.Client(r.evidence(m), p == null ? null : url.withValue(p)));
        }
    }

    static String pathOf(String url) {
        if (url == null || url.isEmpty()) {
            return null;
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

    /** Sessions kept per room: {@code Map<String, Set<Session>>} read by a key. */
    private void rooms(ClassOrInterfaceDeclaration c) {
        for (io.wsmemory.detectors.spring.JavaRooms.Room room : io.wsmemory.detectors.spring.JavaRooms.of(c, r,
                t -> t.contains("Set<Session>") || t.contains("List<Session>") || t.contains("Collection<Session>"))) {
            out.rooms.add(new JakartaFindings.Room(room.pattern(), room.action(), room.at()));
        }
    }

}
