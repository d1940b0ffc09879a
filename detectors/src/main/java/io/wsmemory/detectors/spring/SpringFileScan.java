package io.wsmemory.detectors.spring;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.java.JavaPayloads;
import io.wsmemory.core.resolve.java.JavaResolver;
import io.wsmemory.core.resolve.java.JavaValue;
import io.wsmemory.detectors.spring.SpringFindings.EndpointKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one Java file for Spring WebSocket and STOMP: configurers ({@code registerStompEndpoints},
 * {@code registerWebSocketHandlers}, {@code configureMessageBroker}, {@code configureWebSocketTransport},
 * {@code configureMessageConverters}), container beans, WebFlux handler mappings, messaging controllers, template
 * sends, channel and handshake interceptors, handshake handlers and raw handlers' message protocols. Methods are
 * recognised by their Spring names and parameter types, so configurers declared as beans or anonymous classes are
 * read like the usual {@code @Configuration} class.
 */
final class SpringFileScan {

    private static final Set<String> SIMP_TYPES = Set.of("SimpMessagingTemplate", "SimpMessageSendingOperations",
            "SimpMessageOperations", "AbstractMessageSendingTemplate", "MessageSendingOperations");
    private static final Set<String> NOT_PAYLOAD = Set.of("Principal", "Authentication", "MessageHeaders",
            "SimpMessageHeaderAccessor", "StompHeaderAccessor", "MessageHeaderAccessor", "WebSocketSession",
            "SimpMessagingTemplate", "Locale", "UsernamePasswordAuthenticationToken", "JwtAuthenticationToken",
            "AbstractAuthenticationToken", "SimpMessageSendingOperations");
    private static final Set<String> HANDLER_BASES = Set.of("TextWebSocketHandler", "AbstractWebSocketHandler",
            "BinaryWebSocketHandler", "WebSocketHandler", "ExceptionWebSocketHandlerDecorator",
            "WebSocketHandlerDecorator");

    private final ParsedFile file;
    private final JavaResolver r;
    private final SpringFindings out;
    private CompilationUnit cu;

    SpringFileScan(ParsedFile file, SourceSet sources) {
        this.file = file;
        this.r = new JavaResolver(file, sources, SpringConfig.of(sources));
        this.out = new SpringFindings(file.path());
    }

