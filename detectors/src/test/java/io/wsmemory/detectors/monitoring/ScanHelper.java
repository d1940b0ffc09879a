package io.wsmemory.detectors.monitoring;

import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.FactRule;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.engine.ScanEngine;
import io.wsmemory.core.engine.ScanOptions;
import io.wsmemory.core.engine.ScanResult;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes a small repository, scans it with the given detectors and rules, and prints facts compactly. */
public final class ScanHelper {

    private final Path root;
    private final Map<String, String> files = new LinkedHashMap<>();

    private ScanHelper(Path root) {
        this.root = root;
    }

    public static ScanHelper in(Path root) {
        return new ScanHelper(root);
    }

    public ScanHelper file(String path, String content) {
        files.put(path, content);
        return this;
    }

    public ScanResult scan(List<Detector> detectors, List<FactRule> rules) {
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = root.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            }
            return new ScanEngine(detectors, rules, ScanOptions.defaults()).scan(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kind key=value @path:line} of the facts of the given kinds. */
    public List<String> lines(List<Detector> detectors, List<FactRule> rules, String... kinds) {
        return lines(scan(detectors, rules).facts(), kinds);
    }

    public static List<String> lines(List<Fact> facts, String... kinds) {
        Set<String> wanted = Set.of(kinds);
        List<String> out = new ArrayList<>();
        for (Fact f : facts) {
            if (wanted.isEmpty() || wanted.contains(f.kind())) {
                out.add(line(f));
            }
        }
        return out;
    }

    public static String line(Fact f) {
        return f.kind() + " " + f.key() + "=" + f.value() + " @" + (f.primaryEvidence() == null ? "-"
                : f.primaryEvidence().location());
    }

    /** The only fact of a kind and key; fails when there is none or more than one. */
    public static Fact only(List<Fact> facts, String kind, String key) {
        List<Fact> found = facts.stream().filter(f -> f.kind().equals(kind) && f.key().equals(key)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " " + key + ", found " + found);
        }
        return found.get(0);
    }

    /** A detector that reads nothing and emits the given facts when the scan finishes. */
    public static Detector emitting(List<Fact> facts) {
        return new Detector() {
            @Override
            public DetectorDescriptor descriptor() {
                return new DetectorDescriptor("test-facts", "emits given facts", Set.of(), List.of());
            }

            @Override
            public boolean accepts(SourceFile file) {
                return false;
            }

            @Override
            public void detect(ParsedFile file, DetectionContext context) {
            }

            @Override
            public void finish(RepoContext context) {
                facts.forEach(context::emit);
            }
        };
    }
}
