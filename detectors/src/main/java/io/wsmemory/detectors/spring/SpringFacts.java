package io.wsmemory.detectors.spring;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.knowledge.LibraryDefaults;
import io.wsmemory.core.resolve.java.ConfigLookup;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.core.source.UnreadableFileException;
import io.wsmemory.detectors.spring.SpringFindings.EndpointKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the Spring findings of every file into facts once the whole repository is known: application and user
 * destination prefixes meet the controllers' mappings, the servlet context path prefixes endpoint paths, versions
 * come from the manifests, and library defaults fill what the code leaves unset.
 */
final class SpringFacts {

    static final String STOMP = "spring-stomp";
    static final String WEBSOCKET = "spring-websocket";
    static final String WEBFLUX = "spring-webflux";
    private static final LibraryDefaults TRANSPORT = LibraryDefaults.load(SpringFacts.class,
            "stomp-transport-defaults.json");
    private static final LibraryDefaults SIMPLE_BROKER = LibraryDefaults.load(SpringFacts.class,
            "simple-broker-defaults.json");
    private static final LibraryDefaults RELAY = LibraryDefaults.load(SpringFacts.class, "broker-relay-defaults.json");
    private static final LibraryDefaults SOCKJS = LibraryDefaults.load(SpringFacts.class, "sockjs-defaults.json");
    private static final LibraryDefaults TOMCAT = LibraryDefaults.load(SpringFacts.class, "tomcat-defaults.json");
    private static final Set<String> CONFIG_EXTENSIONS = Set.of("yml", "yaml", "properties", "xml", "gradle", "kts",
            "env", "toml", "conf");

    private final List<SpringFindings> all;
    private final List<SpringFindings> main;
    private final RepoContext ctx;
    private final SpringConfig config;
    private final List<String> appPrefixes = new ArrayList<>();
    private String userPrefix = "/user";
    private boolean dot;

    SpringFacts(List<SpringFindings> all, RepoContext ctx) {
        this.all = all;
        this.main = all.stream().filter(f -> !f.test).toList();
        this.ctx = ctx;
        this.config = SpringConfig.of(ctx.sources());
    }

    void emit() {
        for (SpringFindings f : main) {
            for (Opt o : f.appPrefixes) {
                if (o.value() != null && !appPrefixes.contains(o.value())) {
                    appPrefixes.add(o.value());
                }
            }
            if (f.userPrefix != null && f.userPrefix.value() != null) {
                userPrefix = trimSlash(f.userPrefix.value());
            }
            dot |= f.dotSeparator;
        }
        boolean stomp = main.stream().anyMatch(f -> f.stompEnabled != null || !f.brokers.isEmpty()
                || f.endpoints.stream().anyMatch(e -> e.kind() == EndpointKind.STOMP));
        boolean raw = main.stream().anyMatch(f -> f.webSocketEnabled != null
                || f.endpoints.stream().anyMatch(e -> e.kind() != EndpointKind.STOMP));
        boolean rsocket = main.stream().anyMatch(f -> f.rsocket);
        boolean messaging = main.stream().anyMatch(f -> !f.sends.isEmpty())
                || !rsocket && main.stream().anyMatch(f -> !f.mappings.isEmpty());
        libraries(stomp);
        boolean anyServer = stomp || raw;
        endpoints();
        brokers();
        settings(stomp);
        if (stomp || messaging) {
            messaging();
        }
        rawEvents();
        auth(anyServer);
        serialization(stomp);
        if (anyServer || messaging) {
            brokerUses();
        }
    }

    // ---- libraries ------------------------------------------------------------------------------------------

    private void libraries(boolean stomp) {
        for (SpringFindings f : main) {
            if (f.stompEnabled != null) {
                library(STOMP, "server", f.stompEnabled, f.path);
                library(WEBSOCKET, "server", f.stompEnabled, null);
            }
            if (f.webSocketEnabled != null) {
                library(WEBSOCKET, "server", f.webSocketEnabled, null);
            }
            for (SpringFindings.Endpoint e : f.endpoints) {
                if (e.kind() == EndpointKind.WEBFLUX) {
                    library(WEBFLUX, "server", e.at(), f.path);
                } else if (e.kind() == EndpointKind.STOMP && f.stompEnabled == null) {
                    library(STOMP, "server", e.at(), f.path);
                } else if (e.kind() == EndpointKind.HANDLER && f.webSocketEnabled == null) {
                    library(WEBSOCKET, "server", e.at(), null);
                }
            }
        }
        for (SpringFindings f : all) {
            for (SpringFindings.LibraryUse l : f.libraries) {
                library(l.id(), l.role(), l.at(), f.path);
            }
        }
    }

