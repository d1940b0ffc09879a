package io.wsmemory.detectors.monitoring.health;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import java.util.List;

/** A health endpoint found in code or configuration, before it becomes a fact. */
record HealthRoute(String path, String framework, String method, Evidence at, List<Evidence> via, Source source,
                   Confidence confidence, String note) {

    static HealthRoute of(String path, String framework, String method, Evidence at) {
        return new HealthRoute(path, framework, method, at, List.of(), Source.EXPLICIT, Confidence.HIGH, null);
    }
}
