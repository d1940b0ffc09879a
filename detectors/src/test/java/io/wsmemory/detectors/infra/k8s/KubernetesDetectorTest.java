package io.wsmemory.detectors.infra.k8s;

import static io.wsmemory.detectors.infra.InfraScan.brief;
import static io.wsmemory.detectors.infra.InfraScan.facts;
import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Source;
import io.wsmemory.detectors.infra.InfraScan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesDetectorTest {

    @TempDir
    Path dir;

    @Test
    void autoscalerV1WithDefaultMinimumAndAListOfItems() {
        List<Fact> facts = facts(dir, Map.of("deploy/hpa.yaml", """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: autoscaling/v1
                    kind: HorizontalPodAutoscaler
                    metadata:
                      name: gateway-hpa
                    spec:
                      scaleTargetRef:
                        kind: Deployment
                        name: gateway
                      maxReplicas: 6
                      targetCPUUtilizationPercentage: 75
                  - apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: gateway
                    spec:
                      template:
                        spec:
                          containers:
                            - name: gateway
                              image: example/gateway
                """), new KubernetesDetector());
        assertThat(brief(facts)).containsExactly(
                "capacity autoscale.max=6 deploy/hpa.yaml:12",
                "capacity autoscale.min=1 deploy/hpa.yaml:5",
                "capacity autoscale.target=75 deploy/hpa.yaml:13");
        assertThat(facts.get(1).source()).isEqualTo(Source.DEFAULT);
        assertThat(facts).allSatisfy(f -> assertThat(f.attr("service")).isEqualTo("gateway"));
    }

    @Test
    void cloudAndMeshLoadBalancers() {
        List<Fact> facts = facts(dir, Map.of("k8s/lb.yaml", """
                apiVersion: cloud.google.com/v1
                kind: BackendConfig
                metadata:
                  name: ws-backend
                spec:
                  timeoutSec: 86400
                  sessionAffinity:
                    affinityType: "GENERATED_COOKIE"
                ---
                apiVersion: networking.istio.io/v1beta1
                kind: DestinationRule
                metadata:
                  name: chat
                spec:
                  host: chat.default.svc.cluster.local
                  trafficPolicy:
                    loadBalancer:
                      consistentHash:
                        useSourceIp: true
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: alb
                  annotations:
                    alb.ingress.kubernetes.io/target-group-attributes: stickiness.enabled=true,stickiness.lb_cookie.duration_seconds=600
                    alb.ingress.kubernetes.io/load-balancer-attributes: idle_timeout.timeout_seconds=4000
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: nlb
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: stickiness.enabled=true,stickiness.type=source_ip
                spec:
                  type: LoadBalancer
                """), new KubernetesDetector());
        assertThat(brief(facts)).containsExactly(
                "setting idle.timeout=4000000 k8s/lb.yaml:27",
                "setting idle.timeout=86400000 k8s/lb.yaml:6",
                "sticky cookie=AWS ALB annotation target-group-attributes stickiness.type=lb_cookie k8s/lb.yaml:26",
                "sticky cookie=GKE BackendConfig sessionAffinity.affinityType: GENERATED_COOKIE k8s/lb.yaml:8",
                "sticky ip_hash=AWS NLB annotation target-group-attributes stickiness.type=source_ip k8s/lb.yaml:34",
                "sticky ip_hash=Istio DestinationRule consistentHash.useSourceIp k8s/lb.yaml:19");
    }

    @Test
    void kustomizeOverridesKedaAndWorkloadsWithoutReplicas() {
        List<Fact> facts = facts(dir, Map.of(
                "overlays/prod/kustomization.yaml", """
                        resources:
                          - ../../base
                        replicas:
                          - name: chat
                            count: 5
                          - name: redis-master
                            count: 3
                        """,
                "base/keda.yaml", """
                        apiVersion: keda.sh/v1alpha1
                        kind: ScaledObject
                        metadata:
                          name: chat-scaler
                        spec:
                          scaleTargetRef:
                            name: chat
                          minReplicaCount: 2
                          maxReplicaCount: 30
                        """,
                "base/deployment.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: chat
                        spec:
                          template:
                            spec:
                              containers:
                                - name: chat
                                  image: example/chat
                        """),
                new KubernetesDetector());
        assertThat(brief(facts)).containsExactly(
                "capacity autoscale.max=30 base/keda.yaml:9",
                "capacity autoscale.min=2 base/keda.yaml:8",
                "capacity replicas=5 overlays/prod/kustomization.yaml:5");
    }

    @Test
    void brokerWorkloadWithoutServiceHasNoAddress() {
        List<Fact> facts = facts(dir, Map.of("nats.yaml", """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: nats
                spec:
                  replicas: 3
                  template:
                    metadata:
                      labels:
                        app: nats
                    spec:
                      containers:
                        - name: nats
                          image: nats:2.10-alpine
                        - name: exporter
                          image: natsio/prometheus-nats-exporter
                """), new KubernetesDetector());
        assertThat(brief(facts)).containsExactly("broker nats= nats.yaml:14");
        assertThat(facts.get(0).attr("port")).isEqualTo("4222");
    }

    @Test
    void malformedAndHostileYamlNeverStopsTheScan() {
        StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (char c = 'b'; c <= 'm'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 8; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
            }
            bomb.append("]\n");
        }
        var result = InfraScan.scan(dir, Map.of(
                "bomb.yaml", bomb.toString(),
                "broken.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 2\n---\nkind: [\n",
                "tabs.yaml", "apiVersion: v1\nkind: Service\n\tspec: x\n"), new KubernetesDetector());
        assertThat(result.skipped()).isEmpty();
        assertThat(brief(result.facts())).containsExactly("capacity replicas=2 broken.yaml:4");
    }

    @Test
    void aServiceNamedForABrokerOnItsPortIsALowConfidenceBroker() {
        List<Fact> facts = facts(dir, Map.of("k8s/external.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: pubsub-redis
                spec:
                  type: ExternalName
                  externalName: cache.example.test
                  ports:
                    - port: 6379
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: redis-commander
                spec:
                  ports:
                    - port: 6379
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: redis-cache
                spec:
                  type: ExternalName
                  externalName: cache.example.test
                  ports:
                    - port: 6379
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: redis-commander-ui
                spec:
                  selector:
                    app: redis-commander
                  ports:
                    - port: 8081
                """), new KubernetesDetector());
        assertThat(brief(facts)).containsExactly("broker redis=pubsub-redis:6379 k8s/external.yaml:4");
        assertThat(facts.get(0).confidence()).isEqualTo(io.wsmemory.core.api.Confidence.LOW);
    }
}
