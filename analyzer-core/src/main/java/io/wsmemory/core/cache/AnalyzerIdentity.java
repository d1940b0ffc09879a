package io.wsmemory.core.cache;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What identifies the analyzer for the cache: its version plus the size and time of the code it runs (the jars, or
 * the class folders of a development build). A snapshot version stays the same while its code changes, so the
 * version alone would let a rebuilt analyzer reuse results of the old one.
 */
public final class AnalyzerIdentity {

    /** Code does not change under a running JVM: each location is described once. */
    private static final Map<Path, String> DESCRIBED = new ConcurrentHashMap<>();

    private AnalyzerIdentity() {
    }

    /** {@code version} and the code of {@code classes}: jar size and time, or every class file of a folder. */
    public static String of(String version, List<Class<?>> classes) {
        TreeSet<String> locations = new TreeSet<>();
        for (Class<?> c : classes) {
            CodeSource cs = c.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) {
                locations.add("class:" + c.getName()); // no location to check: its name is all we know
                continue;
            }
            try {
                Path where = Path.of(cs.getLocation().toURI());
                String d = DESCRIBED.get(where);
                if (d == null) {
                    d = describe(where);
                    DESCRIBED.put(where, d);
                }
                locations.add(d);
            } catch (URISyntaxException | IllegalArgumentException | IOException | SecurityException e) {
                locations.add("unreadable:" + cs.getLocation());
            }
        }
        return version + "|" + String.join("|", locations);
    }

    private static String describe(Path location) throws IOException {
        if (Files.isRegularFile(location)) {
            return location + ":" + Files.size(location) + ":" + Files.getLastModifiedTime(location).toMillis();
        }
        List<String> parts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(location)) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> {
                try {
                    parts.add(location.relativize(f) + ":" + Files.size(f) + ":" + Files.getLastModifiedTime(f).toMillis());
                } catch (IOException e) {
                    parts.add(location.relativize(f) + ":unreadable");
                }
            });
        }
        return location + "{" + Hashes.sha256(String.join("\n", parts)) + "}";
    }
}
