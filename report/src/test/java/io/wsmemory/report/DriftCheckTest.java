package io.wsmemory.report;

import static io.wsmemory.report.SampleFacts.fact;
import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftCheckTest {

    private static final DriftText.Fixes FIXES = new DriftText.Fixes("wsmemory scan", "wsmemory scan --force",
            "--fail-on %s");

    @TempDir
    Path dir;

    private DriftReport check(List<Fact> now) throws Exception {
        return DriftCheck.run(dir, SampleFacts.result("@acme/chat-server", now));
    }

    private void write(List<Fact> facts) throws Exception {
        MemoryWriter.write(SampleFacts.result("@acme/chat-server", facts), dir, false);
    }

    @Test
    void freshlyWrittenMemoryIsInSync() throws Exception {
        write(SampleFacts.chatApp());
        DriftReport r = check(SampleFacts.chatApp());
        assertThat(r.inSync()).isTrue();
        assertThat(r.fails(FailOn.ANY)).isFalse();
        assertThat(DriftText.body(r, FIXES, false, false)).isEmpty();
        assertThat(DriftText.summary(r, FailOn.ANY, FIXES, "m")).isEqualTo("the memory in m matches the code");
    }

    @Test
    void humanNotesOutsideTheBlocksAreNoDrift() throws Exception {
        write(SampleFacts.chatApp());
        Path f = dir.resolve(Memory.MESSAGE_SCHEMAS);
        Files.writeString(f, "Notes first.\r\n" + Files.readString(f).replace("<!-- wsmemory:begin messages.rooms",
                "Our rooms are sharded by tenant.\n\n<!-- wsmemory:begin messages.rooms") + "\nLast words");
        assertThat(check(SampleFacts.chatApp()).inSync()).isTrue();
    }

    @Test
    void factChangesFailOnAnyAndBreakingOnesOnBreaking() throws Exception {
        write(SampleFacts.chatApp());
        List<Fact> added = new ArrayList<>(SampleFacts.chatApp());
        added.add(fact(Kinds.EVENT, "chat:reaction", "in", "server/chat.js", 60).build());
        DriftReport additive = check(added);
        assertThat(additive.fails(FailOn.ANY)).isTrue();
        assertThat(additive.fails(FailOn.BREAKING)).isFalse();
        assertThat(DriftText.summary(additive, FailOn.BREAKING, FIXES, "m")).isEqualTo("the memory in m is behind the"
                + " code: 1 change (0 breaking, 1 additive); none breaking, so the check passes (--fail-on breaking);"
                + " run `wsmemory scan` to bring it up to date");

        List<Fact> removed = new ArrayList<>(SampleFacts.chatApp());
        removed.removeIf(f -> f.kind().equals(Kinds.EVENT) && f.key().equals("chat:typing"));
        DriftReport breaking = check(removed);
        assertThat(breaking.fails(FailOn.BREAKING)).isTrue();
        assertThat(DriftText.lines(breaking, FIXES)).containsExactly(
                "message_schemas.md — Event Types",
                "  BREAKING  removed  event `chat:typing` = both — server/chat.js:24",
                "                     event removed or renamed: no longer sent either way");
        assertThat(DriftText.summary(breaking, FailOn.ANY, FIXES, "m")).isEqualTo("the memory in m no longer matches"
                + " the code: 1 change (1 breaking, 0 additive); to fix it, run `wsmemory scan`, review the diff and"
                + " commit it");
    }

    @Test
    void aBlockEditedByHandFailsEvenWhenTheFactsAgree() throws Exception {
        write(SampleFacts.chatApp());
        Path f = dir.resolve(Memory.CONNECTION_PATTERNS);
        Files.writeString(f, Files.readString(f).replace("## Connection Settings\n",
                "## Connection Settings\n\nWe raised the limit for the import job.\n"));
        DriftReport r = check(SampleFacts.chatApp());
        assertThat(r.changes()).isEmpty();
        assertThat(r.fails(FailOn.BREAKING)).isTrue();
        assertThat(r.memory()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MemoryDrift.Kind.EDITED);
            assertThat(p.describe()).matches("connection_patterns\\.md:\\d+ block connection.settings"
                    + " \\(Connection Settings\\) was edited by hand");
            assertThat(p.detail()).contains("+ We raised the limit for the import job.");
        });
        assertThat(DriftText.body(r, FIXES, false, false)).contains("move your text outside the block")
                .contains("`wsmemory scan --force`");
        assertThat(DriftText.summary(r, FailOn.ANY, FIXES, "m")).contains("move hand-written text out of the blocks,"
                + " then run `wsmemory scan --force`");
    }

    @Test
    void missingFilesAndBlocksAreReported() throws Exception {
        write(SampleFacts.chatApp());
        Files.delete(dir.resolve(Memory.SCALING_CONFIG));
        Path f = dir.resolve(Memory.MESSAGE_SCHEMAS);
        String text = Files.readString(f);
        int begin = text.indexOf("<!-- wsmemory:begin messages.versioning");
        int end = text.indexOf("<!-- wsmemory:end messages.versioning -->\n") + "<!-- wsmemory:end messages.versioning -->\n".length();
        Files.writeString(f, text.substring(0, begin) + text.substring(end));
        DriftReport r = check(SampleFacts.chatApp());
        assertThat(r.memory()).extracting(MemoryDrift.Problem::kind)
                .containsExactly(MemoryDrift.Kind.BLOCK_MISSING, MemoryDrift.Kind.FILE_MISSING);
    }

    @Test
    void aBlockThatMatchesItsHashButNotTheFactsIsStale() throws Exception {
        write(SampleFacts.chatApp());
        Path f = dir.resolve(Memory.MESSAGE_SCHEMAS);
        String text = Files.readString(f);
        String body = "## Versioning\n\nWritten by another version.\n";
        String block = ManagedBlocks.block("messages.versioning", body).raw();
        int begin = text.indexOf("<!-- wsmemory:begin messages.versioning");
        int end = text.indexOf("<!-- wsmemory:end messages.versioning -->\n") + "<!-- wsmemory:end messages.versioning -->\n".length();
        Files.writeString(f, text.substring(0, begin) + block + text.substring(end));
        assertThat(check(SampleFacts.chatApp()).memory()).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(MemoryDrift.Kind.STALE));
    }

    @Test
    void exactComparisonAlsoSeesTextOutsideTheBlocks() {
        RenderedMemory m = Memory.render(SampleFacts.result("p", SampleFacts.chatApp()));
        String file = m.file(Memory.SCALING_CONFIG);
        assertThat(MemoryDrift.compare(m.files(), m, true)).isEmpty();
        Map<String, String> changed = new java.util.TreeMap<>(m.files());
        changed.put(Memory.SCALING_CONFIG, file + "extra\n");
        assertThat(MemoryDrift.compare(changed, m, false)).isEmpty();
        assertThat(MemoryDrift.compare(changed, m, true)).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(MemoryDrift.Kind.TEXT))
                .satisfies(p -> assertThat(p.detail()).contains("+ extra"));
    }
}
