package io.wsmemory.core.cache;

import io.wsmemory.core.source.SkippedFile;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.core.source.WalkResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A hash of everything a scan's result follows from on disk: every listed file's path and content, and what the
 * walk skipped (the count of ignored files is only a statistic: the memory folder itself is one). Detectors read only the files the walk lists (a resolver that follows an import opens it
 * through the same list), so two walks with the same fingerprint give the same facts. It also notes each file's
 * size and time, to tell whether a file changed while it was being scanned.
 */
public final class RepositoryFingerprint {

    private final String hash;
    private final List<Stamp> stamps;

    private RepositoryFingerprint(String hash, List<Stamp> stamps) {
        this.hash = hash;
        this.stamps = stamps;
    }

    /** Size and time of a file when it was hashed; null fields for a file with no place on disk. */
    private record Stamp(Path file, long size, long modified) {
        static Stamp of(Path file) {
            if (file == null) {
                return new Stamp(null, -1, -1);
            }
            try {
                return new Stamp(file, Files.size(file), Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis());
            } catch (IOException | SecurityException e) {
                return new Stamp(file, -1, -1);
            }
        }
    }

    /**
     * Hashes the walk's files on {@code pool}. Files larger than {@code maxReadBytes} are never read by a scan (it
     * skips them by size), so their size stands for their content.
     */
    public static RepositoryFingerprint of(WalkResult walk, long maxReadBytes, ExecutorService pool)
            throws InterruptedException {
        List<SourceFile> files = walk.files();
        List<Future<String>> hashes = new ArrayList<>(files.size());
        List<Stamp> stamps = new ArrayList<>(files.size());
        for (SourceFile f : files) {
            Stamp before = Stamp.of(f.absolutePath());
            stamps.add(before);
            hashes.add(pool.submit(() -> contentHash(f, maxReadBytes)));
        }
        MessageDigest all = Hashes.sha256();
        for (SkippedFile s : walk.skipped()) {
            update(all, "skipped " + s.path() + "\u0000" + s.reason());
        }
        try {
            for (int i = 0; i < files.size(); i++) {
                update(all, "file " + files.get(i).path() + "\u0000" + hashes.get(i).get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing failed", e.getCause());
        }
        return new RepositoryFingerprint(HexFormat.of().formatHex(all.digest()), List.copyOf(stamps));
    }

    public String hash() {
        return hash;
    }

    /** True when a file's size or time is no longer what it was when hashed: the scan may have read other bytes. */
    public boolean changedSince() {
        for (Stamp s : stamps) {
            if (s.file() != null && !Stamp.of(s.file()).equals(s)) {
                return true;
            }
        }
        return false;
    }

    private static String contentHash(SourceFile f, long maxReadBytes) {
        Path p = f.absolutePath();
        if (p == null) {
            return checksum(f.content()); // a file given with its content (tests)
        }
        if (f.size() > maxReadBytes) {
            return "size " + f.size();
        }
        try {
            return checksum(Files.readAllBytes(p));
        } catch (IOException | SecurityException | OutOfMemoryError e) {
            return "unreadable " + e.getClass().getSimpleName(); // the scan will say so and skip it
        }
    }

    /**
     * Length and two CRCs of different polynomials (64 bits): both run as CPU instructions from the first call,
     * where SHA-256 runs interpreted in a short-lived JVM and costs more than reading the files. An edit that keeps
     * the length and both CRCs is a 1 in 2^64 accident; the cache is no defence against someone who crafts files,
     * and needs none: whoever can edit the files decides what a scan of them says.
     */
    static String checksum(byte[] bytes) {
        CRC32C c = new CRC32C();
        c.update(bytes);
        CRC32 d = new CRC32();
        d.update(bytes);
        return bytes.length + ":" + Long.toHexString(c.getValue()) + ":" + Long.toHexString(d.getValue());
    }

    private static void update(MessageDigest d, String s) {
        d.update(s.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
    }
}
