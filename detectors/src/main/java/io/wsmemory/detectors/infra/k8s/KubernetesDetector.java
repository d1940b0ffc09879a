package io.wsmemory.detectors.infra.k8s;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.infra.InfraEvidence;
import io.wsmemory.detectors.infra.Yamls;
import java.util.List;
import java.util.Set;

/**
 * Kubernetes manifests (multi-document YAML, Kustomize overlays): replicas of the application's workloads,
 * HorizontalPodAutoscalers and KEDA ScaledObjects, Service session affinity, load-balancer annotations
 * (ingress-nginx, NGINX Inc., AWS ALB/NLB, HAProxy ingress), GKE BackendConfig, Istio DestinationRule, HTTP probes,
 * and the broker workloads (Redis, NATS, RabbitMQ, Kafka) with the Services in front of them. Helm chart templates
 * are read by {@link HelmDetector}.
 *
 * <p>Conventions: {@code capacity replicas|autoscale.min|autoscale.max|autoscale.target} with
 * {@code attrs.service} (the workload, or the HPA's scale target), {@code attrs.platform}; third-party images
 * (Redis, Traefik, databases) are not the application's capacity and are left out. {@code sticky session-affinity}
 * valued {@code Kubernetes Service sessionAffinity: ClientIP} with the affinity timeout in ms in
 * {@code attrs.timeout}. {@code health PATH} valued {@code liveness|readiness|startup}. {@code broker KEY} valued
 * {@code service:port}, confidence medium (a Redis may serve only an adapter or a cache).
 */
public final class KubernetesDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("infra-k8s",
            "Kubernetes manifests: replicas, autoscalers, Service session affinity, ingress and load-balancer "
                    + "annotations, probes, broker workloads",
            Set.of(), List.of("kind:", "\"kind\""));

    private final Manifests.Collected collected = new Manifests.Collected();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(SourceFile file) {
        if (!InfraEvidence.isYaml(file)) {
            return false;
        }
        String n = InfraEvidence.lowerName(file);
        if (n.equals("kustomization.yaml") || n.equals("kustomization.yml")) {
            return file.contains("replicas");
        }
        if (HelmDetector.isChartTemplate(file)) {
            return false;
        }
        return file.contains("apiVersion") && file.containsAny(DESCRIPTOR.keywords());
    }

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        Manifests.Collected local = new Manifests.Collected();
        new Manifests(Origin.of(file.file()), context, local).read(Yamls.of(file).documents());
        synchronized (collected) {
            collected.addAll(local);
        }
    }

    @Override
    public void finish(RepoContext context) {
        synchronized (collected) {
            collected.brokers.sort(java.util.Comparator.comparing((Manifests.BrokerWorkload w) -> w.origin().path())
                    .thenComparingInt(Manifests.BrokerWorkload::imageLine));
            collected.services.sort(java.util.Comparator.comparing((Manifests.Service s) -> s.origin().path())
                    .thenComparingInt(Manifests.Service::nameLine));
            collected.scaling.sort(io.wsmemory.core.api.Fact.ORDER);
            Manifests.scaling(collected, context);
            Manifests.brokers(collected, context);
        }
    }
}
