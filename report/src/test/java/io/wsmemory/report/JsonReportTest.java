package io.wsmemory.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.engine.ScanResult;
import io.wsmemory.core.engine.ScanStats;
import io.wsmemory.core.source.SkippedFile;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    private static final Fact PING = Fact.of("setting", "ping.interval").value("25000").unit("ms").library("socket.io")
            .source(Source.DEFAULT).evidence(new Evidence("server/index.js", 12, "new Server(http)"))
            .attr("role", "server").build();
    private static final Fact EVENT = Fact.of("event", "chat:message").value("in")
            .evidence(Evidence.at("server/chat.js", 3)).build();

    @Test
    void layoutIsTheDocumentedOneWithTwoSpaceIndentAndLf() throws Exception {
        Path root = Path.of("/home/someone/repos/chat").toAbsolutePath();
        ScanResult r = new ScanResult(root, "@acme/chat", List.of(PING, EVENT),
                List.of(new SkippedFile("big.js", "larger than 2 MB"),
                        new SkippedFile("x.js", "unreadable: " + root + "/x.js is gone")),
                List.of("broken.ts"), new ScanStats(1, 2, 3, 4, 5, 6, 7890));
        StringWriter w = new StringWriter();
        JsonReport.write(r, w);
        String json = w.toString();

        assertThat(json).isEqualTo("""
                {
                  "schemaVersion": 1,
                  "project": {
                    "name": "@acme/chat",
                    "folder": "acme-chat"
                  },
                  "facts": [
                    {
                      "kind": "event",
                      "key": "chat:message",
                      "value": "in",
                      "source": "explicit",
                      "confidence": "high",
                      "evidence": [
                        {
                          "path": "server/chat.js",
                          "line": 3
                        }
                      ]
                    },
                    {
                      "kind": "setting",
                      "key": "ping.interval",
                      "value": "25000",
                      "unit": "ms",
                      "library": "socket.io",
                      "source": "default",
                      "confidence": "high",
                      "evidence": [
                        {
                          "path": "server/index.js",
                          "line": 12,
                          "snippet": "new Server(http)"
                        }
                      ],
                      "attrs": {
                        "role": "server"
                      }
                    }
                  ],
                  "skipped": [
                    {
                      "path": "big.js",
                      "reason": "larger than 2 MB"
                    },
                    {
                      "path": "x.js",
                      "reason": "unreadable: x.js is gone"
                    }
                  ],
                  "partiallyParsed": [
                    "broken.ts"
                  ]
                }
                """);
        assertThat(json).doesNotContain("\r").doesNotContain("/home/someone").doesNotContain("7890");
    }

    @Test
    void emptyScanHasEmptyArrays() {
        String json = JsonReport.toJson(SampleFacts.result("x", List.of()));
        assertThat(json).contains("\"facts\": [],\n").contains("\"skipped\": [],\n")
                .endsWith("\"partiallyParsed\": []\n}\n");
    }

    @Test
    void sameFactsInAnyOrderGiveTheSameBytes() throws Exception {
        List<Fact> facts = new ArrayList<>(SampleFacts.chatApp());
        String a = JsonReport.toJson(SampleFacts.result("chat", facts));
        Collections.reverse(facts);
        String b = JsonReport.toJson(SampleFacts.result("chat", facts));
        assertThat(b).isEqualTo(a);
        JsonNode node = new ObjectMapper().readTree(a);
        assertThat(node.get("facts")).hasSize(facts.size());
        assertThat(node.get("facts").get(0).fieldNames()).toIterable().first().isEqualTo("kind");
    }

    @Test
    void doesNotCloseTheWriter() throws Exception {
        StringWriter w = new StringWriter() {
            @Override
            public void close() {
                throw new AssertionError("closed");
            }
        };
        JsonReport.write(SampleFacts.result("x", List.of()), w);
        assertThat(w.toString()).endsWith("}\n");
    }
}
