package io.wsmemory.detectors.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code build.gradle} and {@code build.gradle.kts}, read line-aware with patterns (there is no light Groovy or
 * Kotlin DSL parser): string ({@code 'g:a:v'}), map ({@code group: 'g', name: 'a', version: 'v'}) and version-catalog
 * ({@code libs.spring.boot.starter.websocket}) notations. Versions through simple variables and
 * {@code gradle.properties}; the Spring Boot plugin's or BOM's version for version-less Spring artifacts.
 */
public final class GradleBuildDetector extends ManifestDetector {

    private static final String CONFIG = "([A-Za-z][A-Za-z0-9_]*)";
    private static final Pattern STRING_DEP = Pattern.compile(
            "\\b" + CONFIG + "\\s*\\(?\\s*(?:(?:platform|enforcedPlatform)\\s*\\(\\s*)?([\"'])"
                    + "((?:\\$\\{[^}\\n]{0,100}}|\\$(?!\\{)|[^\"'\\n$]){3,300})\\2");
    private static final Pattern MAP_DEP = Pattern.compile(
            "\\b" + CONFIG + "\\s*\\(?\\s*group\\s*[:=]\\s*([\"'])([^\"'\\n]+)\\2\\s*,\\s*name\\s*[:=]\\s*([\"'])"
                    + "([^\"'\\n]+)\\4(?:\\s*,\\s*version\\s*[:=]\\s*([\"'])([^\"'\\n]+)\\6)?");
    private static final Pattern CATALOG_DEP = Pattern.compile(
            "\\b" + CONFIG + "\\s*\\(?\\s*(?:platform\\s*\\(\\s*)?libs\\.((?:[A-Za-z0-9_]+\\.)*[A-Za-z0-9_]+)");
    private static final Pattern BOOT_PLUGIN = Pattern.compile(
            "id\\s*\\(?\\s*[\"']org\\.springframework\\.boot[\"']\\s*\\)?\\s*version\\s*\\(?\\s*[\"']([^\"'\\n]+)[\"']");
    private static final Pattern BOOT_COORDINATE = Pattern.compile(
            "[\"']org\\.springframework\\.boot:spring-boot-(?:gradle-plugin|dependencies):([^\"'\\n]+)[\"']");
    private static final Pattern BOOT_ALIAS = Pattern.compile("alias\\s*\\(\\s*libs\\.plugins\\.([A-Za-z0-9_.]+)\\s*\\)");
    private static final Pattern VARIABLE = Pattern.compile(
            "(?m)^\\s*(?:def\\s+|val\\s+|var\\s+|ext\\.|project\\.ext\\.|extra\\[\\s*\")?([A-Za-z_][A-Za-z0-9_.]*)\"?\\]?"
                    + "\\s*(?:=|by\\s+extra\\s*\\()\\s*[\"']([^\"'$\\n]{1,100})[\"']");
    private static final Pattern SET_VARIABLE = Pattern.compile(
            "\\bset\\s*\\(\\s*[\"']([A-Za-z_][A-Za-z0-9_.]*)[\"']\\s*,\\s*[\"']([^\"'$\\n]{1,100})[\"']\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$\\{?\\s*(?:project\\.)?(?:property\\(\\s*[\"'])?([A-Za-z_][A-Za-z0-9_.]*?)(?:[\"']\\s*\\))?\\s*}?"
                    + "(?=$|[^A-Za-z0-9_.])");

    private final ConcurrentHashMap<String, Optional<String>> texts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Optional<JsonNode>> catalogs = new ConcurrentHashMap<>();

    public GradleBuildDetector() {
        super("manifest-gradle", "WebSocket libraries declared in Gradle build scripts and version catalogs");
    }

    @Override
    boolean acceptsName(String fileName, String path) {
        return fileName.equals("build.gradle") || fileName.equals("build.gradle.kts");
    }

