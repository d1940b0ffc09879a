package io.wsmemory.detectors.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.java.ConfigLookup;
import io.wsmemory.core.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpringConfigTest {

    private static SpringConfig config(String... files) {
        List<SourceFile> sources = new java.util.ArrayList<>();
        for (int i = 0; i < files.length; i += 2) {
            sources.add(SourceFile.ofContent(files[i], files[i + 1]));
        }
        return SpringConfig.of(new SourceSet(sources, 10_000));
    }

    @Test
    void yamlDocumentsAndProfileFilesGiveEveryProfileWithItsLine() {
        SpringConfig c = config(
                "src/main/resources/application.yml", """
                        ws:
                          endpoint: /ws
                          origins:
                            - https://a.example
                            - https://b.example
                        ---
                        spring:
                          config:
                            activate:
                              on-profile: staging
                        ws:
                          endpoint: /staging-ws
                        """,
                "src/main/resources/application-prod.properties", """
                        # production
                        ws.endpoint = /prod-ws
                        ws.max-size: 1MB
                        """,
                "src/test/resources/application.yml", "ws:\n  endpoint: /test-only\n");
        List<ConfigLookup.ConfigValue> endpoint = c.lookup("ws.endpoint");
        assertThat(endpoint).extracting(ConfigLookup.ConfigValue::value)
                .containsExactly("/ws", "/prod-ws", "/staging-ws");
        assertThat(endpoint).extracting(ConfigLookup.ConfigValue::profile).containsExactly(null, "prod", "staging");
        assertThat(endpoint.get(0).at().line()).isEqualTo(2);
        assertThat(endpoint.get(1).at().path()).isEqualTo("src/main/resources/application-prod.properties");
        assertThat(endpoint.get(2).at().line()).isEqualTo(12);
        assertThat(c.lookup("ws.origins")).extracting(ConfigLookup.ConfigValue::value)
                .containsExactly("https://a.example,https://b.example");
        assertThat(c.lookup("ws.origins[1]").get(0).value()).isEqualTo("https://b.example");
        assertThat(c.lookup("ws.maxSize").get(0).value()).isEqualTo("1MB");
    }

    @Test
    void aHostileYamlFileIsReadAsFarAsItGoes() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            bomb.append((char) ('a' + i % 26)).append(i).append(": &l").append(i).append(" [*")
                    .append(i == 1 ? "a" : "l" + (i - 1)).append(", *").append(i == 1 ? "a" : "l" + (i - 1))
                    .append("]\n");
        }
        SpringConfig c = config("application.yml", "ok: 1\n" + bomb);
        assertThat(c.lookup("ok")).hasSize(1);
    }
}
