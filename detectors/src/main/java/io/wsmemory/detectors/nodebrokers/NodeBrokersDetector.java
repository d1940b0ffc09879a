package io.wsmemory.detectors.nodebrokers;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.js.JsFile;
import io.wsmemory.core.resolve.js.JsFile.Import;
import io.wsmemory.core.resolve.js.JsResolver;
import io.wsmemory.core.resolve.js.JsSyntax;
import io.wsmemory.core.resolve.js.JsValue;
import io.wsmemory.core.source.Language;
import io.wsmemory.detectors.js.JsOption;
import io.wsmemory.detectors.js.JsRooms;
import io.wsmemory.detectors.socketio.RedisEndpoint;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-instance fan-out through a message broker in JavaScript and TypeScript: a file that connects to Redis
 * ({@code ioredis}, {@code redis}; clients handed to a Socket.IO adapter excepted), NATS ({@code nats}), RabbitMQ
 * ({@code amqplib}, {@code amqp-connection-manager}) or Kafka ({@code kafkajs}) and
 * publishes or subscribes there is a {@code broker redis|nats|rabbitmq|kafka} with the server's address (the client's
 * default when none is given) and the subjects, exchanges, queues or topics as {@code attrs.channels}. A connection
 * that is never used to publish or subscribe says nothing.
 */