    /** Dependency configurations: implementation, api, compileOnly, testImplementation, jvmMainImplementation... */
    static boolean isConfiguration(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("classpath") || n.equals("annotationprocessor") || n.startsWith("kapt") || n.equals("ksp")
                || n.equals("id") || n.equals("alias")) {
            return false;
        }
        return n.endsWith("implementation") || n.endsWith("api") || n.endsWith("compile") || n.endsWith("compileonly")
                || n.endsWith("runtimeonly") || n.endsWith("runtime") || n.equals("developmentonly");
    }

    static boolean isTestConfiguration(String name) {
        return name.startsWith("test") || name.contains("Test");
    }

    @Override
    void read(SourceFile manifest, DetectionContext context, List<Fact> out) throws IOException {
        GradleText text = new GradleText(manifest.text());
        SourceSet sources = context.sources();
        String dir = manifest.directory();
        List<int[]> constraints = text.blocks("constraints");
        List<Found> found = new ArrayList<>();
        Matcher m = STRING_DEP.matcher(text.code);
        while (m.find()) {
            String[] gav = m.group(3).split(":", -1);
            if (gav.length >= 2 && gav.length <= 4 && isConfiguration(m.group(1))) {
                String version = gav.length >= 3 ? stripExtension(gav[2]) : null;
                found.add(new Found(m.group(1), gav[0].strip(), gav[1].strip(), version, m.start(3), null));
            }
        }
        m = MAP_DEP.matcher(text.code);
        while (m.find()) {
            if (isConfiguration(m.group(1))) {
                found.add(new Found(m.group(1), m.group(3), m.group(5), m.group(7), m.start(3), null));
            }
        }
        m = CATALOG_DEP.matcher(text.code);
        JsonNode toml = null;
        while (m.find()) {
            if (!isConfiguration(m.group(1)) || m.group(2).startsWith("bundles.") || m.group(2).startsWith("plugins.")) {
                continue;
            }
            if (toml == null) {
                toml = versionCatalog(dir, sources).orElse(null);
                if (toml == null) {
                    break;
                }
            }
            CatalogLibrary lib = catalogLibrary(toml, m.group(2));
            if (lib != null) {
                found.add(new Found(m.group(1), lib.group(), lib.name(), lib.version(), m.start(2), lib));
            }
        }
        if (found.isEmpty()) {
            return;
        }
        Map<String, String> vars = variables(manifest, dir, sources);
        String boot = null;
        boolean bootLooked = false;
        for (Found d : found) {
            if (GradleText.inside(constraints, d.offset())) {
                continue; // constraints pin versions, they add no dependency
            }
            Optional<LibraryCatalog.Entry> entry = catalog.lookup(LibraryCatalog.Ecosystem.MAVEN,
                    d.group() + ":" + d.artifact());
            if (entry.isEmpty()) {
                continue;
            }
            LibraryFact f = new LibraryFact(entry.get(), manifest, text.lineAt(d.offset()));
            if (d.version() == null || d.version().isBlank()) {
                if (!bootLooked) {
                    boot = bootVersion(text, manifest.path(), dir, sources, vars);
                    bootLooked = true;
                }
                if (boot != null && MavenPomDetector.BOOT_MANAGED.contains(d.group())) {
                    f.value(boot).attr("versionOf", "spring-boot");
                }
            } else {
                f.value(interpolate(d.version(), vars)).declared(d.version());
            }
            f.attr("scope", isTestConfiguration(d.configuration()) ? "dev" : null);
            if (d.fromCatalog() != null) {
                f.attr("catalog", d.fromCatalog().path());
            }
            out.add(f.build("java"));
        }
    }

    private record Found(String configuration, String group, String artifact, String version, int offset,
                         CatalogLibrary fromCatalog) {
    }

    private record CatalogLibrary(String group, String name, String version, String path) {
    }

    private static String stripExtension(String v) {
        int at = v.indexOf('@');
        String s = (at >= 0 ? v.substring(0, at) : v).strip();
        return s.isEmpty() ? null : s;
    }

    /** {@code $x}, {@code ${x}}, {@code ${project.x}}, {@code ${property("x")}} from known variables; else null. */
    static String interpolate(String version, Map<String, String> vars) {
        if (!version.contains("$")) {
            return version;
        }
        Matcher m = REFERENCE.matcher(version);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1));
            if (v == null) {
                return null;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        String s = sb.toString();
        return s.contains("$") ? null : s;
    }

    /** Simple string variables of the script, of the root script, and gradle.properties up the tree. */
    private Map<String, String> variables(SourceFile manifest, String dir, SourceSet sources) {
        Map<String, String> vars = new HashMap<>();
        List<String> dirs = new ArrayList<>();
        for (String d = dir; ; d = NpmLock.parent(d)) {
            dirs.add(0, d);
            if (d.isEmpty()) {
                break;
            }
        }
        for (String d : dirs) { // outermost first, nearer ones override
            text(NpmLock.join(d, "gradle.properties"), sources).ifPresent(t -> {
                for (String line : t.split("\r?\n")) {
                    String l = line.strip();
                    int eq = l.indexOf('=');
                    if (!l.startsWith("#") && !l.startsWith("!") && eq > 0) {
                        vars.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
                    }
                }
            });
            for (String name : List.of("build.gradle", "build.gradle.kts")) {
                String path = NpmLock.join(d, name);
                Optional<String> t = path.equals(manifest.path()) ? Optional.of(manifest.text()) : d.equals(dir)
                        ? Optional.empty() : text(path, sources);
                t.ifPresent(s -> collectVariables(new GradleText(s).code, vars));
            }
        }
        return vars;
    }

    private static void collectVariables(String code, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(code);
        while (m.find()) {
            vars.put(m.group(1), m.group(2));
        }
        m = SET_VARIABLE.matcher(code);
        while (m.find()) {
            vars.put(m.group(1), m.group(2));
        }
    }

    /** The Spring Boot version: plugin or BOM in this script, else in an ancestor's build or settings script. */
    private String bootVersion(GradleText text, String path, String dir, SourceSet sources, Map<String, String> vars) {
        String v = bootVersionIn(text.code, dir, sources, vars);
        for (String d = dir; v == null; d = NpmLock.parent(d)) {
            for (String name : List.of("build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts")) {
                String p = NpmLock.join(d, name);
                if (v == null && !p.equals(path)) {
                    String at = d;
                    v = text(p, sources).map(t -> bootVersionIn(new GradleText(t).code, at, sources, vars)).orElse(null);
                }
            }
            if (d.isEmpty()) {
                break;
            }
        }
        return v;
    }

    private String bootVersionIn(String code, String dir, SourceSet sources, Map<String, String> vars) {
        Matcher m = BOOT_PLUGIN.matcher(code);
        if (m.find()) {
            return interpolate(m.group(1), vars);
        }
        m = BOOT_COORDINATE.matcher(code);
        if (m.find()) {
            return interpolate(m.group(1), vars);
        }
        m = BOOT_ALIAS.matcher(code);
        while (m.find()) {
            JsonNode catalog = versionCatalog(dir, sources).orElse(null);
            if (catalog == null) {
                return null;
            }
            JsonNode plugin = byAccessor(catalog.path("plugins"), m.group(1));
            if (plugin == null) {
                continue;
            }
            String id;
            String version;
            if (plugin.isTextual()) {
                String[] parts = plugin.asText().split(":");
                id = parts[0];
                version = parts.length > 1 ? parts[1] : null;
            } else {
                id = plugin.path("id").asText(null);
                version = catalogVersion(catalog, plugin.get("version"));
            }
            if ("org.springframework.boot".equals(id)) {
                return version;
            }
        }
        return null;
    }

    /** {@code gradle/libs.versions.toml} of the build's root: the script's folder or the nearest ancestor with one. */
    private Optional<JsonNode> versionCatalog(String dir, SourceSet sources) {
        for (String d = dir; ; d = NpmLock.parent(d)) {
            String path = NpmLock.join(d, "gradle/libs.versions.toml");
            if (sources.file(path).isPresent()) {
                return catalogs.computeIfAbsent(path, p -> text(p, sources).map(t -> {
                    try {
                        com.fasterxml.jackson.databind.node.ObjectNode n =
                                (com.fasterxml.jackson.databind.node.ObjectNode) Parsers.TOML_MAPPER.readTree(t);
                        n.put("@path", p);
                        return (JsonNode) n;
                    } catch (IOException | RuntimeException e) {
                        return null;
                    }
                }));
            }
            if (d.isEmpty()) {
                return Optional.empty();
            }
        }
    }

    private static CatalogLibrary catalogLibrary(JsonNode catalog, String accessor) {
        JsonNode lib = byAccessor(catalog.path("libraries"), accessor);
        if (lib == null) {
            return null;
        }
        String path = catalog.path("@path").asText();
        if (lib.isTextual()) {
            String[] gav = lib.asText().split(":");
            return gav.length < 2 ? null : new CatalogLibrary(gav[0], gav[1], gav.length > 2 ? gav[2] : null, path);
        }
        String group;
        String name;
        if (lib.hasNonNull("module")) {
            String[] ga = lib.get("module").asText().split(":");
            if (ga.length != 2) {
                return null;
            }
            group = ga[0];
            name = ga[1];
        } else {
            group = lib.path("group").asText(null);
            name = lib.path("name").asText(null);
        }
        return group == null || name == null ? null
                : new CatalogLibrary(group, name, catalogVersion(catalog, lib.get("version")), path);
    }

    /** {@code version = "1.0"}, {@code version.ref = "x"}, {@code version = { strictly/require/prefer = ... }}. */
    private static String catalogVersion(JsonNode catalog, JsonNode version) {
        if (version == null) {
            return null;
        }
        if (version.isTextual()) {
            return version.asText();
        }
        if (version.hasNonNull("ref")) {
            return catalogVersion(catalog, catalog.path("versions").get(version.get("ref").asText()));
        }
        for (String k : List.of("strictly", "require", "prefer")) {
            if (version.hasNonNull(k)) {
                return version.get(k).asText();
            }
        }
        return null;
    }

    /** Catalog aliases become accessors with {@code -}, {@code _} and {@code .} as dots. */
    private static JsonNode byAccessor(JsonNode table, String accessor) {
        if (!table.isObject()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> e : table.properties()) {
            if (e.getKey().replaceAll("[-_.]", ".").equals(accessor)) {
                return e.getValue();
            }
        }
        return null;
    }

    private Optional<String> text(String path, SourceSet sources) {
        return texts.computeIfAbsent(path, p -> sources.file(p).map(f -> {
            try {
                return f.text();
            } catch (RuntimeException e) {
                return null;
            }
        }));
    }
}
