package io.wsmemory.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.wsmemory.core.api.Fact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code wsmemory.json} fact snapshot read back: the project's name and the facts the committed memory was
 * rendered from. {@link JsonReport} writes it; this reads what any earlier version with the same schema wrote, and
 * ignores fields it does not know.
 */
public record Snapshot(String projectName, String folder, List<Fact> facts) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Snapshots above this size are not a snapshot wsmemory wrote for a sane repository. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    public Snapshot {
        List<Fact> sorted = new ArrayList<>(facts);
        sorted.sort(Fact.ORDER);
        facts = List.copyOf(sorted);
    }

    /** Why a snapshot cannot be used: there is none, or it cannot be read as one. */
    public static final class SnapshotException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean missing;

        SnapshotException(String message, boolean missing, Throwable cause) {
            super(message, cause);
            this.missing = missing;
        }

        /** No snapshot at all (the memory was never generated there), rather than a broken one. */
        public boolean missing() {
            return missing;
        }
    }

    /** Reads {@code dir/wsmemory.json}. */
    public static Snapshot read(Path dir) throws SnapshotException {
        Path file = dir.resolve(Memory.SNAPSHOT);
        String text;
        try {
            if (Files.isSymbolicLink(file)) {
                throw new SnapshotException(file + " is a link; wsmemory reads only a regular file there", false, null);
            }
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) > MAX_BYTES) {
                throw new SnapshotException(file + " is larger than " + (MAX_BYTES >> 20) + " MiB", false, null);
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SnapshotException("no " + Memory.SNAPSHOT + " in " + dir, true, e);
        } catch (IOException e) {
            throw new SnapshotException("cannot read " + file + ": " + e.getMessage(), false, e);
        }
        return parse(text, file.toString());
    }

    /** Parses the text of a snapshot; {@code where} names it in messages. */
    public static Snapshot parse(String json, String where) throws SnapshotException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new SnapshotException(where + " is not valid JSON: " + firstLine(e.getMessage()), false, e);
        }
        if (root == null || !root.isObject()) {
            throw new SnapshotException(where + " is not a wsmemory snapshot (no JSON object)", false, null);
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new SnapshotException(where + " is not a wsmemory snapshot (no schemaVersion)", false, null);
        }
        if (version.asInt() > JsonReport.SCHEMA_VERSION) {
            throw new SnapshotException(where + " has schema version " + version.asInt()
                    + ", written by a newer wsmemory; this one reads version " + JsonReport.SCHEMA_VERSION, false, null);
        }
        JsonNode facts = root.get("facts");
        if (!(facts instanceof ArrayNode array)) {
            throw new SnapshotException(where + " is not a wsmemory snapshot (no facts list)", false, null);
        }
        List<Fact> out = new ArrayList<>(array.size());
        int i = 0;
        for (JsonNode f : array) {
            try {
                Fact fact = MAPPER.treeToValue(f, Fact.class);
                if (fact == null) {
                    throw new IOException("null");
                }
                out.add(fact);
            } catch (IOException | RuntimeException e) {
                throw new SnapshotException(where + ": fact " + i + " cannot be read: " + firstLine(e.getMessage()),
                        false, e);
            }
            i++;
        }
        JsonNode project = root.path("project");
        String name = project.path("name").isTextual() ? project.path("name").asText() : null;
        String folder = project.path("folder").isTextual() ? project.path("folder").asText() : null;
        return new Snapshot(name, folder, out);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
