package io.wsmemory.detectors.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.SourceFile;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Python manifests: {@code requirements*.txt} and {@code requirements/*.txt} (each file on its own), {@code
 * pyproject.toml} (PEP 621, optional dependencies, PEP 735 groups, Poetry, PDM and uv dev dependencies), {@code
 * setup.cfg} and
 * {@code Pipfile}. Versions from {@code poetry.lock}, {@code uv.lock}, {@code pdm.lock} or {@code Pipfile.lock} in
 * the same folder; else the specifier as written, where {@code ==4.0.0} pins {@code 4.0.0}.
 */
public final class PythonManifestDetector extends ManifestDetector {

    private static final Set<String> DEV_WORDS = Set.of("dev", "develop", "development", "test", "tests", "testing",
            "lint", "linting", "docs", "doc", "ci", "typing", "qa");

    private final ConcurrentHashMap<String, Optional<Map<String, Set<String>>>> locks = new ConcurrentHashMap<>();

    public PythonManifestDetector() {
        super("manifest-python", "WebSocket libraries in requirements files, pyproject.toml and Pipfile");
    }

    @Override
    boolean acceptsName(String fileName, String path) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.equals("pyproject.toml") || fileName.equals("Pipfile") || n.equals("setup.cfg")) {
            return true;
        }
        if (!n.endsWith(".txt")) {
            return false;
        }
        return n.contains("requirements") || path.toLowerCase(Locale.ROOT).contains("requirements/");
    }

    @Override
    void read(SourceFile manifest, DetectionContext context, List<Fact> out) throws IOException {
        String name = manifest.fileName();
        if (name.equalsIgnoreCase("pyproject.toml")) {
            readPyproject(manifest, context.sources(), out);
        } else if (name.equals("Pipfile")) {
            readPipfile(manifest, context.sources(), out);
        } else if (name.equalsIgnoreCase("setup.cfg")) {
            readSetupCfg(manifest, out);
        } else {
            readRequirements(manifest, out);
        }
    }

    /** pip's format: comments, options, {@code \} continuations, environment markers. */
    private void readRequirements(SourceFile manifest, List<Fact> out) {
        boolean dev = devName(manifest.path());
        int n = manifest.lineCount();
        for (int i = 1; i <= n; i++) {
            int first = i;
            StringBuilder logical = new StringBuilder(stripComment(manifest.line(i)));
            while (logical.toString().endsWith("\\") && i < n && logical.length() < 10_000) {
                logical.setLength(logical.length() - 1);
                logical.append(' ').append(stripComment(manifest.line(++i)));
            }
            Pep508 req = Pep508.parse(logical.toString());
            if (req == null) {
                continue;
            }
            emit(manifest, first, req, null, dev ? "dev" : null, null, null, out);
        }
    }

    /**
     * setuptools' {@code setup.cfg}: {@code install_requires} of {@code [options]} and each extra of
     * {@code [options.extras_require]}, one requirement per (continuation) line.
     */
    private void readSetupCfg(SourceFile manifest, List<Fact> out) {
        String section = "";
        String key = null;
        int n = manifest.lineCount();
        for (int i = 1; i <= n; i++) {
            String raw = manifest.line(i);
            String t = raw.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
                continue;
            }
            boolean continuation = Character.isWhitespace(raw.charAt(0));
            String value;
            if (!continuation && t.startsWith("[") && t.endsWith("]")) {
                section = t.substring(1, t.length() - 1).strip().toLowerCase(Locale.ROOT);
                key = null;
                continue;
            } else if (!continuation) {
                int eq = indexOfAssignment(t);
                if (eq < 0) {
                    key = null;
                    continue;
                }
                key = t.substring(0, eq).strip();
                value = t.substring(eq + 1).strip();
            } else {
                value = t;
            }
            if (key == null || value.isEmpty()) {
                continue;
            }
            String scope;
            String group = null;
            if (section.equals("options") && key.equals("install_requires")) {
                scope = null;
            } else if (section.equals("options.extras_require")) {
                scope = devWord(key) ? "dev" : "optional";
                group = key;
            } else if (section.equals("options") && key.equals("tests_require")) {
                scope = "dev";
            } else {
                continue;
            }
            Pep508 req = Pep508.parse(stripComment(value));
            if (req != null) {
                emit(manifest, i, req, null, scope, group, null, out);
            }
        }
    }

    private static int indexOfAssignment(String t) {
        int eq = t.indexOf('=');
        int colon = t.indexOf(':');
        return eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        while (hash > 0 && !Character.isWhitespace(line.charAt(hash - 1))) {
            hash = line.indexOf('#', hash + 1);
        }
        return (hash >= 0 ? line.substring(0, hash) : line).strip();
    }

    private void readPyproject(SourceFile manifest, SourceSet sources, List<Fact> out) throws IOException {
        JsonNode root = Parsers.TOML_MAPPER.readTree(manifest.text());
        TomlLines lines = new TomlLines(manifest);
        Map<String, Set<String>> lock = lock(manifest.directory(), sources,
                List.of("poetry.lock", "uv.lock", "pdm.lock"));
        String lockPath = lockPath(manifest.directory(), sources, List.of("poetry.lock", "uv.lock", "pdm.lock"));
        JsonNode project = root.path("project");
        pep508Array(manifest, lines, "project", "dependencies", project.path("dependencies"), null, null, lock,
                lockPath, out);
        project.path("optional-dependencies").properties().forEach(e -> pep508Array(manifest, lines,
                "project.optional-dependencies", e.getKey(), e.getValue(), devWord(e.getKey()) ? "dev" : "optional",
                e.getKey(), lock, lockPath, out));
        root.path("dependency-groups").properties().forEach(e -> pep508Array(manifest, lines, "dependency-groups",
                e.getKey(), e.getValue(), devWord(e.getKey()) ? "dev" : null, e.getKey(), lock, lockPath, out));
        JsonNode uv = root.path("tool").path("uv");
        pep508Array(manifest, lines, "tool.uv", "dev-dependencies", uv.path("dev-dependencies"), "dev", null, lock,
                lockPath, out);
        root.path("tool").path("pdm").path("dev-dependencies").properties().forEach(e -> pep508Array(manifest, lines,
                "tool.pdm.dev-dependencies", e.getKey(), e.getValue(), "dev", e.getKey(), lock, lockPath, out));
        JsonNode poetry = root.path("tool").path("poetry");
        poetryTable(manifest, lines, "tool.poetry.dependencies", poetry.path("dependencies"), null, null, lock,
                lockPath, out);
        poetryTable(manifest, lines, "tool.poetry.dev-dependencies", poetry.path("dev-dependencies"), "dev", null,
                lock, lockPath, out);
        poetry.path("group").properties().forEach(e -> poetryTable(manifest, lines,
                "tool.poetry.group." + e.getKey() + ".dependencies", e.getValue().path("dependencies"),
                devWord(e.getKey()) ? "dev" : null, e.getKey(), lock, lockPath, out));
    }

    private void readPipfile(SourceFile manifest, SourceSet sources, List<Fact> out) throws IOException {
        JsonNode root = Parsers.TOML_MAPPER.readTree(manifest.text());
        TomlLines lines = new TomlLines(manifest);
        Map<String, Set<String>> lock = lock(manifest.directory(), sources, List.of("Pipfile.lock"));
        String lockPath = lockPath(manifest.directory(), sources, List.of("Pipfile.lock"));
        poetryTable(manifest, lines, "packages", root.path("packages"), null, null, lock, lockPath, out);
        poetryTable(manifest, lines, "dev-packages", root.path("dev-packages"), "dev", null, lock, lockPath, out);
    }

    /** {@code dependencies = ["channels>=4", ...]}: each string on its own line when it has one. */
    private void pep508Array(SourceFile manifest, TomlLines lines, String table, String key, JsonNode array,
                             String scope, String group, Map<String, Set<String>> lock, String lockPath,
                             List<Fact> out) {
        if (!array.isArray()) {
            return;
        }
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                continue;
            }
            Pep508 req = Pep508.parse(item.asText());
            if (req == null || catalog.lookup(LibraryCatalog.Ecosystem.PYPI, req.name()).isEmpty()) {
                continue;
            }
            int line = lines.string(table, key, item.asText());
            if (line == 0) {
                line = Math.max(1, lines.header(table));
            }
            emit(manifest, line, req, lockVersion(lock, req.name()), scope, group, lockPath, out);
        }
    }

    /** Poetry and Pipfile tables: {@code channels = "^4.0"} or {@code channels = {version = "^4.0", ...}}. */
    private void poetryTable(SourceFile manifest, TomlLines lines, String table, JsonNode deps, String scope,
                             String group, Map<String, Set<String>> lock, String lockPath, List<Fact> out) {
        if (!deps.isObject()) {
            return;
        }
        deps.properties().forEach(e -> {
            if (catalog.lookup(LibraryCatalog.Ecosystem.PYPI, e.getKey()).isEmpty()) {
                return;
            }
            JsonNode v = e.getValue();
            String spec = v.isTextual() ? v.asText() : v.path("version").isTextual() ? v.path("version").asText() : null;
            int line = lines.key(table, e.getKey(), true);
            if (line == 0) {
                line = Math.max(1, lines.header(table));
            }
            Pep508 req = new Pep508(e.getKey(), null, spec == null || spec.isBlank() ? null : spec.strip(), false);
            emit(manifest, line, req, lockVersion(lock, e.getKey()), scope, group, lockPath, out);
        });
    }

    private void emit(SourceFile manifest, int line, Pep508 req, String locked, String scope, String group,
                      String lockPath, List<Fact> out) {
        Optional<LibraryCatalog.Entry> entry = catalog.lookup(LibraryCatalog.Ecosystem.PYPI, req.name());
        if (entry.isEmpty()) {
            return;
        }
        String pinned = Pep508.pinned(req.specifier());
        String value = locked != null ? locked : pinned != null ? pinned : req.specifier();
        LibraryFact f = new LibraryFact(entry.get(), manifest, line)
                .value(value)
                .declared(req.specifier())
                .attr("scope", scope)
                .attr("group", group)
                .attr("extras", req.extras() == null ? null : req.extras().replaceAll("[\\[\\]\\s]", ""))
                .attr("lock", locked != null ? lockPath : null);
        out.add(f.build("python"));
    }

    private static boolean devName(String path) {
        for (String word : path.toLowerCase(Locale.ROOT).split("[-_./]")) {
            if (DEV_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean devWord(String group) {
        return DEV_WORDS.contains(group.toLowerCase(Locale.ROOT));
    }

    private static String lockVersion(Map<String, Set<String>> lock, String name) {
        Set<String> v = lock.get(LibraryCatalog.normalisePython(name));
        return v != null && v.size() == 1 ? v.iterator().next() : null;
    }

    private static String lockPath(String dir, SourceSet sources, List<String> names) {
        for (String n : names) {
            String p = NpmLock.join(dir, n);
            if (sources.file(p).isPresent()) {
                return p;
            }
        }
        return null;
    }

    /** Package name (normalised) to the versions the folder's lock file pins. */
    private Map<String, Set<String>> lock(String dir, SourceSet sources, List<String> names) {
        String path = lockPath(dir, sources, names);
        if (path == null) {
            return Map.of();
        }
        return locks.computeIfAbsent(path, p -> sources.file(p).map(f -> {
            Map<String, Set<String>> versions = new HashMap<>();
            try {
                if (p.endsWith("Pipfile.lock")) {
                    JsonNode root = Parsers.JSON_MAPPER.readTree(f.content());
                    for (String section : List.of("default", "develop")) {
                        root.path(section).properties().forEach(e -> {
                            String v = e.getValue().path("version").asText("");
                            if (v.startsWith("==")) {
                                add(versions, e.getKey(), v.substring(2));
                            }
                        });
                    }
                } else {
                    JsonNode root = Parsers.TOML_MAPPER.readTree(f.text());
                    for (JsonNode pkg : root.path("package")) {
                        if (pkg.path("name").isTextual() && pkg.path("version").isTextual()) {
                            add(versions, pkg.get("name").asText(), pkg.get("version").asText());
                        }
                    }
                }
                return versions;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        })).orElse(Map.of());
    }

    private static void add(Map<String, Set<String>> versions, String name, String version) {
        versions.computeIfAbsent(LibraryCatalog.normalisePython(name), k -> new HashSet<>()).add(version);
    }
}
