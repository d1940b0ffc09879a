package io.wsmemory.detectors.redispubsub;

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
import io.wsmemory.core.resolve.js.JsSyntax;
import io.wsmemory.core.resolve.js.JsFile.Import;
import io.wsmemory.core.resolve.js.JsResolver;
import io.wsmemory.core.source.Language;
import io.wsmemory.detectors.js.JsOption;
import io.wsmemory.detectors.js.JsRooms;
import io.wsmemory.detectors.socketio.RedisEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hand-rolled cross-instance fan-out over Redis pub/sub in JavaScript and TypeScript: a file that builds an
 * {@code ioredis} or {@code redis} client and publishes or subscribes on it is a {@code broker redis} with the
 * server's address (the clients' default localhost:6379 when built without one) and the channels as
 * {@code attrs.channels}. A Redis client that only reads and writes keys is a store, not a broker, and says nothing;
 * clients handed to a Socket.IO adapter are the socketio detector's.
 */
public final class RedisPubSubDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("redis-pubsub",
            "Redis pub/sub fan-out between server instances (ioredis, node-redis) in JavaScript and TypeScript",
            Set.of(Language.JAVASCRIPT, Language.TYPESCRIPT, Language.TSX),
            List.of("ioredis", "redis\"", "redis'", "@redis/client"));
    private static final Query QUERY = Query.load(RedisPubSubDetector.class, "redis-pubsub.scm");
    private static final Set<String> CLIENT_MODULES = Set.of("ioredis", "redis", "@redis/client");
    private static final Set<String> ADAPTER_HINTS = Set.of("socket.io-redis", "@socket.io/redis-adapter",
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
        JsFile js = JsFile.of(file);
        for (String adapter : ADAPTER_HINTS) {
            if (js.importsModule(adapter)) {
                return;
            }
        }
        JsResolver resolver = new JsResolver(file, context.sources());
        Map<String, JsOption> endpoints = new LinkedHashMap<>();
        Map<String, Evidence> clientAt = new LinkedHashMap<>();
        Set<String> channels = new LinkedHashSet<>();
        boolean pubsub = false;
        for (QueryMatch m : QUERY.matches(file.tree().root())) {
            if (m.has("pubsub")) {
                pubsub = true;
                channels.addAll(JsRooms.patterns(resolver, m.node("pubsub.channel")));
                continue;
            }
            SyntaxNode callee = m.node("client.callee");
            Optional<Import> imp = resolver.importBehind(callee);
            if (imp.isEmpty() || !CLIENT_MODULES.contains(imp.get().source())) {
                continue;
            }
            List<SyntaxNode> args = m.has("client.args") ? JsSyntax.arguments(m.node("client.args")) : List.of();
            JsOption endpoint = args.isEmpty() ? null : RedisEndpoint.of(resolver, file, args);
            if (endpoint == null) {
                endpoint = new JsOption(args.isEmpty() ? "localhost:6379" : "", null,
                        args.isEmpty() ? Source.DEFAULT : Source.INFERRED, Confidence.MEDIUM, null,
                        List.of(file.evidence(m.node("client"))), args.isEmpty());
            }
            String key = endpoint.value() + "|" + endpoint.variable();
            endpoints.putIfAbsent(key, endpoint);
            clientAt.putIfAbsent(key, file.evidence(m.node("client")));
        }
        if (!pubsub || endpoints.isEmpty()) {
            return;
        }
        for (Map.Entry<String, JsOption> e : endpoints.entrySet()) {
            JsOption o = e.getValue();
            List<Evidence> ev = new ArrayList<>();
            ev.add(clientAt.get(e.getKey()));
            ev.addAll(o.evidence());
            context.emit(Fact.of(Kinds.BROKER, "redis").value(o.value() == null ? "" : o.value()).library("redis")
                    .source(o.source()).confidence(o.confidence()).evidence(ev).attr("via", "pub/sub")
                    .attr("variable", o.variable())
                    .attr("channels", channels.isEmpty() ? null : String.join(",", channels)).build());
        }
    }
}
