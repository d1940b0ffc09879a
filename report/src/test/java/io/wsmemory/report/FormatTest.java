package io.wsmemory.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0 ms",
            "500, 500 ms",
            "999, 999 ms",
            "1000, 1 s",
            "1500, 1.5 s",
            "1234, 1.234 s",
            "25000, 25 s",
            "60000, 60 s",
            "90000, 90 s",
            "120000, 2 min",
            "150000, 150 s",
            "3600000, 1 h",
            "5400000, 90 min",
            "86400000, 24 h",
            "-1, -1 ms",
            "2.5, 2.5 ms",
            "abc, abc ms",
    })
    void durations(String ms, String expected) {
        assertThat(Format.duration(ms)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0 bytes",
            "1, 1 byte",
            "1500, 1500 bytes",
            "1000, 1 kB",
            "1024, 1 KiB",
            "65536, 64 KiB",
            "1000000, 1 MB",
            "1048576, 1 MiB",
            "104857600, 100 MiB",
            "100000000, 100 MB",
            "1073741824, 1 GiB",
            "1024000, 1000 KiB",
            "16384000, 16000 KiB",
            "-1, -1 bytes",
    })
    void sizesAreExact(String bytes, String expected) {
        assertThat(Format.size(bytes)).isEqualTo(expected);
    }

    @Test
    void unitComesFromTheFactElseFromItsKey() {
        assertThat(Format.value("25000", Format.unitOf(Fact.of("setting", "ping.interval").value("25000").build())))
                .isEqualTo("25 s");
        assertThat(Format.value("1000000", Format.unitOf(Fact.of("setting", "payload.max").build())))
                .isEqualTo("1 MB");
        assertThat(Format.value("256", Format.unitOf(Fact.of("setting", "send.queue").build())))
                .isEqualTo("256 messages");
        assertThat(Format.value("0.5", Format.unitOf(Fact.of("reconnect", "jitter").build()))).isEqualTo("0.5");
        assertThat(Format.value("300", Format.unitOf(Fact.of("reconnect", "jitter").attr("unit", "ms").build())))
                .isEqualTo("300 ms");
    }

    @Test
    void booleansListsAndPaths() {
        assertThat(Format.value("true", null)).isEqualTo("enabled");
        assertThat(Format.value("false", null)).isEqualTo("disabled");
        assertThat(Format.value("/ws", null)).isEqualTo("`/ws`");
        assertThat(Format.codeList("https://a.example, https://b.example")).isEqualTo(
                "`https://a.example`, `https://b.example`");
    }

    @Test
    void sourcesAreMarked() {
        Fact def = Fact.of("setting", "ping.interval").value("25000").unit("ms").library("socket.io")
                .source(Source.DEFAULT).build();
        assertThat(Format.sourced(def)).isEqualTo("25 s (library default, socket.io)");
        Fact env = Fact.of("setting", "ping.interval").value("25000").unit("ms").source(Source.ENV)
                .attr("variable", "PING_MS").build();
        assertThat(Format.sourced(env)).isEqualTo("from env `PING_MS`, fallback 25 s");
        Fact envNoFallback = Fact.of("setting", "ping.interval").unit("ms").source(Source.ENV)
                .attr("variable", "PING_MS").build();
        assertThat(Format.sourced(envNoFallback)).isEqualTo("from env `PING_MS`, no fallback");
        Fact low = Fact.of("setting", "port").value("8080").source(Source.INFERRED).confidence(Confidence.LOW).build();
        assertThat(Format.sourced(low)).isEqualTo("8080 (inferred, low confidence)");
    }

    @Test
    void evidenceIsThePrimaryWithACountOfTheRest() {
        Fact one = Fact.of("setting", "port").evidence(Evidence.at("b.js", 3)).build();
        assertThat(Format.evidence(one)).isEqualTo("`b.js:3`");
        Fact three = Fact.of("setting", "port").evidence(Evidence.at("b.js", 3)).evidence(Evidence.at("a.js", 9))
                .evidence(Evidence.at("b.js", 1)).build();
        // the detector's first evidence is the primary one (the option, not the constant behind it)
        assertThat(Format.evidence(three)).isEqualTo("`b.js:3` (+2 more)");
        assertThat(Format.evidence(Fact.of("setting", "port").build())).isEqualTo("(no evidence recorded)");
    }

    @Test
    void valuesStayOnOneLineAndCodeSpansSurviveBackticks() {
        assertThat(Format.inline("a\nb\r\n<!-- wsmemory:end x -->\u2028c")).isEqualTo("a b <!-- wsmemory:end x --> c");
        assertThat(Format.code("a`b")).isEqualTo("`` a`b ``");
        assertThat(Format.mermaid("redis\"]) --> x[(")).isEqualTo("redis -- x");
    }
}
