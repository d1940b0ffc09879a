package io.wsmemory.detectors.manifest;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pom.xml}: dependencies (also in profiles) with versions resolved the way Maven would from what the
 * repository holds: {@code ${property}} from the pom and its parents found in the repository, managed versions from
 * {@code dependencyManagement}, and for Spring artifacts without a version the Spring Boot version of the
 * {@code spring-boot-starter-parent} parent or the imported {@code spring-boot-dependencies} BOM. Managed entries are
 * versions, not dependencies, and make no fact of their own.
 */
public final class MavenPomDetector extends ManifestDetector {

    /** Groups whose versions Spring Boot's dependency management sets. */
    static final Set<String> BOOT_MANAGED = Set.of(
            "org.springframework.boot", "org.springframework", "io.netty", "jakarta.websocket", "javax.websocket");
    private static final Set<String> BOOT_PARENTS = Set.of(
            "spring-boot-starter-parent", "spring-boot-dependencies", "spring-boot-parent");
    /** Framework BOMs (imported in dependencyManagement) and the group whose versions each sets. */
    private static final Map<String, String> FRAMEWORK_BOMS = Map.of(
            "org.springframework:spring-framework-bom", "org.springframework",
            "io.netty:netty-bom", "io.netty");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]{1,200})}");
    private static final int MAX_PARENTS = 10;

    private final ConcurrentHashMap<String, Optional<PomModel>> poms = new ConcurrentHashMap<>();

    public MavenPomDetector() {
        super("manifest-maven", "WebSocket libraries declared in pom.xml, versions through properties, parents and BOMs");
    }

    @Override
    boolean acceptsName(String fileName, String path) {
        return fileName.equals("pom.xml");
    }

    @Override
    void read(SourceFile manifest, DetectionContext context, List<Fact> out) throws IOException {
        PomModel pom = PomModel.parse(manifest.content());
        List<PomModel> chain = chain(manifest.path(), pom, context.sources());
        Map<String, String> props = properties(chain);
        boolean any = false;
        for (PomModel.Dep d : pom.dependencies) {
            any |= !d.managed();
        }
        if (!any) {
            return;
        }
        Map<String, String> managed = new HashMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            for (PomModel.Dep d : chain.get(i).dependencies) {
                if (d.managed() && d.version() != null) {
                    managed.put(interpolate(d.groupId(), props) + ":" + interpolate(d.artifactId(), props), d.version());
                }
            }
        }
        String boot = bootVersion(chain, props);
        for (PomModel.Dep d : pom.dependencies) {
            if (d.managed()) {
                continue;
            }
            String group = interpolate(d.groupId(), props);
            String artifact = interpolate(d.artifactId(), props);
            if (group == null || artifact == null) {
                continue;
            }
            Optional<LibraryCatalog.Entry> entry = catalog.lookup(LibraryCatalog.Ecosystem.MAVEN, group + ":" + artifact);
            if (entry.isEmpty()) {
                continue;
            }
            String written = d.version();
            String raw = written != null ? written : managed.get(group + ":" + artifact);
            LibraryFact f = new LibraryFact(entry.get(), manifest, d.line());
            Bom bom = raw == null ? importedBom(chain, props, dep -> group.equals(FRAMEWORK_BOMS.get(dep.groupId()
                    + ":" + dep.artifactId()))) : null;
            if (bom != null) {
                f.value(bom.version()).attr("versionOf", bom.artifactId());
            } else if (raw == null && boot != null && BOOT_MANAGED.contains(group)) {
                f.value(boot).attr("versionOf", "spring-boot");
            } else {
                f.value(raw == null ? null : interpolate(raw, props)).declared(raw)
                        .attr("managed", written == null && raw != null ? "true" : null);
            }
            f.attr("scope", "test".equals(d.scope()) ? "dev" : null).attr("profile", d.profile());
            out.add(f.build("java"));
        }
    }

    /** The pom and its parents that the repository holds, nearest first. */
    private List<PomModel> chain(String path, PomModel pom, SourceSet sources) {
        List<PomModel> chain = new ArrayList<>();
        chain.add(pom);
        String at = path;
        PomModel current = pom;
        while (current.parent != null && chain.size() <= MAX_PARENTS) {
            PomModel.Parent p = current.parent;
            if (p.relativePath() != null && p.relativePath().isEmpty()) {
                break; // <relativePath/>: looked up in a repository, never in the tree
            }
            String rel = p.relativePath() == null ? "../pom.xml" : p.relativePath();
            if (!rel.endsWith(".xml")) {
                rel = rel + "/pom.xml";
            }
            String dir = at.contains("/") ? at.substring(0, at.lastIndexOf('/')) : "";
            String parentPath = SourceSet.normalise(dir.isEmpty() ? rel : dir + "/" + rel);
            if (parentPath == null || parentPath.equals(at)) {
                break;
            }
            PomModel parent = load(parentPath, sources).orElse(null);
            if (parent == null || !p.artifactId().equals(parent.artifactId)
                    || p.groupId() != null && parent.effectiveGroupId() != null
                    && !p.groupId().equals(parent.effectiveGroupId())) {
                break;
            }
            chain.add(parent);
            at = parentPath;
            current = parent;
        }
        return chain;
    }

    private Optional<PomModel> load(String path, SourceSet sources) {
        return poms.computeIfAbsent(path, p -> sources.file(p).map(f -> {
            try {
                return PomModel.parse(f.content());
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }));
    }

    /** Properties as Maven sees them: the eldest parent's first, each child overriding; then the project's own. */
    private static Map<String, String> properties(List<PomModel> chain) {
        Map<String, String> props = new HashMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            props.putAll(chain.get(i).properties);
        }
        PomModel pom = chain.get(0);
        putIfValue(props, "project.version", pom.effectiveVersion());
        putIfValue(props, "pom.version", pom.effectiveVersion());
        putIfValue(props, "version", pom.effectiveVersion());
        putIfValue(props, "project.groupId", pom.effectiveGroupId());
        putIfValue(props, "project.artifactId", pom.artifactId);
        if (pom.parent != null) {
            putIfValue(props, "project.parent.version", pom.parent.version());
            putIfValue(props, "parent.version", pom.parent.version());
            putIfValue(props, "project.parent.groupId", pom.parent.groupId());
        }
        return props;
    }

    private static void putIfValue(Map<String, String> props, String k, String v) {
        if (v != null && !v.isEmpty()) {
            props.put(k, v);
        }
    }

    /** A BOM imported in {@code dependencyManagement} and the version it is imported at. */
    private record Bom(String artifactId, String version) {
    }

    /** The first BOM of the chain, nearest pom first, that {@code which} picks, with its version; null if none. */
    private static Bom importedBom(List<PomModel> chain, Map<String, String> props,
                                   java.util.function.Predicate<PomModel.Dep> which) {
        for (PomModel pom : chain) {
            for (PomModel.Dep d : pom.dependencies) {
                if (d.managed() && "import".equals(d.scope()) && d.version() != null && which.test(d)) {
                    String v = interpolate(d.version(), props);
                    return v == null ? null : new Bom(d.artifactId(), v);
                }
            }
        }
        return null;
    }

    /** The Spring Boot version a boot parent or an imported boot BOM gives, if any. */
    private static String bootVersion(List<PomModel> chain, Map<String, String> props) {
        for (PomModel pom : chain) {
            PomModel.Parent p = pom.parent;
            if (p != null && "org.springframework.boot".equals(p.groupId()) && BOOT_PARENTS.contains(p.artifactId())
                    && p.version() != null) {
                return interpolate(p.version(), props);
            }
            for (PomModel.Dep d : pom.dependencies) {
                if (d.managed() && "org.springframework.boot".equals(d.groupId())
                        && "spring-boot-dependencies".equals(d.artifactId()) && "import".equals(d.scope())
                        && d.version() != null) {
                    return interpolate(d.version(), props);
                }
            }
        }
        return null;
    }

    /** {@code ${x}} replaced from the properties, following chains; null when something stays unresolved. */
    static String interpolate(String s, Map<String, String> props) {
        if (s == null) {
            return null;
        }
        String cur = s;
        for (int round = 0; round < 10 && cur.contains("${"); round++) {
            Matcher m = PROPERTY.matcher(cur);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String v = props.get(m.group(1).strip());
                if (v == null) {
                    return null;
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            m.appendTail(sb);
            cur = sb.toString();
            if (cur.length() > 1000) {
                return null;
            }
        }
        return cur.contains("${") ? null : cur.strip();
    }
}
