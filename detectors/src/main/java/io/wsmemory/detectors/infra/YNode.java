package io.wsmemory.detectors.infra;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A YAML or JSON value with the 1-based line where it starts: a mapping, a sequence or a scalar. Built by
 * {@link StructuredText}; aliases point at the anchored node (shared, never copied), so a document with many aliases
 * stays small. Lookups never throw: a missing or mistyped path gives {@code null} or an empty list.
 */
public abstract sealed class YNode permits YNode.Map, YNode.Seq, YNode.Scalar {

    private final int line;

    YNode(int line) {
        this.line = line;
    }

    public int line() {
        return line;
    }

    /** The node at a path of mapping keys (a key holding dots is one segment). */
    public YNode at(String... path) {
        YNode n = this;
        for (String p : path) {
            if (!(n instanceof Map m)) {
                return null;
            }
            n = m.get(p);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    /** The scalar text at a path, or null when there is no scalar there. */
    public String text(String... path) {
        return at(path) instanceof Scalar s ? s.value() : null;
    }

    public Map map(String... path) {
        return at(path) instanceof Map m ? m : null;
    }

    public List<YNode> seq(String... path) {
        return at(path) instanceof Seq s ? s.items() : List.of();
    }

    /** The line of the key that holds {@code path}'s last segment, else the value's line, else 0. */
    public int keyLine(String... path) {
        if (path.length == 0) {
            return line;
        }
        String[] parent = java.util.Arrays.copyOf(path, path.length - 1);
        Map m = map(parent);
        if (m == null) {
            return 0;
        }
        Entry e = m.entry(path[path.length - 1]);
        return e == null ? 0 : e.keyLine();
    }

    /** A mapping key with the line it sits on and its value. */
    public record Entry(String key, int keyLine, YNode value) {
    }

    public static final class Map extends YNode {
        private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
        private final List<Map> merged = new ArrayList<>(1);

        public Map(int line) {
            super(line);
        }

        void put(String key, int keyLine, YNode value) {
            entries.putIfAbsent(key, new Entry(key, keyLine, value)); // first key wins, as most tools warn
        }

        void merge(Map other) {
            if (other != this && merged.size() < 16) {
                merged.add(other);
            }
        }

        public Entry entry(String key) {
            return entry(key, 0);
        }

        private Entry entry(String key, int depth) {
            Entry e = entries.get(key);
            if (e != null || depth > 8) {
                return e;
            }
            for (Map m : merged) { // YAML merge keys (<<: *base): own keys first
                Entry me = m.entry(key, depth + 1);
                if (me != null) {
                    return me;
                }
            }
            return null;
        }

        public YNode get(String key) {
            Entry e = entry(key);
            return e == null ? null : e.value();
        }

        /** The entry whose key equals {@code key} ignoring case. */
        public Entry entryIgnoreCase(String key) {
            Entry e = entry(key);
            if (e != null) {
                return e;
            }
            for (Entry x : entries()) {
                if (x.key().equalsIgnoreCase(key)) {
                    return x;
                }
            }
            return null;
        }

        /** Own entries, then those merged in with {@code <<} that the map does not override. */
        public List<Entry> entries() {
            if (merged.isEmpty()) {
                return List.copyOf(entries.values());
            }
            LinkedHashMap<String, Entry> all = new LinkedHashMap<>(entries);
            for (Map m : merged) {
                for (Entry e : m.entries.values()) {
                    all.putIfAbsent(e.key(), e);
                }
            }
            return List.copyOf(all.values());
        }

        public boolean isEmpty() {
            return entries.isEmpty() && merged.isEmpty();
        }
    }

    public static final class Seq extends YNode {
        private final List<YNode> items = new ArrayList<>();

        public Seq(int line) {
            super(line);
        }

        void add(YNode n) {
            items.add(n);
        }

        public List<YNode> items() {
            return Collections.unmodifiableList(items);
        }
    }

    public static final class Scalar extends YNode {
        private final String value;
        private final String tag;

        public Scalar(int line, String value) {
            this(line, value, null);
        }

        public Scalar(int line, String value, String tag) {
            super(line);
            this.value = value;
            this.tag = tag;
        }

        /** The YAML tag written on the scalar, without its "!" ({@code Ref} for {@code !Ref}), or null. */
        public String tag() {
            return tag;
        }

        /** The scalar as written, without quotes; {@code null} for YAML null / JSON null. */
        public String value() {
            return value;
        }

        public boolean isTrue() {
            return value != null && switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                default -> false;
            };
        }
    }

    /** The entries of a mapping as a plain map of scalar texts (non-scalars left out). */
    public static java.util.Map<String, String> scalars(YNode n) {
        java.util.Map<String, String> out = new LinkedHashMap<>();
        if (n instanceof Map m) {
            for (Entry e : m.entries()) {
                if (e.value() instanceof Scalar s && s.value() != null) {
                    out.put(e.key(), s.value());
                }
            }
        }
        return out;
    }
}
