package io.wsmemory.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.Language;
import io.wsmemory.core.source.SkippedFile;
import io.wsmemory.core.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanEngineTest {

    @TempDir
    Path root;

    /** Emits one event per accepted file, keyed by its path. */
    private static Detector emitter(String id, String failOn) {
        return new Detector() {
            @Override
            public DetectorDescriptor descriptor() {
                return new DetectorDescriptor(id, "Test.", Set.of(Language.JAVASCRIPT), List.of("x"));
            }

            @Override
            public boolean accepts(SourceFile file) {
                if (file.path().equals(failOn)) {
                    throw new IllegalStateException("cannot handle " + file.path());
                }
                return Detector.super.accepts(file);
            }

            @Override
            public void detect(ParsedFile file, DetectionContext context) {
                context.emit(Fact.of("event", id + ":" + file.path()).value("in")
                        .evidence(Evidence.at(file.path(), 1)).build());
            }
        };
    }

    @Test
    void aDetectorThatFailsToAcceptOneFileCostsOnlyThatDetectorAndFile() throws IOException {
        Files.writeString(root.resolve("odd.js"), "x();\n");
        Files.writeString(root.resolve("ok.js"), "x();\n");
        ScanResult r = new ScanEngine(List.of(emitter("a", "odd.js"), emitter("b", null)), ScanOptions.defaults())
                .scan(root);
        assertThat(r.skipped()).containsExactly(
                new SkippedFile("odd.js", "detector a failed: IllegalStateException: cannot handle odd.js"));
        assertThat(r.facts()).extracting(Fact::key).containsExactly("a:ok.js", "b:odd.js", "b:ok.js");
    }
}
