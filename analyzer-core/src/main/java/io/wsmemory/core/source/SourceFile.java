package io.wsmemory.core.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

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
    private String chars;
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

    /** Whether the content can be read (it is then loaded); false for files over the cap, binaries, files gone. */
    public boolean isReadable() {
        try {
            content();
            return true;
        } catch (UnreadableFileException e) {
            return false;
        }
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
            chars = null;
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
        return chars().indexOf(bytesAsChars(keyword)) >= 0;
    }

    public boolean containsAny(Iterable<String> keywords) {
        String c = chars();
        for (String k : keywords) {
            if (c.indexOf(bytesAsChars(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The content as {@link #bytesAsChars(byte[])}, made once: every detector's pre-filter and search asks again. */
    private synchronized String chars() {
        if (chars == null) {
            chars = bytesAsChars(content());
        }
        return chars;
    }

    /**
     * The bytes as a Latin-1 string, one char per byte: a byte search then runs on {@link String#indexOf}, which the
     * JVM vectorises, instead of a byte loop (the pre-filter reads every file once per keyword).
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
            throw new UnreadableFileException("larger than " + limitText(maxBytes) + " (" + sizeText(size) + ")");
        }
        byte[] raw;
        try {
            raw = readRegularFile();
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException("disappeared before it could be read");
        } catch (IOException | SecurityException e) {
            throw new UnreadableFileException("unreadable: " + e.getClass().getSimpleName());
        } catch (OutOfMemoryError e) {
            throw new UnreadableFileException("too large to read");
        }
        return normalise(raw);
    }

    /** A size limit as the user set it: whole KiB when it is, else bytes. */
    private static String limitText(long bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    /** A file's size, rounded up, so that it never reads as the limit it exceeds ("larger than 4 KiB (4 KiB)"). */
    private static String sizeText(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : (bytes + 1023) / 1024 + " KiB";
    }

    /**
     * The bytes of the file the walk listed, if it is still a regular file: one replaced by a link since (which
     * could lead out of the repository) or by a pipe (whose read would block) is refused, and the link is never
     * followed. At most the size cap is read, whatever the file has grown to.
     */
    private byte[] readRegularFile() throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(absolute, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isSymbolicLink()) {
            throw new UnreadableFileException("replaced by a link before it could be read");
        }
        if (!attrs.isRegularFile()) {
            throw new UnreadableFileException("no longer a regular file");
        }
        try (SeekableByteChannel ch = Files.newByteChannel(absolute, Set.of(StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS))) {
            long cap = Math.min(maxBytes, Integer.MAX_VALUE - 16L);
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(cap + 1, Math.max(attrs.size(), 0) + 1));
            while (true) {
                if (!buf.hasRemaining()) { // the file grew since it was listed
                    if (buf.capacity() > cap) {
                        throw new UnreadableFileException("larger than " + limitText(maxBytes));
                    }
                    ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(cap + 1, buf.capacity() * 2L + 1));
                    buf.flip();
                    bigger.put(buf);
                    buf = bigger;
                }
                if (ch.read(buf) < 0) {
                    break;
                }
            }
            return Arrays.copyOf(buf.array(), buf.position());
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(absolute)) { // swapped for a link between the check and the open (ELOOP)
                throw new UnreadableFileException("replaced by a link before it could be read");
            }
            throw e;
        }
    }

    /**
     * UTF-8 as is (BOM dropped), UTF-16 with a BOM or recognisably without one converted, other NUL bytes mean
     * binary, anything else is Latin-1; lone CR line endings become LF.
     */
    static byte[] normalise(byte[] raw) {
        if (raw.length >= 3 && (raw[0] & 0xff) == 0xEF && (raw[1] & 0xff) == 0xBB && (raw[2] & 0xff) == 0xBF) {
            raw = Arrays.copyOfRange(raw, 3, raw.length);
        } else if (raw.length >= 2 && ((raw[0] & 0xff) == 0xFE && (raw[1] & 0xff) == 0xFF
                || (raw[0] & 0xff) == 0xFF && (raw[1] & 0xff) == 0xFE)) {
            boolean be = (raw[0] & 0xff) == 0xFE;
            String s = new String(raw, 2, raw.length - 2, be ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
            return crToLf(s.getBytes(StandardCharsets.UTF_8));
        }
        int probe = Math.min(raw.length, BINARY_PROBE);
        for (int i = 0; i < probe; i++) {
            if (raw[i] == 0) {
                java.nio.charset.Charset utf16 = utf16WithoutBom(raw, probe);
                if (utf16 != null) {
                    return crToLf(new String(raw, utf16).getBytes(StandardCharsets.UTF_8));
                }
                throw new UnreadableFileException("binary content");
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            utf8.decode(ByteBuffer.wrap(raw));
            return crToLf(raw);
        } catch (CharacterCodingException e) {
            CharBuffer latin1 = StandardCharsets.ISO_8859_1.decode(ByteBuffer.wrap(raw));
            return crToLf(latin1.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * UTF-16 written without a BOM (Windows tools do): ASCII-range text then has a NUL in every other byte. The
     * even or odd bytes of the probe are almost all NUL, the others almost never; binaries look nothing like that.
     */
    private static java.nio.charset.Charset utf16WithoutBom(byte[] raw, int probe) {
        int pairs = probe / 2;
        if (pairs < 2) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i + 1 < probe; i += 2) {
            evenNul += raw[i] == 0 ? 1 : 0;
            oddNul += raw[i + 1] == 0 ? 1 : 0;
        }
        if (oddNul * 10 >= pairs * 9 && evenNul * 20 <= pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNul * 10 >= pairs * 9 && oddNul * 20 <= pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /**
     * A lone CR (classic Mac OS line endings) ends a line for people and parsers, but line numbers count LF: each
     * lone CR becomes LF, which keeps every byte offset. CRLF stays as it is.
     */
    static byte[] crToLf(byte[] text) {
        byte[] out = null;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\r' && (i + 1 == text.length || text[i + 1] != '\n')) {
                if (out == null) {
                    out = text.clone();
                }
                out[i] = '\n';
            }
        }
        return out == null ? text : out;
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
