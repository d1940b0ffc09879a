package io.wsmemory.detectors.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocatedTest {

    @Test
    void yamlNodesKnowTheirLines() {
        List<Located> docs = Located.yaml("a: 1\nb:\n  - name: x\n    expr: |\n      up\n---\nc: true\n");
        assertThat(docs).hasSize(2);
        Located.Map first = docs.get(0).asMap();
        assertThat(first.keyLine("b")).isEqualTo(2);
        Located.Map item = first.get("b").items().get(0).asMap();
        assertThat(item.keyLine("name")).isEqualTo(3);
        assertThat(item.keyLine("expr")).isEqualTo(4);
        assertThat(item.text("expr")).isEqualTo("up\n");
        assertThat(docs.get(1).text("c")).isEqualTo("true");
    }

    @Test
    void aliasesAreNotExpanded() {
        StringBuilder bomb = new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(prev).append(",*").append(prev).append(",*")
                    .append(prev).append(",*").append(prev).append(",*").append(prev).append(",*").append(prev)
                    .append(",*").append(prev).append(",*").append(prev).append(",*").append(prev).append("]\n");
        }
        List<Located> docs = Located.yaml(bomb.toString());
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).get("j").items()).hasSize(9);
    }

    @Test
    void malformedInputKeepsWhatCameBeforeTheFault() {
        assertThat(Located.yaml("a: 1\n---\nb: [unclosed\n")).hasSize(1);
        assertThat(Located.json("{\"a\": ")).isEmpty();
        assertThat(Located.json("{\"a\": [1, 2,], // trailing\n \"b\": 2}").get(0).text("b")).isEqualTo("2");
        assertThat(Located.yaml("{{ .Values.x }}\nkey: [")).isEmpty();
    }

    @Test
    void deepNestingStopsInsteadOfOverflowing() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThat(Located.json(deep)).isEmpty();
    }
}