    /** A library seen in code; STOMP and WebFlux take the version of the Spring artifact the manifests declare. */
    private void library(String id, String role, Evidence at, String versionFor) {
        String version = "unknown";
        if (versionFor != null) {
            version = version(versionFor).orElse("unknown");
        }
        ctx.emit(Fact.of(Kinds.LIBRARY, id).value(version).library(id).source(Source.INFERRED)
                .confidence(version.equals("unknown") ? Confidence.MEDIUM : Confidence.HIGH).evidence(at)
                .attr("role", role).attr("language", "java").build());
    }

    private Optional<String> version(String path) {
        for (String lib : List.of(WEBSOCKET, "spring-boot", "spring-messaging", WEBFLUX)) {
            Optional<Fact> f = ctx.library(lib, path);
            if (f.isPresent()) {
                return Optional.of(f.get().value());
            }
        }
        return Optional.empty();
    }

    // ---- endpoints ----------------------------------------------------------------------------------------

    private void endpoints() {
        for (SpringFindings f : main) {
            for (SpringFindings.Endpoint e : f.endpoints) {
                String lib = switch (e.kind()) {
                    case STOMP -> STOMP;
                    case HANDLER -> WEBSOCKET;
                    case WEBFLUX -> WEBFLUX;
                };
                paths(e, lib);
                boolean wsDisabled = e.sockJsOptions().stream().anyMatch(o -> o.items().contains("setWebSocketEnabled")
                        && "false".equals(o.value()));
                if (!wsDisabled) {
                    ctx.emit(Fact.of(Kinds.TRANSPORT, "websocket").value("primary").library(lib).evidence(e.at())
                            .attr("role", "server").build());
                }
                if (e.sockJs() != null) {
                    sockJs(e, lib);
                }
                origin(e, lib);
                for (String i : e.interceptors()) {
                    if (i.equals("HttpSessionHandshakeInterceptor")) {
                        ctx.emit(Fact.of(Kinds.AUTH, "session-cookie").value("upgrade-request").library(lib)
                                .confidence(Confidence.MEDIUM).evidence(e.interceptorsAt()).attr("carrier", "cookie")
                                .attr("via", i).build());
                    }
                }
            }
        }
    }

    private void paths(SpringFindings.Endpoint e, String lib) {
        List<ConfigLookup.ConfigValue> contexts = config.lookup(
                e.kind() == EndpointKind.WEBFLUX ? "spring.webflux.base-path" : "server.servlet.context-path");
        for (Opt p : e.paths()) {
            if (p.value() == null) {
                continue;
            }
            if (contexts.isEmpty()) {
                ctx.emit(p.apply(Fact.of(Kinds.SETTING, "path").value(p.value()).library(lib)).attr("role", "server")
                        .build());
                continue;
            }
            boolean defaultContext = contexts.stream().anyMatch(c -> c.profile() == null);
            if (!defaultContext) {
                ctx.emit(p.apply(Fact.of(Kinds.SETTING, "path").value(p.value()).library(lib)).attr("role", "server")
                        .build());
            }
            for (ConfigLookup.ConfigValue c : contexts) {
                String prefix = trimSlash(c.value() == null ? "" : c.value().strip());
                if (prefix.contains("${")) {
                    continue;
                }
                String profile = c.profile() != null ? c.profile() : p.profile();
                Fact.Builder b = p.apply(Fact.of(Kinds.SETTING, "path").value(join(prefix, p.value())).library(lib))
                        .confidence(Confidence.MEDIUM).evidence(c.at()).attr("role", "server")
                        .attr("profile", profile).attr("contextPath", prefix.isEmpty() ? "/" : prefix);
                ctx.emit(b.build());
            }
        }
    }

    private void sockJs(SpringFindings.Endpoint e, String lib) {
        ctx.emit(Fact.of(Kinds.TRANSPORT, "sockjs").value("fallback").library(lib).evidence(e.sockJs())
                .attr("role", "server").build());
        Opt heartbeat = null;
        for (Opt o : e.sockJsOptions()) {
            if (o.items().contains("setHeartbeatTime")) {
                heartbeat = o;
            }
        }
        if (heartbeat != null && heartbeat.value() != null) {
            ctx.emit(heartbeat.apply(Fact.of(Kinds.SETTING, "ping.interval").value(heartbeat.value()).unit("ms")
                    .library(lib)).attr("role", "server").attr("transport", "sockjs").build());
        } else {
            defaulted(SOCKJS, "ping.interval", lib, e.sockJs(), Map.of("transport", "sockjs"));
        }
    }

