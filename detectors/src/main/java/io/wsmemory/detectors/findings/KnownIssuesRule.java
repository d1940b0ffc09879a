package io.wsmemory.detectors.findings;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.FactRule;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.api.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Known issues across libraries, read off the facts of the whole scan. Each is a {@code finding}: key = the rule id,
 * value = severity ({@code high}, {@code medium}, {@code low}), evidence = the facts that prove it (the first is the
 * place to fix), {@code attrs.why} one line, {@code attrs.area} ({@code security}, {@code connection},
 * {@code scaling}) for the memory file's Known Issues sections. Every rule needs positive evidence: a missing
 * fact alone never fires one (several instances are needed before "no adapter" matters, a library the scan read
 * before "no heartbeat" is claimed).
 *
 * <ul>
 *   <li>{@code WS-SCALE-NO-ADAPTER} (high): several instances (capacity replicas, workers or autoscale.max above
 *       1) of a WebSocket server and no cross-instance adapter or broker.</li>
 *   <li>{@code WS-INMEMORY-MULTI} (high): an in-memory adapter or channel layer and several instances.</li>
 *   <li>{@code WS-POLLING-NO-STICKY} (high): a server transport that polls (long-polling, SockJS) with several
 *       instances and no sticky sessions.</li>
 *   <li>{@code WS-PROXY-NO-UPGRADE} (high; medium when only one header is set): a proxy location for WebSockets
 *       without the {@code Upgrade}/{@code Connection} headers ({@code setting path} with {@code attrs.role=proxy},
 *       {@code attrs.upgrade=false|partial}).</li>
 *   <li>{@code WS-PROXY-TIMEOUT-SHORT} (medium): a proxy idle timeout shorter than every heartbeat interval.</li>
 *   <li>{@code WS-ORIGIN-ANY}: the server accepts any Origin: high when written ({@code *}, {@code true}),
 *       medium when it is the library's default or the fallback of an environment variable.</li>
 *   <li>{@code WS-PAYLOAD-UNLIMITED} (medium; low for a library default): a server message size limit that
 *       means "no limit" (Infinity, unlimited; 0 for ws and gorilla, -1 for coder/websocket).</li>
 *   <li>{@code WS-NO-HEARTBEAT} (medium): a WebSocket server the scan read (a server-side fact of its library
 *       besides the library itself), and no ping or heartbeat anywhere (or only zero intervals).</li>
 *   <li>{@code WS-AUTH-NONE} (medium): no authentication on the connection ({@code auth none}).</li>
 *   <li>{@code WS-TOKEN-IN-QUERY} (medium): a credential carried in the URL's query string.</li>
 * </ul>
 */
public final class KnownIssuesRule implements FactRule {

    static final Set<String> NOT_WS_LIBRARIES = Set.of("spring-boot", "express", "fastify", "koa", "flask",
            "django", "gin", "echo", "fiber");
    static final Set<String> INFRA_SERVICES = Set.of("redis", "nats", "kafka", "rabbitmq", "rabbit", "mongo",
            "mongodb", "postgres", "postgresql", "mysql", "mariadb", "nginx", "traefik", "haproxy", "envoy",
            "prometheus", "grafana", "zookeeper", "elasticsearch", "memcached", "minio", "keycloak", "jaeger");
    static final Set<String> IN_MEMORY = Set.of("in-memory", "inmemory", "memory", "local");

    private List<Fact> facts;
    private RepoContext context;

    @Override
    public String id() {
        return "findings";
    }

    @Override
    public void apply(RepoContext context) {
        this.context = context;
        this.facts = new ArrayList<>(context.facts());
        facts.sort(Comparator.naturalOrder());
        scaling();
        proxy();
        origin();
        payload();
        heartbeat();
        auth();
    }

    // ---- scaling ----------------------------------------------------------------------------------------------

