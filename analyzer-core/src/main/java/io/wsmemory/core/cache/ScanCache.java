package io.wsmemory.core.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.source.SkippedFile;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A folder of scan results, one file per scanned folder and settings ({@code scan-<slot>.json}), each holding the
 * fingerprint it was computed for. A result is reused only when the analyzer identity and the repository fingerprint
 * are both the same. A file that cannot be read back (truncated, edited, from another format) is ignored and
 * reported in {@link #warnings()}; it never fails the scan. Files are written to a temporary file in the folder and
 * renamed, so a crash never leaves half an entry, and nothing is written outside the folder.
 */
public final class ScanCache {

    /** Bumped when the layout of an entry changes: older entries are then misses, not errors. */
    static final int FORMAT = 1;

    /** Larger entries are not something this cache wrote for a sane repository. */
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** No cache: every scan parses. */
    public static final ScanCache NONE = new ScanCache(null, "");

    private final Path dir;
    private final String version;
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    private ScanCache(Path dir, String version) {
        this.dir = dir;
        this.version = version;
    }

    /**
     * A cache in {@code dir} (created on first store) for analyzer {@code version}; the scan adds the identity of
     * the code it runs ({@link AnalyzerIdentity}) to every key.
     */
    public static ScanCache in(Path dir, String version) {
        return new ScanCache(dir.toAbsolutePath().normalize(), version);
    }

    public String version() {
        return version;
    }

    public boolean enabled() {
        return dir != null;
    }

    public Path dir() {
        return dir;
    }

    /** What went wrong with the cache (an entry ignored, a store that failed); the scans went on without it. */
    public List<String> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    /**
     * The result kept in {@code slot} when it was computed under {@code key}: a hash of the analyzer's identity, the
     * settings and the repository's fingerprint.
     */
    public Optional<CachedScan> lookup(String slot, String key) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path file = entry(slot);
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                warnings.add("ignored the cache entry " + file + ": not a regular file");
                return Optional.empty();
            }
            if (Files.size(file) > MAX_ENTRY_BYTES) {
                warnings.add("ignored the cache entry " + file + ": larger than " + (MAX_ENTRY_BYTES >> 20) + " MiB");
                return Optional.empty();
            }
            JsonNode root = MAPPER.readTree(Files.readAllBytes(file));
            if (root == null || !root.isObject() || root.path("format").asInt(-1) != FORMAT) {
                warnings.add("ignored the cache entry " + file + ": not a wsmemory cache entry of format " + FORMAT);
                return Optional.empty();
            }
            if (!key.equals(root.path("key").asText())) {
                return Optional.empty(); // another analyzer, other settings or other content: a plain miss
            }
            return Optional.of(read(root));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            warnings.add("ignored the corrupt cache entry " + file + ": " + firstLine(e.getMessage()));
            return Optional.empty();
        }
    }

    /** Keeps {@code scan} in {@code slot}; a failure is a warning, never an error of the scan. */
    public void store(String slot, String key, CachedScan scan) {
        if (!enabled()) {
            return;
        }
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            ObjectNode root = MAPPER.createObjectNode();
            root.put("format", FORMAT);
            root.put("key", key);
            root.set("facts", MAPPER.valueToTree(scan.facts()));
            root.set("skipped", MAPPER.valueToTree(scan.skipped()));
            root.set("partiallyParsed", MAPPER.valueToTree(scan.partiallyParsed()));
            tmp = Files.createTempFile(dir, "scan-", ".tmp");
            Files.write(tmp, MAPPER.writeValueAsBytes(root));
            try {
                Files.move(tmp, entry(slot), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, entry(slot), StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | RuntimeException e) {
            warnings.add("could not write the cache in " + dir + ": " + firstLine(e.getMessage()));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // a stray temporary file in the cache folder; the next store writes another
                }
            }
        }
    }

    private Path entry(String slot) {
        if (!slot.matches("[0-9a-f]{16,64}")) {
            throw new IllegalArgumentException("a cache slot is a hex hash, not " + slot);
        }
        return dir.resolve("scan-" + slot + ".json");
    }

    private static CachedScan read(JsonNode root) throws JsonProcessingException {
        List<Fact> facts = new ArrayList<>();
        for (JsonNode n : array(root, "facts")) {
            facts.add(MAPPER.treeToValue(n, Fact.class));
        }
        List<SkippedFile> skipped = new ArrayList<>();
        for (JsonNode n : array(root, "skipped")) {
            SkippedFile s = MAPPER.treeToValue(n, SkippedFile.class);
            if (s.path() == null || s.reason() == null) {
                throw new IllegalArgumentException("a skipped file without path or reason");
            }
            skipped.add(s);
        }
        List<String> partial = new ArrayList<>();
        for (JsonNode n : array(root, "partiallyParsed")) {
            if (!n.isTextual()) {
                throw new IllegalArgumentException("partiallyParsed holds a " + n.getNodeType());
            }
            partial.add(n.asText());
        }
        return new CachedScan(facts, skipped, partial);
    }

    private static JsonNode array(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isArray()) {
            throw new IllegalArgumentException("no " + field + " list");
        }
        return n;
    }

    private static String firstLine(String s) {
        return s == null ? "no detail" : s.lines().findFirst().orElse("no detail");
    }
}
