package io.wsmemory.detectors.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The parts of a {@code package.json} that matter here: its dependencies with their lines, and its workspaces. */
record PackageJson(List<Dep> dependencies, List<String> workspaces) {

    /** Section name to the {@code scope} attribute it implies (empty for runtime dependencies). */
    static final Map<String, String> SECTIONS = Map.of(
            "dependencies", "",
            "devDependencies", "dev",
            "peerDependencies", "peer",
            "optionalDependencies", "optional");

    /** One dependency: its name, the spec as written (null when not a string), its section and 1-based line. */
    record Dep(String name, String spec, String section, int line) {
    }

    boolean dependsOn(String name) {
        return dependencies.stream().anyMatch(d -> d.name().equals(name));
    }

    /** Reads the file as a stream, so lines are those of the dependency keys, pretty or minified. */
    static PackageJson parse(byte[] content) throws IOException {
        List<Dep> deps = new ArrayList<>();
        List<String> workspaces = new ArrayList<>();
        try (JsonParser p = Parsers.JSON.createParser(content)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_OBJECT && SECTIONS.containsKey(field)) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        int line = p.currentTokenLocation().getLineNr();
                        String spec = p.nextToken() == JsonToken.VALUE_STRING ? p.getText() : null;
                        p.skipChildren();
                        deps.add(new Dep(name, spec, field, line));
                    }
                } else if (field.equals("workspaces")) {
                    readWorkspaces(p, t, workspaces);
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new IOException("truncated");
            }
        }
        return new PackageJson(List.copyOf(deps), List.copyOf(workspaces));
    }

    /** {@code "workspaces": ["packages/*"]} or {@code {"packages": [...]}}. */
    private static void readWorkspaces(JsonParser p, JsonToken t, List<String> out) throws IOException {
        if (t == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == JsonToken.VALUE_STRING) {
                    out.add(p.getText());
                } else {
                    p.skipChildren();
                }
            }
        } else if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                if (f.equals("packages") && v == JsonToken.START_ARRAY) {
                    readWorkspaces(p, v, out);
                } else {
                    p.skipChildren();
                }
            }
        } else {
            p.skipChildren();
        }
    }

    /** True when one of the workspace globs names folder {@code rel} (relative to this manifest's folder). */
    boolean workspaceCovers(String rel) {
        for (String w : workspaces) {
            if (w.startsWith("!")) {
                continue;
            }
            if (Globs.matches(w, rel)) {
                return true;
            }
        }
        return false;
    }
}