    private void scaling() {
        List<Fact> servers = servers();
        List<Fact> instances = instances();
        if (servers.isEmpty() || instances.isEmpty()) {
            return;
        }
        List<Fact> inMemory = of(Kinds.ADAPTER).stream().filter(KnownIssuesRule::isInMemory).toList();
        boolean adapter = of(Kinds.ADAPTER).stream().anyMatch(f -> !isInMemory(f));
        boolean broker = !of(Kinds.BROKER).isEmpty();
        String count = describe(instances.get(0));
        if (!inMemory.isEmpty() && !adapter && !broker) {
            emit("WS-INMEMORY-MULTI", "high", "scaling", count + " but the WebSocket layer keeps its state in memory: "
                    + "rooms, presence and broadcasts stop at the instance's edge", inMemory, instances);
        } else if (!adapter && !broker) {
            emit("WS-SCALE-NO-ADAPTER", "high", "scaling", count + " and no cross-instance adapter or broker: a "
                    + "message emitted on one instance never reaches clients connected to another", instances,
                    servers.subList(0, 1));
        }
        List<Fact> polling = of(Kinds.TRANSPORT).stream()
                .filter(f -> (f.key().equals("polling") || f.key().equals("sockjs")) && !"client".equals(f.attr("role")))
                .toList();
        if (!polling.isEmpty() && of(Kinds.STICKY).isEmpty()) {
            emit("WS-POLLING-NO-STICKY", "high", "scaling", count + ", a " + polling.get(0).key()
                    + " transport and no sticky sessions: the requests of one polling session land on instances "
                    + "that do not know it", polling, instances);
        }
    }

    /** Capacity facts that say more than one instance of the application runs. */
    private List<Fact> instances() {
        List<Fact> out = new ArrayList<>();
        for (Fact f : of(Kinds.CAPACITY)) {
            if (!Set.of("replicas", "workers", "autoscale.max").contains(f.key())) {
                continue;
            }
            String service = (String.valueOf(f.attr("service")) + " " + String.valueOf(f.attr("image")))
                    .toLowerCase(Locale.ROOT);
            if (INFRA_SERVICES.stream().anyMatch(s -> service.matches(".*\\b" + s + "\\b.*"))) {
                continue;
            }
            String v = f.value();
            boolean several = v.startsWith("cpus") || v.matches("\\d+") && Long.parseLong(v) > 1;
            if (several) {
                out.add(f);
            }
        }
        return out;
    }

    private static String describe(Fact capacity) {
        String v = capacity.value().startsWith("cpus") ? "one per CPU" : capacity.value();
        String service = capacity.attr("service") == null ? "" : " of " + capacity.attr("service");
        return switch (capacity.key()) {
            case "autoscale.max" -> "autoscaling up to " + v + " instances" + service;
            case "workers" -> v + " worker processes" + service;
            default -> v + " replicas" + service;
        };
    }

    private static boolean isInMemory(Fact adapter) {
        String v = adapter.value().toLowerCase(Locale.ROOT);
        return IN_MEMORY.contains(adapter.key().toLowerCase(Locale.ROOT)) || v.contains("inmemory")
                || v.contains("in-memory") || v.contains("memorystore");
    }

    /** WebSocket server libraries of the scan (library facts with role server). */
    private List<Fact> servers() {
        List<Fact> out = new ArrayList<>();
        for (Fact f : of(Kinds.LIBRARY)) {
            if ("server".equals(f.attr("role")) && !NOT_WS_LIBRARIES.contains(f.key())) {
                out.add(f);
            }
        }
        out.sort(Comparator.comparing((Fact f) -> "import".equals(f.attr("via")) ? 0 : 1)
                .thenComparing(Comparator.naturalOrder()));
        return out;
    }

    // ---- proxies ----------------------------------------------------------------------------------------------

