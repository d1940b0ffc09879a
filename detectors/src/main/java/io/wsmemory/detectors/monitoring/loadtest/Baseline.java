package io.wsmemory.detectors.monitoring.loadtest;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Source;
import io.wsmemory.detectors.monitoring.MonitoringKinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One number or condition of a load-test scenario, as it becomes a {@code baseline} fact. */
final class Baseline {

    static final String CONNECTIONS = "connections";
    static final String VUS = "vus";
    static final String CONCURRENCY = "concurrency";
    static final String ARRIVAL_RATE = "arrival-rate";
    static final String ARRIVALS = "arrivals";
    static final String SPAWN_RATE = "spawn-rate";
    static final String DURATION = "duration";
    static final String THRESHOLD = "threshold";
    static final String MESSAGES = "messages";
    static final String SCENARIO = "scenario";

    private final String key;
    private final String value;
    private final Evidence at;
    private final List<Evidence> via = new ArrayList<>();
    private final Map<String, String> attrs = new LinkedHashMap<>();
    private Source source = Source.EXPLICIT;
    private Confidence confidence = Confidence.HIGH;

    private Baseline(String key, String value, Evidence at, String tool) {
        this.key = key;
        this.value = value;
        this.at = at;
        attrs.put("tool", tool);
    }

    static Baseline of(String key, String value, Evidence at, String tool) {
        return new Baseline(key, value, at, tool);
    }

    Baseline attr(String name, String v) {
        if (v != null && !v.isBlank()) {
            attrs.put(name, v);
        }
        return this;
    }

    Baseline via(List<Evidence> es) {
        via.addAll(es);
        if (!es.isEmpty() && confidence == Confidence.HIGH) {
            confidence = Confidence.MEDIUM;
        }
        return this;
    }

    Baseline env(String variable) {
        if (variable != null) {
            source = Source.ENV;
            confidence = Confidence.MEDIUM;
            attrs.put("variable", variable);
        }
        return this;
    }

    Fact fact() {
        String unit = switch (key) {
            case DURATION -> "ms";
            case ARRIVAL_RATE, SPAWN_RATE -> "1/s";
            default -> null;
        };
        Fact.Builder b = Fact.of(MonitoringKinds.BASELINE, key).value(value).unit(unit).source(source)
                .confidence(confidence).evidence(at).evidence(via);
        attrs.forEach(b::attr);
        return b.build();
    }
}
