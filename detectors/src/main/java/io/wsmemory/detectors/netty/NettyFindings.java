package io.wsmemory.detectors.netty;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.detectors.spring.Opt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one Java file says about Netty's WebSocket codec, as plain data; facts are made when the scan finishes. */
final class NettyFindings {

    /**
     * A server or client construction: {@code WebSocketServerProtocolHandler}, {@code WebSocketServerHandshakerFactory},
     * {@code WebSocketClientHandshakerFactory.newHandshaker}, {@code WebSocketClientProtocolHandler}; its options by
     * fact key ({@code path}, {@code payload.max}, {@code handshake.timeout}, {@code subprotocols}).
     */
    record Construction(String type, boolean server, Evidence at, Map<String, Opt> options, boolean timeoutApplies) {
        static Map<String, Opt> newOptions() {
            return new LinkedHashMap<>();
        }
    }

    record Setting(String key, Opt value, boolean server, String option) {
    }

    record Compression(boolean server, Evidence at) {
    }

    record Serialization(String key, String value, Evidence at, boolean server) {
    }

    record Event(String name, String field, boolean outbound, Evidence at, String payload, String code) {
    }

    record Room(String pattern, String action, Evidence at) {
    }

    record Auth(String mechanism, String phase, String carrier, Evidence at) {
    }

    record ClientType(String key, String value, Evidence at) {
    }

    final String path;
    final List<Construction> constructions = new ArrayList<>();
    final List<Setting> settings = new ArrayList<>();
    final List<Compression> compressions = new ArrayList<>();
    final List<Serialization> serializations = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Room> rooms = new ArrayList<>();
    final List<Auth> auths = new ArrayList<>();
    final List<ClientType> clientTypes = new ArrayList<>();
    Evidence originCheck;
    boolean test;

    NettyFindings(String path) {
        this.path = path;
        this.test = path.contains("/test/") || path.startsWith("test/");
    }

    boolean isEmpty() {
        return constructions.isEmpty() && settings.isEmpty() && compressions.isEmpty() && serializations.isEmpty()
                && events.isEmpty() && rooms.isEmpty() && auths.isEmpty() && clientTypes.isEmpty()
                && originCheck == null;
    }
}
