package io.wsmemory.detectors.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void readsMetricNamesNotFunctionsLabelsOrGroupings() {
        assertThat(PromQl.metricNames(
                "histogram_quantile(0.99, sum by (le, job) (rate(ws_latency_seconds_bucket{job=\"x\", a=~\"b.*\"}[5m])))"))
                .containsExactly("ws_latency_seconds_bucket");
        assertThat(PromQl.metricNames("sum(rate(a_total[1m])) by (room) / on(instance) group_left(x) b_total offset 5m"))
                .containsExactly("a_total", "b_total");
        assertThat(PromQl.metricNames("rate(x_total[$__rate_interval]) * ${factor} + $y")).containsExactly("x_total");
        assertThat(PromQl.metricNames("up{job=\"websocket\"} == 0 and vector(1)")).containsExactly("up");
        assertThat(PromQl.metricNames("count(x) > 1e3")).containsExactly("x");
        assertThat(PromQl.metricNames("job:ws_messages:rate1m > 5")).containsExactly("job:ws_messages:rate1m");
        assertThat(PromQl.metricNames(null)).isEmpty();
    }

    @Test
    void readsATopLevelThreshold() {
        assertThat(PromQl.threshold("sum(ws_connections) > 10000")).isEqualTo("> 10000");
        assertThat(PromQl.threshold("x == bool 0")).isEqualTo("== 0");
        assertThat(PromQl.threshold("rate(x[5m]) < 0.5")).isEqualTo("< 0.5");
        assertThat(PromQl.threshold("max(x) >= 2e9")).isEqualTo(">= 2e9");
        assertThat(PromQl.threshold("(a > 5)")).isNull();
        assertThat(PromQl.threshold("absent(up)")).isNull();
    }
}
