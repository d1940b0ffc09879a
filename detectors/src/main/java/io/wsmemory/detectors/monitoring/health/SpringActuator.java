package io.wsmemory.detectors.monitoring.health;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.monitoring.Located;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Spring Boot Actuator's health endpoint. With the actuator starter on the build, Boot 2+ exposes
 * {@code /actuator/health} over HTTP by default (Boot 1: {@code /health}); {@code application.properties} /
 * {@code .yml} can move it ({@code management.endpoints.web.base-path}, {@code server.servlet.context-path},
 * {@code management.server.base-path}), drop it from the web exposure ({@code ...exposure.include} without
 * {@code health}, {@code ...exposure.exclude}), disable it, or add the Kubernetes probes
 * ({@code management.endpoint.health.probes.enabled=true}: {@code /health/liveness}, {@code /health/readiness}).
 */
final class SpringActuator {

    private static final Pattern BOOT1 = Pattern.compile(
            "(?s)spring-boot-starter-parent</artifactId>\\s*<version>1\\.|org\\.springframework\\.boot['\"]?\\s*"
                    + "version\\s*['\"]1\\.|spring-boot-gradle-plugin:1\\.");

    /** A property as written, with its place. */
    record Prop(String value, Evidence at, boolean profile) {
    }

    /** The actuator starter in a build file. */
    record Dependency(Evidence at, boolean boot1) {
    }

    private final List<Dependency> dependencies = new ArrayList<>();
    private final List<Map<String, Prop>> configs = new ArrayList<>();

    static boolean isConfig(SourceFile f) {
        String n = f.fileName().toLowerCase(Locale.ROOT);
        return (n.startsWith("application") || n.startsWith("bootstrap"))
                && (n.endsWith(".properties") || n.endsWith(".yml") || n.endsWith(".yaml"));
    }

    static boolean isBuild(SourceFile f) {
        String n = f.fileName();
        return n.equals("pom.xml") || n.equals("build.gradle") || n.equals("build.gradle.kts");
    }

