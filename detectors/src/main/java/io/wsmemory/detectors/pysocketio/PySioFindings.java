package io.wsmemory.detectors.pysocketio;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one Python file says about Socket.IO (python-socketio, Flask-SocketIO), as plain data; facts are made when
 * the scan finishes and the declared versions are known.
 */
final class PySioFindings {

    enum Side { SERVER, CLIENT }

    /** An option value: normalised text (or list items), how it was learned, where. */
    record Opt(String value, List<String> items, Source source, Confidence confidence, String variable,
               List<Evidence> evidence) {
    }

    /** A server construction ({@code socketio.AsyncServer(...)}, {@code SocketIO(app, ...)}) and its options. */
    record Server(String library, Evidence at, Map<String, Opt> options) {
    }

    record Client(Evidence at, Map<String, Opt> options) {
    }

    /** An event: handled ({@code emit == false}) or emitted, on the server or a client. */
    record Event(String name, Side side, boolean emit, Evidence at, String payload, boolean ack, String namespace,
                 String validation, String required) {
    }

    record Room(String pattern, String action, Evidence at) {
    }

    record Namespace(String name, Evidence at) {
    }

    record Auth(String mechanism, String phase, String carrier, Evidence at, String note) {
    }

    /** A client manager (the Socket.IO adapter of python-socketio) or Flask-SocketIO's message queue. */
    record Adapter(String key, String value, Evidence at, String broker, Opt endpoint, boolean writeOnly) {
    }

    /** Where the Socket.IO endpoint is served: {@code ASGIApp(sio, socketio_path=...)} under a mount prefix. */
    record AppPath(Opt path, Evidence at) {
    }

    record LibraryUse(String id, String role, Evidence at) {
    }

    final String path;
    final List<Server> servers = new ArrayList<>();
    final List<Client> clients = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Room> rooms = new ArrayList<>();
    final List<Namespace> namespaces = new ArrayList<>();
    final List<Auth> auths = new ArrayList<>();
    final List<Adapter> adapters = new ArrayList<>();
    final List<AppPath> paths = new ArrayList<>();
    final Map<String, LibraryUse> libraries = new LinkedHashMap<>();
    /** The first connect handler of the file: where "no authentication" is pointed at. */
    Evidence connectHandler;

    PySioFindings(String path) {
        this.path = path;
    }

    boolean isEmpty() {
        return servers.isEmpty() && clients.isEmpty() && events.isEmpty() && rooms.isEmpty() && namespaces.isEmpty()
                && auths.isEmpty() && adapters.isEmpty() && paths.isEmpty() && libraries.isEmpty()
                && connectHandler == null;
    }
}
