package io.wsmemory.report;

import static io.wsmemory.report.SampleFacts.fact;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF output against the SARIF 2.1.0 JSON schema (src/test/resources/sarif/README.md says where it is from). */
class SarifTest {

    private static Schema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = SarifTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0-rtm.5.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
    }

    private static void assertValid(String sarif) {
        List<Error> errors = schema.validate(sarif, InputFormat.JSON);
        assertThat(errors).as(sarif).isEmpty();
    }

    private static List<Fact> findings() {
        List<Fact> f = new ArrayList<>(SampleFacts.chatApp());
        f.add(Fact.of(Kinds.FINDING, "WS-ORIGIN-ANY").value("high").evidence(Evidence.at("server/index.js", 15))
                .evidence(Evidence.at("server/config.js", 3)).attr("why", "the server accepts any Origin")
                .attr("area", "security").build());
        f.add(fact(Kinds.FINDING, "WS-AUTH-NONE", "medium", "src/my file.js", 2).attr("why", "no auth").build());
        return f;
    }

    @Test
    void findingsAreValidSarifOnTheirLines() throws Exception {
        String sarif = Sarif.toSarif(findings(), "1.2.3", "", null, "");
        assertValid(sarif);
        JsonNode run = new ObjectMapper().readTree(sarif).path("runs").path(0);
        assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("wsmemory");
        assertThat(run.path("tool").path("driver").path("rules")).extracting(r -> r.path("id").asText())
                .containsExactly("WS-AUTH-NONE", "WS-NO-RATE-LIMIT", "WS-ORIGIN-ANY", "WS-TODO");
        JsonNode results = run.path("results");
        assertThat(results).hasSize(4);
        JsonNode origin = null;
        for (JsonNode r : results) {
            if (r.path("ruleId").asText().equals("WS-ORIGIN-ANY")) {
                origin = r;
            }
            assertThat(run.path("tool").path("driver").path("rules").path(r.path("ruleIndex").asInt())
                    .path("id").asText()).isEqualTo(r.path("ruleId").asText());
        }
        assertThat(origin).isNotNull();
        assertThat(origin.path("level").asText()).isEqualTo("error");
        assertThat(origin.path("message").path("text").asText()).isEqualTo("the server accepts any Origin");
        JsonNode loc = origin.path("locations").path(0).path("physicalLocation");
        assertThat(loc.path("artifactLocation").path("uri").asText()).isEqualTo("server/index.js");
        assertThat(loc.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(loc.path("region").path("startLine").asInt()).isEqualTo(15);
        assertThat(origin.path("relatedLocations").path(0).path("physicalLocation").path("artifactLocation")
                .path("uri").asText()).isEqualTo("server/config.js");
        assertThat(sarif).contains("\"uri\": \"src/my%20file.js\"");
        assertThat(Sarif.toSarif(findings(), "1.2.3", "", null, "")).isEqualTo(sarif);
    }

    @Test
    void severitiesBecomeLevels() {
        assertThat(Sarif.level("high")).isEqualTo("error");
        assertThat(Sarif.level("medium")).isEqualTo("warning");
        assertThat(Sarif.level("low")).isEqualTo("note");
        assertThat(Sarif.level("info")).isEqualTo("note");
        assertThat(Sarif.level("whatever")).isEqualTo("warning");
        assertThat(Sarif.uri("a:b/c.js")).isEqualTo("./a:b/c.js");
    }

    @Test
    void noFindingsIsStillAValidLog() {
        assertValid(Sarif.toSarif(List.of(), null, "", null, ""));
    }

    @Test
    void driftIsValidSarifToo() throws Exception {
        MemoryWriter.write(SampleFacts.result("p", SampleFacts.chatApp()), dir, false);
        List<Fact> now = new ArrayList<>(findings());
        now.removeIf(f -> f.key().equals("chat:typing"));
        DriftReport r = DriftCheck.run(dir, SampleFacts.result("p", now));
        String sarif = Sarif.toSarif(now, "1.0", "services/chat/", r, "services/chat/memory/websocket-engineer/p/");
        assertValid(sarif);
        assertThat(sarif).contains("\"ruleId\": \"WSM-DRIFT-BREAKING\"").contains("\"uri\": \"services/chat/server/chat.js\"")
                .contains("removed event `chat:typing`");
    }
}
