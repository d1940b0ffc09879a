package io.wsmemory.detectors.infra;

import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.engine.ScanEngine;
import io.wsmemory.core.engine.ScanOptions;
import io.wsmemory.core.engine.ScanResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes a small repository into a folder and scans it with the given detectors only. */
public final class InfraScan {

    private InfraScan() {
    }

    public static ScanResult scan(Path dir, Map<String, String> files, Detector... detectors) {
        try {
            for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            }
            return new ScanEngine(List.of(detectors), List.of(), ScanOptions.defaults()).scan(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Fact> facts(Path dir, Map<String, String> files, Detector... detectors) {
        return scan(dir, files, detectors).facts();
    }

    /** {@code kind key=value path:line} of each fact, in the scan's order. */
    public static List<String> brief(List<Fact> facts) {
        List<String> out = new ArrayList<>();
        for (Fact f : facts) {
            out.add(f.kind() + " " + f.key() + "=" + f.value() + " " + f.primaryEvidence().location());
        }
        return out;
    }
}
