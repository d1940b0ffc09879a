package io.wsmemory.detectors.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StructuredTextTest {

    @Test
    void keepsLinesOfKeysAndValuesAcrossDocuments() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  replicas: 3
                ---
                # second
                kind: Service
                spec:
                  sessionAffinity: ClientIP
                """;
        List<YNode> docs = StructuredText.yaml(yaml).documents();
        assertThat(docs).hasSize(2);
        assertThat(docs.get(0).text("spec", "replicas")).isEqualTo("3");
        assertThat(docs.get(0).keyLine("spec", "replicas")).isEqualTo(4);
        assertThat(docs.get(1).keyLine("spec", "sessionAffinity")).isEqualTo(9);
    }

    @Test
    void aliasesShareTheAnchoredNodeAndMergeKeysWork() {
        String yaml = """
                x-base: &base
                  deploy:
                    replicas: 2
                services:
                  a:
                    <<: *base
                    image: app
                  b: *base
                """;
        YNode doc = StructuredText.yaml(yaml).documents().get(0);
        assertThat(doc.text("services", "a", "deploy", "replicas")).isEqualTo("2");
        assertThat(doc.text("services", "a", "image")).isEqualTo("app");
        assertThat(doc.text("services", "b", "deploy", "replicas")).isEqualTo("2");
        assertThat(doc.keyLine("services", "a", "deploy", "replicas")).isEqualTo(3);
    }

    @Test
    void cloudFormationTagsAreKept() {
        YNode doc = StructuredText.yaml("Desired: !Ref Count\nName: !Sub '${A}-b'\n").documents().get(0);
        assertThat(doc.at("Desired")).isInstanceOfSatisfying(YNode.Scalar.class, s -> {
            assertThat(s.value()).isEqualTo("Count");
            assertThat(s.tag()).isEqualTo("Ref"); // Jackson reports local tags without their "!"
        });
    }

    @Test
    void aBillionLaughsIsRefusedQuickly() {
        StringBuilder b = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            b.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                b.append(i == 0 ? "" : ", ").append('*').append(p);
            }
            b.append("]\n");
        }
        long start = System.nanoTime();
        StructuredText.Documents d = StructuredText.yaml(b.toString());
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
        assertThat(d.documents().size()).isLessThanOrEqualTo(1);
    }

    @Test
    void brokenYamlKeepsEarlierDocumentsAndNeverThrows() {
        StructuredText.Documents d = StructuredText.yaml("kind: A\n---\nkind: [unclosed\n");
        assertThat(d.documents()).hasSize(1);
        assertThat(d.complete()).isFalse();
        assertThat(StructuredText.yaml("\t- :\n  : : :").documents()).isEmpty();
        assertThat(StructuredText.json("{\"a\": [1, 2,").documents()).isEmpty();
    }

    @Test
    void deepNestingIsBounded() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThat(StructuredText.yaml(deep).documents()).isEmpty();
        assertThat(StructuredText.json(deep).documents()).isEmpty();
    }

    @Test
    void jsonKeepsLines() {
        YNode doc = StructuredText.json("{\n  \"apps\": [\n    {\"instances\": 4}\n  ]\n}").documents().get(0);
        assertThat(doc.seq("apps").get(0).keyLine("instances")).isEqualTo(3);
    }
}