    private void origin(SpringFindings.Endpoint e, String lib) {
        if (e.origins().isEmpty()) {
            if (e.kind() == EndpointKind.WEBFLUX) {
                ctx.emit(Fact.of(Kinds.ORIGIN, "any").value("").library(lib).source(Source.DEFAULT)
                        .confidence(Confidence.MEDIUM).evidence(e.at()).attr("role", "server")
                        .attr("note", "WebFlux handler mappings check no Origin unless CORS is configured").build());
            } else {
                ctx.emit(Fact.of(Kinds.ORIGIN, "same-origin").value("").library(lib).source(Source.DEFAULT)
                        .evidence(e.at()).attr("role", "server")
                        .attr("note", "no setAllowedOrigins: Spring accepts same-origin requests only").build());
            }
            return;
        }
        Map<String, List<Opt>> byProfile = new LinkedHashMap<>();
        for (Opt o : e.origins()) {
            byProfile.computeIfAbsent(o.profile() == null ? "" : o.profile(), k -> new ArrayList<>()).add(o);
        }
        for (Map.Entry<String, List<Opt>> p : byProfile.entrySet()) {
            List<String> values = new ArrayList<>();
            List<Evidence> evidence = new ArrayList<>();
            Source source = Source.EXPLICIT;
            Confidence conf = Confidence.HIGH;
            String variable = null;
            boolean any = false;
            for (Opt o : p.getValue()) {
                if (o.value() != null && !o.value().isEmpty()) {
                    values.add(o.value());
                    any |= o.value().equals("*");
                }
                evidence.addAll(o.evidence());
                if (o.source() == Source.ENV) {
                    source = Source.ENV;
                    variable = variable == null ? o.variable() : variable;
                }
                conf = conf.min(o.confidence());
            }
            ctx.emit(Fact.of(Kinds.ORIGIN, any ? "any" : "allow-list").value(any ? "*" : String.join(",", values))
                    .library(lib).source(source).confidence(conf).evidence(evidence).attr("role", "server")
                    .attr("variable", variable).attr("profile", p.getKey().isEmpty() ? null : p.getKey())
                    .attr("option", e.patterns() ? "allowedOriginPatterns" : "allowedOrigins").build());
        }
    }

    // ---- brokers and prefixes -------------------------------------------------------------------------------

    private void brokers() {
        for (SpringFindings f : main) {
            for (SpringFindings.Broker b : f.brokers) {
                for (Opt p : b.prefixes()) {
                    if (p.value() != null) {
                        ctx.emit(p.apply(Fact.of(Kinds.DESTINATION, p.value()).value("broker").library(STOMP))
                                .attr("prefix", "true").attr("broker", b.relay() ? "relay" : "simple").build());
                    }
                }
                if (b.relay()) {
                    relay(b);
                } else {
                    simpleBroker(b);
                }
            }
            for (Opt p : f.appPrefixes) {
                if (p.value() != null) {
                    ctx.emit(p.apply(Fact.of(Kinds.DESTINATION, p.value()).value("app").library(STOMP))
                            .attr("prefix", "true").build());
                }
            }
            if (f.userPrefix != null && f.userPrefix.value() != null) {
                ctx.emit(f.userPrefix.apply(Fact.of(Kinds.DESTINATION, f.userPrefix.value()).value("user")
                        .library(STOMP)).attr("prefix", "true").build());
            }
        }
    }

    private void simpleBroker(SpringFindings.Broker b) {
        Opt hb = b.options().get("HeartbeatValue");
        if (hb != null && hb.items().size() == 2) {
            ctx.emit(hb.apply(Fact.of(Kinds.SETTING, "heartbeat.outgoing").value(hb.items().get(0)).unit("ms")
                    .library(STOMP)).attr("role", "server").build());
            ctx.emit(hb.apply(Fact.of(Kinds.SETTING, "heartbeat.incoming").value(hb.items().get(1)).unit("ms")
                    .library(STOMP)).attr("role", "server").build());
            return;
        }
        String suffix = b.scheduler() ? ".scheduled" : "";
        for (String key : List.of("heartbeat.outgoing", "heartbeat.incoming")) {
            SIMPLE_BROKER.lookup(key + suffix, SIMPLE_BROKER_LATEST).ifPresent(c -> ctx.emit(
                    Fact.of(Kinds.SETTING, key).value(c.value()).unit("ms").library(STOMP).source(Source.DEFAULT)
                            .evidence(b.at()).attr("role", "server").attr("default", SIMPLE_BROKER.label())
                            .attr("option", c.entry().option())
                            .attr("note", b.scheduler() ? "TaskScheduler set, no heartbeat value"
                                    : "no TaskScheduler: the simple broker sends and expects no heart-beats")
                            .build()));
        }
    }

    private static final String SIMPLE_BROKER_LATEST = "6.2";

