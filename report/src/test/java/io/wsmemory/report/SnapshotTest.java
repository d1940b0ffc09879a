package io.wsmemory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {

    @TempDir
    Path tmp;

    @Test
    void readsBackWhatTheJsonReportWrites() throws Exception {
        String json = JsonReport.toJson(SampleFacts.result("@acme/chat-server", SampleFacts.chatApp()));
        Snapshot s = Snapshot.parse(json, "wsmemory.json");
        assertThat(s.projectName()).isEqualTo("@acme/chat-server");
        assertThat(s.folder()).isEqualTo("acme-chat-server");
        assertThat(s.facts()).isEqualTo(SampleFacts.chatApp());
        assertThat(FactDiff.compare(s.facts(), SampleFacts.chatApp())).isEmpty();
    }

    @Test
    void aMissingSnapshotIsToldApartFromABrokenOne() throws Exception {
        assertThatThrownBy(() -> Snapshot.read(tmp)).isInstanceOfSatisfying(Snapshot.SnapshotException.class,
                e -> assertThat(e.missing()).isTrue());
        Files.writeString(tmp.resolve("wsmemory.json"), "{\"schemaVersion\": 1, \"facts\": [");
        assertThatThrownBy(() -> Snapshot.read(tmp)).isInstanceOfSatisfying(Snapshot.SnapshotException.class,
                e -> assertThat(e.missing()).isFalse()).hasMessageContaining("is not valid JSON");
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> Snapshot.parse("{\"schemaVersion\": 2, \"facts\": []}", "x"))
                .hasMessageContaining("written by a newer wsmemory");
        assertThatThrownBy(() -> Snapshot.parse("[]", "x")).hasMessageContaining("not a wsmemory snapshot");
        assertThatThrownBy(() -> Snapshot.parse("{\"schemaVersion\": 1}", "x")).hasMessageContaining("no facts");
        assertThatThrownBy(() -> Snapshot.parse("{\"schemaVersion\": 1, \"facts\": [{\"key\": \"k\"}]}", "x"))
                .hasMessageContaining("fact 0 cannot be read");
    }

    @Test
    void ignoresFieldsItDoesNotKnow() throws Exception {
        Snapshot s = Snapshot.parse("{\"schemaVersion\": 1, \"future\": true, \"facts\": [{\"kind\": \"room\","
                + " \"key\": \"r\", \"value\": \"join\", \"extra\": 1}]}", "x");
        assertThat(s.facts()).singleElement().satisfies(f -> assertThat(f.key()).isEqualTo("r"));
    }
}
