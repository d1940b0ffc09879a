package io.wsmemory.detectors.infra.compose;

import static io.wsmemory.detectors.infra.InfraScan.brief;
import static io.wsmemory.detectors.infra.InfraScan.facts;
import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Fact;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeDetectorTest {

    @TempDir
    Path dir;

    @Test
    void portsInEverySyntax() {
        assertThat(ComposeDetector.containerPort("6380:6379")).isEqualTo(6379);
        assertThat(ComposeDetector.containerPort("127.0.0.1:6380:6379/tcp")).isEqualTo(6379);
        assertThat(ComposeDetector.containerPort("6379")).isEqualTo(6379);
        assertThat(ComposeDetector.containerPort("7000-7005:7000-7005")).isEqualTo(7000);
        assertThat(ComposeDetector.containerPort("${PORT}:80")).isEqualTo(80);
        assertThat(ComposeDetector.containerPort("${PORT}")).isNull();
    }

    @Test
    void longPortSyntaxGlobalModeAndOtherYaml() {
        List<Fact> facts = facts(dir, Map.of(
                "compose.yaml", """
                        services:
                          gateway:
                            image: example/gateway
                            deploy:
                              mode: global
                              replicas: 3
                          queue:
                            image: docker.io/library/rabbitmq:3
                            ports:
                              - target: 5673
                                published: 5673
                        """,
                "ci/workflow.yml", "services:\n  redis:\n    image: redis\n",
                "docker-compose.override.yml", "services: [not, a, map]\n"),
                new ComposeDetector());
        assertThat(brief(facts)).containsExactly("broker rabbitmq=queue:5673 compose.yaml:8");
    }
}
