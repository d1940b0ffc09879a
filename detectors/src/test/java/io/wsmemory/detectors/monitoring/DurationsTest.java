package io.wsmemory.detectors.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"1m30s ; 90000", "5m ; 300000", "500ms ; 500", "2h ; 7200000",
        "10 minutes ; 600000", "1 second ; 1000", "60 ; 60000", "1.5s ; 1500", "1d ; 86400000"})
    void reads(String text, long millis) {
        assertThat(Durations.millis(text, 1000)).isEqualTo(millis);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"soon", "5 parsecs", "m5", "''", "1m then 2s"})
    void refusesWhatIsNoDuration(String text) {
        assertThat(Durations.millis(text, 1000)).isNull();
    }
}
