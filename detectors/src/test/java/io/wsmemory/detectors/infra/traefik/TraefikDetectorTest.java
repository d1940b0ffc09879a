package io.wsmemory.detectors.infra.traefik;

import static io.wsmemory.detectors.infra.InfraScan.brief;
import static io.wsmemory.detectors.infra.InfraScan.facts;
import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Fact;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraefikDetectorTest {

    @TempDir
    Path dir;

    @Test
    void traefikOneLabelsAndSwarmDeployLabels() {
        List<Fact> facts = facts(dir, Map.of("docker-compose.prod.yml", """
                services:
                  legacy:
                    image: example/legacy
                    labels:
                      - "traefik.backend.loadbalancer.stickiness=true"
                  swarm:
                    image: example/swarm
                    deploy:
                      labels:
                        - traefik.http.services.swarm.loadbalancer.sticky.cookie=true
                  plain:
                    image: example/plain
                    labels:
                      - traefik.http.services.plain.loadbalancer.server.port=80
                """), new TraefikDetector());
        assertThat(brief(facts)).containsExactly(
                "sticky cookie=Traefik docker label loadbalancer.stickiness=true docker-compose.prod.yml:5",
                "sticky cookie=Traefik docker label loadbalancer.sticky.cookie=true docker-compose.prod.yml:10");
        assertThat(facts.get(0).attr("service")).isEqualTo("legacy");
    }

    @Test
    void ingressRoutesWithoutStickinessAndOtherApisGiveNothing() {
        List<Fact> facts = facts(dir, Map.of("k8s/route.yaml", """
                apiVersion: traefik.io/v1alpha1
                kind: IngressRoute
                metadata:
                  name: plain
                spec:
                  routes:
                    - match: Host(`a`)
                      services:
                        - name: a
                          port: 80
                ---
                apiVersion: example.com/v1
                kind: IngressRoute
                spec:
                  routes:
                    - services:
                        - name: b
                          sticky:
                            cookie: {}
                """), new TraefikDetector());
        assertThat(facts).isEmpty();
    }

    @Test
    void traefikServiceWeightedStickiness() {
        List<Fact> facts = facts(dir, Map.of("k8s/ts.yml", """
                apiVersion: traefik.containo.us/v1alpha1
                kind: TraefikService
                metadata:
                  name: canary
                spec:
                  weighted:
                    services:
                      - name: v1
                        weight: 3
                    sticky:
                      cookie:
                        name: lvl1
                """), new TraefikDetector());
        assertThat(brief(facts)).containsExactly(
                "sticky cookie=Traefik TraefikService weighted.sticky.cookie (name lvl1) k8s/ts.yml:10");
    }
}
