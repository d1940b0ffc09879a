package io.wsmemory.detectors.infra;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * YAML (every document of a stream) and JSON read into {@link YNode} trees that keep line numbers, through
 * Jackson's streaming parsers. Never throws: a file that stops parsing keeps the documents read before the error.
 * Hostile input is bounded: SnakeYAML's alias, nesting and size limits, Jackson's nesting limit, a node budget,
 * and aliases that share the anchored node instead of copying it (no "billion laughs" expansion).
 */
public final class StructuredText {

    private static final int MAX_NODES = 200_000;
    private static final int MAX_DEPTH = 64;

    private static final YAMLFactory YAML;
    private static final JsonFactory JSON;

    static {
        LoaderOptions lo = new LoaderOptions();
        lo.setMaxAliasesForCollections(50);
        lo.setNestingDepthLimit(MAX_DEPTH);
        lo.setCodePointLimit(8 * 1024 * 1024);
        lo.setAllowDuplicateKeys(true);
        StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                .maxStringLength(4 * 1024 * 1024).maxDocumentLength(8L * 1024 * 1024).build();
        YAML = YAMLFactory.builder().loaderOptions(lo).streamReadConstraints(limits).build();
        JSON = JsonFactory.builder().streamReadConstraints(limits)
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA)
                .build();
    }

    /** The documents of a text and whether it parsed to the end. */
    public record Documents(List<YNode> documents, boolean complete) {
        public static final Documents EMPTY = new Documents(List.of(), false);
    }

    private StructuredText() {
    }

    public static Documents yaml(String text) {
        try (JsonParser p = YAML.createParser(text)) {
            return read(p);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return Documents.EMPTY;
        }
    }

    public static Documents json(String text) {
        try (JsonParser p = JSON.createParser(text)) {
            return read(p);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return Documents.EMPTY;
        }
    }

    private static Documents read(JsonParser p) {
        Builder b = new Builder(p);
        List<YNode> docs = new ArrayList<>();
        try {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                YNode n = b.value(t, 0);
                if (n != null) {
                    docs.add(n);
                }
                b.anchors.clear(); // anchors are per document
            }
            return new Documents(List.copyOf(docs), true);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return new Documents(List.copyOf(docs), false);
        }
    }

    private static final class Builder {
        private final JsonParser p;
        private final Map<String, YNode> anchors = new HashMap<>();
        private int nodes;

        Builder(JsonParser p) {
            this.p = p;
        }

        private int line() {
            return Math.max(1, p.currentTokenLocation().getLineNr());
        }

        private void count() throws IOException {
            if (++nodes > MAX_NODES) {
                throw new IOException("too many nodes");
            }
        }

        YNode value(JsonToken t, int depth) throws IOException {
            if (depth > MAX_DEPTH) {
                throw new IOException("nesting too deep");
            }
            count();
            String anchor = p instanceof YAMLParser yp ? anchorOf(yp) : null;
            YNode n;
            switch (t) {
                case START_OBJECT -> n = map(depth);
                case START_ARRAY -> n = seq(depth);
                case VALUE_NULL -> n = new YNode.Scalar(line(), null);
                default -> {
                    if (p instanceof YAMLParser yp && yp.isCurrentAlias()) {
                        YNode target = anchors.get(p.getText());
                        return target != null ? target : new YNode.Scalar(line(), null);
                    }
                    n = new YNode.Scalar(line(), p.getText(), p instanceof YAMLParser yp ? tagOf(yp) : null);
                }
            }
            if (anchor != null) {
                anchors.put(anchor, n);
            }
            return n;
        }

        private static String tagOf(YAMLParser yp) {
            try {
                return yp.getTypeId();
            } catch (IOException e) {
                return null;
            }
        }

        private static String anchorOf(YAMLParser yp) {
            try {
                return yp.isCurrentAlias() ? null : yp.getObjectId();
            } catch (IOException e) {
                return null;
            }
        }

        private YNode map(int depth) throws IOException {
            YNode.Map m = new YNode.Map(line());
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                if (t == null) {
                    throw new IOException("unexpected end");
                }
                String key = p.currentName();
                int keyLine = line();
                YNode v = value(p.nextToken(), depth + 1);
                if ("<<".equals(key)) {
                    if (v instanceof YNode.Map vm) {
                        m.merge(vm);
                        continue;
                    }
                    if (v instanceof YNode.Seq vs) {
                        for (YNode x : vs.items()) {
                            if (x instanceof YNode.Map xm) {
                                m.merge(xm);
                            }
                        }
                        continue;
                    }
                }
                m.put(key == null ? "" : key, keyLine, v);
            }
            return m;
        }

        private YNode seq(int depth) throws IOException {
            YNode.Seq s = new YNode.Seq(line());
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new IOException("unexpected end");
                }
                s.add(value(t, depth + 1));
            }
            return s;
        }
    }
}
