package io.wsmemory.detectors.monitoring.debt;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.FactRule;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.detectors.monitoring.ScanHelper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TechnicalDebtRuleTest {

    @TempDir
    Path dir;

    @Test
    void commentsByLanguageSkipStrings() {
        assertThat(CommentScanner.comments("a.js", "const s = \"// TODO not\"; // TODO yes\nconst t = `\n// TODO in template\n`;\n/* a\n FIXME b */\n"))
                .extracting(c -> c.line() + ":" + c.text().strip())
                .containsExactly("1:TODO yes", "5:a", "6:FIXME b");
        assertThat(CommentScanner.comments("a.py", "s = '# TODO no'\n\"\"\"\n# TODO docstring\n\"\"\"\nx = 1  # TODO: yes\n"))
                .extracting(c -> c.line() + ":" + c.text().strip())
                .containsExactly("5:TODO: yes");
        assertThat(CommentScanner.comments("a.vue", "<template><!-- TODO: markup --></template>\n<script>\n// HACK: js\n</script>\n"))
                .extracting(c -> c.line() + ":" + c.text().strip())
                .containsExactly("1:TODO: markup", "3:HACK: js");
        assertThat(CommentScanner.comments("nginx.conf", "location /ws { # XXX tune\n}\n"))
                .extracting(c -> c.line() + ":" + c.text().strip()).containsExactly("1:XXX tune");
        assertThat(CommentScanner.comments("data.json", "{\"a\": \"// TODO\"}")).isEmpty();
    }

    @Test
    void onlyFilesThatAreEvidenceOfWebSocketFactsAndOnlyMarkersThatOpenAComment() {
        List<Fact> given = List.of(
                Fact.of(Kinds.EVENT, "chat").value("in").evidence(Evidence.at("src/ws.ts", 3)).build(),
                Fact.of(Kinds.LIBRARY, "ws").value("8").evidence(Evidence.at("package.json", 2)).build(),
                Fact.of(Kinds.CAPACITY, "replicas").value("3").evidence(Evidence.at("k8s/d.yaml", 1)).build(),
                Fact.of(Kinds.BROKER, "redis").value("redis:6379").evidence(Evidence.at("compose.yml", 1)).build());
        List<String> lines = ScanHelper.in(dir)
                .file("src/ws.ts", "// TODO(me): handle backpressure\n// see the TODO list\n/** @todo reconnect */\n// TODOS are fine\n")
                .file("package.json", "{\"x\": 1}\n")
                .file("k8s/d.yaml", "# TODO: more replicas\n")
                .file("compose.yml", "# FIXME: password\n")
                .lines(List.<Detector>of(ScanHelper.emitting(given)), List.<FactRule>of(new TechnicalDebtRule()),
                        Kinds.FINDING);
        assertThat(lines).containsExactlyInAnyOrder(
                "finding WS-DEBT-TODO=info @src/ws.ts:1",
                "finding WS-DEBT-TODO=info @src/ws.ts:3");
    }

    @Test
    void theTextIsCutAndMarked() {
        String longText = "x".repeat(300);
        List<Fact> facts = ScanHelper.in(dir)
                .file("a.go", "package a\n// FIXME: " + longText + "\n")
                .scan(List.<Detector>of(ScanHelper.emitting(List.of(Fact.of(Kinds.SETTING, "ping.interval")
                        .value("1000").evidence(Evidence.at("a.go", 1)).build()))),
                        List.<FactRule>of(new TechnicalDebtRule()))
                .facts().stream().filter(f -> f.kind().equals(Kinds.FINDING)).toList();
        assertThat(facts).hasSize(1);
        assertThat(facts.get(0).attr("text")).hasSize(160).startsWith("FIXME: xxx").endsWith("…");
        assertThat(facts.get(0).attr("marker")).isEqualTo("FIXME");
    }
}
