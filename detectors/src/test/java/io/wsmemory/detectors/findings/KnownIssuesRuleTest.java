package io.wsmemory.detectors.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.FactRule;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.Source;
import io.wsmemory.detectors.monitoring.ScanHelper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownIssuesRuleTest {

    @TempDir
    Path dir;

    private static final Fact SERVER = Fact.of(Kinds.LIBRARY, "socket.io").value("4.7.5").library("socket.io")
            .evidence(Evidence.at("server.js", 1)).attr("role", "server").attr("via", "import").build();
    private static final Fact PING = Fact.of(Kinds.SETTING, "ping.interval").value("25000").unit("ms")
            .library("socket.io").source(Source.DEFAULT).evidence(Evidence.at("server.js", 5)).attr("role", "server")
            .build();

    private List<Fact> findings(Fact... given) {
        return ScanHelper.in(dir).scan(List.<Detector>of(ScanHelper.emitting(Arrays.asList(given))),
                List.<FactRule>of(new KnownIssuesRule())).facts().stream()
                .filter(f -> f.kind().equals(Kinds.FINDING)).toList();
    }

    private static List<String> lines(List<Fact> facts) {
        return ScanHelper.lines(facts);
    }

    private static Fact capacity(String key, String value, String service, String path) {
        return Fact.of(Kinds.CAPACITY, key).value(value).evidence(Evidence.at(path, 6)).attr("service", service)
                .build();
    }

    @Test
    void severalReplicasWithoutAdapterOrBroker() {
        List<Fact> found = findings(SERVER, PING, capacity("replicas", "3", "chat", "k8s/chat.yaml"));
        assertThat(lines(found)).containsExactly("finding WS-SCALE-NO-ADAPTER=high @k8s/chat.yaml:6");
        assertThat(found.get(0).evidence()).extracting(Evidence::location)
                .containsExactly("k8s/chat.yaml:6", "server.js:1");
        assertThat(found.get(0).attr("area")).isEqualTo("scaling");
        assertThat(found.get(0).attr("why")).startsWith("3 replicas of chat and no cross-instance adapter");
    }

    @Test
    void anAdapterABrokerOrOneInstanceSilencesIt() {
        Fact adapter = Fact.of(Kinds.ADAPTER, "redis").value("@socket.io/redis-adapter")
                .evidence(Evidence.at("server.js", 9)).build();
        Fact broker = Fact.of(Kinds.BROKER, "nats").value("nats:4222").evidence(Evidence.at("pub.js", 2)).build();
        Fact three = capacity("replicas", "3", "chat", "k8s/chat.yaml");
        assertThat(findings(SERVER, PING, three, adapter)).isEmpty();
        assertThat(findings(SERVER, PING, three, broker)).isEmpty();
        assertThat(findings(SERVER, PING, capacity("replicas", "1", "chat", "k8s/chat.yaml"))).isEmpty();
        assertThat(findings(SERVER, PING, capacity("replicas", "3", "redis-slave", "k8s/redis.yaml"))).isEmpty();
        assertThat(findings(PING, three)).as("no WebSocket server").isEmpty();
    }

    @Test
    void perCpuWorkersAndAutoscalingCount() {
        assertThat(lines(findings(SERVER, PING, capacity("replicas", "cpus", null, "ecosystem.config.js"))))
                .containsExactly("finding WS-SCALE-NO-ADAPTER=high @ecosystem.config.js:6");
        assertThat(lines(findings(SERVER, PING, capacity("autoscale.max", "10", "chat", "k8s/hpa.yaml"))))
                .containsExactly("finding WS-SCALE-NO-ADAPTER=high @k8s/hpa.yaml:6");
    }

    @Test
    void inMemoryLayerWithSeveralInstances() {
        Fact layer = Fact.of(Kinds.ADAPTER, "in-memory").value("channels.layers.InMemoryChannelLayer")
                .evidence(Evidence.at("settings.py", 20)).build();
        assertThat(lines(findings(SERVER, PING, layer, capacity("workers", "4", null, "Procfile"))))
                .containsExactly("finding WS-INMEMORY-MULTI=high @settings.py:20");
    }

    @Test
    void pollingWithoutStickySessions() {
        Fact polling = Fact.of(Kinds.TRANSPORT, "polling").value("fallback").source(Source.DEFAULT)
                .evidence(Evidence.at("server.js", 5)).attr("role", "server").build();
        Fact adapter = Fact.of(Kinds.ADAPTER, "redis").value("x").evidence(Evidence.at("server.js", 9)).build();
        Fact three = capacity("replicas", "3", "chat", "k8s/chat.yaml");
        assertThat(lines(findings(SERVER, PING, adapter, polling, three)))
                .containsExactly("finding WS-POLLING-NO-STICKY=high @server.js:5");
        Fact sticky = Fact.of(Kinds.STICKY, "cookie").value("io").evidence(Evidence.at("haproxy.cfg", 3)).build();
        assertThat(findings(SERVER, PING, adapter, polling, three, sticky)).isEmpty();
        Fact clientPolling = Fact.of(Kinds.TRANSPORT, "polling").value("fallback")
                .evidence(Evidence.at("web.js", 5)).attr("role", "client").build();
        assertThat(findings(SERVER, PING, adapter, clientPolling, three)).isEmpty();
    }

    @Test
    void proxyWithoutUpgradeHeadersOrWithAShortTimeout() {
        Fact missing = Fact.of(Kinds.SETTING, "path").value("/ws").evidence(Evidence.at("nginx.conf", 12))
                .attr("role", "proxy").attr("upgrade", "false").build();
        Fact partial = Fact.of(Kinds.SETTING, "path").value("/socket.io/").evidence(Evidence.at("nginx.conf", 20))
                .attr("role", "proxy").attr("upgrade", "partial").build();
        Fact ok = Fact.of(Kinds.SETTING, "path").value("/live").evidence(Evidence.at("nginx.conf", 30))
                .attr("role", "proxy").attr("upgrade", "true").build();
        Fact timeout = Fact.of(Kinds.SETTING, "idle.timeout").value("10000").unit("ms")
                .evidence(Evidence.at("nginx.conf", 14)).attr("role", "proxy").build();
        Fact longTimeout = Fact.of(Kinds.SETTING, "idle.timeout").value("60000").unit("ms")
                .source(Source.DEFAULT).evidence(Evidence.at("nginx.conf", 20)).attr("role", "proxy").build();
        List<Fact> found = findings(SERVER, PING, missing, partial, ok, timeout, longTimeout);
        assertThat(lines(found)).containsExactlyInAnyOrder(
                "finding WS-PROXY-NO-UPGRADE=high @nginx.conf:12",
                "finding WS-PROXY-NO-UPGRADE=medium @nginx.conf:20",
                "finding WS-PROXY-TIMEOUT-SHORT=medium @nginx.conf:14");
        Fact shortFinding = found.stream().filter(f -> f.key().equals("WS-PROXY-TIMEOUT-SHORT")).findFirst()
                .orElseThrow();
        assertThat(shortFinding.evidence()).extracting(Evidence::location)
                .containsExactly("nginx.conf:14", "server.js:5");
        assertThat(shortFinding.attr("why")).contains("10 s").contains("25 s");
    }

    @Test
    void anyOriginBySource() {
        Fact explicit = Fact.of(Kinds.ORIGIN, "any").value("*").evidence(Evidence.at("a.js", 3))
                .attr("role", "server").build();
        Fact env = Fact.of(Kinds.ORIGIN, "any").value("*").source(Source.ENV).evidence(Evidence.at("b.js", 3))
                .attr("variable", "CORS_ORIGIN").attr("role", "server").build();
        Fact byDefault = Fact.of(Kinds.ORIGIN, "any").value("").source(Source.DEFAULT)
                .evidence(Evidence.at("c.js", 3)).attr("role", "server").build();
        Fact client = Fact.of(Kinds.ORIGIN, "any").value("*").evidence(Evidence.at("d.js", 3))
                .attr("role", "client").build();
        List<Fact> found = findings(SERVER, PING, explicit, env, byDefault, client);
        assertThat(lines(found)).containsExactlyInAnyOrder(
                "finding WS-ORIGIN-ANY=high @a.js:3",
                "finding WS-ORIGIN-ANY=medium @b.js:3",
                "finding WS-ORIGIN-ANY=medium @c.js:3");
        assertThat(found).filteredOn(f -> f.primaryEvidence().path().equals("b.js")).first()
                .extracting(f -> f.attr("why")).asString().startsWith("unless CORS_ORIGIN is set");
    }

    @Test
    void unlimitedPayloadDependsOnTheLibrary() {
        Fact wsZero = Fact.of(Kinds.SETTING, "payload.max").value("0").library("ws").evidence(Evidence.at("a.js", 2))
                .attr("role", "server").build();
        Fact sioZero = Fact.of(Kinds.SETTING, "payload.max").value("0").library("socket.io")
                .evidence(Evidence.at("b.js", 2)).attr("role", "server").build();
        Fact infinite = Fact.of(Kinds.SETTING, "payload.max").value("Infinity").library("socket.io")
                .evidence(Evidence.at("c.js", 2)).attr("role", "server").build();
        Fact gorillaDefault = Fact.of(Kinds.SETTING, "payload.max").value("unlimited").library("gorilla/websocket")
                .source(Source.DEFAULT).evidence(Evidence.at("d.go", 2)).attr("role", "server").build();
        Fact clientSide = Fact.of(Kinds.SETTING, "payload.max").value("0").library("ws")
                .evidence(Evidence.at("e.js", 2)).attr("role", "client").build();
        assertThat(lines(findings(SERVER, PING, wsZero, sioZero, infinite, gorillaDefault, clientSide)))
                .containsExactlyInAnyOrder(
                        "finding WS-PAYLOAD-UNLIMITED=medium @a.js:2",
                        "finding WS-PAYLOAD-UNLIMITED=low @d.go:2");
    }

    @Test
    void noHeartbeatOnlyForAServerTheScanRead() {
        Fact ws = Fact.of(Kinds.LIBRARY, "ws").value("8.17.1").library("ws").evidence(Evidence.at("package.json", 3))
                .attr("role", "server").build();
        Fact wsSetting = Fact.of(Kinds.SETTING, "payload.max").value("1024").library("ws")
                .evidence(Evidence.at("server.js", 4)).attr("role", "server").build();
        assertThat(findings(ws)).as("only the manifest: the code was not read").isEmpty();
        Fact clientOnly = Fact.of(Kinds.RECONNECT, "enabled").value("true").library("ws")
                .evidence(Evidence.at("client.js", 2)).attr("role", "client").build();
        assertThat(findings(ws, clientOnly)).as("the code read was a client").isEmpty();
        assertThat(lines(findings(ws, wsSetting))).containsExactly("finding WS-NO-HEARTBEAT=medium @package.json:3");
        Fact zero = Fact.of(Kinds.SETTING, "heartbeat.outgoing").value("0").library("ws")
                .evidence(Evidence.at("server.js", 8)).build();
        assertThat(findings(ws, wsSetting, zero).get(0).evidence()).extracting(Evidence::location)
                .containsExactly("package.json:3", "server.js:8");
        Fact clientPing = Fact.of(Kinds.SETTING, "ping.interval").value("20000").library("ws")
                .evidence(Evidence.at("client.js", 8)).attr("role", "client").build();
        assertThat(findings(ws, wsSetting, clientPing)).isEmpty();
        Fact envPing = Fact.of(Kinds.SETTING, "ping.interval").value("").source(Source.ENV).library("ws")
                .evidence(Evidence.at("server.js", 9)).attr("variable", "PING").build();
        assertThat(findings(ws, wsSetting, envPing)).as("an interval we cannot read is not its absence").isEmpty();
    }

    @Test
    void authFindings() {
        Fact none = Fact.of(Kinds.AUTH, "none").value("none").source(Source.INFERRED)
                .evidence(Evidence.at("server.js", 10)).build();
        Fact query = Fact.of(Kinds.AUTH, "jwt").value("handshake-middleware").evidence(Evidence.at("auth.js", 4))
                .attr("carrier", "query").build();
        Fact legacy = Fact.of(Kinds.AUTH, "token").value("query-param").evidence(Evidence.at("auth.go", 7)).build();
        Fact header = Fact.of(Kinds.AUTH, "jwt").value("upgrade-request").evidence(Evidence.at("auth.js", 9))
                .attr("carrier", "header").build();
        List<Fact> found = findings(SERVER, PING, none, query, legacy, header);
        assertThat(lines(found)).containsExactlyInAnyOrder(
                "finding WS-AUTH-NONE=medium @server.js:10",
                "finding WS-TOKEN-IN-QUERY=medium @auth.js:4");
        Fact token = found.stream().filter(f -> f.key().equals("WS-TOKEN-IN-QUERY")).findFirst().orElseThrow();
        assertThat(token.evidence()).extracting(Evidence::location).containsExactly("auth.js:4", "auth.go:7");
    }

    @Test
    void nothingFromNothing() {
        assertThat(findings()).isEmpty();
        List<Fact> onlyServer = new ArrayList<>(findings(SERVER, PING));
        assertThat(onlyServer).isEmpty();
    }
}
