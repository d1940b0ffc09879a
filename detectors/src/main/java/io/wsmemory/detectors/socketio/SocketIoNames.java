package io.wsmemory.detectors.socketio;

import java.util.Map;
import java.util.Set;

/** Names Socket.IO gives meaning to, shared with detectors of frameworks built on it (NestJS gateways). */
public final class SocketIoNames {

    /**
     * Event names of the protocol and the library itself: never application events. {@code "*"} is the catch-all
     * of socketio-wildcard, a listener for every event rather than one.
     */
    public static final Set<String> RESERVED_EVENTS = Set.of("connect", "connection", "connect_error", "disconnect",
            "disconnecting", "error", "newListener", "removeListener", "ping", "pong", "connect_timeout",
            "reconnecting", "reconnect", "reconnect_attempt", "reconnect_error", "reconnect_failed", "upgrade",
            "message", "open", "close", "packet", "packetCreate", "drain", "flush", "heartbeat", "upgradeError", "*");

    /** Adapter packages and the {@code adapter} fact key each gives. */
    public static final Map<String, String> ADAPTER_PACKAGES = Map.ofEntries(
            Map.entry("@socket.io/redis-adapter", "redis"),
            Map.entry("socket.io-redis", "redis"),
            Map.entry("@socket.io/redis-streams-adapter", "redis-streams"),
            Map.entry("@socket.io/mongo-adapter", "mongo"),
            Map.entry("socket.io-adapter-mongo", "mongo"),
            Map.entry("@socket.io/postgres-adapter", "postgres"),
            Map.entry("@socket.io/cluster-adapter", "cluster"),
            Map.entry("socket.io-amqp", "amqp"),
            Map.entry("@socket.io/gcp-pubsub-adapter", "gcp-pubsub"),
            Map.entry("@socket.io/azure-service-bus-adapter", "azure-service-bus"));

    private SocketIoNames() {
    }
}
