package io.wsmemory.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Words for the keys and values of the fact vocabulary (spec/facts.md), in the order the memory lists them. */
final class Labels {

    static final Map<String, String> SETTINGS = ordered(
            "ping.interval", "Ping interval",
            "ping.timeout", "Ping timeout",
            "payload.max", "Max payload",
            "http.maxContent", "Max HTTP content",
            "connections.max", "Max connections",
            "handshake.timeout", "Handshake timeout",
            "connect.timeout", "Connect timeout",
            "upgrade.timeout", "Upgrade timeout",
            "idle.timeout", "Idle timeout",
            "buffer.read", "Read buffer",
            "buffer.write", "Write buffer",
            "compression", "Compression",
            "heartbeat.outgoing", "Outgoing heartbeat",
            "heartbeat.incoming", "Incoming heartbeat",
            "send.timeLimit", "Send time limit",
            "send.bufferLimit", "Send buffer limit",
            "send.queue", "Send queue",
            "write.timeout", "Write timeout",
            "path", "Endpoint path",
            "port", "Port");

    /** The settings whose absence the memory states: a reader looks for these first. */
    static final List<String> CORE_SETTINGS = List.of("ping.interval", "ping.timeout", "payload.max",
            "connections.max");

    static final Map<String, String> RECONNECT = ordered(
            "enabled", "Reconnect",
            "strategy", "Strategy",
            "delay.min", "Backoff min delay",
            "delay.max", "Backoff max delay",
            "jitter", "Jitter",
            "attempts", "Attempts");

    static final Map<String, String> AUTH = ordered(
            "jwt", "JWT",
            "session-cookie", "Session cookie",
            "api-key", "API key",
            "basic", "HTTP Basic",
            "oauth2", "OAuth 2",
            "token", "Opaque token",
            "none", "No authentication");

    static final Map<String, String> AUTH_PHASE = ordered(
            "handshake-middleware", "checked in handshake middleware",
            "upgrade-request", "checked on the HTTP upgrade request",
            "connection-handler", "checked after connect, in the connection handler",
            "first-message", "checked on the first message",
            "stomp-connect", "checked on STOMP CONNECT",
            "per-message", "checked on every message",
            "query-param", "carried in the URL's query string");

    static final Map<String, String> AUTH_CARRIER = ordered(
            "header", "sent in a header",
            "query", "sent in the query string",
            "cookie", "sent in a cookie",
            "auth-payload", "sent in the handshake auth payload",
            "subprotocol", "sent in the subprotocol header");

    static final Map<String, String> TRANSPORTS = ordered(
            "websocket", "WebSocket",
            "polling", "HTTP long-polling",
            "sockjs", "SockJS",
            "sse", "Server-Sent Events",
            "webtransport", "WebTransport");

    static final Map<String, String> CLIENTS = ordered(
            "browser", "Browser",
            "mobile", "Mobile",
            "iot", "IoT device",
            "server", "Server-to-server",
            "cli", "Command-line client");

    static final Map<String, String> SERIALIZATION = ordered(
            "json", "JSON",
            "msgpack", "MessagePack",
            "protobuf", "Protocol Buffers",
            "cbor", "CBOR",
            "binary", "Binary frames",
            "text", "Text frames");

    static final Map<String, String> DESTINATIONS = ordered(
            "app", "app (handled by the server)",
            "broker", "broker (sent to subscribers)",
            "user", "user (one user's queue)");

    static final Map<String, String> CAPACITY = ordered(
            "replicas", "Replicas",
            "workers", "Workers",
            "autoscale.min", "Autoscale min",
            "autoscale.max", "Autoscale max",
            "autoscale.target", "Autoscale target");

    static final Map<String, String> ROLES = ordered(
            "server", "Server",
            "client", "Client");

    private Labels() {
    }

    /** The label of a key, or the key itself as code when the vocabulary has no word for it. */
    static String of(Map<String, String> labels, String key) {
        String l = labels.get(key);
        return l != null ? l : Format.code(key);
    }

    /** Position of a key in its table; keys the table lacks come after, in their natural order. */
    static int rank(Map<String, String> labels, String key) {
        int i = 0;
        for (String k : labels.keySet()) {
            if (k.equals(key)) {
                return i;
            }
            i++;
        }
        return labels.size();
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