    private void proxy() {
        List<Fact> missing = new ArrayList<>();
        List<Fact> partial = new ArrayList<>();
        for (Fact f : of(Kinds.SETTING)) {
            if ("proxy".equals(f.attr("role")) && f.key().equals("path")) {
                if ("false".equals(f.attr("upgrade"))) {
                    missing.add(f);
                } else if ("partial".equals(f.attr("upgrade"))) {
                    partial.add(f);
                }
            }
        }
        if (!missing.isEmpty()) {
            emit("WS-PROXY-NO-UPGRADE", "high", "connection", "a proxy location for WebSockets does not pass the "
                    + "Upgrade and Connection headers: the handshake reaches the server as plain HTTP and fails",
                    missing);
        }
        if (!partial.isEmpty()) {
            emit("WS-PROXY-NO-UPGRADE", "medium", "connection", "a proxy location for WebSockets sets only one of "
                    + "the Upgrade and Connection headers", partial);
        }
        Long heartbeat = null;
        Fact beat = null;
        for (Fact f : heartbeats()) {
            long ms = millis(f);
            if (ms > 0 && (heartbeat == null || ms < heartbeat)) {
                heartbeat = ms;
                beat = f;
            }
        }
        if (heartbeat == null) {
            return;
        }
        for (Fact f : of(Kinds.SETTING)) {
            if (f.key().equals("idle.timeout") && "proxy".equals(f.attr("role"))) {
                long ms = millis(f);
                if (ms > 0 && ms < heartbeat) {
                    emit("WS-PROXY-TIMEOUT-SHORT", "medium", "connection", "the proxy closes a WebSocket idle for "
                            + seconds(ms) + ", before the first heartbeat (every " + seconds(heartbeat) + ") can keep it "
                            + "open", List.of(f), List.of(beat));
                }
            }
        }
    }

    private List<Fact> heartbeats() {
        List<Fact> out = new ArrayList<>();
        for (Fact f : of(Kinds.SETTING)) {
            if ((f.key().equals("ping.interval") || f.key().equals("heartbeat.outgoing")
                    || f.key().equals("heartbeat.incoming")) && !"proxy".equals(f.attr("role"))) {
                out.add(f);
            }
        }
        return out;
    }

    // ---- origin, payload, heartbeat, auth -----------------------------------------------------------------------

    private void origin() {
        List<Fact> written = new ArrayList<>();
        List<Fact> defaulted = new ArrayList<>();
        for (Fact f : of(Kinds.ORIGIN)) {
            if (!f.key().equals("any") || "client".equals(f.attr("role"))) {
                continue;
            }
            if (f.source() == Source.ENV) {
                emit("WS-ORIGIN-ANY", "medium", "security", "unless " + (f.attr("variable") == null
                        ? "the environment" : f.attr("variable")) + " is set at deploy time, the server accepts "
                        + "WebSocket upgrades from any Origin (cross-site WebSocket hijacking)", List.of(f));
                continue;
            }
            (f.source() == Source.DEFAULT ? defaulted : written).add(f);
        }
        if (!written.isEmpty()) {
            emit("WS-ORIGIN-ANY", "high", "security", "the server accepts WebSocket upgrades from any Origin: any web "
                    + "page can open a connection with the user's cookies (cross-site WebSocket hijacking)", written);
        }
        if (!defaulted.isEmpty()) {
            emit("WS-ORIGIN-ANY", "medium", "security", "no origin check is configured and the library accepts "
                    + "upgrades from any Origin by default", defaulted);
        }
    }

    private void payload() {
        List<Fact> written = new ArrayList<>();
        List<Fact> defaulted = new ArrayList<>();
        for (Fact f : of(Kinds.SETTING)) {
            if (!f.key().equals("payload.max") || "client".equals(f.attr("role")) || !unlimited(f)) {
                continue;
            }
            (f.source() == Source.DEFAULT ? defaulted : written).add(f);
        }
        if (!written.isEmpty()) {
            emit("WS-PAYLOAD-UNLIMITED", "medium", "security", "the message size limit is switched off: one client "
                    + "can make the server buffer a message as large as its memory", written);
        }
        if (!defaulted.isEmpty()) {
            emit("WS-PAYLOAD-UNLIMITED", "low", "security", "the library sets no message size limit by default and "
                    + "the code sets none", defaulted);
        }
    }

