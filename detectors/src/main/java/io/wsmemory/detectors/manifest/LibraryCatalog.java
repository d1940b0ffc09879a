package io.wsmemory.detectors.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsmemory.core.api.Confidence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The WebSocket libraries a manifest can name, read from {@code libraries.json}: ecosystem and package name to
 * canonical library id and role. An entry with no id is a deliberate non-fact (adapters, parsers, platforms).
 */
public final class LibraryCatalog {

    /** The package ecosystems the manifests belong to. */
    public enum Ecosystem {
        NPM, GO, MAVEN, PYPI;

        static Ecosystem of(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /** A catalogued library: its canonical id, role and how sure a dependency on it makes us. */
    public record Entry(String id, String role, Confidence confidence, String language) {
    }

    private static final String RESOURCE = "libraries.json";
    private static volatile LibraryCatalog standard;

    private final Map<Ecosystem, Map<String, Optional<Entry>>> exact = new HashMap<>();
    private final List<Glob> globs = new ArrayList<>();

    private record Glob(Ecosystem ecosystem, Pattern pattern, Optional<Entry> entry) {
    }

    LibraryCatalog(JsonNode root) {
        for (Ecosystem e : Ecosystem.values()) {
            exact.put(e, new HashMap<>());
        }
        for (JsonNode n : root.path("libraries")) {
            Ecosystem eco = Ecosystem.of(n.path("ecosystem").asText());
            String pkg = n.path("package").asText();
            Optional<Entry> entry = Optional.empty();
            if (n.hasNonNull("id")) {
                Confidence c = n.hasNonNull("confidence")
                        ? Confidence.valueOf(n.get("confidence").asText().toUpperCase(Locale.ROOT)) : Confidence.HIGH;
                entry = Optional.of(new Entry(n.get("id").asText(), n.path("role").asText("server"), c,
                        n.hasNonNull("language") ? n.get("language").asText() : null));
            }
            if (pkg.contains("*")) {
                StringBuilder re = new StringBuilder();
                for (String part : pkg.split("\\*", -1)) {
                    if (re.length() > 0) {
                        re.append(".*");
                    }
                    re.append(Pattern.quote(part));
                }
                globs.add(new Glob(eco, Pattern.compile(re.toString()), entry));
            } else {
                exact.get(eco).putIfAbsent(key(eco, pkg), entry);
            }
        }
    }

    /** The catalog shipped with the detectors. */
    public static LibraryCatalog standard() {
        LibraryCatalog c = standard;
        if (c == null) {
            synchronized (LibraryCatalog.class) {
                c = standard;
                if (c == null) {
                    try (InputStream in = LibraryCatalog.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("missing resource " + RESOURCE);
                        }
                        c = new LibraryCatalog(new ObjectMapper().readTree(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    standard = c;
                }
            }
        }
        return c;
    }

    /** The library a package name stands for; empty for packages that are not WebSocket libraries. */
    public Optional<Entry> lookup(Ecosystem ecosystem, String packageName) {
        if (packageName == null || packageName.isEmpty()) {
            return Optional.empty();
        }
        String k = key(ecosystem, packageName);
        Optional<Entry> hit = exact.get(ecosystem).get(k);
        if (hit != null) {
            return hit;
        }
        for (Glob g : globs) {
            if (g.ecosystem() == ecosystem && g.pattern().matcher(k).matches()) {
                return g.entry();
            }
        }
        return Optional.empty();
    }

    static String key(Ecosystem ecosystem, String name) {
        return ecosystem == Ecosystem.PYPI ? normalisePython(name) : name;
    }

    /** PEP 503: lower case, runs of {@code -}, {@code _} and {@code .} are one {@code -}. */
    public static String normalisePython(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
