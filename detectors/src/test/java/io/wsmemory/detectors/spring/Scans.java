package io.wsmemory.detectors.spring;

import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.engine.ScanEngine;
import io.wsmemory.core.engine.ScanOptions;
import io.wsmemory.core.engine.ScanResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Scans a small repository written by a test with chosen detectors; facts as one line each. */
public final class Scans {

    private Scans() {
    }

    /** Files by repository path, then the scan's facts. */
    public static List<Fact> scan(Path dir, Map<String, String> files, Detector... detectors) {
        try {
            for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
            }
            ScanResult r = new ScanEngine(List.of(detectors), List.of(), ScanOptions.defaults()).scan(dir);
            return r.facts();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kind key=value @path:line}, the identity a fixture expectation checks. */
    public static List<String> lines(List<Fact> facts) {
        List<String> out = new ArrayList<>();
        for (Fact f : facts) {
            out.add(line(f));
        }
        return out;
    }

    public static String line(Fact f) {
        String where = f.primaryEvidence() == null ? "" : " @" + f.primaryEvidence().path() + ":"
                + f.primaryEvidence().line();
        return f.kind() + " " + f.key() + "=" + f.value() + where;
    }
}
