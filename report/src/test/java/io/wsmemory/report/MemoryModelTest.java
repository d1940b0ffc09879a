package io.wsmemory.report;

import static io.wsmemory.report.SampleFacts.fact;
import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.report.MemoryModel.Group;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Groupings and the few derivations the memory makes, each stated as derived. */
class MemoryModelTest {

    private static final Fact SERVER = fact(Kinds.LIBRARY, "ws", "8.16.0", "package.json", 5).attr("role", "server")
            .build();

    private static MemoryModel model(Fact... facts) {
        return MemoryModel.of("p", List.of(facts));
    }

    @Test
    void eventsAreGroupedByDomainAttributeThenPrefixThenGeneral() {
        MemoryModel m = model(
                fact(Kinds.EVENT, "chat:message", "in", "a.js", 1).build(),
                fact(Kinds.EVENT, "chat.typing", "out", "a.js", 2).build(),
                fact(Kinds.EVENT, "/app/chat.send", "in", "A.java", 3).build(),
                fact(Kinds.EVENT, "userJoined", "out", "a.js", 4).attr("domain", "presence").build(),
                fact(Kinds.EVENT, "hello", "both", "a.js", 5).build(),
                fact(Kinds.EVENT, ":odd", "in", "a.js", 6).build());
        MemoryModel.Events events = m.messageSchemas().events();
        assertThat(events.count()).isEqualTo(6);
        assertThat(events.domains()).extracting(Group::heading)
                .containsExactly("Chat Domain (3 events)", "Presence Domain (1 event)", "General (2 events)");
        assertThat(events.domains().get(0).first()).isTrue();
        assertThat(events.domains().get(2).lines()).containsExactly(
                "- `:odd` — in — payload unknown — `a.js:6`",
                "- `hello` — both — payload unknown — `a.js:5`");
    }

    @Test
    void noAuthIsDerivedOnlyForAServerAndSaysSo() {
        assertThat(model(SERVER).connectionPatterns().issues().lines()).containsExactly(
                "- No authentication found on the handshake or messages of the `ws` server (derived: no known auth"
                        + " hook was seen; check by hand) — `package.json:5`");
        Fact client = fact(Kinds.LIBRARY, "socket.io-client", "4.7.5", "package.json", 6).attr("role", "client")
                .build();
        assertThat(model(client).connectionPatterns().issues().lines()).isEmpty();
        Fact jwt = fact(Kinds.AUTH, "jwt", "upgrade-request", "server.js", 9).attr("carrier", "query").build();
        assertThat(model(SERVER, jwt).connectionPatterns().issues().lines()).isEmpty();
        assertThat(model(SERVER, jwt).connectionPatterns().auth().lines()).containsExactly(
                "- JWT, checked on the HTTP upgrade request, sent in the query string — `server.js:9`",
                "- Allowed origins: no origin check found.");
    }

    @Test
    void anyOriginIsDerivedUnlessAFindingSaysItAlready() {
        Fact any = fact(Kinds.ORIGIN, "any", "", "server.js", 3).build();
        assertThat(model(any).connectionPatterns().issues().lines()).containsExactly(
                "- Any origin is accepted (derived from the origin policy): any web page can open a connection to"
                        + " this server — `server.js:3`");
        Fact finding = fact(Kinds.FINDING, "WS-ORIGIN-ANY", "warning", "server.js", 3).build();
        assertThat(model(any, finding).connectionPatterns().issues().lines()).containsExactly(
                "- `WS-ORIGIN-ANY` (warning) — `server.js:3`");
    }

    @Test
    void severalReplicasWithoutAdapterIsARisk() {
        Fact replicas = fact(Kinds.CAPACITY, "replicas", "3", "k8s.yaml", 7).build();
        MemoryModel.ScalingConfig s = model(replicas).scalingConfig();
        assertThat(s.architecture().lines()).first().isEqualTo("- Several instances: 3 replicas — `k8s.yaml:7`");
        assertThat(s.issues().lines()).containsExactly("- Several instances (3 replicas) and no adapter or broker"
                + " (derived): a broadcast or room message reaches only the clients of the instance that sends it"
                + " — `k8s.yaml:7`");
        Fact adapter = fact(Kinds.ADAPTER, "redis", "@socket.io/redis-adapter", "server.js", 2).build();
        assertThat(model(replicas, adapter).scalingConfig().issues().lines()).isEmpty();
        Fact one = fact(Kinds.CAPACITY, "replicas", "1", "k8s.yaml", 7).build();
        assertThat(model(one).scalingConfig().issues().lines()).isEmpty();
        assertThat(model(one).scalingConfig().architecture().lines()).first()
                .isEqualTo("- Single instance: 1 replica — `k8s.yaml:7`");
    }

