/**
 * What a WebSocket engineer must know about a system's operations, read from the repository: metrics, alert
 * rules, dashboards, health checks, load-test baselines and technical debt. Fact conventions (see spec/facts.md):
 *
 * <ul>
 *   <li>{@code metric} (detector {@code monitoring-metrics}): key = the name as exported (prom-client and the Go
 *       client as written; prometheus_client with namespace, subsystem, unit and a counter's {@code _total};
 *       Micrometer as written, its Prometheus form in {@code attrs.prometheus}), value = counter, gauge,
 *       histogram, summary, timer, long-task-timer, info or enum; {@code library} = prom-client,
 *       prometheus/client_golang, prometheus_client, micrometer, prometheus-java; attrs {@code help},
 *       {@code labels}, {@code written} (when the exported name differs). Only metrics about WebSockets
 *       (ws-words.txt).</li>
 *   <li>{@code metric} with value {@code dashboard} (detector {@code monitoring-grafana}): a metric a Grafana
 *       panel queries, one per metric and dashboard, {@code library} grafana, attrs {@code dashboard} (its title)
 *       and {@code panel}, evidence at the query.</li>
 *   <li>{@code alert} (detector {@code monitoring-alerts}): key = the alert name, value = its expression on one
 *       line, attrs {@code for}, {@code severity}, {@code threshold}, {@code group}, {@code summary}.</li>
 *   <li>{@code health} (detector {@code monitoring-health}): key = the path, value = {@code liveness},
 *       {@code readiness} or {@code http}, attrs {@code framework}, {@code method}.</li>
 *   <li>{@code baseline} (detector {@code monitoring-loadtest}; a kind this package adds, see
 *       {@link io.wsmemory.detectors.monitoring.MonitoringKinds}).</li>
 *   <li>{@code finding WS-DEBT-TODO} (rule {@code monitoring-debt}): value {@code info}, attrs {@code text},
 *       {@code marker}, {@code why}.</li>
 * </ul>
 */
package io.wsmemory.detectors.monitoring;
