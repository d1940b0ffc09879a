package io.wsmemory.detectors.ws;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import io.wsmemory.detectors.js.JsOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one file says about raw WebSockets, as plain data; facts are made when the scan finishes. */
final class WsFindings {

    enum Side { SERVER, CLIENT }

    record Server(Evidence at, Map<String, JsOption> options) {
    }

    /** A client construction: ws in Node, the browser's WebSocket, or a reconnecting wrapper. */
    record Client(Evidence at, Map<String, JsOption> options, String kind, String why, String wrapper, boolean node) {
    }

    record Auth(String mechanism, String phase, String carrier, Evidence at) {
    }

    record Origin(String key, String value, Evidence at) {
    }

    /** A setting fact as found (heartbeat interval, a reconnect delay of a hand-written loop). */
    record Setting(String kind, String key, String value, String unit, Source source, List<Evidence> evidence,
                   String role, String note) {
    }

    record Envelope(String field, boolean discriminator, Evidence at, Side side) {
    }

    /** {@code declaredOnly}: a declared message type whose name does not say its direction. */
    record Event(String name, Side side, boolean sent, Evidence at, String payload, boolean declaredOnly) {
    }

    record Serialization(String key, String value, Source source, Evidence at, Side side) {
    }

    record LibraryUse(String id, String role, Evidence at) {
    }

    final String path;
    final List<Server> servers = new ArrayList<>();
    final List<Client> clients = new ArrayList<>();
    final List<Auth> auths = new ArrayList<>();
    final List<Origin> origins = new ArrayList<>();
    final List<Setting> settings = new ArrayList<>();
    final List<Envelope> envelopes = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Serialization> serializations = new ArrayList<>();
    final List<LibraryUse> libraries = new ArrayList<>();

    WsFindings(String path) {
        this.path = path;
    }

    boolean isEmpty() {
        return servers.isEmpty() && clients.isEmpty() && auths.isEmpty() && origins.isEmpty() && settings.isEmpty()
                && envelopes.isEmpty() && events.isEmpty() && serializations.isEmpty() && libraries.isEmpty();
    }
}
