package io.wsmemory.detectors.monitoring;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A JSON or YAML document as a tree whose every node knows the line it starts on, which Jackson's own trees forget.
 * Read with Jackson's streaming parsers: YAML aliases stay the anchor's name (never expanded, so an alias bomb costs
 * nothing), nesting and size are capped, and malformed input yields the documents read before the fault, never an
 * exception.
 */
public abstract sealed class Located permits Located.Map, Located.Seq, Located.Scalar {

    private static final int MAX_DEPTH = 200;
    private static final int MAX_NODES = 500_000;
    private static final int MAX_DOCUMENTS = 10_000;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();
    private static final YAMLFactory YAML;

    static {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(8 * 1024 * 1024);
        YAML = YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
    }

    private final int line;

    Located(int line) {
        this.line = line;
    }

    /** 1-based line where the node starts (for a mapping entry's value, see {@link Map#keyLine}). */
    public int line() {
        return line;
    }

    /** This node's entry {@code key} when it is a mapping, else null. */
    public Located get(String key) {
        return null;
    }

    /** The text of a scalar entry, or null. */
    public String text(String key) {
        Located v = get(key);
        return v instanceof Scalar s ? s.text() : null;
    }

    public Map asMap() {
        return this instanceof Map m ? m : null;
    }

    public List<Located> items() {
        return this instanceof Seq s ? s.items : List.of();
    }

    /** A mapping; entries keep their source order and the line of their key. */
    public static final class Map extends Located {
        private final java.util.Map<String, Located> entries = new LinkedHashMap<>();
        private final java.util.Map<String, Integer> keyLines = new LinkedHashMap<>();

        Map(int line) {
            super(line);
        }

        @Override
        public Located get(String key) {
            return entries.get(key);
        }

        public int keyLine(String key) {
            Integer l = keyLines.get(key);
            return l == null ? line() : l;
        }

        public java.util.Map<String, Located> entries() {
            return Collections.unmodifiableMap(entries);
        }
    }

    /** A sequence. */
    public static final class Seq extends Located {
        private final List<Located> items = new ArrayList<>();

        Seq(int line) {
            super(line);
        }
    }

    /** A scalar, as text; {@code null} in YAML and JSON is the empty text with {@code isNull}. */
    public static final class Scalar extends Located {
        private final String text;
        private final boolean isNull;
        private final boolean isString;

        Scalar(int line, String text, boolean isNull, boolean isString) {
            super(line);
            this.text = text;
            this.isNull = isNull;
            this.isString = isString;
        }

        public String text() {
            return text;
        }

        public boolean isNull() {
            return isNull;
        }

        /** True for a quoted or plain string, false for numbers and booleans. */
        public boolean isString() {
            return isString;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The documents of a YAML stream (one or more, separated by {@code ---}); those before a fault if any. */
    public static List<Located> yaml(String text) {
        try {
            return read(YAML.createParser(text));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The JSON document, or an empty list when it does not parse. */
    public static List<Located> json(String text) {
        try {
            return read(JSON.createParser(text));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<Located> read(JsonParser p) {
        List<Located> docs = new ArrayList<>();
        int[] budget = {MAX_NODES};
        try (p) {
            JsonToken t;
            while (docs.size() < MAX_DOCUMENTS && (t = p.nextToken()) != null) {
                Located doc = node(p, t, 0, budget);
                if (doc != null) {
                    docs.add(doc);
                }
            }
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // keep what was read before the fault
        }
        return docs;
    }

    private static Located node(JsonParser p, JsonToken t, int depth, int[] budget) throws IOException {
        if (depth > MAX_DEPTH || --budget[0] < 0) {
            throw new IOException("document too large or too deep");
        }
        int line = p.currentTokenLocation().getLineNr();
        switch (t) {
            case START_OBJECT -> {
                Map m = new Map(line);
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    JsonToken v = p.nextToken();
                    Located value = node(p, v, depth + 1, budget);
                    if (key != null && !m.entries.containsKey(key)) {
                        m.entries.put(key, value);
                        m.keyLines.put(key, keyLine);
                    }
                }
                if (k != JsonToken.END_OBJECT) {
                    throw new IOException("unterminated mapping");
                }
                return m;
            }
            case START_ARRAY -> {
                Seq s = new Seq(line);
                JsonToken i;
                while ((i = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (i == null) {
                        throw new IOException("unterminated sequence");
                    }
                    s.items.add(node(p, i, depth + 1, budget));
                }
                return s;
            }
            case VALUE_NULL -> {
                return new Scalar(line, "", true, false);
            }
            case VALUE_STRING -> {
                return new Scalar(line, p.getText(), false, true);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(line, p.getText(), false, false);
            }
            default -> {
                return new Scalar(line, p.getText() == null ? "" : p.getText(), false, true);
            }
        }
    }
}
