package io.wsmemory.report;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.engine.ScanResult;
import io.wsmemory.core.engine.ScanStats;
import io.wsmemory.core.source.SkippedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Hand-built fact lists: what a scan of a small Socket.IO chat service behind nginx on Kubernetes would find. */
final class SampleFacts {

    private SampleFacts() {
    }

    static Fact.Builder fact(String kind, String key, String value, String path, int line) {
        return Fact.of(kind, key).value(value).evidence(new Evidence(path, line, null));
    }

    static List<Fact> chatApp() {
        List<Fact> f = new ArrayList<>();
        f.add(fact(Kinds.LIBRARY, "socket.io", "4.7.5", "package.json", 12).attr("role", "server")
                .attr("language", "javascript").build());
        f.add(fact(Kinds.LIBRARY, "socket.io-client", "4.7.5", "web/package.json", 9).attr("role", "client")
                .attr("language", "typescript").build());
        f.add(fact(Kinds.LIBRARY, "@socket.io/redis-adapter", "^8.2.1", "package.json", 13).build());
        f.add(fact(Kinds.SETTING, "ping.interval", "25000", "server/index.js", 14).unit("ms").library("socket.io")
                .source(Source.DEFAULT).attr("role", "server").build());
        f.add(fact(Kinds.SETTING, "ping.timeout", "20000", "server/index.js", 14).unit("ms").library("socket.io")
                .source(Source.ENV).confidence(Confidence.MEDIUM).attr("role", "server")
                .attr("variable", "PING_TIMEOUT_MS").build());
        f.add(fact(Kinds.SETTING, "payload.max", "1000000", "server/index.js", 16).unit("bytes").library("socket.io")
                .attr("role", "server").evidence(Evidence.at("server/config.js", 3)).build());
        f.add(fact(Kinds.SETTING, "buffer.read", "104857600", "server/raw.js", 8).unit("bytes").library("ws")
                .attr("role", "server").build());
        f.add(fact(Kinds.SETTING, "compression", "false", "server/raw.js", 9).library("ws").attr("role", "server")
                .build());
        f.add(fact(Kinds.SETTING, "path", "/ws/v2", "server/raw.js", 7).library("ws").attr("role", "server")
                .build());
        f.add(fact(Kinds.SETTING, "upgrade.timeout", "10000", "server/index.js", 14).unit("ms").library("socket.io")
                .source(Source.DEFAULT).attr("role", "server").build());
        f.add(fact(Kinds.SETTING, "idle.timeout", "3600000", "deploy/nginx.conf", 22).unit("ms")
                .attr("role", "proxy").build());
        f.add(fact(Kinds.AUTH, "jwt", "handshake-middleware", "server/auth.js", 5).attr("carrier", "auth-payload")
                .build());
        f.add(fact(Kinds.ORIGIN, "any", "", "server/index.js", 15).build());
        f.add(fact(Kinds.RECONNECT, "enabled", "true", "web/src/socket.ts", 4).library("socket.io-client")
                .source(Source.DEFAULT).build());
        f.add(fact(Kinds.RECONNECT, "delay.min", "1000", "web/src/socket.ts", 5).unit("ms")
                .library("socket.io-client").build());
        f.add(fact(Kinds.RECONNECT, "delay.max", "5000", "web/src/socket.ts", 6).unit("ms")
                .library("socket.io-client").build());
        f.add(fact(Kinds.RECONNECT, "jitter", "0.5", "web/src/socket.ts", 4).library("socket.io-client")
                .source(Source.DEFAULT).build());
        f.add(fact(Kinds.RECONNECT, "attempts", "unlimited", "web/src/socket.ts", 4).library("socket.io-client")
                .source(Source.DEFAULT).build());
        f.add(fact(Kinds.CLIENT_TYPE, "browser", "socket.io-client", "web/src/socket.ts", 1).build());
        f.add(fact(Kinds.TRANSPORT, "websocket", "primary", "server/index.js", 17).build());
        f.add(fact(Kinds.TRANSPORT, "polling", "fallback", "server/index.js", 17).build());
        f.add(fact(Kinds.ENVELOPE, "type", "discriminator", "server/raw.js", 21).build());
        f.add(fact(Kinds.ENVELOPE, "payload", "field", "server/raw.js", 22).build());
        f.add(fact(Kinds.ENVELOPE, "version", "field", "server/raw.js", 23).build());
        f.add(fact(Kinds.EVENT, "chat:message", "in", "server/chat.js", 10).attr("payload", "text: string, roomId: string")
                .attr("required", "text,roomId").attr("validation", "z.string().max(2000)")
                .attr("description", "A user posts a message to a room.").build());
        f.add(fact(Kinds.EVENT, "chat:message", "out", "server/chat.js", 18).attr("payload", "id, text, roomId, from")
                .evidence(Evidence.at("server/chat.js", 31)).evidence(Evidence.at("server/bot.js", 4)).build());
        f.add(fact(Kinds.EVENT, "chat:typing", "both", "server/chat.js", 24).build());
        f.add(fact(Kinds.EVENT, "room.join", "in", "server/rooms.js", 6).attr("payload", "roomId").build());
        f.add(fact(Kinds.EVENT, "presence", "out", "server/presence.js", 3).attr("domain", "presence").build());
        f.add(fact(Kinds.EVENT, "ping", "in", "server/raw.js", 30).attr("code", "1").confidence(Confidence.LOW)
                .build());
        f.add(fact(Kinds.EVENT, "/app/chat.send", "in", "server/Stomp.java", 12).build());
        f.add(fact(Kinds.ROOM, "room:{id}", "join", "server/rooms.js", 7).build());
        f.add(fact(Kinds.ROOM, "{socketId}", "broadcast", "server/chat.js", 40).build());
        f.add(fact(Kinds.NAMESPACE, "/chat", "", "server/index.js", 20).build());
        f.add(fact(Kinds.DESTINATION, "/topic/messages", "broker", "server/Stomp.java", 13).build());
        f.add(fact(Kinds.SERIALIZATION, "json", "JSON.parse", "server/raw.js", 20).build());
        f.add(fact(Kinds.ADAPTER, "redis", "@socket.io/redis-adapter", "server/index.js", 30).build());
        f.add(fact(Kinds.BROKER, "redis", "redis:6379", "server/index.js", 28).attr("channels", "socket.io#*")
                .build());
        f.add(fact(Kinds.STICKY, "ip_hash", "nginx", "deploy/nginx.conf", 4).build());
        f.add(fact(Kinds.CAPACITY, "replicas", "3", "deploy/k8s/deployment.yaml", 8).attr("service", "chat")
                .build());
        f.add(fact(Kinds.CAPACITY, "autoscale.min", "2", "deploy/k8s/hpa.yaml", 9).attr("service", "chat").build());
        f.add(fact(Kinds.CAPACITY, "autoscale.max", "10", "deploy/k8s/hpa.yaml", 10).attr("service", "chat")
                .build());
        f.add(fact(Kinds.CAPACITY, "autoscale.target", "70", "deploy/k8s/hpa.yaml", 14).attr("service", "chat")
                .attr("unit", "%").attr("metric", "cpu").build());
        f.add(fact(Kinds.HEALTH, "/healthz", "", "server/index.js", 40).build());
        f.add(fact(Kinds.METRIC, "ws_connections", "gauge", "server/metrics.js", 5).build());
        f.add(fact(Kinds.ALERT, "WsConnectionsHigh", "ws_connections > 9000", "deploy/alerts.yaml", 6)
                .attr("for", "5m").attr("severity", "warning").build());
        f.add(fact(Kinds.FINDING, "WS-TODO", "info", "server/chat.js", 50)
                .attr("message", "TODO: move presence to Redis before scaling out").build());
        f.add(fact(Kinds.FINDING, "WS-NO-RATE-LIMIT", "warning", "server/chat.js", 10)
                .attr("message", "messages are not rate limited").build());
        f.sort(Fact.ORDER);
        return f;
    }

    static ScanResult result(String project, List<Fact> facts) {
        return new ScanResult(Path.of("/tmp/does-not-matter"), project, facts, List.of(), List.of(),
                new ScanStats(0, 0, 0, 0, 0, facts.size(), 0));
    }

    static ScanResult result(String project, List<Fact> facts, List<SkippedFile> skipped, List<String> partial) {
        return new ScanResult(Path.of("/tmp/does-not-matter"), project, facts, skipped, partial,
                new ScanStats(0, 0, 0, 0, skipped.size(), facts.size(), 0));
    }
}