public final class NodeBrokersDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("node-brokers",
            "Redis pub/sub, NATS, RabbitMQ and Kafka fan-out between server instances (ioredis, node-redis, nats, "
                    + "amqplib, kafkajs) in JavaScript and TypeScript",
            Set.of(Language.JAVASCRIPT, Language.TYPESCRIPT, Language.TSX),
            List.of("ioredis", "redis\"", "redis'", "@redis/client", "\"nats\"", "'nats'", "amqplib",
                    "amqp-connection-manager", "kafkajs"));
    private static final Query QUERY = Query.load(NodeBrokersDetector.class, "node-brokers.scm");

    /** A broker client library: the fact key, the default address, the calls that use it and name channels. */
    private record Kind(String key, String defaultAddress, int defaultPort, Set<String> uses) {
    }

    private static final Kind REDIS = new Kind("redis", "localhost:6379", 6379,
            Set.of("publish", "subscribe", "psubscribe", "pSubscribe", "sSubscribe", "spublish"));
    private static final Kind NATS = new Kind("nats", "localhost:4222", 4222,
            Set.of("publish", "subscribe", "request"));
    private static final Kind RABBIT = new Kind("rabbitmq", "localhost:5672", 5672,
            Set.of("publish", "sendToQueue", "consume", "assertExchange", "assertQueue", "bindQueue"));
    private static final Kind KAFKA = new Kind("kafka", "localhost:9092", 9092, Set.of("send", "subscribe"));

    private record Endpoint(String value, Source source, Confidence confidence, String variable,
                            List<Evidence> evidence) {
    }

    /** Clients handed to a Socket.IO adapter are the socketio detector's. */
    private static final Set<String> REDIS_ADAPTERS = Set.of("socket.io-redis", "@socket.io/redis-adapter",
            "@socket.io/redis-emitter", "@socket.io/redis-streams-adapter");

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        if (file.tree() == null) {
            return;
        }
        JsResolver resolver = new JsResolver(file, context.sources());
        boolean redisAdapter = REDIS_ADAPTERS.stream().anyMatch(JsFile.of(file)::importsModule);
        Map<Kind, Map<String, Endpoint>> clients = new LinkedHashMap<>();
        List<QueryMatch> calls = QUERY.matches(file.tree().root());
        for (QueryMatch m : calls) {
            SyntaxNode callee = m.node("callee");
            Optional<Import> imp = resolver.importBehind(callee);
            if (imp.isEmpty()) {
                continue;
            }
            Kind kind = kindOf(imp.get(), m.node("call").is("new_expression"));
            if (kind != null && !(kind == REDIS && redisAdapter)) {
                Endpoint ep = kind == REDIS ? redisEndpoint(resolver, file, m) : endpoint(kind, resolver, file, m);
                clients.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                        .putIfAbsent(ep.value() + "|" + ep.variable(), ep);
            }
        }
        if (clients.isEmpty()) {
            return;
        }
        Map<Kind, Set<String>> channels = new LinkedHashMap<>();
        for (QueryMatch m : calls) {
            SyntaxNode callee = JsSyntax.unwrap(m.node("callee"));
            if (callee == null || !callee.is("member_expression") || !m.node("call").is("call_expression")) {
                continue;
            }
            String method = JsSyntax.memberName(callee);
            for (Kind kind : clients.keySet()) {
                if (method != null && kind.uses().contains(method)) {
                    channels.computeIfAbsent(kind, k -> new LinkedHashSet<>())
                            .addAll(names(kind, method, resolver, JsSyntax.arguments(m.node("args"))));
                }
            }
        }
        for (Map.Entry<Kind, Map<String, Endpoint>> e : clients.entrySet()) {
            Set<String> used = channels.get(e.getKey());
            if (used == null) {
                continue; // connected, never published or subscribed: not a fan-out
            }
            for (Endpoint ep : e.getValue().values()) {
                context.emit(Fact.of(Kinds.BROKER, e.getKey().key()).value(ep.value()).library(e.getKey().key())
                        .source(ep.source()).confidence(ep.confidence()).evidence(ep.evidence())
                        .attr("variable", ep.variable()).attr("via", "pub/sub")
                        .attr("channels", used.isEmpty() ? null : String.join(",", used)).build());
            }
        }
    }

    private static Kind kindOf(Import i, boolean isNew) {
        String member = i.imported();
        boolean connect = member.equals("connect") || member.endsWith(".connect");
        return switch (i.source()) {
            case "ioredis", "redis", "@redis/client" -> isNew || member.endsWith("createClient")
                    || member.endsWith("createCluster") ? REDIS : null;
            case "nats" -> connect ? NATS : null;
            case "amqplib", "amqplib/callback_api", "amqp-connection-manager" -> connect ? RABBIT : null;
            case "kafkajs" -> isNew && (member.equals("Kafka") || member.endsWith(".Kafka")) ? KAFKA : null;
            default -> null;
        };
    }

    /** The subjects, exchanges, queues or topics a call names. */
    private static List<String> names(Kind kind, String method, JsResolver resolver, List<SyntaxNode> args) {
        if (args.isEmpty()) {
            return List.of();
        }
        if (kind == KAFKA) {
            JsValue o = resolver.resolve(args.get(0));
            List<String> out = new ArrayList<>();
            for (String key : List.of("topic", "topics")) {
                JsValue.Member t = o.is(JsValue.Kind.OBJECT) ? o.properties().get(key) : null;
                if (t != null && t.value().node() != null) {
                    out.addAll(JsRooms.patterns(resolver, t.value().node()));
                }
            }
            return out;
        }
        if (kind == RABBIT && method.equals("bindQueue")) {
            return args.size() > 1 ? nonBlank(JsRooms.patterns(resolver, args.get(1))) : List.of();
        }
        List<String> first = nonBlank(JsRooms.patterns(resolver, args.get(0)));
        if (kind == RABBIT && method.equals("publish") && first.isEmpty() && args.size() > 1) {
            // the default exchange: the routing key names the queue
            return nonBlank(JsRooms.patterns(resolver, args.get(1)));
        }
        return first;
    }

    private static List<String> nonBlank(List<String> names) {
        return names.stream().filter(n -> !n.isBlank()).toList();
    }

    /** A Redis client's server as {@link RedisEndpoint} reads it; its default when built without arguments. */
    private static Endpoint redisEndpoint(JsResolver resolver, ParsedFile file, QueryMatch m) {
        Evidence at = file.evidence(m.node("call"));
        List<SyntaxNode> args = m.has("args") ? JsSyntax.arguments(m.node("args")) : List.of();
        JsOption o = args.isEmpty() ? null : RedisEndpoint.of(resolver, file, args);
        if (o == null) {
            return args.isEmpty() ? new Endpoint(REDIS.defaultAddress(), Source.DEFAULT, Confidence.MEDIUM, null,
                    List.of(at)) : new Endpoint("", Source.INFERRED, Confidence.MEDIUM, null, List.of(at));
        }
        List<Evidence> ev = new ArrayList<>();
        ev.add(at);
        ev.addAll(o.evidence());
        return new Endpoint(o.value() == null ? "" : o.value(), o.source(), o.confidence(), o.variable(), ev);
    }

    private static Endpoint endpoint(Kind kind, JsResolver resolver, ParsedFile file, QueryMatch m) {
        Evidence at = file.evidence(m.node("call"));
        List<SyntaxNode> args = m.has("args") ? JsSyntax.arguments(m.node("args")) : List.of();
        if (args.isEmpty()) {
            return new Endpoint(kind.defaultAddress(), Source.DEFAULT, Confidence.MEDIUM, null, List.of(at));
        }
        JsValue v = resolver.resolve(args.get(0));
        if (v.is(JsValue.Kind.OBJECT)) {
            String key = kind == NATS ? "servers" : kind == KAFKA ? "brokers" : "hostname";
            JsValue.Member server = v.properties().get(key);
            if (server == null) {
                return new Endpoint(kind == RABBIT ? kind.defaultAddress() : "",
                        kind == RABBIT ? Source.DEFAULT : Source.INFERRED, Confidence.MEDIUM, null, List.of(at));
            }
            JsValue s = server.value();
            if (s.is(JsValue.Kind.ARRAY) && !s.items().isEmpty()) {
                s = s.items().get(0);
            }
            if (kind == RABBIT && s.effective().is(JsValue.Kind.STRING)) {
                JsValue.Member port = v.properties().get("port");
                String p = port != null && port.value().effective().is(JsValue.Kind.NUMBER)
                        ? port.value().effective().text() : Integer.toString(kind.defaultPort());
                return endpointOf(s, s.effective().string() + ":" + p, at);
            }
            return address(kind, s, at);
        }
        return address(kind, v, at);
    }

    /** host:port of a URL or host[:port] string value, credentials and scheme left out. */
    private static Endpoint address(Kind kind, JsValue v, Evidence at) {
        JsValue e = v.effective();
        if (!e.is(JsValue.Kind.STRING)) {
            return new Endpoint("", v.is(JsValue.Kind.ENV) ? Source.ENV : Source.INFERRED, Confidence.MEDIUM,
                    v.variable(), List.of(at));
        }
        String s = e.string().strip();
        String hostPort;
        try {
            URI u = URI.create(s.contains("://") ? s : "x://" + s);
            if (u.getHost() == null) {
                return new Endpoint("", Source.INFERRED, Confidence.MEDIUM, v.variable(), List.of(at));
            }
            hostPort = u.getHost() + ":" + (u.getPort() < 0 ? kind.defaultPort() : u.getPort());
        } catch (IllegalArgumentException ex) {
            return new Endpoint("", Source.INFERRED, Confidence.MEDIUM, v.variable(), List.of(at));
        }
        return endpointOf(v, hostPort, at);
    }

    private static Endpoint endpointOf(JsValue v, String value, Evidence at) {
        List<Evidence> ev = new ArrayList<>();
        ev.add(at);
        ev.addAll(v.via());
        Source source = v.is(JsValue.Kind.ENV) ? Source.ENV : v.source();
        return new Endpoint(value, source, Confidence.MEDIUM, v.variable(), ev);
    }
}
