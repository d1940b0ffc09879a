package io.wsmemory.detectors.monitoring.metrics;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import java.util.List;
import java.util.Map;

/**
 * A metric defined in code: the name as exported ({@code key}), the name as written when they differ, its type,
 * the client library, help text and label names, the place its name is written and the constants it came through.
 */
record MetricDef(String key, String written, String type, String library, String help, List<String> labels,
                 Evidence at, List<Evidence> via, Confidence confidence, Map<String, String> attrs) {
}
