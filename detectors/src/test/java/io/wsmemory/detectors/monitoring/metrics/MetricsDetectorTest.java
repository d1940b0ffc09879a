package io.wsmemory.detectors.monitoring.metrics;

import static io.wsmemory.detectors.monitoring.ScanHelper.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.Fact;
import io.wsmemory.detectors.monitoring.ScanHelper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsDetectorTest {

    @TempDir
    Path dir;

    private List<Fact> scan(ScanHelper repo) {
        return repo.scan(List.<Detector>of(new MetricsDetector()), List.of()).facts();
    }

    @Test
    void promClientThroughImportsRequiresAndConstantsInOtherFiles() {
        List<Fact> facts = scan(ScanHelper.in(dir)
                .file("src/names.js", "exports.PREFIX = 'chat';\n")
                .file("src/metrics.js", """
                        const client = require('prom-client');
                        const { PREFIX } = require('./names');
                        const { Gauge: G } = require('prom-client');
                        new client.Gauge({ name: `${PREFIX}_ws_connections`, help: 'Open sockets', labelNames: ['room', 'node'] });
                        new G({
                          name: 'rooms_active',
                          help: 'Rooms',
                        });
                        new client.Histogram({ name: 'http_request_duration_seconds', help: 'HTTP' });
                        new Map({ name: 'ws_not_a_metric' });
                        """));
        assertThat(ScanHelper.lines(facts)).containsExactlyInAnyOrder(
                "metric chat_ws_connections=gauge @src/metrics.js:4",
                "metric rooms_active=gauge @src/metrics.js:6");
        Fact conns = only(facts, "metric", "chat_ws_connections");
        assertThat(conns.library()).isEqualTo("prom-client");
        assertThat(conns.attr("labels")).isEqualTo("room,node");
        assertThat(conns.attr("help")).isEqualTo("Open sockets");
        assertThat(conns.confidence()).isEqualTo(Confidence.MEDIUM); // a template string over a constant
        assertThat(only(facts, "metric", "rooms_active").confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void aFileWithoutPromClientIsNotRead() {
        List<Fact> facts = scan(ScanHelper.in(dir).file("a.js", """
                class Gauge { constructor(o) {} }
                new Gauge({ name: 'ws_connections', help: 'x' }); // prom-client is only named in this comment
                """));
        assertThat(facts).isEmpty();
    }

    @Test
    void goClientBuildsNamespaceSubsystemName() {
        List<Fact> facts = scan(ScanHelper.in(dir)
                .file("hub/consts.go", "package hub\n\nconst ns = \"relay\"\n")
                .file("hub/metrics.go", """
                        package hub

                        import prom "github.com/prometheus/client_golang/prometheus"

                        var a = prom.NewGaugeVec(prom.GaugeOpts{Namespace: ns, Subsystem: "hub", Name: "clients", Help: "Connected clients"}, []string{"room"})
                        var b = prom.NewCounter(prom.CounterOpts{Name: "requests_total", Help: "HTTP requests"})
                        var c = prom.NewSummary(prom.SummaryOpts{Namespace: cfg.NS, Name: "ws_sessions"})
                        """));
        assertThat(ScanHelper.lines(facts)).containsExactly("metric relay_hub_clients=gauge @hub/metrics.go:5");
        Fact f = facts.get(0);
        assertThat(f.library()).isEqualTo("prometheus/client_golang");
        assertThat(f.attr("labels")).isEqualTo("room");
        assertThat(f.evidence()).extracting(e -> e.location()).contains("hub/consts.go:3");
    }

    @Test
    void goOptsOfAnotherPackageAreNotPrometheus() {
        List<Fact> facts = scan(ScanHelper.in(dir).file("m.go", """
                package m

                import (
                	"github.com/prometheus/client_golang/prometheus"
                	other "example.com/metrics"
                )

                var _ = other.NewGauge(other.GaugeOpts{Name: "ws_connections"})
                var _ prometheus.Gauge
                """));
        assertThat(facts).isEmpty();
    }

    @Test
    void pythonClientExportsCountersWithTotalAndUnits() {
        List<Fact> facts = scan(ScanHelper.in(dir).file("m.py", """
                from prometheus_client import Counter, Histogram, Info
                import prometheus_client

                A = Counter("ws_messages_total", "Messages")
                B = Histogram("ws_handshake", "Handshakes", namespace="chat", unit="seconds")
                C = prometheus_client.Gauge("rooms", "Rooms", ["kind"])
                D = Info("ws_build", "Build of the socket server")
                E = Counter(f"ws_{x}", "dynamic")
                """));
        assertThat(ScanHelper.lines(facts)).containsExactlyInAnyOrder(
                "metric ws_messages_total=counter @m.py:4",
                "metric chat_ws_handshake_seconds=histogram @m.py:5",
                "metric rooms=gauge @m.py:6",
                "metric ws_build_info=info @m.py:7");
        assertThat(only(facts, "metric", "chat_ws_handshake_seconds").attr("written")).isEqualTo("ws_handshake");
        assertThat(only(facts, "metric", "ws_messages_total").attr("written")).isNull();
    }

    @Test
    void micrometerKeepsTheWrittenNameAndGivesThePrometheusOne() {
        List<Fact> facts = scan(ScanHelper.in(dir)
                .file("src/Names.java", "class Names { static final String SESSIONS = \"ws.\" + \"sessions\"; }\n")
                .file("src/Meters.java", """
                        import io.micrometer.core.instrument.*;
                        class Meters {
                            Meters(MeterRegistry meterRegistry, Object other) {
                                Counter.builder("ws.messages").description("Messages").baseUnit("frames").register(meterRegistry);
                                meterRegistry.gauge(Names.SESSIONS, 1);
                                meterRegistry.more().counter("ws.dropped", java.util.List.of(), this, x -> 1);
                                DistributionSummary.builder("ws.payload").baseUnit("bytes").register(meterRegistry);
                                LongTaskTimer.builder("ws.handshake").register(meterRegistry);
                                other.counter("ws.not.a.registry");
                            }
                        }
                        """));
        assertThat(ScanHelper.lines(facts)).containsExactlyInAnyOrder(
                "metric ws.messages=counter @src/Meters.java:4",
                "metric ws.sessions=gauge @src/Meters.java:5",
                "metric ws.dropped=counter @src/Meters.java:6",
                "metric ws.payload=summary @src/Meters.java:7",
                "metric ws.handshake=long-task-timer @src/Meters.java:8");
        assertThat(only(facts, "metric", "ws.messages").attr("prometheus")).isEqualTo("ws_messages_frames_total");
        assertThat(only(facts, "metric", "ws.payload").attr("prometheus")).isEqualTo("ws_payload_bytes");
        assertThat(only(facts, "metric", "ws.handshake").attr("prometheus")).isEqualTo("ws_handshake_seconds");
        assertThat(only(facts, "metric", "ws.sessions").confidence()).isEqualTo(Confidence.MEDIUM);
    }

    @Test
    void prometheusNamingConvention() {
        assertThat(JavaMetrics.prometheusName("ws.connections", "gauge", null)).isEqualTo("ws_connections");
        assertThat(JavaMetrics.prometheusName("ws-msgs", "counter", null)).isEqualTo("ws_msgs_total");
        assertThat(JavaMetrics.prometheusName("ws.msgs_total", "counter", null)).isEqualTo("ws_msgs_total");
        assertThat(JavaMetrics.prometheusName("ws.send", "timer", null)).isEqualTo("ws_send_seconds");
    }
}
