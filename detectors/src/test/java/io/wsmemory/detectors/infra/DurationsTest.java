package io.wsmemory.detectors.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void nginxCountsSecondsAndReadsUnits() {
        assertThat(Durations.nginx("60s")).isEqualTo(60_000L);
        assertThat(Durations.nginx("3600")).isEqualTo(3_600_000L);
        assertThat(Durations.nginx("1h")).isEqualTo(3_600_000L);
        assertThat(Durations.nginx("1m30s")).isEqualTo(90_000L);
        assertThat(Durations.nginx("500ms")).isEqualTo(500L);
        assertThat(Durations.nginx("1d")).isEqualTo(86_400_000L);
        assertThat(Durations.nginx("\"75s\"")).isEqualTo(75_000L);
    }

    @Test
    void haproxyCountsMilliseconds() {
        assertThat(Durations.haproxy("5000")).isEqualTo(5_000L);
        assertThat(Durations.haproxy("25s")).isEqualTo(25_000L);
        assertThat(Durations.haproxy("3600s")).isEqualTo(3_600_000L);
        assertThat(Durations.haproxy("1h")).isEqualTo(3_600_000L);
    }

    @Test
    void secondsAndGoDurations() {
        assertThat(Durations.seconds("3600")).isEqualTo(3_600_000L);
        assertThat(Durations.seconds(" 60 ")).isEqualTo(60_000L);
        assertThat(Durations.go("1h30m")).isEqualTo(5_400_000L);
    }

    @Test
    void whatIsNotATimeIsNull() {
        assertThat(Durations.nginx("${TIMEOUT}")).isNull();
        assertThat(Durations.nginx("")).isNull();
        assertThat(Durations.nginx(null)).isNull();
        assertThat(Durations.nginx("10 s")).isNull();
        assertThat(Durations.nginx("5s30")).isNull();
        assertThat(Durations.haproxy("forever")).isNull();
        assertThat(Durations.seconds("-1")).isNull();
    }
}
