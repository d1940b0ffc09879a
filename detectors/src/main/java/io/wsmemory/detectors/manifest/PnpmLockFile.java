package io.wsmemory.detectors.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code pnpm-lock.yaml}: v5 ({@code dependencies: {socket.io: 4.7.5}} with {@code specifiers}) and v6 to v9
 * ({@code importers: {'.': {dependencies: {socket.io: {specifier, version: 4.7.5(peer@1)}}}}}). The large
 * {@code packages} and {@code snapshots} sections are skipped without building a tree.
 */
final class PnpmLockFile implements NpmLock {

    private static final Set<String> SECTIONS = Set.of("dependencies", "devDependencies", "optionalDependencies");
    private static final Set<String> TOP = Set.of("importers", "dependencies", "devDependencies",
            "optionalDependencies", "specifiers");

    private record Dep(String specifier, String version) {
    }

    private final String path;
    private final Map<String, Map<String, Dep>> importers = new HashMap<>();

    private PnpmLockFile(String path) {
        this.path = path;
    }

    static PnpmLockFile parse(String path, byte[] content) throws IOException {
        PnpmLockFile lock = new PnpmLockFile(path);
        Map<String, JsonNode> top = new HashMap<>();
        try (JsonParser p = Parsers.YAML.createParser(content)) {
            p.setCodec(Parsers.YAML_MAPPER);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a YAML mapping");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                if (!top.isEmpty() && (field.equals("packages") || field.equals("snapshots"))) {
                    break; // pnpm writes the large package sections last: nothing after them is needed
                }
                p.nextToken();
                if (TOP.contains(field)) {
                    top.put(field, p.readValueAsTree());
                } else {
                    p.skipChildren();
                }
            }
        }
        JsonNode importers = top.get("importers");
        if (importers != null && importers.isObject()) {
            importers.properties().forEach(e -> lock.importers.put(folder(e.getKey()), deps(e.getValue())));
        } else { // a lock without importers is one importer, the lock's own folder
            ObjectNode root = Parsers.YAML_MAPPER.createObjectNode();
            top.forEach(root::set);
            lock.importers.put("", deps(root));
        }
        return lock;
    }

    private static Map<String, Dep> deps(JsonNode importer) {
        Map<String, Dep> out = new HashMap<>();
        JsonNode specifiers = importer.get("specifiers");
        for (String section : SECTIONS) {
            JsonNode deps = importer.get(section);
            if (deps == null || !deps.isObject()) {
                continue;
            }
            deps.properties().forEach(e -> {
                JsonNode v = e.getValue();
                String spec;
                String version;
                if (v.isObject()) {
                    spec = text(v.get("specifier"));
                    version = text(v.get("version"));
                } else {
                    spec = specifiers == null ? null : text(specifiers.get(e.getKey()));
                    version = text(v);
                }
                out.putIfAbsent(e.getKey(), new Dep(spec, clean(version)));
            });
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || !n.isValueNode() ? null : n.asText();
    }

    /** Drops peer suffixes ({@code 4.7.5(bufferutil@4.0.8)}, v5's {@code 4.7.5_bufferutil@4.0.8}); links are none. */
    static String clean(String v) {
        if (v == null || v.startsWith("link:") || v.startsWith("file:")) {
            return null;
        }
        String s = v;
        int paren = s.indexOf('(');
        if (paren > 0) {
            s = s.substring(0, paren);
        }
        int underscore = s.indexOf('_');
        if (underscore > 0) {
            s = s.substring(0, underscore);
        }
        if (s.startsWith("/") && s.indexOf('@', 2) < 0) { // v5 aliases: /real-name/1.2.3
            s = s.substring(s.lastIndexOf('/') + 1);
        }
        int at = s.lastIndexOf('@');
        if (at > 0) { // v6 /real-name@1.2.3, v9 real-name@1.2.3
            s = s.substring(at + 1);
        }
        return s.isEmpty() || s.contains(":") ? null : s;
    }

    private static String folder(String importer) {
        String s = importer.startsWith("./") ? importer.substring(2) : importer;
        return s.equals(".") ? "" : s;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean records(String rel) {
        return importers.containsKey(rel);
    }

    @Override
    public String resolve(String rel, String name, String spec) {
        Map<String, Dep> deps = importers.get(rel);
        Dep d = deps == null ? null : deps.get(name);
        if (d == null) {
            return null;
        }
        if (d.specifier() != null && spec != null && !d.specifier().equals(spec.strip())) {
            return null; // the manifest changed since the lock was written
        }
        return d.version();
    }
}
