package io.wsmemory.report;

import io.wsmemory.core.engine.ScanResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the memory of a scan into one folder: the three Markdown files, merged with what is already there (managed
 * blocks, see {@link ManagedBlocks}), and the {@code wsmemory.json} fact snapshot. Each file is written atomically:
 * a temporary file in the same folder, then a rename over the old one, so a crash never leaves half a file. Nothing
 * is written outside the folder, and an existing link in it is replaced, never followed.
 */
public final class MemoryWriter {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** How long a writer waits for another one that writes the same folder. */
    public static final Duration LOCK_WAIT = Duration.ofSeconds(10);

    /**
     * Puts bytes into a new file and makes them durable. A seam: tests put a full disk or a slow one here.
     */
    @FunctionalInterface
    public interface Disk {
        /** The real one: the bytes written and synced to the device. */
        Disk FILES = (file, bytes) -> {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
        };

        void write(Path file, byte[] bytes) throws IOException;
    }

    private MemoryWriter() {
    }

    /**
     * Writes or updates the memory files of {@code result} in {@code outDir}, creating it. With {@code force}, blocks
     * edited by hand are overwritten too; text outside the blocks is kept either way.
     */
    public static WriteReport write(ScanResult result, Path outDir, boolean force) throws IOException {
        return write(result, outDir, force, Disk.FILES, LOCK_WAIT);
    }

    /**
     * As {@link #write(ScanResult, Path, boolean)}, with the bytes written through {@code disk} and a wait of at most
     * {@code lockWait} for another writer of the same folder.
     *
     * @throws MemoryBusyException when another wsmemory still writes the folder after {@code lockWait}
     */
    public static WriteReport write(ScanResult result, Path outDir, boolean force, Disk disk, Duration lockWait)
            throws IOException {
        Path dir = outDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        try (OutputLock lock = OutputLock.acquire(dir, lockWait)) {
            return writeLocked(result, outDir, dir, force, disk);
        }
    }

    private static WriteReport writeLocked(ScanResult result, Path outDir, Path dir, boolean force, Disk disk)
            throws IOException {
        RenderedMemory fresh = Memory.render(result);
        Map<String, String> contents = new LinkedHashMap<>(fresh.files());
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<KeptBlock> kept = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        for (Map.Entry<String, String> e : contents.entrySet()) {
            String name = e.getKey();
            Path target = inside(dir, name);
            String text = e.getValue();
            Existing old = read(target);
            if (old.problem() != null) {
                if (!force) {
                    kept.add(new KeptBlock(name, null, old.problem()));
                    continue;
                }
            } else if (old.text() != null) {
                ManagedBlocks.Merge merge = ManagedBlocks.merge(old.text(), text, force);
                text = merge.text();
                for (ManagedBlocks.Kept k : merge.kept()) {
                    kept.add(new KeptBlock(name, k.id(), k.reason().text));
                }
                merge.removed().forEach(id -> removed.add(name + "#" + id));
                merge.problems().forEach(p -> warnings.add(name + ": " + p));
                if (text.equals(old.text())) {
                    unchanged.add(name);
                    continue;
                }
            }
            atomicWrite(dir, target, text, disk);
            written.add(name);
        }

        Path snapshot = inside(dir, Memory.SNAPSHOT);
        String json = JsonReport.toJson(result);
        Existing old = read(snapshot);
        if (old.problem() == null && json.equals(old.text())) {
            unchanged.add(Memory.SNAPSHOT);
        } else {
            atomicWrite(dir, snapshot, json, disk);
            written.add(Memory.SNAPSHOT);
        }
        return new WriteReport(outDir, written, unchanged, kept, removed, warnings);
    }

    /** A file of the folder by name; a name that would leave the folder is a bug, not an input. */
    private static Path inside(Path dir, String name) {
        Path p = dir.resolve(name).normalize();
        if (!dir.equals(p.getParent())) {
            throw new IllegalArgumentException("not a file name: " + name);
        }
        return p;
    }

    /** An existing file's text, null when there is none, or why it must not be merged. */
    private record Existing(String text, String problem) {
    }

    private static Existing read(Path target) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return new Existing(null, null);
        }
        if (attrs.isSymbolicLink()) {
            return new Existing(null, "is a link; left alone");
        }
        if (!attrs.isRegularFile()) {
            return new Existing(null, "is not a regular file; left alone");
        }
        byte[] bytes = Files.readAllBytes(target);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new Existing(text, null);
        } catch (CharacterCodingException e) {
            return new Existing(null, "is not UTF-8; left alone");
        }
    }

    /** A temporary file beside the target, synced, then renamed over it; the temporary file never stays. */
    static void atomicWrite(Path dir, Path target, String text, Disk disk) throws IOException {
        Path tmp = createTemp(dir, target.getFileName().toString());
        try {
            disk.write(tmp, text.getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A new file with the folder's usual permissions (not the owner-only ones of {@code createTempFile}). */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            byte[] r = new byte[6];
            RANDOM.nextBytes(r);
            Path tmp = dir.resolve("." + name + "." + HexFormat.of().formatHex(r) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }
}
