package io.wsmemory.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Fact;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Human edits are never lost: random notes inserted outside the managed blocks survive any number of rescans byte
 * for byte; a note inside a block keeps the block as the human left it and is reported, by the rescan and by the
 * drift check; only {@code force} overwrites it, and even then the text outside the blocks stays.
 */
class HumanEditsPropertyTest {

    private static final Pattern MARKER = Pattern.compile("<!-- wsmemory:(begin|end) [A-Za-z0-9._-]+.*-->");
    private static final List<Fact> ALL = SampleFacts.chatApp();

    /** One rescan's facts: a random part of the sample, so that blocks change between rescans. */
    @Provide
    Arbitrary<List<Fact>> facts() {
        return Arbitraries.subsetOf(ALL).map(s -> {
            List<Fact> l = new ArrayList<>(s);
            l.sort(Fact.ORDER);
            return l;
        });
    }

    /** Whole lines a human might write: plain, unicode, blank, Markdown, marker look-alikes; \n or \r\n. */
    @Provide
    Arbitrary<String> note() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u00a0', '\ud7ff').withCharRange('\ue000', '\ufffd')
                        .withChars('\u2028', '\u0085', '\u000b', '\f').ofMaxLength(12),
                Arbitraries.of("", "   ", "\t", "## Connection Settings", "- Max payload: 1 MB — `x.js:1`", "```",
                        "<!-- a comment -->", "<!-- wsmemory:begin", "<!-- wsmemory:end -->",
                        "<!-- wsmemory:begin x sha256=zz", "Ünïcödé ✓ 日本語", "\uFEFFbom in the middle"));
        Arbitrary<String> line = Combinators.combine(text, Arbitraries.of("\n", "\r\n")).as((t, end) -> t + end)
                .filter(l -> !MARKER.matcher(l.strip()).matches());
        return line.list().ofMinSize(1).ofMaxSize(5).map(ls -> String.join("", ls));
    }

    @Provide
    Arbitrary<List<String>> notes() {
        return note().list().ofMinSize(1).ofMaxSize(4);
    }

    private static String render(List<Fact> facts, String file) {
        return Memory.render(SampleFacts.result("@acme/chat-server", facts)).file(file);
    }

    /** Line starts outside every block (as the parser sees them): a note inserted there stays outside. */
    private static List<Integer> outsidePositions(String text) {
        List<Integer> out = new ArrayList<>();
        int offset = 0;
        out.add(0);
        for (ManagedBlocks.Segment s : ManagedBlocks.parse(text).segments()) {
            if (s instanceof ManagedBlocks.Text t) {
                for (int i = 0; i < t.raw().length(); i++) {
                    if (t.raw().charAt(i) == '\n') {
                        out.add(offset + i + 1);
                    }
                }
            }
            offset += s.raw().length();
            out.add(offset);
        }
        return out.stream().distinct().toList();
    }

    /** Line starts inside the body of one block: after its begin marker, up to its end marker. */
    private static List<Integer> insidePositions(String text, String block) {
        List<Integer> out = new ArrayList<>();
        int offset = 0;
        for (ManagedBlocks.Segment s : ManagedBlocks.parse(text).segments()) {
            if (s instanceof ManagedBlocks.Block b && b.id().equals(block)) {
                int bodyStart = offset + b.beginLine().length();
                out.add(bodyStart);
                for (int i = 0; i < b.body().length(); i++) {
                    if (b.body().charAt(i) == '\n') {
                        out.add(bodyStart + i + 1);
                    }
                }
            }
            offset += s.raw().length();
        }
        return out.stream().distinct().toList();
    }

    private static String outside(String text) {
        StringBuilder b = new StringBuilder();
        for (ManagedBlocks.Segment s : ManagedBlocks.parse(text).segments()) {
            if (s instanceof ManagedBlocks.Text t) {
                b.append(t.raw());
            }
        }
        return b.toString();
    }

    private static Map<String, String> blocks(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ManagedBlocks.Block b : ManagedBlocks.parse(text).blocks()) {
            m.put(b.id(), b.raw());
        }
        return m;
    }

    private static String insert(String text, int at, String note) {
        return text.substring(0, at) + note + text.substring(at);
    }

    @Property(tries = 100)
    void notesOutsideTheBlocksSurviveEveryRescanByteForByte(
            @ForAll("facts") List<Fact> first,
            @ForAll("facts") List<Fact> second,
            @ForAll("facts") List<Fact> third,
            @ForAll("notes") List<String> notes,
            @ForAll long seed,
            @ForAll("file") String file) {
        java.util.Random random = new java.util.Random(seed);
        String text = render(first, file);
        for (List<Fact> rescan : List.of(second, third)) {
            for (String n : notes) {
                List<Integer> at = outsidePositions(text);
                text = insert(text, at.get(random.nextInt(at.size())), n);
            }
            String before = outside(text);
            String fresh = render(rescan, file);
            ManagedBlocks.Merge merge = ManagedBlocks.merge(text, fresh, false);

            assertThat(merge.kept()).isEmpty();
            assertThat(merge.problems()).isEmpty();
            assertThat(outside(merge.text())).isEqualTo(before);
            assertThat(blocks(merge.text())).isEqualTo(blocks(fresh));
            assertThat(MemoryDrift.compareFile(file, merge.text(), fresh, false)).isEmpty();
            assertThat(ManagedBlocks.merge(merge.text(), fresh, false).text()).isEqualTo(merge.text());
            text = merge.text();
        }
    }

    @Property(tries = 100)
    void aNoteInsideABlockKeepsTheBlockAndIsReportedUntilForced(
            @ForAll("facts") List<Fact> first,
            @ForAll("facts") List<Fact> second,
            @ForAll("note") String inside,
            @ForAll("note") String outsideNote,
            @ForAll long seed,
            @ForAll("file") String file) {
        java.util.Random random = new java.util.Random(seed);
        String text = render(first, file);
        List<String> ids = new ArrayList<>(blocks(text).keySet());
        String block = ids.get(random.nextInt(ids.size()));
        List<Integer> in = insidePositions(text, block);
        text = insert(text, in.get(random.nextInt(in.size())), inside);
        List<Integer> out = outsidePositions(text);
        text = insert(text, out.get(random.nextInt(out.size())), outsideNote);
        String edited = blocks(text).get(block);
        String fresh = render(second, file);
        Assume.that(!edited.equals(blocks(fresh).get(block)));

        ManagedBlocks.Merge kept = ManagedBlocks.merge(text, fresh, false);
        assertThat(kept.kept()).extracting(ManagedBlocks.Kept::id).containsExactly(block);
        assertThat(blocks(kept.text()).get(block)).isEqualTo(edited);
        for (Map.Entry<String, String> e : blocks(fresh).entrySet()) {
            if (!e.getKey().equals(block)) {
                assertThat(blocks(kept.text()).get(e.getKey())).isEqualTo(e.getValue());
            }
        }
        assertThat(outside(kept.text())).isEqualTo(outside(text));
        assertThat(MemoryDrift.compareFile(file, kept.text(), fresh, false))
                .extracting(MemoryDrift.Problem::block, MemoryDrift.Problem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(block, MemoryDrift.Kind.EDITED));

        ManagedBlocks.Merge forced = ManagedBlocks.merge(text, fresh, true);
        assertThat(forced.kept()).isEmpty();
        assertThat(blocks(forced.text())).isEqualTo(blocks(fresh));
        assertThat(outside(forced.text())).isEqualTo(outside(text));
    }

    @Property(tries = 25)
    void theWriterKeepsNotesOnDiskAcrossRescans(
            @ForAll("facts") List<Fact> first,
            @ForAll("facts") List<Fact> second,
            @ForAll("note") String note,
            @ForAll long seed) throws Exception {
        java.util.Random random = new java.util.Random(seed);
        Path dir = Files.createTempDirectory("wsmemory-props");
        try {
            MemoryWriter.write(SampleFacts.result("p", first), dir, false);
            Map<String, String> outsides = new LinkedHashMap<>();
            for (String f : Memory.FILES) {
                Path p = dir.resolve(f);
                String text = Files.readString(p, StandardCharsets.UTF_8);
                List<Integer> at = outsidePositions(text);
                text = insert(text, at.get(random.nextInt(at.size())), note);
                Files.writeString(p, text, StandardCharsets.UTF_8);
                outsides.put(f, outside(text));
            }
            WriteReport w = MemoryWriter.write(SampleFacts.result("p", second), dir, false);
            assertThat(w.kept()).isEmpty();
            for (String f : Memory.FILES) {
                String text = Files.readString(dir.resolve(f), StandardCharsets.UTF_8);
                assertThat(outside(text)).isEqualTo(outsides.get(f));
            }
            assertThat(DriftCheck.run(dir, SampleFacts.result("p", second)).inSync()).isTrue();
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<String> file() {
        return Arbitraries.of(Memory.FILES);
    }
}
