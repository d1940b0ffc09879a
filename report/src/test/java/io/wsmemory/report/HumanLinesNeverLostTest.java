package io.wsmemory.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Fact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Nothing a human writes in the memory files is lost: 1,000 rounds (10 seeded histories of 100) of random edits
 * inside and outside the managed blocks, marker damage and line-ending changes, interleaved with code changes (a new
 * random part of the facts) and rescans through {@link MemoryWriter}. After every rescan each human line is still in
 * its file, or it sat in a block the previous rescan reported as kept and the user then forced; none disappears
 * silently.
 */
class HumanLinesNeverLostTest {

    private static final List<Fact> ALL = SampleFacts.chatApp();
    private static final AtomicInteger ROUNDS = new AtomicInteger();
    private static final AtomicInteger HUMAN_LINES = new AtomicInteger();
    private static final AtomicInteger CONFLICTS = new AtomicInteger();
    private static final AtomicInteger FORCED_AWAY = new AtomicInteger();
    private static final AtomicInteger LOST = new AtomicInteger();

    @AfterContainer
    static void report() throws IOException {
        Path f = Path.of("target", "hostile-suite-report.txt");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "human edits: " + ROUNDS + " rounds, " + HUMAN_LINES + " human lines written, "
                + CONFLICTS + " blocks reported as kept, " + FORCED_AWAY + " lines dropped by --force after their"
                + " block was reported, " + LOST + " lost\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** The bytes written without a sync to the device: this is about merging, and a sync per file costs seconds. */
    private static final MemoryWriter.Disk UNSYNCED = Files::write;

    private static WriteReport write(Path dir, List<Fact> facts, boolean force) throws IOException {
        return MemoryWriter.write(SampleFacts.result("chat", facts), dir, force, UNSYNCED, MemoryWriter.LOCK_WAIT);
    }

    /** A line a human wrote: unique, so it can be looked for. */
    private record Human(String file, String text) {
    }

    @Property(tries = 10, seed = "42", shrinking = ShrinkingMode.OFF)
    void everyHumanLineSurvivesOrWasReportedBeforeItWasForcedAway(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        // on tmpfs when there is one: a rename over a file flushes it on ext4, and this test renames thousands
        Path shm = Path.of("/dev/shm");
        Path dir = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "wsmemory-human")
                : Files.createTempDirectory("wsmemory-human");
        try {
            write(dir, facts(random), false);
            List<Human> humans = new ArrayList<>();
            int serial = 0;
            for (int round = 0; round < 100; round++) {
                ROUNDS.incrementAndGet();
                int edits = 1 + random.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    String file = Memory.FILES.get(random.nextInt(Memory.FILES.size()));
                    Path p = dir.resolve(file);
                    String text = Files.readString(p);
                    String line = "human " + seed + " #" + serial++ + " " + noise(random);
                    String edited = edit(text, line, random, humans, file);
                    if (edited.contains(line)) {
                        humans.add(new Human(file, line));
                        HUMAN_LINES.incrementAndGet();
                    }
                    Files.writeString(p, edited);
                }
                Map<String, String> before = read(dir);
                WriteReport r = write(dir, facts(random), false);
                assertThat(r.warnings()).allSatisfy(w -> assertThat(w).doesNotContain("human"));
                checkNothingLost(humans, before, read(dir), Set.of());
                if (r.keptEdits()) {
                    CONFLICTS.addAndGet(r.kept().size());
                    if (random.nextInt(4) == 0) { // the user reads the message and forces, at once
                        Set<String> reported = new HashSet<>();
                        r.kept().forEach(k -> reported.add(k.file() + "#" + k.block()));
                        Map<String, String> kept = read(dir);
                        write(dir, facts(random), true);
                        checkNothingLost(humans, kept, read(dir), reported);
                    }
                }
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
    }

    /**
     * Each human line of {@code before} is in {@code after}, or sat in a block named in {@code reported} (which the
     * user then forced). Lines a human deleted again are no longer looked for.
     */
    private static void checkNothingLost(List<Human> humans, Map<String, String> before, Map<String, String> after,
                                         Set<String> reported) {
        for (java.util.Iterator<Human> it = humans.iterator(); it.hasNext(); ) {
            Human h = it.next();
            String was = before.get(h.file());
            if (!was.contains(h.text())) {
                it.remove(); // the human took it out again
                continue;
            }
            if (after.get(h.file()).contains(h.text())) {
                continue;
            }
            String block = blockOf(was, h.text());
            if (block != null && reported.contains(h.file() + "#" + block)) {
                FORCED_AWAY.incrementAndGet();
                it.remove();
                continue;
            }
            LOST.incrementAndGet();
            throw new AssertionError("lost without a word: '" + h.text() + "' of " + h.file() + " (in block " + block
                    + ")\n--- before ---\n" + was + "\n--- after ---\n" + after.get(h.file()));
        }
    }

    /** The id of the managed block whose body holds {@code line}, or null when it is outside every block. */
    private static String blockOf(String text, String line) {
        for (ManagedBlocks.Block b : ManagedBlocks.parse(text).blocks()) {
            if (b.body().contains(line)) {
                return b.id();
            }
        }
        return null;
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : Memory.FILES) {
            m.put(f, Files.readString(dir.resolve(f)));
        }
        return m;
    }

