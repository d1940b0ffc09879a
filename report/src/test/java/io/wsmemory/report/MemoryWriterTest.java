package io.wsmemory.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.engine.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryWriterTest {

    @TempDir
    Path tmp;

    private static final String CP = Memory.CONNECTION_PATTERNS;

    private static ScanResult chat() {
        return SampleFacts.result("chat", SampleFacts.chatApp());
    }

    private static ScanResult chatWithout(String kind) {
        List<Fact> facts = new ArrayList<>(SampleFacts.chatApp());
        facts.removeIf(f -> f.kind().equals(kind));
        return SampleFacts.result("chat", facts);
    }

    @Test
    void writesTheThreeFilesAndTheSnapshotCreatingTheFolder() throws IOException {
        Path out = tmp.resolve("memory/websocket-engineer/chat");
        WriteReport r = MemoryWriter.write(chat(), out, false);

        assertThat(r.written()).containsExactly("connection_patterns.md", "message_schemas.md", "scaling_config.md",
                "wsmemory.json");
        assertThat(r.unchanged()).isEmpty();
        assertThat(r.keptEdits()).isFalse();
        RenderedMemory fresh = Memory.render(chat());
        for (String name : Memory.FILES) {
            assertThat(Files.readString(out.resolve(name))).isEqualTo(fresh.file(name));
        }
        assertThat(Files.readString(out.resolve("wsmemory.json"))).isEqualTo(JsonReport.toJson(chat()));
        assertThat(list(tmp)).containsExactlyInAnyOrder("memory", "memory/websocket-engineer",
                "memory/websocket-engineer/chat", "memory/websocket-engineer/chat/connection_patterns.md",
                "memory/websocket-engineer/chat/message_schemas.md", "memory/websocket-engineer/chat/scaling_config.md",
                "memory/websocket-engineer/chat/wsmemory.json");
    }

    @Test
    void aRescanWithTheSameFactsChangesNothing() throws IOException {
        MemoryWriter.write(chat(), tmp, false);
        FileTime old = FileTime.fromMillis(1_000_000L);
        for (String n : List.of(CP, "wsmemory.json")) {
            Files.setLastModifiedTime(tmp.resolve(n), old);
        }
        WriteReport r = MemoryWriter.write(chat(), tmp, false);
        assertThat(r.written()).isEmpty();
        assertThat(r.unchanged()).hasSize(4);
        assertThat(Files.getLastModifiedTime(tmp.resolve(CP))).isEqualTo(old);
        assertThat(Files.getLastModifiedTime(tmp.resolve("wsmemory.json"))).isEqualTo(old);
    }

    @Test
    void humanNotesSurviveARescanWithNewFacts() throws IOException {
        MemoryWriter.write(chatWithout("auth"), tmp, false);
        Path file = tmp.resolve(CP);
        String before = Files.readString(file);
        String notes = "Team notes: the gateway team owns this.\r\nSee runbook.\r\n\r\n";
        String withNotes = notes + before.replace("<!-- wsmemory:end connection.auth -->\n",
                "<!-- wsmemory:end connection.auth -->\n> Ask Ana before changing auth.  \n") + "Trailing note, no newline";
        Files.writeString(file, withNotes);

        WriteReport r = MemoryWriter.write(chat(), tmp, false);

        String after = Files.readString(file);
        assertThat(r.written()).contains(CP);
        assertThat(r.keptEdits()).isFalse();
        assertThat(after).startsWith(notes)
                .contains("<!-- wsmemory:end connection.auth -->\n> Ask Ana before changing auth.  \n")
                .endsWith("\nTrailing note, no newline")
                .contains("- JWT, checked in handshake middleware");
        // the text outside the blocks is byte for byte what it was
        assertThat(outside(after)).isEqualTo(outside(withNotes));
        // and blocks whose facts did not change are too
        assertThat(block(after, "connection.settings")).isEqualTo(block(withNotes, "connection.settings"));
        assertThat(block(after, "connection.auth")).isNotEqualTo(block(withNotes, "connection.auth"));
    }

    @Test
    void anEditedBlockIsKeptAndReportedAndForceOverwritesIt() throws IOException {
        MemoryWriter.write(chatWithout("auth"), tmp, false);
        Path file = tmp.resolve(CP);
        String edited = Files.readString(file).replace("## Authentication\n",
                "## Authentication\n\nAuth is done by the API gateway (hand-written).\n");
        Files.writeString(file, edited);

        WriteReport kept = MemoryWriter.write(chat(), tmp, false);
        assertThat(kept.keptEdits()).isTrue();
        assertThat(kept.kept()).containsExactly(new KeptBlock(CP, "connection.auth", "edited by hand"));
        assertThat(kept.kept().get(0).where()).isEqualTo("connection_patterns.md#connection.auth");
        assertThat(Files.readString(file)).contains("Auth is done by the API gateway (hand-written).")
                .doesNotContain("- JWT");

        WriteReport forced = MemoryWriter.write(chat(), tmp, true);
        assertThat(forced.keptEdits()).isFalse();
        assertThat(Files.readString(file)).isEqualTo(Memory.render(chat()).file(CP));
    }

    @Test
    void atomicWritesLeaveNoTemporaryFiles() throws IOException {
        MemoryWriter.write(chat(), tmp, false);
        MemoryWriter.write(chatWithout("event"), tmp, false);
        MemoryWriter.write(chat(), tmp, true);
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "connection_patterns.md", "message_schemas.md", "scaling_config.md", "wsmemory.json");
        }
    }

    @Test
    void neverWritesOutsideItsFolderNorThroughALink() throws IOException {
        Path outside = tmp.resolve("outside.md");
        Files.writeString(outside, "not yours");
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.createSymbolicLink(out.resolve(CP), outside);

        WriteReport r = MemoryWriter.write(chat(), out, false);
        assertThat(r.kept()).containsExactly(new KeptBlock(CP, null, "is a link; left alone"));
        assertThat(Files.readString(outside)).isEqualTo("not yours");
        assertThat(Files.isSymbolicLink(out.resolve(CP))).isTrue();

        WriteReport forced = MemoryWriter.write(chat(), out, true);
        assertThat(forced.written()).contains(CP);
        assertThat(Files.readString(outside)).isEqualTo("not yours");
        assertThat(Files.isSymbolicLink(out.resolve(CP))).isFalse();
        assertThat(list(tmp)).allMatch(p -> p.equals("outside.md") || p.startsWith("out"));
    }

    @Test
    void aFileThatIsNotUtf8IsLeftAloneUnlessForced() throws IOException {
        Files.write(tmp.resolve(CP), new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
        WriteReport r = MemoryWriter.write(chat(), tmp, false);
        assertThat(r.kept()).containsExactly(new KeptBlock(CP, null, "is not UTF-8; left alone"));
        assertThat(Files.readAllBytes(tmp.resolve(CP))).containsExactly(0xff, 0xfe, 'x');
        assertThat(r.written()).contains("message_schemas.md");
        MemoryWriter.write(chat(), tmp, true);
        assertThat(Files.readString(tmp.resolve(CP), StandardCharsets.UTF_8)).startsWith("<!-- wsmemory:begin");
    }

    @Test
    void aFolderThatIsAFileIsAnError() throws IOException {
        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MemoryWriter.write(chat(), file, false))
                .isInstanceOf(IOException.class);
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    private static List<String> outside(String text) {
        List<String> out = new ArrayList<>();
        for (ManagedBlocks.Segment seg : ManagedBlocks.parse(text).segments()) {
            out.add(seg instanceof ManagedBlocks.Block b ? "[" + b.id() + "]" : seg.raw());
        }
        return out;
    }

    private static String block(String text, String id) {
        for (ManagedBlocks.Block b : ManagedBlocks.parse(text).blocks()) {
            if (b.id().equals(id)) {
                return b.raw();
            }
        }
        throw new AssertionError("no block " + id);
    }

    private static List<String> list(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
