package io.wsmemory.detectors.channels;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one file says about Django Channels, as plain data: trees are released once a file is read, and facts that
 * need the whole repository (which consumer a route names, which method a channel-layer type reaches, the settings
 * that say which server runs the application) are made when the scan finishes.
 */
final class ChannelsFindings {

    /** A value read from code: normalised text, how it was learned, where (the use first, then the bindings). */
    record Opt(String value, Source source, Confidence confidence, String variable, List<Evidence> evidence) {
    }

    /** {@code ProtocolTypeRouter({"websocket": ...})} (or a bare websocket application) with what wraps its routes. */
    record Router(Evidence routerAt, Evidence websocketAt, List<OriginCheck> origins, List<AuthUse> auths,
                  List<Route> routes) {
    }

    /** An origin validator: {@code any} or {@code allow-list} with the allowed origins. */
    record OriginCheck(String key, Opt origins, Evidence at, String note) {
    }

    /** An authentication mechanism: a middleware around the routes or a check in a consumer. */
    record AuthUse(String mechanism, String phase, String carrier, Confidence confidence, List<Evidence> at,
                   String note) {
    }

    /** A websocket route: its path with {@code {placeholders}} and the dotted name of the consumer it serves. */
    record Route(String path, String consumer, Evidence at) {
    }

    /** A message type a consumer receives from clients. */
    record InEvent(String name, String discriminator, Evidence at, List<String> payload, String validation,
                   String required) {
    }

    /**
     * A JSON message a consumer sends to its client. {@code key} is the field that names it (null when none);
     * {@code name} its string value, {@code code} a numeric value with {@code codeName} the constant it came from;
     * {@code relaysLayerType} when the name is the channel-layer message's own type; {@code method} is the method
     * that sends it.
     */
    record OutMessage(String key, String name, String code, String codeName, boolean relaysLayerType,
                      List<String> keys, Evidence at, Evidence keyAt, String method) {
        String firstKey() {
            return keys.isEmpty() ? null : keys.get(0);
        }
    }

    /** {@code group_send(group, {"type": "chat.message", ...})} or {@code channel_layer.send(channel, {...})}. */
    record LayerSend(String type, Evidence at, List<String> payload) {
    }

    record Room(String pattern, String action, Evidence at) {
    }

    record Envelope(String key, Evidence at) {
    }

    /** A consumer class and what it does on the wire. */
    record Consumer(String qualified, String name, Evidence at, String base, boolean json,
                    String serialization, String serializationWhy, Evidence serializationAt,
                    List<InEvent> inbound, List<OutMessage> outbound, List<String> methods,
                    List<Envelope> envelopes, List<AuthUse> auths, Evidence userCheck,
                    Map<String, List<String>> selfCalls) {
        /** The method and the helpers it calls on self, a few levels deep. */
        java.util.Set<String> reach(String method) {
            java.util.Set<String> out = new java.util.LinkedHashSet<>();
            java.util.ArrayDeque<String[]> work = new java.util.ArrayDeque<>();
            work.add(new String[] {method, "0"});
            while (!work.isEmpty()) {
                String[] w = work.poll();
                if (!out.add(w[0]) || Integer.parseInt(w[1]) >= 3) {
                    continue;
                }
                for (String callee : selfCalls.getOrDefault(w[0], List.of())) {
                    if (!ConsumerScan.LIFECYCLE.contains(callee)) {
                        work.add(new String[] {callee, String.valueOf(Integer.parseInt(w[1]) + 1)});
                    }
                }
            }
            return out;
        }
    }

    /** One alias of {@code CHANNEL_LAYERS}. */
    record Layer(String alias, String backend, Evidence backendAt, List<Opt> hosts, Evidence hostsAt,
                 Map<String, Opt> config, boolean conditional) {
    }

    /** A server that runs the ASGI application: daphne, uvicorn, hypercorn or {@code manage.py runserver}. */
    record ServerRun(String server, Map<String, Opt> options, Evidence at) {
    }

    final String path;
    final List<Router> routers = new ArrayList<>();
    final List<Route> looseRoutes = new ArrayList<>();
    final List<Consumer> consumers = new ArrayList<>();
    final List<LayerSend> layerSends = new ArrayList<>();
    final List<Room> rooms = new ArrayList<>();
    final List<Layer> layers = new ArrayList<>();
    final List<ServerRun> servers = new ArrayList<>();
    final List<String> installedApps = new ArrayList<>();
    Evidence installedAppsAt;
    Evidence importAt;

    ChannelsFindings(String path) {
        this.path = path;
    }

    boolean isEmpty() {
        return routers.isEmpty() && looseRoutes.isEmpty() && consumers.isEmpty() && layerSends.isEmpty()
                && rooms.isEmpty() && layers.isEmpty() && servers.isEmpty() && installedApps.isEmpty()
                && importAt == null;
    }
}