    private void relay(SpringFindings.Broker b) {
        java.util.Set<String> profiles = new java.util.TreeSet<>();
        for (String k : b.options().keySet()) {
            if (k.startsWith("RelayHost@") || k.startsWith("RelayPort@")) {
                profiles.add(k.substring(k.indexOf('@') + 1));
            }
        }
        relayBroker(b, b.options().get("RelayHost"), b.options().get("RelayPort"), null);
        for (String p : profiles) {
            Opt host = b.options().getOrDefault("RelayHost@" + p, b.options().get("RelayHost"));
            Opt port = b.options().getOrDefault("RelayPort@" + p, b.options().get("RelayPort"));
            relayBroker(b, host, port, p);
        }
        Map<String, String> options = Map.of("heartbeat.outgoing", "SystemHeartbeatSendInterval",
                "heartbeat.incoming", "SystemHeartbeatReceiveInterval");
        for (String key : List.of("heartbeat.outgoing", "heartbeat.incoming")) {
            Opt o = b.options().get(options.get(key));
            if (o != null && o.value() != null) {
                ctx.emit(o.apply(Fact.of(Kinds.SETTING, key).value(o.value()).unit("ms").library(STOMP))
                        .attr("role", "server").attr("context", "broker-relay").build());
            } else {
                defaulted(RELAY, key, STOMP, b.at(), Map.of("context", "broker-relay"));
            }
        }
    }

    private void relayBroker(SpringFindings.Broker b, Opt host, Opt port, String profile) {
        String h = host != null && host.value() != null ? host.value()
                : RELAY.lookup("relay.host", "6.2").map(LibraryDefaults.Choice::value).orElse("127.0.0.1");
        String p = port != null && port.value() != null ? port.value()
                : RELAY.lookup("relay.port", "6.2").map(LibraryDefaults.Choice::value).orElse("61613");
        List<String> channels = new ArrayList<>();
        for (Opt o : b.prefixes()) {
            if (o.value() != null) {
                channels.add(o.value());
            }
        }
        String kind = relayKind(b);
        Fact.Builder f = Fact.of(Kinds.BROKER, kind).value(h + ":" + p).library(STOMP).evidence(b.at())
                .attr("channels", String.join(",", channels)).attr("via", "enableStompBrokerRelay");
        Source source = Source.EXPLICIT;
        Confidence conf = Confidence.HIGH;
        String variable = null;
        for (Opt o : new Opt[] {host, port}) {
            if (o == null) {
                continue;
            }
            f.evidence(o.evidence());
            if (o.source() == Source.ENV) {
                source = Source.ENV;
                variable = variable == null ? o.variable() : variable + "," + o.variable();
            }
            conf = conf.min(o.confidence());
        }
        if (host == null && port == null) {
            f.attr("note", "relay host and port left at Spring's defaults");
        }
        Opt vhost = b.options().get("VirtualHost");
        if (vhost != null) {
            f.attr("virtualHost", vhost.value());
        }
        if (kind.equals("rabbitmq") && !relayKindKnown) {
            conf = Confidence.LOW;
            f.attr("note", "STOMP broker relay; RabbitMQ assumed (no broker named in the repository)");
        }
        ctx.emit(f.source(source).confidence(conf).attr("variable", variable).attr("profile", profile).build());
    }

    private boolean relayKindKnown;

    /** RabbitMQ or ActiveMQ: from the relay's destinations, then from the words of the repository's config files. */
    private String relayKind(SpringFindings.Broker b) {
        relayKindKnown = true;
        for (Opt o : b.prefixes()) {
            if (o.value() != null && (o.value().startsWith("/exchange") || o.value().startsWith("/amq")
                    || o.value().startsWith("/temp-queue"))) {
                return "rabbitmq";
            }
        }
        Opt host = b.options().get("RelayHost");
        String h = host == null || host.value() == null ? "" : host.value().toLowerCase(Locale.ROOT)
                + " " + String.valueOf(host.variable()).toLowerCase(Locale.ROOT);
        if (h.contains("rabbit")) {
            return "rabbitmq";
        }
        if (h.contains("activemq") || h.contains("artemis")) {
            return "activemq";
        }
        boolean rabbit = false;
        boolean active = false;
        for (SourceFile f : ctx.sources().all()) {
            String name = f.fileName().toLowerCase(Locale.ROOT);
            if (!CONFIG_EXTENSIONS.contains(f.extension()) && !name.startsWith("dockerfile")
                    && !name.startsWith("docker-compose") && !name.startsWith("compose")) {
                continue;
            }
            try {
                String text = f.text().toLowerCase(Locale.ROOT);
                rabbit |= text.contains("rabbitmq") || text.contains("spring-boot-starter-amqp");
                active |= text.contains("activemq") || text.contains("artemis");
            } catch (UnreadableFileException e) {
                // skipped
            }
        }
        if (active && !rabbit) {
            return "activemq";
        }
        relayKindKnown = rabbit;
        return "rabbitmq";
    }

