package io.wsmemory.detectors.monitoring.grafana;

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

class GrafanaDashboardDetectorTest {

    @TempDir
    Path dir;

    private List<Fact> scan(ScanHelper repo) {
        return repo.scan(List.<Detector>of(new GrafanaDashboardDetector(), new MetricsDetector()), List.of()).facts();
    }

    @Test
    void legacyRowsAndMetricsDefinedInCode() {
        List<Fact> facts = scan(ScanHelper.in(dir)
                .file("app/metrics.go", """
                        package app

                        import "github.com/prometheus/client_golang/prometheus"

                        var g = prometheus.NewGauge(prometheus.GaugeOpts{Name: "hub_peers", Help: "Peers connected"})
                        """)
                .file("ops/dash.json", """
                        {"title": "Hub", "rows": [
                          {"panels": [
                            {"title": "Peers", "targets": [{"expr": "sum(hub_peers)"}]},
                            {"title": "Go", "targets": [{"expr": "go_goroutines"}]}
                          ]}
                        ]}
                        """));
        assertThat(ScanHelper.lines(facts)).containsExactlyInAnyOrder(
                "metric hub_peers=gauge @app/metrics.go:5",
                "metric hub_peers=dashboard @ops/dash.json:3");
        Fact d = facts.stream().filter(f -> f.value().equals("dashboard")).findFirst().orElseThrow();
        assertThat(d.attrs()).containsEntry("dashboard", "Hub").containsEntry("panel", "Peers");
        assertThat(d.library()).isEqualTo("grafana");
    }

    @Test
    void jsonThatIsNoDashboardSaysNothing() {
        List<Fact> facts = scan(ScanHelper.in(dir)
                .file("a.json", "{\"panels\": \"none\", \"targets\": [], \"expr\": \"ws_x\"}")
                .file("b.json", "{\"panels\": [ {\"targets\": [{\"expr\": ")
                .file("c.json", "[1, 2, \"panels\", \"targets\", \"expr\"]"));
        assertThat(facts).isEmpty();
    }

    @Test
    void oneFactPerMetricAndDashboard() {
        List<Fact> facts = scan(ScanHelper.in(dir).file("d.json", """
                {"title": "WS", "panels": [
                  {"title": "A", "targets": [{"expr": "rate(ws_messages_total[1m])"}]},
                  {"title": "B", "targets": [{"expr": "increase(ws_messages_total[1h])"}]}
                ]}
                """));
        assertThat(ScanHelper.lines(facts)).containsExactly("metric ws_messages_total=dashboard @d.json:2");
        assertThat(only(facts, "metric", "ws_messages_total").attr("panel")).isEqualTo("A");
    }
}
