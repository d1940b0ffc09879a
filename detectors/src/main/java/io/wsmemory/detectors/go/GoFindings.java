package io.wsmemory.detectors.go;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.resolve.go.GoValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one Go file says about a WebSocket library, as plain data: facts that need the whole repository (versions
 * for defaults, whether any server exists) are made when the scan finishes.
 */
public final class GoFindings {

    /** A value read from code: normalised text, unit, how it was learned, where (the use first). */
    public record Opt(String value, String unit, Source source, Confidence confidence, String variable,
                      List<Evidence> evidence) {

        public static Opt of(GoValue v, String unit, Evidence use) {
            List<Evidence> ev = new ArrayList<>();
            ev.add(use);
            ev.addAll(v.via());
            return new Opt(v.text(), unit, v.source(), v.confidence(), v.variable(), List.copyOf(ev));
        }

        public static Opt literal(String value, Evidence use) {
            return new Opt(value, null, Source.EXPLICIT, Confidence.HIGH, null, List.of(use));
        }

        public Opt withConfidence(Confidence c) {
            return new Opt(value, unit, source, c, variable, evidence);
        }
    }

    /** A server construction (an Upgrader, Accept options) with its explicit settings. */
    public record Server(Evidence at, Map<String, Opt> settings, Opt origin, String originKey, String varName) {
    }

    /** A client construction (a Dialer, Dial options). */
    public record Client(Evidence at, Map<String, Opt> settings, boolean defaultDialer) {
    }

    /** A setting read from connection calls ({@code SetReadLimit}, deadlines, ping tickers). */
    public record Setting(String key, Opt opt, String role, String context) {
    }

    /** An origin policy beside a server's own (same host always accepted next to an allow-list). */
    public record Origin(String key, Opt opt) {
    }

    /** A field set on a construction declared in another file of the package ({@code upgrader.CheckOrigin = ...}). */
    public record Assignment(String varName, String key, Opt opt, String originKey, Opt sameHost) {
    }

    public record Route(Opt path, Evidence at) {
    }

    public record Auth(String mechanism, String phase, String carrier, List<Evidence> evidence) {
    }

    public record Event(String name, String direction, Evidence at, String payload, boolean unnamed, String code,
                        String validation, String type) {
    }

    public record Envelope(String field, String role, Evidence at, String type) {
    }

    public record Room(String pattern, String action, Evidence at) {
    }

    public record Broker(String key, Opt endpoint, List<String> channels, Evidence at, String pkg) {
    }

    public record Serialization(String key, String value, Evidence at) {
    }

    public record LibraryUse(String role, Evidence at) {
    }

    public final String path;
    public final List<LibraryUse> libraries = new ArrayList<>();
    public final List<Server> servers = new ArrayList<>();
    public final List<Client> clients = new ArrayList<>();
    public final List<Setting> settings = new ArrayList<>();
    public final List<Evidence> upgrades = new ArrayList<>();
    public final List<Route> routes = new ArrayList<>();
    public final List<Origin> origins = new ArrayList<>();
    public final List<Assignment> assignments = new ArrayList<>();
    public final List<Auth> auths = new ArrayList<>();
    /** Upgrade sites with no authentication of any kind in front of them. */
    public final List<Evidence> unauthenticated = new ArrayList<>();
    public final List<Event> events = new ArrayList<>();
    public final List<Envelope> envelopes = new ArrayList<>();
    public final List<Room> rooms = new ArrayList<>();
    public final List<Broker> brokers = new ArrayList<>();
    public final List<Serialization> serializations = new ArrayList<>();
    public final Map<String, Boolean> flags = new LinkedHashMap<>();

    public GoFindings(String path) {
        this.path = path;
    }

    public boolean isEmpty() {
        return libraries.isEmpty() && servers.isEmpty() && clients.isEmpty() && settings.isEmpty()
                && upgrades.isEmpty() && routes.isEmpty() && auths.isEmpty() && events.isEmpty()
                && envelopes.isEmpty() && rooms.isEmpty() && brokers.isEmpty() && serializations.isEmpty()
                && unauthenticated.isEmpty() && flags.isEmpty() && origins.isEmpty() && assignments.isEmpty();
    }
}
