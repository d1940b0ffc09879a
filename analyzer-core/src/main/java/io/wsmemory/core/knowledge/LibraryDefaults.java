package io.wsmemory.core.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsmemory.core.api.Confidence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * A library's documented defaults, kept as data (a JSON resource per library) with the versions they hold for.
 * Detectors ask for a key and the version the manifests declare; the version picks the row.
 */
public final class LibraryDefaults {

    /** One default: the fact key, the option as the library spells it, its unit, and values per version range. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String key, String option, String unit, String kind, String basis, List<Row> values) {
    }

    /**
     * A value for a version range ({@code ">=2.1 <4"}; empty means every version). {@code basis} says how the
     * value is known: {@code src} (read in the library's source), {@code doc}, or {@code ext} (third-party only:
     * medium confidence).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(String versions, String value, String basis) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String library, String label, String latest, List<Entry> defaults) {
    }

    /** A default chosen for a version, with the version it was chosen for ("4.x", or "4.x assumed" when unknown). */
    public record Choice(Entry entry, String value, Confidence confidence, String basisLabel) {
    }

    private final Class<?> anchor;
    private final String resource;
    private volatile Data data;

    private LibraryDefaults(Class<?> anchor, String resource) {
        this.anchor = anchor;
        this.resource = resource;
    }

    /**
     * The defaults in {@code resource} next to {@code anchor}, read on first use: detectors hold them in static
     * fields, and reading them all when the detectors load cost a scan that never reaches them (a cached one, or a
     * repository without that library) a second of JSON binding. A missing resource still fails at load.
     */
    public static LibraryDefaults load(Class<?> anchor, String resource) {
        if (anchor.getResource(resource) == null) {
            throw new IllegalStateException("no defaults resource " + resource + " next to " + anchor.getName());
        }
        return new LibraryDefaults(anchor, resource);
    }

    private Data data() {
        Data d = data;
        if (d == null) {
            try (InputStream in = anchor.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no defaults resource " + resource + " next to " + anchor.getName());
                }
                d = new ObjectMapper().readValue(in, Data.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            data = d;
        }
        return d;
    }

    public String library() {
        return data().library();
    }

    /** The library's name for people, e.g. "Socket.IO". */
    public String label() {
        return data().label() == null ? data().library() : data().label();
    }

    public List<Entry> entries() {
        return data().defaults();
    }

    /**
     * The default of {@code key} for {@code declaredVersion} (a version or a manifest range such as {@code ^4.0.0};
     * null or unparseable means the latest major the data file names, with medium confidence).
     */
    public Optional<Choice> lookup(String key, String kind, String declaredVersion) {
        for (Entry e : data().defaults()) {
            if (e.key().equals(key) && (kind == null || kind.equals(e.kind() == null ? "setting" : e.kind()))) {
                return choose(e, declaredVersion);
            }
        }
        return Optional.empty();
    }

    public Optional<Choice> lookup(String key, String declaredVersion) {
        return lookup(key, null, declaredVersion);
    }

    private Optional<Choice> choose(Entry e, String declaredVersion) {
        Version v = Version.parse(declaredVersion);
        boolean assumed = v == null;
        if (assumed) {
            v = Version.parse(data().latest());
        }
        for (Row r : e.values()) {
            if (r.versions() == null || r.versions().isBlank() || v == null || Version.satisfies(v, r.versions())) {
                String basis = r.basis() != null ? r.basis() : e.basis();
                Confidence c = assumed || "ext".equals(basis) ? Confidence.MEDIUM : Confidence.HIGH;
                String label = label() + (v == null ? "" : " " + v.major() + ".x") + (assumed ? " assumed" : "");
                return Optional.of(new Choice(e, r.value(), c, label));
            }
        }
        return Optional.empty();
    }

    /**
     * Major, minor and patch of a declared version, enough to pick a row (Go modules change defaults in patch
     * releases: coder/websocket v1.8.8).
     */
    public record Version(int major, int minor, int patch) implements Comparable<Version> {

        private static final java.util.regex.Pattern NUMBERS =
                java.util.regex.Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

        public Version(int major, int minor) {
            this(major, minor, 0);
        }

        /** The lowest version a manifest range admits: {@code ^4.6.1} → 4.6, {@code ~=2.0,>=2.0.2} → 2.0, {@code v1.5.3} → 1.5. */
        public static Version parse(String declared) {
            if (declared == null) {
                return null;
            }
            java.util.regex.Matcher m = NUMBERS.matcher(declared);
            if (!m.find()) {
                return null;
            }
            try {
                int major = Integer.parseInt(m.group(1));
                int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                return new Version(major, minor, patch);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** Ranges are space-separated comparisons: {@code >=2.1 <4}, {@code <2.1}, {@code 3}. */
        static boolean satisfies(Version v, String range) {
            for (String part : range.trim().split("\\s+")) {
                String op = part.replaceAll("[\\d.]+$", "");
                Version bound = parse(part.substring(op.length()));
                if (bound == null) {
                    continue;
                }
                int c = v.compareTo(bound);
                boolean ok = switch (op) {
                    case ">=" -> c >= 0;
                    case ">" -> c > 0;
                    case "<=" -> c <= 0;
                    case "<" -> c < 0;
                    default -> v.major() == bound.major() && (!part.contains(".") || v.minor() == bound.minor())
                            && (part.chars().filter(ch -> ch == '.').count() < 2 || v.patch() == bound.patch());
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int compareTo(Version o) {
            if (major != o.major) {
                return Integer.compare(major, o.major);
            }
            return minor != o.minor ? Integer.compare(minor, o.minor) : Integer.compare(patch, o.patch);
        }
    }
}
