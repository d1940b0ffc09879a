package io.wsmemory.report;

import io.wsmemory.core.engine.ScanResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The drift check of one memory folder: the committed {@code wsmemory.json} against a fresh scan (through
 * {@link FactDiff}), and the committed Markdown against what the snapshot's facts render (through
 * {@link MemoryDrift}). Reads only; the CLI's {@code check} and the Maven {@code check} goal are front ends of it.
 */
public final class DriftCheck {

    private DriftCheck() {
    }

    /** Compares the memory in {@code memoryDir} with {@code fresh}. */
    public static DriftReport run(Path memoryDir, ScanResult fresh) throws Snapshot.SnapshotException, IOException {
        Snapshot snapshot = Snapshot.read(memoryDir);
        Map<String, String> committed = new LinkedHashMap<>();
        List<MemoryDrift.Problem> unreadable = new ArrayList<>();
        for (String name : Memory.FILES) {
            Path file = memoryDir.resolve(name);
            String problem = null;
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!a.isRegularFile()) {
                    problem = a.isSymbolicLink() ? "is a link" : "is not a regular file";
                } else {
                    committed.put(name, StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString());
                }
            } catch (NoSuchFileException e) {
                // missing: MemoryDrift reports it
            } catch (CharacterCodingException e) {
                problem = "is not UTF-8";
            }
            if (problem != null) {
                unreadable.add(MemoryDrift.unreadable(name, problem));
                committed.put(name, ""); // compared as nothing, reported as unreadable
            }
        }
        RenderedMemory expected = Memory.render(MemoryModel.of(snapshot.projectName(), snapshot.facts()));
        List<MemoryDrift.Problem> memory = new ArrayList<>(unreadable);
        for (MemoryDrift.Problem p : MemoryDrift.compare(committed, expected, false)) {
            boolean known = unreadable.stream().anyMatch(u -> u.file().equals(p.file()));
            if (!known) {
                memory.add(p);
            }
        }
        List<FactChange> changes = FactDiff.compare(snapshot.facts(), fresh.facts());
        String before = snapshot.projectName() == null ? ProjectNames.FALLBACK : snapshot.projectName();
        String after = fresh.projectName() == null ? ProjectNames.FALLBACK : fresh.projectName();
        return new DriftReport(memoryDir, before, after, changes, memory);
    }
}
