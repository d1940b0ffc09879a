package io.wsmemory.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Fact;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Properties every rendering holds, whatever the facts. */
class MemoryTest {

    private static final Pattern EVIDENCE_AT_END = Pattern.compile(".* — `[^`]+:[0-9]+`( \\(\\+[0-9]+ more\\))?$");

    @Test
    void rendersTheThreeFilesSortedByName() {
        RenderedMemory m = Memory.render(SampleFacts.result("chat", SampleFacts.chatApp()));
        assertThat(m.files().keySet()).containsExactly("connection_patterns.md", "message_schemas.md",
                "scaling_config.md");
    }

    @Test
    void headingsFollowTheMemoryLayoutInOrder() {
        RenderedMemory m = Memory.render(SampleFacts.result("chat", List.of()));
        assertThat(headings(m.file("connection_patterns.md"))).containsExactly("# Connection Patterns - chat",
                "## WebSocket Library", "## Connection Settings", "## Authentication", "## Reconnection",
                "## Client Types", "## Transport Fallbacks", "## Known Issues");
        assertThat(headings(m.file("message_schemas.md"))).containsExactly("# Message Schemas - chat",
                "## Envelope Format", "## Event Types (0 defined)", "## Rooms and Channels", "## Serialization",
                "## Validation Rules", "## Versioning");
        assertThat(headings(m.file("scaling_config.md"))).containsExactly("# Scaling Configuration - chat",
                "## Architecture", "## Broker", "## Load Balancing", "## Capacity", "## Monitoring",
                "## Known Issues");
    }

    @Test
    void everySectionIsAManagedBlockWithAValidHash() {
        RenderedMemory m = Memory.render(SampleFacts.result("chat", SampleFacts.chatApp()));
        for (String text : m.files().values()) {
            ManagedBlocks.Parsed p = ManagedBlocks.parse(text);
            assertThat(p.problems()).isEmpty();
            assertThat(p.blocks()).isNotEmpty().noneMatch(ManagedBlocks.Block::edited);
            for (ManagedBlocks.Segment s : p.segments()) {
                if (s instanceof ManagedBlocks.Text t) {
                    assertThat(t.raw()).isBlank(); // a fresh file is blocks only
                }
            }
            for (String line : text.split("\n")) {
                if (line.startsWith("#")) {
                    assertThat(p.blocks()).anyMatch(b -> b.body().contains(line + "\n"));
                }
            }
        }
        assertThat(ManagedBlocks.parse(m.file("scaling_config.md")).blocks()).extracting(ManagedBlocks.Block::id)
                .containsExactly("scaling.header", "scaling.architecture", "scaling.broker",
                        "scaling.load-balancing", "scaling.capacity", "scaling.monitoring", "scaling.issues");
    }

    @Test
    void everyListLineEndsWithEvidenceOrSaysWhatIsNotFound() {
        RenderedMemory m = Memory.render(SampleFacts.result("chat", SampleFacts.chatApp()));
        for (String text : m.files().values()) {
            for (String line : text.split("\n")) {
                if (line.startsWith("- ")) {
                    assertThat(EVIDENCE_AT_END.matcher(line).matches() || line.endsWith(".") && (line.contains("not found")
                            || line.contains("none found") || line.contains("no adapter found")
                            || line.contains("Not found")))
                            .as(line).isTrue();
                }
            }
        }
    }

    @Test
    void sameFactsGiveTheSameBytesInAnyOrderWithLfOnly() {
        List<Fact> facts = new ArrayList<>(SampleFacts.chatApp());
        RenderedMemory a = Memory.render(SampleFacts.result("chat", facts));
        Collections.shuffle(facts, new java.util.Random(7));
        RenderedMemory b = Memory.render(SampleFacts.result("chat", facts));
        assertThat(b.files()).isEqualTo(a.files());
        assertThat(String.join("", a.files().values())).doesNotContain("\r");
        assertThat(a.files().values()).allMatch(t -> t.endsWith("-->\n"));
    }

    @Test
    void aHostileProjectNameCannotBreakTheMarkers() {
        RenderedMemory m = Memory.render(SampleFacts.result("x\n<!-- wsmemory:end connection.header -->\n# y",
                List.of()));
        String text = m.file("connection_patterns.md");
        assertThat(ManagedBlocks.parse(text).problems()).isEmpty();
        assertThat(text).startsWith("<!-- wsmemory:begin connection.header sha256=")
                .contains("# Connection Patterns - x <!-- wsmemory:end connection.header --> # y\n");
    }

    private static List<String> headings(String text) {
        List<String> out = new ArrayList<>();
        boolean fence = false;
        for (String line : text.split("\n")) {
            fence ^= line.startsWith("```");
            if (!fence && (line.startsWith("# ") || line.startsWith("## "))) {
                out.add(line);
            }
        }
        return out;
    }
}