    // ---- settings -----------------------------------------------------------------------------------------

    private void settings(boolean stomp) {
        Set<String> setTransport = new LinkedHashSet<>();
        boolean containerPayload = false;
        for (SpringFindings f : main) {
            for (SpringFindings.Setting s : f.settings) {
                Opt o = s.value();
                if (o.value() == null) {
                    continue;
                }
                String key = s.key();
                String lib = s.context().equals("container") ? WEBSOCKET : STOMP;
                Fact.Builder b = Fact.of(Kinds.SETTING, key.equals("payload.max.binary") ? "payload.max" : key)
                        .value(o.value()).unit(unitOf(key)).library(lib);
                o.apply(b).attr("role", "server");
                if (key.equals("payload.max.binary")) {
                    b.attr("frame", "binary");
                }
                if (s.context().equals("container")) {
                    b.attr("context", "container");
                    containerPayload |= key.equals("payload.max");
                } else {
                    setTransport.add(key);
                    if (key.equals("connect.timeout")) {
                        b.attr("option", "timeToFirstMessage");
                    }
                }
                ctx.emit(b.build());
            }
        }
        if (stomp) {
            Evidence at = stompAnchor();
            if (at != null) {
                for (LibraryDefaults.Entry d : TRANSPORT.entries()) {
                    if (!setTransport.contains(d.key())) {
                        defaulted(TRANSPORT, d.key(), STOMP, at, Map.of());
                    }
                }
            }
        }
        if (!containerPayload) {
            for (SpringFindings f : main) {
                for (SpringFindings.Endpoint e : f.endpoints) {
                    if (e.kind() == EndpointKind.HANDLER) {
                        defaulted(TOMCAT, "payload.max", WEBSOCKET, e.at(), Map.of("container", "tomcat"));
                        return;
                    }
                }
            }
        }
    }

    private Evidence stompAnchor() {
        for (SpringFindings f : main) {
            if (f.stompEnabled != null) {
                return f.stompEnabled;
            }
        }
        for (SpringFindings f : main) {
            for (SpringFindings.Endpoint e : f.endpoints) {
                if (e.kind() == EndpointKind.STOMP) {
                    return e.at();
                }
            }
        }
        return null;
    }

    private void defaulted(LibraryDefaults d, String key, String lib, Evidence at, Map<String, String> attrs) {
        d.lookup(key, "6.2").ifPresent(c -> {
            Fact.Builder b = Fact.of(Kinds.SETTING, key).value(c.value()).unit(c.entry().unit()).library(lib)
                    .source(Source.DEFAULT).confidence("ext".equals(c.entry().basis()) || "doc".equals(
                            c.entry().basis()) ? Confidence.MEDIUM : Confidence.HIGH)
                    .evidence(at).attr("role", "server").attr("default", d.label())
                    .attr("option", c.entry().option());
            attrs.forEach(b::attr);
            ctx.emit(b.build());
        });
    }

    private static String unitOf(String key) {
        return switch (key) {
            case "payload.max", "payload.max.binary", "send.bufferLimit" -> "bytes";
            case "send.timeLimit", "idle.timeout", "connect.timeout", "heartbeat.outgoing", "heartbeat.incoming",
                 "ping.interval" -> "ms";
            default -> null;
        };
    }

    // ---- destinations and events ------------------------------------------------------------------------------

    /** An event seen in several places: directions, payloads, evidence. */
    private static final class EventAgg {
        boolean in;
        boolean out;
        String inPayload;
        String outPayload;
        String validation;
        String required;
        String description;
        String field;
        String code;
        boolean unnamed;
        final List<Evidence> evidence = new ArrayList<>();
        String library;
    }

    private final Map<String, EventAgg> events = new TreeMap<>();
    private final Map<String, String> destinations = new TreeMap<>();
    private final Map<String, List<Evidence>> destinationEvidence = new TreeMap<>();

    private void messaging() {
        for (SpringFindings f : main) {
            for (SpringFindings.Mapping m : f.mappings) {
                mapping(m);
            }
            for (SpringFindings.Send s : f.sends) {
                String dest = s.toUser() ? join(userPrefix, s.destination()) : s.destination();
                destination(dest, classify(dest, s.toUser()), s.at());
                event(dest, s.direction().equals("in"), s.at(), s.payload(), null, null, null, STOMP);
            }
        }
        for (Map.Entry<String, String> d : destinations.entrySet()) {
            ctx.emit(Fact.of(Kinds.DESTINATION, d.getKey()).value(d.getValue()).library(STOMP)
                    .evidence(destinationEvidence.get(d.getKey())).build());
        }
        emitEvents();
    }