    private static List<Fact> facts(Random random) {
        List<Fact> l = new ArrayList<>();
        for (Fact f : ALL) {
            if (random.nextInt(3) > 0) {
                l.add(f);
            }
        }
        l.sort(Fact.ORDER);
        return l;
    }

    private static String noise(Random random) {
        String[] bits = {"", "✓ ünïcödé", "`code`", "- bullet", "## heading", "<!-- a comment -->", "  trailing  ",
            "<!-- wsmemory:begin fake sha256=00 -->", "<!-- wsmemory:end fake -->", "\t", "| a | b |"};
        return bits[random.nextInt(bits.length)];
    }

    /** One human edit of {@code text}; may use {@code line}, or change the text around the lines already there. */
    private static String edit(String text, String line, Random random, List<Human> humans, String file) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int kind = random.nextInt(20);
        if (kind < 7) { // a note anywhere: outside the blocks, or inside one
            lines.add(random.nextInt(lines.size() + 1), line);
        } else if (kind < 10) { // a generated line rewritten
            int at = random.nextInt(lines.size());
            if (!lines.get(at).startsWith("<!-- wsmemory:")) {
                lines.set(at, line);
            } else {
                lines.add(at, line);
            }
        } else if (kind < 12) { // a note appended at the very end, without a final newline
            return text + line;
        } else if (kind < 14) { // a human line deleted again by its author
            List<Human> mine = humans.stream().filter(h -> h.file().equals(file)).toList();
            if (!mine.isEmpty()) {
                Human h = mine.get(random.nextInt(mine.size()));
                lines.removeIf(l -> l.replace("\r", "").equals(h.text()) || l.contains(h.text()));
            }
        } else if (kind < 15) { // a marker line damaged: the pair no longer matches
            List<Integer> markers = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("<!-- wsmemory:")) {
                    markers.add(i);
                }
            }
            if (!markers.isEmpty()) {
                int at = markers.get(random.nextInt(markers.size()));
                lines.set(at, lines.get(at).replace("wsmemory:", "wsmemory: "));
            }
            lines.add(random.nextInt(lines.size() + 1), line);
        } else if (kind < 17) { // the whole file checked out with CRLF, and a note
            lines.add(random.nextInt(lines.size() + 1), line);
            return String.join("\r\n", lines);
        } else { // a note with a blank line around it, Markdown style
            lines.add(random.nextInt(lines.size() + 1), "\n" + line + "\n");
        }
        return String.join("\n", lines);
    }
}
