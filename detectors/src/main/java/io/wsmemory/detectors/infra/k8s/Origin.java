package io.wsmemory.detectors.infra.k8s;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.detectors.infra.InfraEvidence;
import io.wsmemory.core.source.SourceFile;
import java.util.List;

/**
 * Where the lines of a manifest come from: the file itself, or a Helm template rendered with its chart's values, in
 * which case a line that holds a value read from values.yaml points there first.
 */
interface Origin {

    String path();

    /** The evidence for a line of the (rendered) manifest, primary first. */
    List<Evidence> evidence(int line);

    /** How sure a value on this line is: high for a literal, medium when it came through values.yaml. */
    Confidence confidence(int line);

    /** A name to use where the manifest's own name is a template expression (the chart's name). */
    String fallbackName();

    /** True when a scalar is a template expression that could not be rendered. */
    default boolean unresolved(String text) {
        return text == null || text.contains(HelmTemplate.UNRESOLVED);
    }

    static Origin of(SourceFile file) {
        return new Origin() {
            @Override
            public String path() {
                return file.path();
            }

            @Override
            public List<Evidence> evidence(int line) {
                return List.of(InfraEvidence.at(file, line));
            }

            @Override
            public Confidence confidence(int line) {
                return Confidence.HIGH;
            }

            @Override
            public String fallbackName() {
                return null;
            }
        };
    }
}