    private void mapping(SpringFindings.Mapping m) {
        List<String> lookups = new ArrayList<>();
        if (m.kind().equals("exception")) {
            outbound(m, lookups);
            return;
        }
        List<String> classPaths = m.classPaths().isEmpty() ? List.of("") : m.classPaths();
        List<String> paths = m.paths().isEmpty() ? List.of("") : m.paths();
        for (String c : classPaths) {
            for (String p : paths) {
                String l = combine(c, p);
                if (!l.isEmpty()) {
                    lookups.add(l);
                }
            }
        }
        for (String l : lookups) {
            List<String> full = new ArrayList<>();
            if (appPrefixes.isEmpty()) {
                full.add(dot || l.startsWith("/") ? l : "/" + l);
            } else {
                for (String p : appPrefixes) {
                    full.add(join(p, l));
                }
            }
            boolean subscribe = m.kind().equals("subscribe");
            for (String d : full) {
                destination(d, "app", m.at());
            }
            if (m.kind().equals("message")) {
                event(full.get(0), true, m.at(), m.inPayload(), m.validation(), m.required(), m.description(), STOMP);
            } else if (subscribe) {
                event(full.get(0), false, m.at(), m.outPayload(), null, null, m.description(), STOMP);
            }
            if (m.sendTo() == null && m.sendToUser() == null && m.returnsValue() && m.kind().equals("message")) {
                String d = join("/topic", l);
                destination(d, "broker", m.at());
                event(d, false, m.at(), m.outPayload(), null, null, null, STOMP);
            }
            if (m.sendTo() != null && m.sendTo().isEmpty()) {
                String d = join("/topic", l);
                destination(d, "broker", m.sendToAt());
                event(d, false, m.sendToAt(), m.outPayload(), null, null, null, STOMP);
            }
        }
        outbound(m, lookups);
    }

    private void outbound(SpringFindings.Mapping m, List<String> lookups) {
        if (m.sendTo() != null) {
            for (String d : m.sendTo()) {
                destination(d, classify(d, false), m.sendToAt());
                event(d, false, m.sendToAt(), m.outPayload(), null, null, null, STOMP);
            }
        }
        if (m.sendToUser() != null) {
            for (String d : m.sendToUser()) {
                String u = join(userPrefix, d);
                destination(u, "user", m.sendToUserAt());
                event(u, false, m.sendToUserAt(), m.outPayload(), null, null, null, STOMP);
            }
        }
    }

    private String combine(String classPath, String path) {
        if (classPath.isEmpty()) {
            return path;
        }
        if (path.isEmpty()) {
            return classPath;
        }
        if (dot) {
            return trimDots(classPath) + "." + trimDots(path);
        }
        return join(classPath, path);
    }

    private static String trimDots(String s) {
        String t = s;
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        while (t.startsWith(".")) {
            t = t.substring(1);
        }
        return t;
    }

    private String classify(String dest, boolean toUser) {
        if (toUser || dest.startsWith(userPrefix + "/")) {
            return "user";
        }
        for (String p : appPrefixes) {
            if (dest.startsWith(trimSlash(p) + "/") || dest.equals(p)) {
                return "app";
            }
        }
        return "broker";
    }

    private void destination(String dest, String value, Evidence at) {
        destinations.putIfAbsent(dest, value);
        if (at != null) {
            destinationEvidence.computeIfAbsent(dest, k -> new ArrayList<>()).add(at);
        }
    }

    private void event(String name, boolean inbound, Evidence at, String payload, String validation, String required,
                       String description, String library) {
        EventAgg a = events.computeIfAbsent(name, k -> new EventAgg());
        a.library = a.library == null ? library : a.library;
        if (inbound) {
            a.in = true;
            a.inPayload = a.inPayload == null ? payload : a.inPayload;
            a.validation = a.validation == null ? validation : a.validation;
            a.required = a.required == null ? required : a.required;
        } else {
            a.out = true;
            a.outPayload = a.outPayload == null ? payload : a.outPayload;
        }
        a.description = a.description == null ? description : a.description;
        if (at != null) {
            a.evidence.add(at);
        }
    }

    private void emitEvents() {
        for (Map.Entry<String, EventAgg> e : events.entrySet()) {
            EventAgg a = e.getValue();
            String direction = a.in && a.out ? "both" : a.in ? "in" : "out";
            String payload = a.inPayload != null && a.outPayload != null && !a.inPayload.equals(a.outPayload)
                    ? "in " + a.inPayload + "; out " + a.outPayload
                    : a.inPayload != null ? a.inPayload : a.outPayload;
            ctx.emit(Fact.of(Kinds.EVENT, e.getKey()).value(direction).library(a.library).evidence(a.evidence)
                    .attr("payload", payload).attr("validation", a.validation).attr("required", a.required)
                    .attr("description", a.description).attr("field", a.field).attr("code", a.code)
                    .attr("unnamed", a.unnamed ? "true" : null).build());
        }
        events.clear();
    }