    SpringFindings scan() {
        Optional<CompilationUnit> parsed = file.java();
        if (parsed.isEmpty()) {
            return out;
        }
        cu = parsed.get();
        out.rsocket = cu.getImports().stream().anyMatch(i -> i.getNameAsString().contains("rsocket"));
        for (TypeDeclaration<?> t : cu.findAll(TypeDeclaration.class)) {
            typeLevel(t);
        }
        for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
            method(m);
        }
        for (ObjectCreationExpr o : cu.findAll(ObjectCreationExpr.class)) {
            creation(o);
        }
        for (MethodCallExpr m : cu.findAll(MethodCallExpr.class)) {
            call(m);
        }
        return out;
    }

    private Evidence at(Node n) {
        return r.evidence(n);
    }

    // ---- types --------------------------------------------------------------------------------------------

    private void typeLevel(TypeDeclaration<?> t) {
        JavaResolver.annotation(t, "EnableWebSocketMessageBroker").ifPresent(a -> out.stompEnabled = at(a));
        JavaResolver.annotation(t, "EnableWebSocket").ifPresent(a -> out.webSocketEnabled = at(a));
        if (JavaResolver.annotation(t, "EnableWebSocketSecurity").isPresent()
                || JavaResolver.annotation(t, "EnableWebSecurity").isPresent()
                || extendsAny(t, Set.of("AbstractSecurityWebSocketMessageBrokerConfigurer",
                "WebSecurityConfigurerAdapter"))) {
            out.security = at(t);
        }
        if (t instanceof ClassOrInterfaceDeclaration c && extendsAny(t, HANDLER_BASES)) {
            rawHandler(c);
        }
        if (t instanceof ClassOrInterfaceDeclaration c) {
            for (JavaRooms.Room room : JavaRooms.of(c, r, g -> g.contains("WebSocketSession>"))) {
                out.rooms.add(new SpringFindings.Room(room.pattern(), room.action(), room.at()));
            }
        }
        if (extendsAny(t, Set.of("HttpSessionHandshakeInterceptor"))) {
            out.auths.add(new SpringFindings.Auth("session-cookie", "upgrade-request", "cookie", at(t),
                    "HttpSessionHandshakeInterceptor"));
        }
    }

    private static boolean extendsAny(TypeDeclaration<?> t, Set<String> names) {
        if (!(t instanceof ClassOrInterfaceDeclaration c)) {
            return false;
        }
        List<ClassOrInterfaceType> supers = new ArrayList<>(c.getExtendedTypes());
        supers.addAll(c.getImplementedTypes());
        for (ClassOrInterfaceType s : supers) {
            if (names.contains(s.getNameAsString())) {
                return true;
            }
        }
        return false;
    }

    // ---- methods ------------------------------------------------------------------------------------------

    private void method(MethodDeclaration m) {
        String name = m.getNameAsString();
        String firstParam = m.getParameters().isEmpty() ? "" : JavaResolver.simpleName(m.getParameter(0).getType());
        switch (name) {
            case "registerStompEndpoints" -> endpoints(m, EndpointKind.STOMP, "addEndpoint");
            case "registerWebSocketHandlers" -> endpoints(m, EndpointKind.HANDLER, "addHandler");
            case "configureMessageBroker" -> broker(m);
            case "configureWebSocketTransport" -> transport(m);
            case "configureMessageConverters" -> converters(m);
            case "preSend" -> {
                if (m.getParameters().size() == 2 && firstParam.equals("Message")) {
                    channelInterceptor(m);
                }
            }
            case "beforeHandshake" -> handshakeAuth(m, "upgrade-request");
            case "determineUser" -> handshakeAuth(m, "upgrade-request");
            case "afterConnectionEstablished" -> {
                if (firstParam.equals("WebSocketSession")) {
                    handshakeAuth(m, "connection-handler");
                }
            }
            case "handle" -> {
                if (firstParam.equals("WebSocketSession") && m.getType().asString().startsWith("Mono")) {
                    handshakeAuth(m, "upgrade-request");
                }
            }
            default -> {
            }
        }
        if (m.getType().asString().equals("ServletServerContainerFactoryBean")
                || m.getBody().isPresent() && r.source(m).contains("new ServletServerContainerFactoryBean")) {
            container(m);
        }
        if (m.getType().asString().equals("SecurityFilterChain") || m.getType().asString().equals(
                "SecurityWebFilterChain") || name.equals("configure") && firstParam.equals("HttpSecurity")) {
            out.security = at(m);
            httpSecurity(m);
        }
        if (m.getBody().isPresent() && r.source(m).contains("SimpleUrlHandlerMapping")) {
            webflux(m);
        }
        mapping(m);
    }

    private void endpoints(MethodDeclaration m, EndpointKind kind, String registration) {
        for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
            if (!call.getNameAsString().equals(registration)) {
                continue;
            }
            List<Expression> args = call.getArguments();
            int pathStart = kind == EndpointKind.HANDLER ? 1 : 0;
            List<Opt> paths = new ArrayList<>();
            for (int i = pathStart; i < args.size(); i++) {
                paths.addAll(values(args.get(i)));
            }
            String handler = kind == EndpointKind.HANDLER && !args.isEmpty() ? typeName(args.get(0)) : null;
            List<Opt> origins = new ArrayList<>();
            boolean patterns = false;
            Evidence sockJs = null;
            List<Opt> sockJsOptions = new ArrayList<>();
            List<String> interceptors = new ArrayList<>();
            Evidence interceptorsAt = null;
            String handshakeHandler = null;
            for (MethodCallExpr c : JavaChains.after(call)) {
                switch (c.getNameAsString()) {
                    case "setAllowedOrigins", "setAllowedOriginPatterns" -> {
                        patterns |= c.getNameAsString().endsWith("Patterns");
                        for (Expression a : c.getArguments()) {
                            origins.addAll(values(a));
                        }
                    }
                    case "withSockJS" -> sockJs = at(c);
                    case "setHeartbeatTime", "setDisconnectDelay", "setWebSocketEnabled", "setClientLibraryUrl",
                         "setSessionCookieNeeded", "setStreamBytesLimit" -> {
                        if (!c.getArguments().isEmpty()) {
                            Opt o = Opt.first(r.resolve(c.getArgument(0)), at(c));
                            sockJsOptions.add(new Opt(o.value(), List.of(c.getNameAsString()), o.source(),
                                    o.confidence(), o.variable(), o.profile(), o.evidence()));
                        }
                    }
                    case "addInterceptors" -> {
                        interceptorsAt = at(c);
                        for (Expression a : c.getArguments()) {
                            String t = typeName(a);
                            if (t != null) {
                                interceptors.add(t);
                            }
                        }
                    }
                    case "setHandshakeHandler" -> handshakeHandler = c.getArguments().isEmpty() ? null
                            : typeName(c.getArgument(0));
                    default -> {
                    }
                }
            }
            out.endpoints.add(new SpringFindings.Endpoint(kind, paths, at(call), origins, patterns, sockJs,
                    sockJsOptions, interceptors, interceptorsAt, handshakeHandler, handler));
        }
    }

    /** The options a value stands for: one per array item and per profile. */
    private List<Opt> values(Expression e) {
        JavaValue v = r.resolve(e);
        List<Opt> out = new ArrayList<>();
        if (v.is(JavaValue.Kind.ARRAY)) {
            for (JavaValue i : v.items()) {
                out.addAll(Opt.of(i, at(e)));
            }
            return out;
        }
        for (Opt o : Opt.of(v, at(e))) {
            if (o.value() != null && o.value().contains(",") && !v.is(JavaValue.Kind.ENV)) {
                for (String s : o.value().split(",")) {
                    out.add(o.withValue(s.trim()));
                }
            } else {
                out.add(o);
            }
        }
        return out;
    }

    /** The type an argument stands for: {@code new T()}, a field or variable of type T, a bean method returning T. */
    private String typeName(Expression e) {
        if (e instanceof ObjectCreationExpr o) {
            return o.getType().getNameAsString();
        }
        return r.typeOfExpression(e).orElseGet(() -> {
            JavaValue v = r.resolve(e);
            return v.is(JavaValue.Kind.OBJECT) ? v.type() : null;
        });
    }

    private void broker(MethodDeclaration m) {
        for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
            String n = call.getNameAsString();
            switch (n) {
                case "enableSimpleBroker", "enableStompBrokerRelay" -> {
                    List<Opt> prefixes = new ArrayList<>();
                    for (Expression a : call.getArguments()) {
                        prefixes.addAll(values(a));
                    }
                    Map<String, Opt> options = new LinkedHashMap<>();
                    boolean scheduler = false;
                    for (MethodCallExpr c : JavaChains.after(call)) {
                        String cn = c.getNameAsString();
                        if (cn.equals("setTaskScheduler")) {
                            scheduler = true;
                        } else if (cn.equals("setTcpClient") && !c.getArguments().isEmpty()) {
                            tcpClient(c.getArgument(0), options);
                        } else if (cn.startsWith("set") && !c.getArguments().isEmpty()) {
                            List<Opt> all = Opt.of(r.resolve(c.getArgument(0)), at(c));
                            options.put(cn.substring(3), all.get(0));
                            for (Opt o : all.subList(1, all.size())) {
                                options.put(cn.substring(3) + "@" + o.profile(), o);
                            }
                        }
                    }
                    out.brokers.add(new SpringFindings.Broker(n.equals("enableStompBrokerRelay"), prefixes, at(call),
                            options, scheduler));
                }
                case "setApplicationDestinationPrefixes" -> {
                    out.appPrefixesAt = at(call);
                    for (Expression a : call.getArguments()) {
                        out.appPrefixes.addAll(values(a));
                    }
                }
                case "setUserDestinationPrefix" -> {
                    if (!call.getArguments().isEmpty()) {
                        out.userPrefix = Opt.first(r.resolve(call.getArgument(0)), at(call));
                    }
                }
                case "setPathMatcher" -> out.dotSeparator |= call.toString().contains("\".\"");
                default -> {
                }
            }
        }
    }

    /** {@code setTcpClient(new ReactorNettyTcpClient<>(host, port, codec))}: the relay's address. */
    private void tcpClient(Expression e, Map<String, Opt> options) {
        Expression x = e;
        if (!(x instanceof ObjectCreationExpr)) {
            List<ObjectCreationExpr> found = new ArrayList<>();
            Node scope = e.findAncestor(MethodDeclaration.class).orElse(null);
            if (scope != null) {
                for (ObjectCreationExpr o : scope.findAll(ObjectCreationExpr.class)) {
                    if (o.getType().getNameAsString().contains("TcpClient")) {
                        found.add(o);
                    }
                }
            }
            if (found.size() != 1) {
                return;
            }
            x = found.get(0);
        }
        ObjectCreationExpr o = (ObjectCreationExpr) x;
        if (o.getArguments().size() >= 2) {
            options.put("RelayHost", Opt.first(r.resolve(o.getArgument(0)), at(o.getArgument(0))));
            options.put("RelayPort", Opt.first(r.resolve(o.getArgument(1)), at(o.getArgument(1))));
        }
    }

    private void transport(MethodDeclaration m) {
        out.transportConfigured = at(m);
        for (MethodCallExpr c : m.findAll(MethodCallExpr.class)) {
            String key = switch (c.getNameAsString()) {
                case "setMessageSizeLimit" -> "payload.max";
                case "setSendTimeLimit" -> "send.timeLimit";
                case "setSendBufferSizeLimit" -> "send.bufferLimit";
                case "setTimeToFirstMessage" -> "connect.timeout";
                default -> null;
            };
            if (key != null && !c.getArguments().isEmpty()) {
                for (Opt o : Opt.of(r.resolve(c.getArgument(0)), at(c))) {
                    out.settings.add(new SpringFindings.Setting(key, o, "stomp-transport"));
                }
            }
        }
    }

    private void converters(MethodDeclaration m) {
        for (ObjectCreationExpr o : m.findAll(ObjectCreationExpr.class)) {
            String t = o.getType().getNameAsString();
            String key = t.contains("Jackson") || t.contains("Gson") || t.contains("Json") ? "json"
                    : t.contains("Protobuf") ? "protobuf" : t.contains("String") ? "text"
                    : t.contains("ByteArray") ? "binary" : t.contains("Cbor") ? "cbor"
                    : t.contains("MessagePack") || t.contains("Msgpack") ? "msgpack" : null;
            if (key != null) {
                out.serializations.add(new SpringFindings.Serialization(key, t, at(o), true));
            }
        }
    }

    private void container(MethodDeclaration m) {
        for (MethodCallExpr c : JavaChains.onNew(m, "ServletServerContainerFactoryBean")) {
            String key = switch (c.getNameAsString()) {
                case "setMaxTextMessageBufferSize" -> "payload.max";
                case "setMaxBinaryMessageBufferSize" -> "payload.max.binary";
                case "setMaxSessionIdleTimeout" -> "idle.timeout";
                case "setAsyncSendTimeout" -> "send.timeLimit";
                default -> null;
            };
            if (key != null && !c.getArguments().isEmpty()) {
                for (Opt o : Opt.of(r.resolve(c.getArgument(0)), at(c))) {
                    out.settings.add(new SpringFindings.Setting(key, o, "container"));
                }
            }
        }
    }

    /** WebFlux: {@code new SimpleUrlHandlerMapping(Map.of("/ws", handler), -1)} or {@code map.put("/ws", h)}. */
    private void webflux(MethodDeclaration m) {
        boolean reactive = cu.getImports().stream().anyMatch(i -> i.getNameAsString().contains("reactive"));
        if (!reactive) {
            return;
        }
        for (MethodCallExpr c : m.findAll(MethodCallExpr.class)) {
            String n = c.getNameAsString();
            if ((n.equals("of") || n.equals("put")) && c.getArguments().size() >= 2) {
                for (int i = 0; i + 1 < c.getArguments().size(); i += 2) {
                    JavaValue k = r.resolve(c.getArgument(i));
                    if (k.is(JavaValue.Kind.STRING) && k.string().startsWith("/")) {
                        out.endpoints.add(new SpringFindings.Endpoint(EndpointKind.WEBFLUX,
                                Opt.of(k, at(c.getArgument(i))), at(c.getArgument(i)), List.of(), false, null,
                                List.of(), List.of(), null, null, typeName(c.getArgument(i + 1))));
                    }
                }
            }
        }
    }

    // ---- messaging annotations -----------------------------------------------------------------------------

    private void mapping(MethodDeclaration m) {
        Optional<AnnotationExpr> mm = JavaResolver.annotation(m, "MessageMapping");
        Optional<AnnotationExpr> sm = JavaResolver.annotation(m, "SubscribeMapping");
        Optional<AnnotationExpr> eh = JavaResolver.annotation(m, "MessageExceptionHandler");
        if (mm.isEmpty() && sm.isEmpty() && eh.isEmpty()) {
            return;
        }
        AnnotationExpr a = mm.orElse(sm.orElse(eh.orElse(null)));
        String kind = mm.isPresent() ? "message" : sm.isPresent() ? "subscribe" : "exception";
        TypeDeclaration<?> owner = m.findAncestor(TypeDeclaration.class).orElse(null);
        List<String> classPaths = owner == null ? List.of()
                : JavaResolver.annotation(owner, "MessageMapping").map(this::strings).orElse(List.of());
        List<String> paths = kind.equals("exception") ? List.of() : strings(a);
        List<String> sendTo = null;
        Evidence sendToAt = null;
        Optional<AnnotationExpr> st = JavaResolver.annotation(m, "SendTo");
        if (st.isEmpty() && owner != null) {
            st = JavaResolver.annotation(owner, "SendTo");
        }
        if (st.isPresent()) {
            sendTo = strings(st.get());
            sendToAt = at(st.get());
        }
        List<String> sendToUser = null;
        Evidence sendToUserAt = null;
        Optional<AnnotationExpr> su = JavaResolver.annotation(m, "SendToUser");
        if (su.isEmpty() && owner != null) {
            su = JavaResolver.annotation(owner, "SendToUser");
        }
        if (su.isPresent()) {
            sendToUser = strings(su.get());
            sendToUserAt = at(su.get());
        }
        String in = null;
        String validation = null;
        String required = null;
        for (Parameter p : m.getParameters()) {
            if (!isPayloadParameter(p)) {
                continue;
            }
            Optional<JavaPayloads.Shape> shape = JavaPayloads.of(p.getType(), r);
            if (shape.isPresent()) {
                in = shape.get().describe();
                if (JavaResolver.annotation(p, "Valid").isPresent()
                        || JavaResolver.annotation(p, "Validated").isPresent()) {
                    validation = shape.get().validation();
                    required = shape.get().required();
                }
            }
            break;
        }
        String outPayload = null;
        boolean returns = !m.getType().isVoidType();
        if (returns) {
            outPayload = JavaPayloads.of(m.getType(), r).map(JavaPayloads.Shape::describe).orElse(null);
        }
        if (kind.equals("exception") && sendTo == null && sendToUser == null) {
            return;
        }
        out.mappings.add(new SpringFindings.Mapping(kind, classPaths, paths, at(a), sendTo, sendToAt, sendToUser,
                sendToUserAt, in, outPayload, validation, required, returns, description(m)));
    }

    private static boolean isPayloadParameter(Parameter p) {
        for (AnnotationExpr a : p.getAnnotations()) {
            String n = a.getNameAsString();
            if (n.equals("Payload")) {
                return true;
            }
            if (n.equals("Header") || n.equals("Headers") || n.equals("DestinationVariable")
                    || n.equals("AuthenticationPrincipal")) {
                return false;
            }
        }
        Type t = p.getType();
        String simple = JavaResolver.simpleName(t);
        if (simple.equals("Message")) {
            return JavaPayloads.unwrap(t) != t;
        }
        return !NOT_PAYLOAD.contains(simple) && !simple.endsWith("Principal") && !simple.endsWith("Accessor");
    }

    /** The strings of an annotation's value: one string, an array, constants. */
    private List<String> strings(AnnotationExpr a) {
        Expression v = JavaResolver.annotationValue(a, "value");
        if (v == null) {
            v = JavaResolver.annotationValue(a, "destinations");
        }
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        List<Expression> items = v instanceof ArrayInitializerExpr ai ? ai.getValues() : List.of(v);
        for (Expression e : items) {
            JavaValue val = r.resolve(e);
            if (val.is(JavaValue.Kind.STRING)) {
                String s = val.string();
                if (s.contains("${")) {
                    JavaValue p = r.resolvePlaceholders(s, "String", e);
                    s = p.text() == null || p.text().isEmpty() ? s : p.text();
                }
                out.add(s);
            } else if (val.is(JavaValue.Kind.ARRAY)) {
                out.addAll(val.texts());
            }
        }
        return out;
    }

    private static String description(MethodDeclaration m) {
        Optional<Comment> c = m.getComment();
        if (c.isEmpty()) {
            return null;
        }
        String text = c.get().getContent().replaceAll("(?m)^\\s*\\*", " ").replaceAll("\\s+", " ").strip();
        int dot = text.indexOf(". ");
        if (dot > 0) {
            text = text.substring(0, dot + 1);
        }
        if (text.startsWith("@") || text.isEmpty()) {
            return null;
        }
        return text.length() > 160 ? text.substring(0, 159) + "…" : text;
    }

    // ---- Spring Security over HTTP -------------------------------------------------------------------------

    private static final Set<String> ACCESS = Set.of("permitAll", "authenticated", "hasRole", "hasAnyRole",
            "hasAuthority", "hasAnyAuthority", "denyAll", "fullyAuthenticated", "anonymous", "access", "rememberMe");
    private static final Set<String> MATCHERS = Set.of("requestMatchers", "antMatchers", "mvcMatchers", "pathMatchers",
            "regexMatchers", "anyRequest", "anyExchange");

    /** The authorization rules of a security chain and its way of authenticating. */
    private void httpSecurity(MethodDeclaration m) {
        List<MethodCallExpr> calls = new ArrayList<>(m.findAll(MethodCallExpr.class));
        calls.sort(java.util.Comparator.comparing(c -> c.getName().getBegin().orElse(null),
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        for (MethodCallExpr c : calls) {
            if (!ACCESS.contains(c.getNameAsString()) || c.getScope().isEmpty()
                    || !(c.getScope().get() instanceof MethodCallExpr matcher)
                    || !MATCHERS.contains(matcher.getNameAsString())) {
                continue;
            }
            List<String> patterns = new ArrayList<>();
            if (matcher.getNameAsString().startsWith("any")) {
                patterns.add("/**");
            } else {
                for (Expression a : matcher.getArguments()) {
                    for (Opt o : values(a)) {
                        if (o.value() != null) {
                            patterns.add(o.value());
                        }
                    }
                }
            }
            out.securityRules.add(new SpringFindings.SecurityRule(patterns, c.getNameAsString(), at(c)));
        }
        TypeDeclaration<?> owner = m.findAncestor(TypeDeclaration.class).orElse(null);
        String text = (owner == null ? r.source(m) : r.source(owner)).toLowerCase(java.util.Locale.ROOT);
        String delegated = owner == null ? "" : JavaAuth.collaboratorText(owner, r).toLowerCase(java.util.Locale.ROOT);
        out.securityMechanism = text.contains("jwt") || delegated.contains("jwt")
                || text.contains("oauth2resourceserver") ? "jwt"
                : text.contains("httpbasic") ? "basic" : text.contains("oauth2login") ? "oauth2" : "session-cookie";
    }

    // ---- auth hooks ---------------------------------------------------------------------------------------

    private void channelInterceptor(MethodDeclaration m) {
        Node owner = m.getParentNode().orElse(m);
        Optional<JavaAuth.Credential> c = JavaAuth.read(owner, owner, r);
        if (c.isEmpty()) {
            return;
        }
        String phase = r.source(owner).contains("CONNECT") ? "stomp-connect" : "per-message";
        out.auths.add(new SpringFindings.Auth(c.get().mechanism(), phase, c.get().carrier(), c.get().at(),
                "ChannelInterceptor"));
    }

    private void handshakeAuth(MethodDeclaration m, String phase) {
        Node owner = m.getParentNode().orElse(m);
        Optional<JavaAuth.Credential> c = JavaAuth.read(m, owner, r);
        c.ifPresent(cr -> out.auths.add(new SpringFindings.Auth(cr.mechanism(), phase, cr.carrier(), cr.at(),
                m.getNameAsString())));
    }

    // ---- raw handlers -------------------------------------------------------------------------------------

    private void rawHandler(ClassOrInterfaceDeclaration c) {
        boolean reactive = cu.getImports().stream()
                .anyMatch(i -> i.getNameAsString().startsWith("org.springframework.web.reactive.socket"));
        boolean springHandler = reactive || cu.getImports().stream()
                .anyMatch(i -> i.getNameAsString().startsWith("org.springframework.web.socket"));
        if (!springHandler) {
            return;
        }
        JavaDispatch.Reading reading = JavaDispatch.read(c, r);
        String payload = JavaDispatch.payload(reading.payloadType(), r).map(JavaPayloads.Shape::describe)
                .orElse(null);
        for (JavaDispatch.Dispatch d : reading.dispatches()) {
            out.rawEvents.add(new SpringFindings.RawEvent(d.value(), d.field(), d.outbound(), d.at(),
                    d.outbound() ? null : payload, d.code()));
        }
        if (reading.dispatches().isEmpty() && reading.payloadType() != null) {
            out.rawEvents.add(new SpringFindings.RawEvent(reading.payloadType(), null, false, reading.jsonAt(),
                    payload, null));
        }
        if (reading.json()) {
            out.serializations.add(new SpringFindings.Serialization("json", "Jackson ObjectMapper in "
                    + c.getNameAsString(), reading.jsonAt(), true));
        } else if (extendsAny(c, Set.of("BinaryWebSocketHandler"))) {
            out.serializations.add(new SpringFindings.Serialization("binary", c.getNameAsString(), at(c), true));
        } else if (extendsAny(c, Set.of("TextWebSocketHandler"))) {
            out.serializations.add(new SpringFindings.Serialization("text", c.getNameAsString(), at(c), true));
        }
    }

    // ---- calls and creations ------------------------------------------------------------------------------

    private void creation(ObjectCreationExpr o) {
        String t = o.getType().getNameAsString();
        if (t.equals("WebSocketStompClient")) {
            out.libraries.add(new SpringFindings.LibraryUse("spring-stomp", "client", at(o)));
        }
        if ((t.equals("ChannelTopic") || t.equals("PatternTopic")) && o.getArguments().size() == 1) {
            String ch = r.pattern(o.getArgument(0));
            if (ch != null) {
                out.brokerUses.add(new SpringFindings.BrokerUse("redis", ch, at(o), false));
            }
        }
    }

    private void call(MethodCallExpr m) {
        String n = m.getNameAsString();
        if ((n.equals("convertAndSend") || n.equals("convertAndSendToUser")) && m.getScope().isPresent()) {
            Expression scope = m.getScope().get();
            String type = r.typeOfExpression(scope).orElse(null);
            if (type != null && (type.equals("RedisTemplate") || type.equals("StringRedisTemplate")
                    || type.equals("ReactiveRedisTemplate") || type.equals("ReactiveStringRedisTemplate"))) {
                if (!m.getArguments().isEmpty()) {
                    String ch = r.pattern(m.getArgument(0));
                    if (ch != null) {
                        out.brokerUses.add(new SpringFindings.BrokerUse("redis", ch, at(m), true));
                    }
                }
                return;
            }
            if (!isSimpTemplate(scope, type)) {
                return;
            }
            boolean toUser = n.equals("convertAndSendToUser");
            int destIndex = toUser ? 1 : 0;
            if (m.getArguments().size() < destIndex + 2) {
                return;
            }
            String dest = r.pattern(m.getArgument(destIndex));
            if (dest == null) {
                return;
            }
            Expression payloadArg = m.getArgument(destIndex + 1);
            String payload = payloadOf(payloadArg);
            out.sends.add(new SpringFindings.Send(dest, toUser, at(m), payload, "out", false));
        }
        if ((n.equals("subscribe") || n.equals("send")) && m.getArguments().size() >= 2 && m.getScope().isPresent()
                && !out.test && "StompSession".equals(r.typeOfExpression(m.getScope().get()).orElse(null))) {
            String dest = r.pattern(m.getArgument(0));
            if (dest != null && dest.startsWith("/")) {
                out.sends.add(new SpringFindings.Send(dest, false, at(m),
                        n.equals("send") ? payloadOf(m.getArgument(1)) : null, n.equals("send") ? "in" : "out", true));
            }
        }
    }

    private String payloadOf(Expression e) {
        Optional<String> t = r.typeOfExpression(e);
        if (t.isPresent()) {
            if (t.get().endsWith("[]")) {
                return t.get();
            }
            return JavaPayloads.ofName(t.get(), r).map(JavaPayloads.Shape::describe).orElse(t.get());
        }
        JavaValue v = r.resolve(e);
        if (v.is(JavaValue.Kind.STRING)) {
            return "String";
        }
        return null;
    }

    private boolean isSimpTemplate(Expression scope, String type) {
        if (type != null) {
            return SIMP_TYPES.contains(type);
        }
        String s = scope.toString().toLowerCase(java.util.Locale.ROOT);
        boolean importsSimp = false;
        boolean importsOther = false;
        for (ImportDeclaration i : cu.getImports()) {
            String in = i.getNameAsString();
            importsSimp |= in.startsWith("org.springframework.messaging.simp");
            importsOther |= in.contains("RedisTemplate") || in.contains("RabbitTemplate") || in.contains("JmsTemplate")
                    || in.contains("KafkaTemplate");
        }
        return s.contains("simp") || s.contains("messagingtemplate")
                || importsSimp && !importsOther && s.contains("template");
    }
}
