package io.wsmemory.detectors.jakarta;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.detectors.spring.Opt;
import java.util.ArrayList;
import java.util.List;

/** What one Java file says about Jakarta WebSocket endpoints, as plain data. */
final class JakartaFindings {

    record Endpoint(Opt path, Evidence at, Opt maxMessageSize, String subprotocols) {
    }

    record Client(Evidence at, Opt path) {
    }

    record Setting(String key, Opt value, String option) {
    }

    record Auth(String mechanism, String phase, String carrier, Evidence at, String via) {
    }

    record Serialization(String key, String value, Evidence at) {
    }

    record Event(String name, String field, boolean outbound, Evidence at, String payload, String code) {
    }

    record Room(String pattern, String action, Evidence at) {
    }

    final String path;
    final List<Endpoint> endpoints = new ArrayList<>();
    final List<Client> clients = new ArrayList<>();
    final List<Setting> settings = new ArrayList<>();
    final List<Auth> auths = new ArrayList<>();
    final List<Serialization> serializations = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Room> rooms = new ArrayList<>();
    Evidence originCheck;
    String originValue;
    /** Spring's {@code ServerEndpointExporter}: the endpoints run in Boot's embedded container (Tomcat). */
    boolean exporter;
    boolean test;

    JakartaFindings(String path) {
        this.path = path;
        this.test = path.contains("/test/") || path.startsWith("test/");
    }

    boolean isEmpty() {
        return endpoints.isEmpty() && clients.isEmpty() && settings.isEmpty() && auths.isEmpty()
                && serializations.isEmpty() && events.isEmpty() && rooms.isEmpty() && originCheck == null
                && !exporter;
    }
}