    // ---- raw handlers -------------------------------------------------------------------------------------

    private void rawEvents() {
        Map<String, List<Evidence>> envelope = new TreeMap<>();
        boolean reactive = main.stream().anyMatch(f -> f.endpoints.stream()
                .anyMatch(e -> e.kind() == EndpointKind.WEBFLUX));
        String lib = reactive ? WEBFLUX : WEBSOCKET;
        for (SpringFindings f : main) {
            for (SpringFindings.RawEvent r : f.rawEvents) {
                event(r.name(), !r.outbound(), r.at(), r.payload(), null, null, null, lib);
                EventAgg a = events.get(r.name());
                a.code = a.code == null ? r.code() : a.code;
                if (r.field() == null) {
                    a.unnamed = true;
                } else {
                    a.field = r.field();
                    if (!r.outbound()) {
                        envelope.computeIfAbsent(r.field(), k -> new ArrayList<>()).add(r.at());
                    }
                }
            }
        }
        for (Map.Entry<String, List<Evidence>> e : envelope.entrySet()) {
            ctx.emit(Fact.of(Kinds.ENVELOPE, e.getKey()).value("discriminator").library(lib).evidence(e.getValue())
                    .build());
        }
        emitEvents();
        for (SpringFindings f : main) {
            for (SpringFindings.Room r : f.rooms) {
                ctx.emit(Fact.of(Kinds.ROOM, r.pattern()).value(r.action()).library(lib).evidence(r.at()).build());
            }
        }
    }

    // ---- auth ---------------------------------------------------------------------------------------------

    private void auth(boolean anyServer) {
        boolean found = false;
        for (SpringFindings f : main) {
            for (SpringFindings.Auth a : f.auths) {
                found = true;
                String lib = a.phase().equals("stomp-connect") || a.via().equals("ChannelInterceptor") ? STOMP
                        : WEBSOCKET;
                ctx.emit(Fact.of(Kinds.AUTH, a.mechanism()).value(a.phase()).library(lib)
                        .confidence(a.mechanism().equals("token") ? Confidence.MEDIUM : Confidence.HIGH)
                        .evidence(a.at()).attr("carrier", a.carrier()).attr("via", a.via()).build());
            }
            for (SpringFindings.Endpoint e : f.endpoints) {
                found |= e.interceptors().contains("HttpSessionHandshakeInterceptor");
            }
        }
        if (!anyServer) {
            return;
        }
        List<SpringFindings.SecurityRule> rules = new ArrayList<>();
        String mechanism = null;
        boolean security = false;
        for (SpringFindings f : main) {
            security |= f.security != null;
            rules.addAll(f.securityRules);
            mechanism = mechanism == null ? f.securityMechanism : mechanism;
        }
        // the HTTP security chain in front of the handshake: which endpoints it lets through unauthenticated
        boolean open = !security;
        boolean protectedByHttp = false;
        Evidence httpAt = null;
        for (SpringFindings f : main) {
            for (SpringFindings.Endpoint e : f.endpoints) {
                for (Opt p : e.paths()) {
                    if (p.value() == null) {
                        continue;
                    }
                    SpringFindings.SecurityRule rule = firstMatch(rules, p.value());
                    if (rule == null) {
                        continue;
                    }
                    if (rule.access().equals("permitAll") || rule.access().equals("anonymous")) {
                        open = true;
                    } else if (!rule.access().equals("denyAll")) {
                        protectedByHttp = true;
                        httpAt = httpAt == null ? rule.at() : httpAt;
                    }
                }
            }
        }
        if (protectedByHttp && !found) {
            found = true;
            ctx.emit(Fact.of(Kinds.AUTH, mechanism == null ? "session-cookie" : mechanism).value("upgrade-request")
                    .library(WEBSOCKET).confidence(Confidence.MEDIUM).evidence(httpAt)
                    .attr("carrier", "jwt".equals(mechanism) || "basic".equals(mechanism) ? "header" : "cookie")
                    .attr("via", "Spring Security").build());
        }
        if (found || !open) {
            return;
        }
        Evidence at = null;
        String lib = WEBSOCKET;
        for (SpringFindings f : main) {
            for (SpringFindings.Endpoint e : f.endpoints) {
                if (at == null) {
                    at = e.at();
                    lib = e.kind() == EndpointKind.STOMP ? STOMP : e.kind() == EndpointKind.WEBFLUX ? WEBFLUX
                            : WEBSOCKET;
                }
            }
        }
        if (at == null) {
            return;
        }
        ctx.emit(Fact.of(Kinds.AUTH, "none").value("none").library(lib).source(Source.DEFAULT)
                .confidence(Confidence.MEDIUM).evidence(at)
                .attr("note", security ? "Spring Security permits the endpoint; no interceptor checks a credential"
                        : "no Spring Security, handshake interceptor, handshake handler or channel interceptor "
                        + "checks a credential").build());
    }

