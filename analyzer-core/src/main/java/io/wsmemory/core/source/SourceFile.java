package io.wsmemory.core.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A file of the scanned repository. Its content is read on first use, once, and normalised to UTF-8 without BOM
 * so that every parser and detector sees the same bytes and the same line numbers.
 */
public final class SourceFile {

    private static final int BINARY_PROBE = 8192;

    private final String path;
    private final Path absolute;
    private final Language language;
    private final long size;
    private final long maxBytes;

    private byte[] content;
    private String text;
    private int[] lineStarts;

    public SourceFile(String path, Path absolute, long size, long maxBytes) {
        this.path = path;
        this.absolute = absolute;
        this.language = Language.of(fileName(path));
        this.size = size;
        this.maxBytes = maxBytes;
    }

    /** A file whose content is already known (tests, generated inputs). */
    public static SourceFile ofContent(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        SourceFile f = new SourceFile(path, null, bytes.length, Long.MAX_VALUE);
        f.content = bytes;
        return f;
    }

    /** Repository-relative path with {@code /} separators. */
    public String path() {
        return path;
    }

    public Path absolutePath() {
        return absolute;
    }

    public String fileName() {
        return fileName(path);
    }

    /** Folder of the file relative to the repository root, "" at the root. */
    public String directory() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    public Language language() {
        return language;
    }

    public boolean isEmbeddedScript() {
        return Language.isEmbedded(path);
    }

    public long size() {
        return size;
    }

    /**
     * The content as UTF-8. Throws {@link UnreadableFileException} for files over the size cap, binaries and
     * files that cannot be read; callers report those as skipped.
     */
    public synchronized byte[] content() {
        if (content == null) {
            content = load();
        }
        return content;
    }

    /** True once the content was read: the file passed a language check and something looked inside. */
    public synchronized boolean isLoaded() {
        return content != null;
    }

    /**
     * Forgets the content of a file read from disk, so that a large repository does not keep every file it
     * pre-filtered in memory; a later use reads it again (the same bytes: the normalisation is deterministic).
     */
    public synchronized void release() {
        if (absolute != null) {
            content = null;
            text = null;
            lineStarts = null;
        }
    }

    public synchronized String text() {
        if (text == null) {
            text = new String(content(), StandardCharsets.UTF_8);
        }
        return text;
    }

    /** Byte-level search, used by the pre-filter before anything is parsed. */
    public boolean contains(String keyword) {
        return bytesAsChars(content()).indexOf(bytesAsChars(keyword)) >= 0;
    }

    public boolean containsAny(Iterable<String> keywords) {
        String c = bytesAsChars(content());
        for (String k : keywords) {
            if (c.indexOf(bytesAsChars(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The bytes as a Latin-1 string, one char per byte: a byte search then runs on {@link String#indexOf}, which the
     * JVM vectorises, instead of a byte loop (the pre-filter reads every file once per keyword). The copy is cheap
     * and short-lived.
     */
    private static String bytesAsChars(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A keyword as the Latin-1 string of its UTF-8 bytes; ASCII, the usual case, is the keyword itself. */
    private static String bytesAsChars(String keyword) {
        for (int i = 0; i < keyword.length(); i++) {
            if (keyword.charAt(i) >= 0x80) {
                return bytesAsChars(keyword.getBytes(StandardCharsets.UTF_8));
            }
        }
        return keyword;
    }

    /** 1-based line of a byte offset in {@link #content()}. */
    public int lineAt(int byteOffset) {
        int[] starts = lineStarts();
        int i = Arrays.binarySearch(starts, byteOffset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The text of a 1-based line, without its line ending; "" past the end. */
    public String line(int line) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) {
            return "";
        }
        byte[] c = content();
        int from = starts[line - 1];
        int to = line < starts.length ? starts[line] : c.length;
        while (to > from && (c[to - 1] == '\n' || c[to - 1] == '\r')) {
            to--;
        }
        return new String(c, from, to - from, StandardCharsets.UTF_8);
    }

    public int lineCount() {
        return lineStarts().length;
    }

    private synchronized int[] lineStarts() {
        if (lineStarts == null) {
            byte[] c = content();
            int n = 1;
            for (byte b : c) {
                if (b == '\n') {
                    n++;
                }
            }
            int[] starts = new int[n];
            int k = 1;
            for (int i = 0; i < c.length; i++) {
                if (c[i] == '\n') {
                    starts[k++] = i + 1;
                }
            }
            lineStarts = starts;
        }
        return lineStarts;
    }

    private byte[] load() {
        if (absolute == null) {
            throw new UnreadableFileException("no content");
        }
        if (size > maxBytes) {
            throw new UnreadableFileException("larger than " + (maxBytes / 1024) + " KiB (" + (size / 1024) + " KiB)");
        }
        byte[] raw;
        try {
            raw = Files.readAllBytes(absolute);
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException("disappeared before it could be read");
        } catch (IOException | SecurityException e) {
            throw new UnreadableFileException("unreadable: " + e.getClass().getSimpleName());
        } catch (OutOfMemoryError e) {
            throw new UnreadableFileException("too large to read");
        }
        if (raw.length > maxBytes) {
            throw new UnreadableFileException("larger than " + (maxBytes / 1024) + " KiB");
        }
        return normalise(raw);
    }

    /** UTF-8 as is (BOM dropped), UTF-16 with a BOM converted, NUL bytes mean binary, anything else is Latin-1. */
    static byte[] normalise(byte[] raw) {
        if (raw.length >= 3 && (raw[0] & 0xff) == 0xEF && (raw[1] & 0xff) == 0xBB && (raw[2] & 0xff) == 0xBF) {
            raw = Arrays.copyOfRange(raw, 3, raw.length);
        } else if (raw.length >= 2 && ((raw[0] & 0xff) == 0xFE && (raw[1] & 0xff) == 0xFF
                || (raw[0] & 0xff) == 0xFF && (raw[1] & 0xff) == 0xFE)) {
            boolean be = (raw[0] & 0xff) == 0xFE;
            String s = new String(raw, 2, raw.length - 2, be ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
            return s.getBytes(StandardCharsets.UTF_8);
        }
        int probe = Math.min(raw.length, BINARY_PROBE);
        for (int i = 0; i < probe; i++) {
            if (raw[i] == 0) {
                throw new UnreadableFileException("binary content");
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            utf8.decode(ByteBuffer.wrap(raw));
            return raw;
        } catch (CharacterCodingException e) {
            CharBuffer latin1 = StandardCharsets.ISO_8859_1.decode(ByteBuffer.wrap(raw));
            return latin1.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        if (needle.length == 0) {
            return 0;
        }
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public String extension() {
        String n = fileName().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1);
    }

    @Override
    public String toString() {
        return path;
    }
}
