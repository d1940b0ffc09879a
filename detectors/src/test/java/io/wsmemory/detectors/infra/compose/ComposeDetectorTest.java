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

    @Test
    void variableSubstitutionGivesTheDefault() {
        List<Fact> facts = facts(dir, Map.of("docker-compose.yml", """
                services:
                  ws:
                    build: .
                    deploy:
                      replicas: ${WS_REPLICAS:-3}
                    environment:
                      - REDIS_HOST=${REDIS_HOST:-broker}
                      - NATS_URL=${NATS_URL}
                  worker:
                    build: ./worker
                    scale: ${WORKERS}
                """), new ComposeDetector());
        assertThat(brief(facts)).containsExactly(
                "broker redis=broker:6379 docker-compose.yml:7",
                "capacity replicas= docker-compose.yml:11",
                "capacity replicas=3 docker-compose.yml:5");
        assertThat(facts.get(2).source()).isEqualTo(io.wsmemory.core.api.Source.ENV);
        assertThat(facts.get(2).attr("variable")).isEqualTo("WS_REPLICAS");
    }
}