    /** The first rule whose Ant-style pattern matches the path (Spring Security applies the first match). */
    private static SpringFindings.SecurityRule firstMatch(List<SpringFindings.SecurityRule> rules, String path) {
        for (SpringFindings.SecurityRule r : rules) {
            for (String p : r.patterns()) {
                if (antMatches(p, path)) {
                    return r;
                }
            }
        }
        return null;
    }

    static boolean antMatches(String pattern, String path) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            if (pattern.startsWith("/**", i)) {
                re.append("(?:/.*)?");
                i += 3;
            } else if (pattern.startsWith("**", i)) {
                re.append(".*");
                i += 2;
            } else if (pattern.charAt(i) == '*') {
                re.append("[^/]*");
                i++;
            } else if (pattern.charAt(i) == '?') {
                re.append("[^/]");
                i++;
            } else {
                re.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(i))));
                i++;
            }
        }
        return path.matches(re.toString());
    }


    // ---- serialization and brokers the app uses itself ----------------------------------------------------

    private void serialization(boolean stomp) {
        boolean explicitStomp = false;
        for (SpringFindings f : main) {
            for (SpringFindings.Serialization s : f.serializations) {
                ctx.emit(Fact.of(Kinds.SERIALIZATION, s.key()).value(s.value()).evidence(s.at())
                        .library(s.value().contains("MessageConverter") ? STOMP : WEBSOCKET).build());
                explicitStomp |= s.value().contains("MessageConverter");
            }
        }
        Evidence at = stompAnchor();
        if (stomp && !explicitStomp && at != null) {
            ctx.emit(Fact.of(Kinds.SERIALIZATION, "json").value("Jackson (Spring messaging default converter)")
                    .library(STOMP).source(Source.DEFAULT).confidence(Confidence.MEDIUM).evidence(at).build());
        }
    }

    private void brokerUses() {
        Map<String, List<SpringFindings.BrokerUse>> byKey = new TreeMap<>();
        for (SpringFindings f : main) {
            for (SpringFindings.BrokerUse u : f.brokerUses) {
                byKey.computeIfAbsent(u.key(), k -> new ArrayList<>()).add(u);
            }
        }
        for (Map.Entry<String, List<SpringFindings.BrokerUse>> e : byKey.entrySet()) {
            e.getValue().sort(java.util.Comparator.comparing(SpringFindings.BrokerUse::at));
            Set<String> channels = new LinkedHashSet<>();
            List<Evidence> evidence = new ArrayList<>();
            for (SpringFindings.BrokerUse u : e.getValue()) {
                channels.add(u.channel());
                evidence.add(u.at());
            }
            String value = "";
            if (e.getKey().equals("redis")) {
                value = hostPort("spring.data.redis", "spring.redis", evidence);
            }
            ctx.emit(Fact.of(Kinds.BROKER, e.getKey()).value(value).library(WEBSOCKET).evidence(evidence)
                    .confidence(Confidence.MEDIUM).attr("channels", String.join(",", channels)).build());
        }
    }

    private String hostPort(String prefix, String legacy, List<Evidence> evidence) {
        List<ConfigLookup.ConfigValue> host = config.lookup(prefix + ".host");
        if (host.isEmpty()) {
            host = config.lookup(legacy + ".host");
        }
        List<ConfigLookup.ConfigValue> port = config.lookup(prefix + ".port");
        if (port.isEmpty()) {
            port = config.lookup(legacy + ".port");
        }
        if (host.isEmpty() && port.isEmpty()) {
            return "";
        }
        String h = host.isEmpty() ? "localhost" : host.get(0).value();
        String p = port.isEmpty() ? "6379" : port.get(0).value();
        if (!host.isEmpty()) {
            evidence.add(host.get(0).at());
        }
        if (!port.isEmpty()) {
            evidence.add(port.get(0).at());
        }
        return h + ":" + p;
    }

    // ---- paths --------------------------------------------------------------------------------------------

    static String trimSlash(String s) {
        String t = s;
        while (t.length() > 1 && t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.equals("/") ? "" : t;
    }

    /** Joins path segments with exactly one slash between them and a leading slash. */
    static String join(String prefix, String path) {
        String p = trimSlash(prefix == null ? "" : prefix.strip());
        String s = path == null ? "" : path.strip();
        if (!p.isEmpty() && !p.startsWith("/")) {
            p = "/" + p;
        }
        if (s.isEmpty()) {
            return p.isEmpty() ? "/" : p;
        }
        return s.startsWith("/") ? p + s : p + "/" + s;
    }
}
