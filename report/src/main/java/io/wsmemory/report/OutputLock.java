package io.wsmemory.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Only one wsmemory writes a memory folder at a time: {@code .wsmemory.lock} in the folder, locked by the operating
 * system (a crashed writer's lock goes with its process). The file is deleted when the writer is done, so the folder
 * holds only the memory. Deleting a lock file races with a writer that opened it just before: each holder therefore
 * writes its own token into the file it locked and reads the path back; a token that is not there means the lock is
 * on a deleted file, and the writer tries again.
 */
final class OutputLock implements AutoCloseable {

    static final String FILE = ".wsmemory.lock";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long POLL_MILLIS = 50;

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dir}, waiting up to {@code wait} for another writer to finish.
     *
     * @throws MemoryBusyException when another writer still holds it after {@code wait}
     */
    static OutputLock acquire(Path dir, Duration wait) throws IOException {
        Path path = dir.resolve(FILE);
        long deadline = System.nanoTime() + wait.toNanos();
        byte[] token = token();
        while (true) {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            FileLock lock = null;
            try {
                lock = tryLock(ch);
                if (lock != null && claims(path, ch, token)) {
                    return new OutputLock(path, ch, lock);
                }
            } catch (IOException | RuntimeException e) {
                release(lock, ch);
                throw e;
            }
            release(lock, ch);
            if (System.nanoTime() - deadline > 0) {
                throw new MemoryBusyException(dir, holder(path), wait);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the lock of " + dir, e);
            }
        }
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) { // held by another writer of this process
            return null;
        }
    }

    /** Writes the token into the locked file and reads the path back: still the same file, not a deleted one. */
    private static boolean claims(Path path, FileChannel ch, byte[] token) throws IOException {
        ch.truncate(0);
        ByteBuffer buf = ByteBuffer.wrap(token);
        while (buf.hasRemaining()) {
            ch.write(buf, buf.position());
        }
        try {
            return Arrays.equals(Files.readAllBytes(path), token);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static String holder(Path path) {
        try {
            String s = Files.readString(path, StandardCharsets.UTF_8).strip();
            int space = s.indexOf(' ');
            return space > 0 ? s.substring(0, space) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] token() {
        byte[] r = new byte[8];
        RANDOM.nextBytes(r);
        return ("pid=" + ProcessHandle.current().pid() + " " + HexFormat.of().formatHex(r) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void release(FileLock lock, FileChannel ch) {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    /** Deletes the file while still holding it (so nobody locks it in between), then lets go. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a lock file left behind costs nothing: the next writer locks it and deletes it
        }
        release(lock, channel);
    }
}