    private static boolean unlimited(Fact f) {
        String v = f.value().strip().toLowerCase(Locale.ROOT);
        if (v.equals("infinity") || v.equals("unlimited") || v.equals("none") || v.equals("no limit")) {
            return true;
        }
        String lib = f.library() == null ? "" : f.library();
        if (v.equals("0")) {
            return lib.equals("ws") || lib.equals("gorilla/websocket");
        }
        if (v.startsWith("-") && v.matches("-\\d+")) {
            return lib.equals("coder/websocket") || lib.equals("nhooyr.io/websocket");
        }
        return false;
    }

    private void heartbeat() {
        List<Fact> servers = servers();
        if (servers.isEmpty()) {
            return;
        }
        for (Fact f : heartbeats()) {
            if (millis(f) > 0 || !f.value().matches("-?\\d+(\\.\\d+)?")) {
                return; // a heartbeat exists (or one we cannot read: say nothing)
            }
        }
        List<Fact> read = new ArrayList<>();
        for (Fact s : servers) {
            boolean analysed = facts.stream().anyMatch(f -> !f.kind().equals(Kinds.LIBRARY)
                    && s.key().equals(f.library()) && "server".equals(f.attr("role")));
            if (analysed) {
                read.add(s);
            }
        }
        if (read.isEmpty()) {
            return;
        }
        List<Fact> zero = heartbeats();
        emit("WS-NO-HEARTBEAT", "medium", "connection", "no ping or heartbeat: a client that vanished without a "
                + "close frame keeps its connection open, and idle proxies may cut live ones", read.subList(0, 1),
                zero);
    }

    private void auth() {
        List<Fact> none = new ArrayList<>();
        List<Fact> query = new ArrayList<>();
        for (Fact f : of(Kinds.AUTH)) {
            if (f.key().equals("none")) {
                none.add(f);
                continue;
            }
            String carrier = f.attr("carrier") == null ? "" : f.attr("carrier");
            if (carrier.contains("query") || f.value().equals("query-param")) {
                query.add(f);
            }
        }
        if (!none.isEmpty()) {
            emit("WS-AUTH-NONE", "medium", "security", "no authentication on the WebSocket handshake or connection: "
                    + "anyone who can reach the endpoint can connect", none);
        }
        if (!query.isEmpty()) {
            emit("WS-TOKEN-IN-QUERY", "medium", "security", "a credential travels in the URL's query string, which "
                    + "proxies, servers and browsers write to their logs and history", query);
        }
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    private List<Fact> of(String kind) {
        List<Fact> out = new ArrayList<>();
        for (Fact f : facts) {
            if (f.kind().equals(kind)) {
                out.add(f);
            }
        }
        return out;
    }

    @SafeVarargs
    private void emit(String id, String severity, String area, String why, List<Fact>... proofs) {
        List<Evidence> evidence = new ArrayList<>();
        for (List<Fact> group : proofs) {
            for (Fact f : group) {
                for (Evidence e : f.evidence()) {
                    if (!evidence.contains(e)) {
                        evidence.add(e);
                    }
                    break; // each proving fact's primary place
                }
            }
        }
        if (evidence.isEmpty()) {
            return;
        }
        context.emit(Fact.of(Kinds.FINDING, id).value(severity).source(Source.INFERRED).confidence(Confidence.HIGH)
                .evidence(evidence).attr("why", why).attr("area", area).build());
    }

    private static long millis(Fact f) {
        String v = f.value().strip();
        if (!v.matches("\\d+(\\.\\d+)?")) {
            return -1;
        }
        double n = Double.parseDouble(v);
        if ("s".equals(f.unit())) {
            n *= 1000;
        }
        return Math.round(n);
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