    @Test
    void pollingWithoutStickySessionsIsARiskUnlessOneInstance() {
        Fact polling = fact(Kinds.TRANSPORT, "polling", "fallback", "server.js", 4).build();
        assertThat(model(polling).scalingConfig().issues().lines()).singleElement().asString()
                .startsWith("- HTTP long-polling is allowed but no sticky sessions were found (derived)")
                .endsWith("— `server.js:4`");
        Fact sticky = fact(Kinds.STICKY, "cookie", "traefik", "compose.yaml", 9).build();
        assertThat(model(polling, sticky).scalingConfig().issues().lines()).isEmpty();
        Fact one = fact(Kinds.CAPACITY, "replicas", "1", "k8s.yaml", 7).build();
        assertThat(model(polling, one).scalingConfig().issues().lines()).isEmpty();
    }

    @Test
    void diagramShowsTheTopologyFromFacts() {
        Fact replicas = fact(Kinds.CAPACITY, "replicas", "4", "k8s.yaml", 7).build();
        Fact sticky = fact(Kinds.STICKY, "ip_hash", "nginx", "nginx.conf", 3).build();
        Fact broker = fact(Kinds.BROKER, "nats", "nats:4222", "main.go", 8).build();
        assertThat(model(replicas, sticky, broker).scalingConfig().architecture().diagram()).containsExactly(
                "flowchart LR",
                "  clients([\"Clients\"])",
                "  app[\"4 instances\"]",
                "  lb[\"Load balancer, sticky: ip_hash\"]",
                "  clients --> lb",
                "  lb --> app",
                "  broker0[(\"nats broker\")]",
                "  app <--> broker0");
        assertThat(model().scalingConfig().architecture().diagram()).containsExactly(
                "flowchart LR", "  clients([\"Clients\"])", "  app[\"Server\"]", "  clients --> app");
    }

    @Test
    void findingsGoToTheFileTheyAreAbout() {
        Fact todo = fact(Kinds.FINDING, "WS-TODO", "info", "a.js", 1).attr("message", "TODO: shard rooms").build();
        Fact origin = fact(Kinds.FINDING, "WS-ORIGIN-ANY", "warning", "a.js", 2).build();
        Fact tagged = fact(Kinds.FINDING, "WS-X", "info", "a.js", 3).attr("area", "scaling").build();
        MemoryModel m = model(todo, origin, tagged);
        assertThat(m.connectionPatterns().issues().lines()).containsExactly("- `WS-ORIGIN-ANY` (warning) — `a.js:2`");
        assertThat(m.scalingConfig().issues().lines()).containsExactly(
                "- `WS-TODO` (info): TODO: shard rooms — `a.js:1`", "- `WS-X` (info) — `a.js:3`");
    }

    @Test
    void settingsWithOneKeyTwiceAreToldApartByRoleAndContext() {
        MemoryModel m = model(
                fact(Kinds.SETTING, "heartbeat.outgoing", "10000", "Ws.java", 20).unit("ms").attr("role", "server")
                        .build(),
                fact(Kinds.SETTING, "heartbeat.outgoing", "25000", "Ws.java", 31).unit("ms").attr("role", "server")
                        .attr("context", "broker-relay").build());
        assertThat(m.connectionPatterns().settings().lines()).containsExactly(
                "- Outgoing heartbeat (server): 10 s — `Ws.java:20`",
                "- Outgoing heartbeat (server, broker-relay): 25 s — `Ws.java:31`",
                "- Not found: ping interval, ping timeout, max payload, max connections.");
    }

    @Test
    void validationRulesComeFromEventAttributes() {
        Fact e = fact(Kinds.EVENT, "order:place", "in", "orders.ts", 12).attr("required", "sku,qty")
                .attr("validator", "zod").build();
        assertThat(model(e).messageSchemas().validation().lines()).containsExactly(
                "- `order:place` (in): required `sku`, `qty`; validator `zod` — `orders.ts:12`");
    }
}
