package io.wsmemory.detectors.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemverRangeTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "^4.6.1 ; 4.6.1 ; true", "^4.6.1 ; 4.8.3 ; true", "^4.6.1 ; 5.0.0 ; false", "^4.6.1 ; 4.6.0 ; false",
        "^0.2.3 ; 0.2.9 ; true", "^0.2.3 ; 0.3.0 ; false", "^0.0.3 ; 0.0.4 ; false", "~4.6.0 ; 4.6.9 ; true",
        "~4.6.0 ; 4.7.0 ; false", "~4 ; 4.9.0 ; true", "4.x ; 4.1.0 ; true", "4 ; 5.0.0 ; false", "* ; 1.0.0 ; true",
        "'' ; 1.0.0 ; true", ">=2 <3 ; 2.5.0 ; true", ">= 2.0.0 < 3 ; 3.0.0 ; false", "1.2.3 - 2.3 ; 2.3.9 ; true",
        "1.2.3 - 2.3.4 ; 2.3.5 ; false", "^2 || ^4 ; 4.1.0 ; true", "^2 || ^4 ; 3.1.0 ; false", "4.6.1 ; 4.6.1 ; true",
        "=4.6.1 ; 4.6.2 ; false", ">4.6 ; 4.6.9 ; false", "<=4.6 ; 4.6.9 ; true", "^8.0.0-rc.1 ; 8.0.0 ; true"})
    void decides(String range, String version, boolean expected) {
        assertThat(SemverRange.satisfies(range, version)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"latest ; 1.0.0", "github:u/r#v1 ; 1.0.0", "workspace:* ; 1.0.0",
        "^4 ; not-a-version", "file:../x ; 1.0.0"})
    void cannotSay(String range, String version) {
        assertThat(SemverRange.satisfies(range, version)).isEqualTo(Optional.empty());
    }
}