    synchronized void read(SourceFile f) {
        if (isBuild(f)) {
            String text = f.text();
            for (int i = 1; i <= f.lineCount(); i++) {
                String line = f.line(i);
                String t = line.strip();
                if (t.startsWith("//") || t.startsWith("<!--") || t.startsWith("#")) {
                    continue;
                }
                if (line.contains("spring-boot-starter-actuator")) {
                    dependencies.add(new Dependency(new Evidence(f.path(), i, line), BOOT1.matcher(text).find()));
                    break;
                }
            }
            return;
        }
        Map<String, Prop> props = new LinkedHashMap<>();
        boolean profile = f.fileName().contains("-");
        if (f.extension().equals("properties")) {
            for (int i = 1; i <= f.lineCount(); i++) {
                String line = f.line(i).strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                    continue;
                }
                int eq = indexOfSeparator(line);
                if (eq <= 0) {
                    continue;
                }
                props.putIfAbsent(line.substring(0, eq).strip(),
                        new Prop(line.substring(eq + 1).strip(), new Evidence(f.path(), i, f.line(i)), profile));
            }
        } else {
            for (Located doc : Located.yaml(f.text())) {
                flatten(f, doc, "", props, profile, 0);
            }
        }
        configs.add(props);
    }

    private static int indexOfSeparator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    private static void flatten(SourceFile f, Located node, String prefix, Map<String, Prop> out, boolean profile,
                                int depth) {
        if (depth > 32) {
            return;
        }
        if (node instanceof Located.Map m) {
            for (Map.Entry<String, Located> e : m.entries().entrySet()) {
                String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                Located v = e.getValue();
                if (v instanceof Located.Map) {
                    flatten(f, v, key, out, profile, depth + 1);
                } else {
                    int line = m.keyLine(e.getKey());
                    String value = v instanceof Located.Scalar s ? s.text() : join(v);
                    out.putIfAbsent(key, new Prop(value, new Evidence(f.path(), line, f.line(line)), profile));
                }
            }
        }
    }

    private static String join(Located seq) {
        List<String> items = new ArrayList<>();
        for (Located i : seq.items()) {
            if (i instanceof Located.Scalar s) {
                items.add(s.text());
            }
        }
        return String.join(",", items);
    }

    /** The health endpoints the build and configuration expose. */
    synchronized List<HealthRoute> routes() {
        List<HealthRoute> out = new ArrayList<>();
        configs.sort(Comparator.comparing((Map<String, Prop> m) -> m.values().stream().anyMatch(Prop::profile))
                .thenComparing(m -> m.isEmpty() ? "" : m.values().iterator().next().at().path()));
        Map<String, Prop> props = new LinkedHashMap<>();
        for (Map<String, Prop> c : configs) {
            c.forEach(props::putIfAbsent);
        }
        dependencies.sort(Comparator.comparing(d -> d.at().path()));
        Dependency dep = dependencies.isEmpty() ? null : dependencies.get(0);
        Prop include = props.get("management.endpoints.web.exposure.include");
        if (dep == null && include == null) {
            return out;
        }
        if (isFalse(props.get("management.endpoint.health.enabled"))
                || isFalse(props.get("management.endpoint.health.access"))
                || listed(props.get("management.endpoints.web.exposure.exclude"))) {
            return out;
        }
        boolean boot1 = dep != null && dep.boot1();
        Evidence at;
        Source source;
        if (include != null && !boot1) {
            if (!listed(include)) {
                return out; // an include list without health takes it off the web
            }
            at = include.at();
            source = Source.EXPLICIT;
        } else if (dep != null) {
            at = dep.at();
            source = Source.DEFAULT;
        } else {
            return out;
        }
        String base;
        if (boot1) {
            base = value(props, "management.context-path", "");
        } else {
            base = value(props, "management.endpoints.web.base-path", "/actuator");
        }
        String context = props.containsKey("management.server.port")
                ? value(props, "management.server.base-path", value(props, "management.server.servlet.context-path", ""))
                : value(props, "server.servlet.context-path", value(props, "server.context-path", ""));
        String health = HealthPaths.normalise(context + "/" + base + "/health");
        if (health == null) {
            return out;
        }
        List<Evidence> via = new ArrayList<>();
        for (String k : List.of("management.endpoints.web.base-path", "server.servlet.context-path",
                "management.server.base-path")) {
            if (props.containsKey(k) && !props.get(k).at().equals(at)) {
                via.add(props.get(k).at());
            }
        }
        String note = source == Source.DEFAULT ? (boot1 ? "Spring Boot 1 actuator default"
                : "Spring Boot actuator exposes health over HTTP by default") : null;
        out.add(new HealthRoute(health, "spring-boot-actuator", "GET", at, via, source,
                source == Source.DEFAULT ? Confidence.MEDIUM : Confidence.HIGH, note));
        Prop probes = props.get("management.endpoint.health.probes.enabled");
        if (probes != null && probes.value().equalsIgnoreCase("true") && !boot1) {
            out.add(new HealthRoute(health + "/liveness", "spring-boot-actuator", "GET", probes.at(), List.of(),
                    Source.EXPLICIT, Confidence.HIGH, null));
            out.add(new HealthRoute(health + "/readiness", "spring-boot-actuator", "GET", probes.at(), List.of(),
                    Source.EXPLICIT, Confidence.HIGH, null));
        }
        return out;
    }

    private static String value(Map<String, Prop> props, String key, String otherwise) {
        Prop p = props.get(key);
        if (p == null || p.value().contains("${")) {
            return otherwise;
        }
        return p.value();
    }

    private static boolean isFalse(Prop p) {
        return p != null && (p.value().equalsIgnoreCase("false") || p.value().equalsIgnoreCase("none"));
    }

    private static boolean listed(Prop p) {
        if (p == null) {
            return false;
        }
        for (String s : p.value().replace("\"", "").replace("'", "").split("[,\\s\\[\\]]+")) {
            if (s.equals("health") || s.equals("*")) {
                return true;
            }
        }
        return false;
    }
}
