package io.wsmemory.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.knowledge.LibraryDefaults.Version;
import org.junit.jupiter.api.Test;

class LibraryDefaultsVersionTest {

    @Test
    void patchReleasesPickRows() {
        assertThat(Version.parse("v1.8.7")).isEqualTo(new Version(1, 8, 7));
        assertThat(Version.satisfies(Version.parse("v1.8.7"), ">=1.8 <1.8.8")).isTrue();
        assertThat(Version.satisfies(Version.parse("v1.8.8"), ">=1.8 <1.8.8")).isFalse();
        assertThat(Version.satisfies(Version.parse("v1.8.12"), ">=1.8.8")).isTrue();
        assertThat(Version.satisfies(Version.parse("^4.6.1"), ">=2.1 <4")).isFalse();
        assertThat(Version.satisfies(Version.parse("2.1.0"), ">=2.1 <4")).isTrue();
        assertThat(Version.satisfies(Version.parse("4.7.5"), "4")).isTrue();
        assertThat(new Version(4, 6)).isEqualTo(new Version(4, 6, 0));
    }
}
