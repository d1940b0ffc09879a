package io.wsmemory.detectors.nestjs;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.js.JsModules;
import io.wsmemory.core.source.SourceFile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the repository file behind an import specifier the way a NestJS build does: relative specifiers as Node
 * resolves them, and the rest through the nearest {@code tsconfig.json} ({@code baseUrl}, so {@code src/chat/dto}
 * works as the Nest CLI writes it, and {@code paths} aliases such as {@code @common/*}). Packages stay unresolved.
 */
final class NestModules {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();
    private static final List<String> EXTENSIONS = List.of(".ts", ".tsx", "", ".js", ".mts", "/index.ts",
            "/index.tsx", "/index.js");
    private static final int MAX_EXTENDS = 3;

    /** A tsconfig's folder, the folder {@code baseUrl} names (or null), and its {@code paths} in order. */
    private record Config(String dir, String baseUrl, Map<String, List<String>> paths) {
    }

    private static final Config NONE = new Config("", null, Map.of());

    private final SourceSet sources;
    private final Map<String, Config> byDir = new ConcurrentHashMap<>();

    NestModules(SourceSet sources) {
        this.sources = sources;
    }

    Optional<SourceFile> resolve(String fromPath, String specifier) {
        if (specifier == null) {
            return Optional.empty();
        }
        if (specifier.startsWith(".")) {
            return JsModules.resolve(sources, fromPath, specifier);
        }
        Config c = configFor(folderOf(fromPath));
        if (c == NONE) {
            return workspacePackage(specifier);
        }
        String root = c.baseUrl() != null ? c.baseUrl() : c.dir();
        for (Map.Entry<String, List<String>> e : c.paths().entrySet()) {
            String pattern = e.getKey();
            String matched = match(pattern, specifier);
            if (matched == null) {
                continue;
            }
            for (String target : e.getValue()) {
                Optional<SourceFile> f = file(join(root, target.replace("*", matched)));
                if (f.isPresent()) {
                    return f;
                }
            }
        }
        if (c.baseUrl() != null) {
            Optional<SourceFile> f = file(join(c.baseUrl(), specifier));
            if (f.isPresent()) {
                return f;
            }
        }
        return workspacePackage(specifier);
    }

    /**
     * A package of the repository itself ({@code @acme/shared} in a monorepo's {@code packages/shared}): its sources,
     * where the manifest's entry points at build output ({@code dist/index.js} → {@code src/index.ts}).
     */
    private Optional<SourceFile> workspacePackage(String specifier) {
        Map<String, String> packages = workspaces();
        String name = specifier;
        String sub = "";
        while (!packages.containsKey(name)) {
            int slash = name.lastIndexOf('/');
            if (slash <= 0 || name.startsWith("@") && name.indexOf('/') == slash) {
                return Optional.empty();
            }
            sub = name.substring(slash) + sub;
            name = name.substring(0, slash);
        }
        String dir = packages.get(name);
        List<String> candidates = new ArrayList<>();
        if (!sub.isEmpty()) {
            candidates.add(join(dir, "src" + sub));
            candidates.add(join(dir, sub.substring(1)));
        } else {
            for (String entry : entries.getOrDefault(name, List.of())) {
                candidates.add(join(dir, entry));
                candidates.add(join(dir, entry.replaceFirst("^(\\./)?(dist|lib|build|out)(/(cjs|esm|es|src))?/", "src/")
                        .replaceFirst("\\.d\\.ts$", "")));
            }
            candidates.add(join(dir, "src/index"));
            candidates.add(join(dir, "index"));
        }
        for (String candidate : candidates) {
            Optional<SourceFile> f = file(candidate);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    private final Map<String, List<String>> entries = new ConcurrentHashMap<>();
    private volatile Map<String, String> workspaceDirs;

    /** Package name → folder, for every package.json of the scan. */
    private Map<String, String> workspaces() {
        Map<String, String> w = workspaceDirs;
        if (w != null) {
            return w;
        }
        synchronized (this) {
            if (workspaceDirs == null) {
                Map<String, String> found = new java.util.TreeMap<>();
                for (SourceFile f : sources.all()) {
                    if (!f.fileName().equals("package.json")) {
                        continue;
                    }
                    try {
                        JsonNode root = JSON.readTree(f.text());
                        JsonNode name = root == null ? null : root.get("name");
                        if (name != null && name.isTextual()) {
                            found.putIfAbsent(name.asText(), folderOf(f.path()));
                            List<String> e = new ArrayList<>();
                            for (String field : List.of("source", "types", "typings", "main", "module")) {
                                JsonNode v = root.get(field);
                                if (v != null && v.isTextual()) {
                                    e.add(v.asText());
                                }
                            }
                            entries.putIfAbsent(name.asText(), e);
                        }
                    } catch (Exception e) {
                        // a manifest that does not parse names no package
                    }
                }
                workspaceDirs = found;
            }
            return workspaceDirs;
        }
    }

    /** The part of {@code specifier} the {@code *} of {@code pattern} stands for ("" for an exact match), or null. */
    private static String match(String pattern, String specifier) {
        int star = pattern.indexOf('*');
        if (star < 0) {
            return pattern.equals(specifier) ? "" : null;
        }
        String prefix = pattern.substring(0, star);
        String suffix = pattern.substring(star + 1);
        if (specifier.length() >= prefix.length() + suffix.length() && specifier.startsWith(prefix)
                && specifier.endsWith(suffix)) {
            return specifier.substring(prefix.length(), specifier.length() - suffix.length());
        }
        return null;
    }

    private Optional<SourceFile> file(String base) {
        if (base == null) {
            return Optional.empty();
        }
        String stem = base.replaceFirst("\\.(js|mjs|cjs|jsx)$", "");
        for (String candidate : List.of(base, stem)) {
            for (String ext : EXTENSIONS) {
                Optional<SourceFile> f = sources.file(candidate + ext);
                if (f.isPresent() && f.get().language().isJsFamily()) {
                    return f;
                }
            }
        }
        return Optional.empty();
    }

    /** The tsconfig that governs {@code dir}: the nearest one at or above it. */
    private Config configFor(String dir) {
        Config cached = byDir.get(dir);
        if (cached != null) {
            return cached;
        }
        Config c;
        String path = dir.isEmpty() ? "tsconfig.json" : dir + "/tsconfig.json";
        if (sources.file(path).isPresent()) {
            c = read(path, 0);
        } else if (dir.isEmpty()) {
            c = NONE;
        } else {
            c = configFor(parentOf(dir));
        }
        byDir.put(dir, c);
        return c;
    }

    private Config read(String path, int depth) {
        Optional<SourceFile> f = sources.file(path);
        if (f.isEmpty() || depth > MAX_EXTENDS) {
            return NONE;
        }
        String dir = folderOf(path);
        JsonNode root;
        try {
            root = JSON.readTree(f.get().text());
        } catch (Exception e) {
            return new Config(dir, null, Map.of());
        }
        Config inherited = null;
        JsonNode ext = root == null ? null : root.get("extends");
        if (ext != null && ext.isTextual() && ext.asText().startsWith(".")) {
            String target = join(dir, ext.asText());
            if (target != null) {
                inherited = read(target.endsWith(".json") ? target : target + ".json", depth + 1);
            }
        }
        JsonNode options = root == null ? null : root.get("compilerOptions");
        String baseUrl = inherited == null ? null : inherited.baseUrl();
        Map<String, List<String>> paths = inherited == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(inherited.paths());
        if (options != null) {
            JsonNode b = options.get("baseUrl");
            if (b != null && b.isTextual()) {
                baseUrl = join(dir, b.asText());
            }
            JsonNode p = options.get("paths");
            if (p != null && p.isObject()) {
                paths = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> it = p.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    List<String> targets = new ArrayList<>();
                    for (JsonNode t : e.getValue()) {
                        if (t.isTextual()) {
                            targets.add(t.asText());
                        }
                    }
                    paths.put(e.getKey(), targets);
                }
            }
        }
        return new Config(dir, baseUrl, paths);
    }

    private static String join(String dir, String rel) {
        return SourceSet.normalise(dir.isEmpty() ? rel : dir + "/" + rel);
    }

    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String parentOf(String dir) {
        int slash = dir.lastIndexOf('/');
        return slash < 0 ? "" : dir.substring(0, slash);
    }
}
