package io.wsmemory.detectors.socketio;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import io.wsmemory.detectors.js.JsOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one file says about Socket.IO, as plain data: trees are released once a file is read, and facts that need
 * the whole repository (versions, directions of events seen on both sides) are made when the scan finishes.
 */
final class Findings {

    enum Side { SERVER, CLIENT, UNKNOWN }

    record Server(Evidence at, Map<String, JsOption> options, JsOption port, boolean v2Style) {
    }

    record Client(Evidence at, Map<String, JsOption> options, String url, String clientType, String clientTypeWhy) {
    }

    record Event(String name, Side side, boolean emit, Evidence at, String payload, boolean ack,
                 String description, boolean weak, String validation, String required) {
    }

    record Room(String pattern, String action, Evidence at, boolean weak) {
    }

    record Namespace(String name, Evidence at) {
    }

    record Auth(String mechanism, String phase, String carrier, Evidence at, Side side) {
    }

    record Adapter(String key, String pkg, Evidence at, JsOption broker) {
    }

    record Sticky(String key, String value, Evidence at) {
    }

    record Serialization(String key, String value, Source source, Evidence at) {
    }

    record LibraryUse(String id, String role, Evidence at) {
    }

    final String path;
    final Side side;
    final List<Server> servers = new ArrayList<>();
    final List<Client> clients = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Room> rooms = new ArrayList<>();
    final List<Namespace> namespaces = new ArrayList<>();
    final List<Auth> auths = new ArrayList<>();
    final List<Adapter> adapters = new ArrayList<>();
    final List<Sticky> stickies = new ArrayList<>();
    final List<Serialization> serializations = new ArrayList<>();
    final List<LibraryUse> libraries = new ArrayList<>();
    /** The first connection handler of the file: where "no authentication" is pointed at. */
    Evidence connectionHandler;

    Findings(String path, Side side) {
        this.path = path;
        this.side = side;
    }

    boolean isEmpty() {
        return servers.isEmpty() && clients.isEmpty() && events.isEmpty() && rooms.isEmpty() && namespaces.isEmpty()
                && auths.isEmpty() && adapters.isEmpty() && stickies.isEmpty() && serializations.isEmpty()
                && libraries.isEmpty();
    }

    static Map<String, JsOption> options() {
        return new LinkedHashMap<>();
    }
}
