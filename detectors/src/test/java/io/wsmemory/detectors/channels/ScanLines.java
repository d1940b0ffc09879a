package io.wsmemory.detectors.channels;

import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.engine.ScanEngine;
import io.wsmemory.core.engine.ScanOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Scans a folder with chosen detectors and prints each fact as one comparable line. */
public final class ScanLines {

    private ScanLines() {
    }

    /** {@code kind key=value [source] path:line}, in the report's order. */
    public static List<String> scan(Path dir, Detector... detectors) {
        try {
            return new ScanEngine(List.of(detectors), List.of(), ScanOptions.defaults()).scan(dir).facts().stream()
                    .map(ScanLines::line).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String line(Fact f) {
        return f.kind() + " " + f.key() + "=" + f.value() + " [" + f.source().id() + "] "
                + (f.primaryEvidence() == null ? "-" : f.primaryEvidence().location());
    }

    /** The fixture repository {@code name} under fixtures/repos. */
    public static Path fixture(String name) {
        Path p = Path.of("..", "fixtures", "repos", name);
        if (!Files.isDirectory(p)) {
            p = Path.of("fixtures", "repos", name);
        }
        return p;
    }

    /** Writes a small repository of {@code path → content} under {@code dir}. */
    public static Path write(Path dir, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
