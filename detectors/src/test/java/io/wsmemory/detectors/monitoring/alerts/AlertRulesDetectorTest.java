package io.wsmemory.detectors.monitoring.alerts;

import static io.wsmemory.detectors.monitoring.ScanHelper.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.Fact;
import io.wsmemory.detectors.monitoring.ScanHelper;
import io.wsmemory.detectors.monitoring.metrics.MetricsDetector;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRulesDetectorTest {

    @TempDir
    Path dir;

    private List<Fact> scan(ScanHelper repo) {
        return repo.scan(List.<Detector>of(new AlertRulesDetector(), new MetricsDetector()), List.of()).facts();
    }

    @Test
    void ruleFilesGiveNameExpressionForSeverityAndThreshold() {
        List<Fact> facts = scan(ScanHelper.in(dir).file("rules/app.rules.yml", """
                groups:
                  - name: app
                    rules:
                      - alert: ManyConnections
                        expr: sum(app_ws_connections) > 5000
                        for: 10m
                        labels: {severity: warning}
                        annotations:
                          summary: Too many sockets
                  - name: infra
                    rules:
                      - alert: DiskFull
                        expr: node_filesystem_avail_bytes < 1e9
                """));
        assertThat(ScanHelper.lines(facts)).containsExactly(
                "alert ManyConnections=sum(app_ws_connections) > 5000 @rules/app.rules.yml:4");
        Fact f = facts.get(0);
        assertThat(f.attrs()).containsEntry("for", "10m").containsEntry("severity", "warning")
                .containsEntry("threshold", "> 5000").containsEntry("group", "app")
                .containsEntry("summary", "Too many sockets");
    }

    @Test
    void aRuleThatReadsAMetricOfTheCodeIsKept() {
        List<Fact> facts = scan(ScanHelper.in(dir)
                .file("m.py", "from prometheus_client import Gauge\nG = Gauge('peers_online', 'Peers connected')\n")
                .file("k8s/rules.yaml", """
                        apiVersion: monitoring.coreos.com/v1
                        kind: PrometheusRule
                        spec:
                          groups:
                            - name: g
                              rules:
                                - alert: NoPeers
                                  expr: max(peers_online) == 0
                        """));
        assertThat(ScanHelper.lines(facts, "alert")).containsExactly("alert NoPeers=max(peers_online) == 0 @k8s/rules.yaml:7");
    }

    @Test
    void templatesAreReadLineByLine() {
        List<Fact> facts = scan(ScanHelper.in(dir).file("chart/templates/rules.yaml", """
                {{- if .Values.rules }}
                groups:
                  - name: {{ .Release.Name }}
                    rules:
                      - alert: WebsocketErrors
                        expr: >
                          rate(ws_errors_total[5m])
                            > 1
                        for: {{ .Values.for }}
                        labels:
                          severity: "page"
                {{- end }}
                """));
        assertThat(ScanHelper.lines(facts)).containsExactly(
                "alert WebsocketErrors=rate(ws_errors_total[5m]) > 1 @chart/templates/rules.yaml:5");
        assertThat(only(facts, "alert", "WebsocketErrors").attrs()).containsEntry("severity", "page")
                .doesNotContainKey("for");
    }

    @Test
    void malformedYamlIsNoError() {
        List<Fact> facts = scan(ScanHelper.in(dir).file("bad.rules.yml", "groups: [\n  - alert: \"x\n expr: :::\n"));
        assertThat(facts).isEmpty();
    }
}
