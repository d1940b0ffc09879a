package io.wsmemory.detectors.manifest;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Runs one manifest detector over files given as text, the way the engine would, and renders facts compactly. */
final class ManifestScan {

    private ManifestScan() {
    }

    static List<Fact> run(Detector detector, Map<String, String> files) {
        List<SourceFile> all = new ArrayList<>();
        new TreeMap<>(files).forEach((path, text) -> all.add(SourceFile.ofContent(path, text)));
        SourceSet sources = new SourceSet(all, 1000);
        List<Fact> facts = Collections.synchronizedList(new ArrayList<>());
        DetectionContext ctx = new DetectionContext() {
            @Override
            public void emit(Fact fact) {
                facts.add(fact);
            }

            @Override
            public SourceSet sources() {
                return sources;
            }
        };
        for (SourceFile f : all) {
            if (detector.accepts(f)) {
                detector.detect(new ParsedFile(f, 1000), ctx);
            }
        }
        List<Fact> out = new ArrayList<>(facts);
        Collections.sort(out);
        return out;
    }

    /** {@code key=value @path:line {attrs}}: one line per fact, enough to assert everything a reader promises. */
    static String render(Fact f) {
        String attrs = f.attrs().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return f.key() + "=" + f.value() + " @" + f.primaryEvidence().location() + " {" + attrs + "}";
    }

    static List<String> render(List<Fact> facts) {
        return facts.stream().map(ManifestScan::render).toList();
    }

    static List<String> scan(Detector detector, Map<String, String> files) {
        return render(run(detector, files));
    }
}
