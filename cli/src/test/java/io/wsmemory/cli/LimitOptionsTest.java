package io.wsmemory.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmemory.core.engine.ScanLimits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LimitOptionsTest {

    @ParameterizedTest
    @CsvSource({"100, 100", "1k, 1024", "512K, 524288", "4m, 4194304", "2MiB, 2097152", "1g, 1073741824",
        "3 kb, 3072", "7b, 7"})
    void sizesReadAsBytesOrBinaryUnits(String text, long bytes) throws UsageException {
        assertThat(LimitOptions.bytes(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "lots", "-1", "0", "1.5m", "4t", "99999999999999999999", "9999999999g"})
    void badSizesAreUsageErrors(String text) {
        assertThatThrownBy(() -> LimitOptions.bytes(text)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--max-file-size ");
    }

    @ParameterizedTest
    @CsvSource({"250, 250", "500ms, 500", "30s, 30000", "2m, 120000", "1min, 60000", "10 s, 10000"})
    void timesReadAsMillisecondsOrUnits(String text, long millis) throws UsageException {
        assertThat(LimitOptions.millis(text)).isEqualTo(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5s", "0", "0ms", "1.5s", "3h", "999999999999999m"})
    void badTimesAreUsageErrors(String text) {
        assertThatThrownBy(() -> LimitOptions.millis(text)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--file-timeout ");
    }

    @Test
    void unsetLimitsAreTheDefaults() throws UsageException {
        assertThat(new LimitOptions().limits()).isEqualTo(ScanLimits.defaults());
        LimitOptions o = new LimitOptions();
        o.maxFiles = 0;
        assertThatThrownBy(o::limits).isInstanceOf(UsageException.class).hasMessage("--max-files must be at least 1, not 0");
    }
}
