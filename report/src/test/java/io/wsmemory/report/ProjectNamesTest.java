package io.wsmemory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ProjectNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "@acme/chat-server | acme-chat-server",
            "chat-server       | chat-server",
            "my app            | my-app",
            "../../etc         | etc",
            "..\\..\\windows   | windows",
            "/                 | project",
            ".                 | project",
            "..                | project",
            "...               | project",
            "-.-.-             | project",
            ".hidden           | hidden",
            "a//b              | a-b",
            "a---b             | a-b",
            "v1.2.3_final      | v1.2.3_final",
            "github.com/acme/ws-gateway | github.com-acme-ws-gateway",
            "Café Müller       | Caf-M-ller",
    })
    void makesOneSafeFolderName(String raw, String expected) {
        assertThat(ProjectNames.safe(raw)).isEqualTo(expected);
    }

    @Test
    void nulAndControlCharactersBecomeDashes() {
        assertThat(ProjectNames.safe("a\u0000b\nc\td")).isEqualTo("a-b-c-d");
    }

    @Test
    void nullAndEmptyFallBack() {
        assertThat(ProjectNames.safe(null)).isEqualTo("project");
        assertThat(ProjectNames.safe("")).isEqualTo("project");
        assertThat(ProjectNames.safe("   ")).isEqualTo("project");
        assertThat(ProjectNames.safe("\u0000\u0000")).isEqualTo("project");
    }

    @Test
    void longNamesAreCutWithoutATrailingDash() {
        assertThat(ProjectNames.safe("x".repeat(10_000))).isEqualTo("x".repeat(80));
        assertThat(ProjectNames.safe("a".repeat(79) + "/bbbb")).isEqualTo("a".repeat(79));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc", "..", "/etc/passwd", "a/../../b", "\u0000", "C:\\Windows\\System32",
            "@scope/../../x", "~/.ssh", "$(rm -rf /)", "name\u202Egnp.exe", "ﬁ/ﬂ"})
    void hostileNamesStayInsideTheParentFolder(String raw) {
        String safe = ProjectNames.safe(raw);
        assertThat(safe).matches("[A-Za-z0-9._-]{1,80}").isNotIn(".", "..").doesNotStartWith(".")
                .doesNotStartWith("-");
        Path parent = Path.of("/memory/websocket-engineer");
        Path resolved = parent.resolve(safe).normalize();
        assertThat(resolved.getParent()).isEqualTo(parent);
    }

    @Test
    void hugeHostileNameIsBounded() {
        String raw = "../".repeat(5_000) + "\u0000".repeat(5_000) + "ok";
        assertThat(ProjectNames.safe(raw)).isEqualTo("ok");
    }
}
