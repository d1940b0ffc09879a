package io.wsmemory.detectors.monitoring.alerts;

import io.wsmemory.core.api.Evidence;

/** A Prometheus alerting rule as written: name, expression, {@code for}, severity label, summary and group. */
record AlertRule(String name, String expr, String forText, String severity, String summary, String group,
                 Evidence at, boolean wsFile) {
}
