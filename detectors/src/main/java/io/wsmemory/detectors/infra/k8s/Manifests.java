package io.wsmemory.detectors.infra.k8s;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.FactSink;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.Source;
import io.wsmemory.detectors.infra.BrokerVariables;
import io.wsmemory.detectors.infra.Durations;
import io.wsmemory.detectors.infra.Images;
import io.wsmemory.detectors.infra.YNode;
import io.wsmemory.detectors.infra.Yamls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Kubernetes manifests (plain or rendered from a Helm chart) for what scaling_config.md needs: replicas of the
 * application's workloads (third-party images such as Redis or Traefik left out), autoscalers, Service session
 * affinity, load-balancer annotations of Ingresses and Services (ingress-nginx, NGINX Inc., AWS, HAProxy ingress),
 * GKE BackendConfig, Istio DestinationRule, Kustomize replica overrides, HTTP probes; and, for {@link #brokers},
 * the broker workloads and the Services in front of them.
 */
final class Manifests {

    static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "ReplicaSet", "DeploymentConfig",
            "Rollout", "ReplicationController");

    /** A workload that runs a broker image, kept until every Service of the scan is known. */
    record BrokerWorkload(Origin origin, String name, Images.Broker broker, String image, int imageLine,
                          Map<String, String> podLabels, List<Integer> ports, Confidence confidence) {
    }

    /** A Service: its name, selector and ports, for finding the broker behind it. */
    record Service(Origin origin, String name, int nameLine, Map<String, String> selector, List<int[]> ports) {
    }

    /** What a scan collects across files. */
    static final class Collected {
        final List<BrokerWorkload> brokers = new ArrayList<>();
        final List<Service> services = new ArrayList<>();
        /** Workloads that run third-party images only: an autoscaler aimed at one scales no application. */
        final Set<String> infraWorkloads = new java.util.HashSet<>();
        /** Autoscaler facts, kept until every workload of the scan is known. */
        final List<Fact> scaling = new ArrayList<>();

        void addAll(Collected other) {
            brokers.addAll(other.brokers);
            services.addAll(other.services);
            infraWorkloads.addAll(other.infraWorkloads);
            scaling.addAll(other.scaling);
        }
    }

    /** Namespaces of cluster plumbing: their workloads are not the application's capacity. */
    private static final Set<String> SYSTEM_NAMESPACES = Set.of("kube-system", "kube-public", "ingress-nginx",
            "cert-manager", "istio-system", "linkerd", "monitoring", "traefik", "keda", "external-dns");

    private final Origin origin;
    private final FactSink sink;
    private final Collected collected;

    Manifests(Origin origin, FactSink sink, Collected collected) {
        this.origin = origin;
        this.sink = sink;
        this.collected = collected;
    }

    void read(List<YNode> documents) {
        for (YNode doc : documents) {
            if (!(doc instanceof YNode.Map)) {
                continue;
            }
            String kind = doc.text("kind");
            if ("List".equals(kind)) {
                for (YNode item : doc.seq("items")) {
                    document(item);
                }
            } else {
                document(doc);
            }
        }
    }

    private void document(YNode doc) {
        String kind = doc.text("kind");
        if (kind == null) {
            if (doc.at("replicas") instanceof YNode.Seq) {
                kustomization(doc);
            }
            return;
        }
        String name = name(doc);
        annotations(doc, kind, name);
        if (WORKLOADS.contains(kind)) {
            workload(doc, kind, name);
        }
        switch (kind) {
            case "HorizontalPodAutoscaler" -> hpa(doc, name);
            case "ScaledObject" -> keda(doc, name);
            case "Service" -> service(doc, name);
            case "BackendConfig" -> backendConfig(doc, name);
            case "DestinationRule" -> destinationRule(doc, name);
            case "Kustomization" -> kustomization(doc);
            default -> {
            }
        }
    }

    private String name(YNode doc) {
        String n = doc.text("metadata", "name");
        if (origin.unresolved(n)) {
            return origin.fallbackName();
        }
        return n;
    }

    private Fact.Builder fact(String kind, String key, String value, int line) {
        return Fact.of(kind, key).value(value).evidence(origin.evidence(line)).confidence(origin.confidence(line));
    }

    // --- workloads -----------------------------------------------------------------------------------------------

    private void workload(YNode doc, String kind, String name) {
        List<YNode> containers = doc.seq("spec", "template", "spec", "containers");
        boolean infra = !containers.isEmpty();
        Images.Broker broker = null;
        String brokerImage = null;
        int brokerLine = 0;
        List<Integer> brokerPorts = new ArrayList<>();
        for (YNode c : containers) {
            String image = c.text("image");
            if (image == null || origin.unresolved(image) && Images.name(image).contains(HelmTemplate.UNRESOLVED)) {
                infra = false;
                continue;
            }
            Images.Broker b = Images.broker(image);
            if (b != null && broker == null) {
                broker = b;
                brokerImage = image;
                brokerLine = c.keyLine("image");
                for (YNode p : c.seq("ports")) {
                    Integer port = Yamls.integer(p.text("containerPort"));
                    if (port != null) {
                        brokerPorts.add(port);
                    }
                }
            }
            if (!Images.isInfrastructure(image)) {
                infra = false;
            }
        }
        if (broker != null) {
            YNode labels = doc.at("spec", "template", "metadata", "labels");
            collected.brokers.add(new BrokerWorkload(origin, name, broker, brokerImage, brokerLine,
                    YNode.scalars(labels), brokerPorts, origin.confidence(brokerLine)));
        }
        String namespace = doc.text("metadata", "namespace");
        if (namespace != null && SYSTEM_NAMESPACES.contains(namespace)) {
            infra = true;
        }
        if (infra) {
            if (name != null) {
                collected.infraWorkloads.add(name);
            }
            return;
        }
        String replicas = doc.text("spec", "replicas");
        Integer n = Yamls.integer(replicas);
        if (n != null) {
            int line = doc.keyLine("spec", "replicas");
            sink.emit(fact(Kinds.CAPACITY, "replicas", n.toString(), line).attr("service", name)
                    .attr("workload", kind).attr("platform", "kubernetes").build());
        }
        for (YNode c : containers) {
            probes(c, name);
            env(c, name);
        }
    }

    /** Broker locations in a container's environment ({@code REDIS_URL}, {@code REDIS_HOST}...). */
    private void env(YNode container, String workload) {
        List<BrokerVariables.Variable> vars = new ArrayList<>();
        for (YNode e : container.seq("env")) {
            String n = e.text("name");
            String v = e.text("value");
            if (n != null && v != null && !origin.unresolved(v)) {
                vars.add(new BrokerVariables.Variable(n, v, e.keyLine("value")));
            }
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("service", workload);
        attrs.put("platform", "kubernetes");
        for (Fact f : BrokerVariables.facts(vars, line -> origin.evidence(line).get(0), attrs)) {
            sink.emit(f);
        }
    }

    private void probes(YNode container, String workload) {
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            String path = container.text(probe, "httpGet", "path");
            if (path == null || origin.unresolved(path) || !path.startsWith("/")) {
                continue;
            }
            int line = container.keyLine(probe, "httpGet", "path");
            sink.emit(fact(Kinds.HEALTH, path, probe.replace("Probe", ""), line).attr("service", workload)
                    .attr("port", container.text(probe, "httpGet", "port")).attr("platform", "kubernetes").build());
        }
    }

    private void kustomization(YNode doc) {
        for (YNode r : doc.seq("replicas")) {
            String name = r.text("name");
            Integer count = Yamls.integer(r.text("count"));
            if (name == null || count == null || Images.isInfrastructureName(name)) {
                continue;
            }
            sink.emit(fact(Kinds.CAPACITY, "replicas", count.toString(), r.keyLine("count")).attr("service", name)
                    .attr("platform", "kustomize").build());
        }
    }

    // --- autoscaling ---------------------------------------------------------------------------------------------

    private void hpa(YNode doc, String name) {
        String target = doc.text("spec", "scaleTargetRef", "name");
        String service = origin.unresolved(target) ? name : target;
        if (service != null && Images.isInfrastructureName(service)) {
            return;
        }
        YNode spec = doc.at("spec");
        if (spec == null) {
            return;
        }
        Integer min = Yamls.integer(spec.text("minReplicas"));
        if (min != null) {
            emitScale("autoscale.min", min.toString(), spec.keyLine("minReplicas"), service, name, Source.EXPLICIT);
        } else if (spec.at("minReplicas") == null) {
            emitScale("autoscale.min", "1", doc.keyLine("kind"), service, name, Source.DEFAULT);
        }
        Integer max = Yamls.integer(spec.text("maxReplicas"));
        if (max != null) {
            emitScale("autoscale.max", max.toString(), spec.keyLine("maxReplicas"), service, name, Source.EXPLICIT);
        }
        Integer cpu = Yamls.integer(spec.text("targetCPUUtilizationPercentage"));
        if (cpu != null) {
            collected.scaling.add(fact(Kinds.CAPACITY, "autoscale.target", cpu.toString(),
                    spec.keyLine("targetCPUUtilizationPercentage")).attr("service", service).attr("hpa", name)
                    .attr("metric", "cpu").attr("targetType", "Utilization").attr("platform", "kubernetes").build());
        }
        for (YNode m : spec.seq("metrics")) {
            metric(m, service, name);
        }
    }

    private void emitScale(String key, String value, int line, String service, String hpa, Source source) {
        collected.scaling.add(fact(Kinds.CAPACITY, key, value, line).source(source).attr("service", service).attr("hpa", hpa)
                .attr("platform", "kubernetes").build());
    }

    /** One metric of an autoscaling/v2 (or v2beta1/v2beta2) HPA. */
    private void metric(YNode m, String service, String hpa) {
        String type = m.text("type");
        if (type == null) {
            return;
        }
        String section = switch (type) {
            case "Resource" -> "resource";
            case "Pods" -> "pods";
            case "Object" -> "object";
            case "External" -> "external";
            case "ContainerResource" -> "containerResource";
            default -> null;
        };
        if (section == null || !(m.at(section) instanceof YNode.Map s)) {
            return;
        }
        String metric = s.text("name") != null ? s.text("name")
                : s.text("metric", "name") != null ? s.text("metric", "name") : s.text("metricName");
        String[][] candidates = {
            {"target", "averageUtilization"}, {"target", "averageValue"}, {"target", "value"},
            {"targetAverageUtilization"}, {"targetAverageValue"}, {"targetValue"}};
        for (String[] c : candidates) {
            String v = s.text(c);
            if (v != null && !origin.unresolved(v)) {
                String targetType = c[c.length - 1].replace("target", "").replace("Average", "average");
                targetType = targetType.isEmpty() ? "value" : targetType;
                collected.scaling.add(fact(Kinds.CAPACITY, "autoscale.target", v, s.keyLine(c)).attr("service", service)
                        .attr("hpa", hpa).attr("metric", metric).attr("metricType", type)
                        .attr("targetType", Character.toLowerCase(targetType.charAt(0)) + targetType.substring(1))
                        .attr("platform", "kubernetes").build());
                return;
            }
        }
    }

    private void keda(YNode doc, String name) {
        YNode spec = doc.at("spec");
        if (spec == null) {
            return;
        }
        String target = doc.text("spec", "scaleTargetRef", "name");
        String service = target == null || origin.unresolved(target) ? name : target;
        if (service != null && Images.isInfrastructureName(service)) {
            return;
        }
        Integer min = Yamls.integer(spec.text("minReplicaCount"));
        if (min != null) {
            collected.scaling.add(fact(Kinds.CAPACITY, "autoscale.min", min.toString(), spec.keyLine("minReplicaCount"))
                    .attr("service", service).attr("scaler", name).attr("platform", "keda").build());
        }
        Integer max = Yamls.integer(spec.text("maxReplicaCount"));
        if (max != null) {
            collected.scaling.add(fact(Kinds.CAPACITY, "autoscale.max", max.toString(), spec.keyLine("maxReplicaCount"))
                    .attr("service", service).attr("scaler", name).attr("platform", "keda").build());
        }
    }

    // --- services and load balancers -----------------------------------------------------------------------------

    private void service(YNode doc, String name) {
        String affinity = doc.text("spec", "sessionAffinity");
        if ("ClientIP".equals(affinity)) {
            String timeout = doc.text("spec", "sessionAffinityConfig", "clientIP", "timeoutSeconds");
            Integer seconds = Yamls.integer(timeout);
            sink.emit(fact(Kinds.STICKY, "session-affinity", "Kubernetes Service sessionAffinity: ClientIP",
                    doc.keyLine("spec", "sessionAffinity")).attr("lb", "kubernetes-service").attr("service", name)
                    .attr("timeout", seconds == null ? null : Long.toString(seconds * 1000L)).build());
        }
        List<int[]> ports = new ArrayList<>();
        for (YNode p : doc.seq("spec", "ports")) {
            Integer port = Yamls.integer(p.text("port"));
            if (port != null) {
                Integer target = Yamls.integer(p.text("targetPort"));
                ports.add(new int[] {port, target == null ? port : target, p.keyLine("port")});
            }
        }
        Map<String, String> selector = YNode.scalars(doc.at("spec", "selector"));
        if (name != null) {
            collected.services.add(new Service(origin, name, doc.keyLine("metadata", "name"), selector, ports));
        }
    }

    private void backendConfig(YNode doc, String name) {
        String type = doc.text("spec", "sessionAffinity", "affinityType");
        if ("GENERATED_COOKIE".equals(type) || "CLIENT_IP".equals(type)) {
            sink.emit(fact(Kinds.STICKY, type.equals("CLIENT_IP") ? "session-affinity" : "cookie",
                    "GKE BackendConfig sessionAffinity.affinityType: " + type,
                    doc.keyLine("spec", "sessionAffinity", "affinityType")).attr("lb", "gce").attr("backendConfig", name)
                    .build());
        }
        Long timeout = Durations.seconds(doc.text("spec", "timeoutSec"));
        if (timeout != null) {
            sink.emit(fact(Kinds.SETTING, "idle.timeout", timeout.toString(), doc.keyLine("spec", "timeoutSec"))
                    .unit("ms").attr("role", "proxy").attr("lb", "gce").attr("context", "gke backendconfig timeoutSec")
                    .attr("backendConfig", name).build());
        }
    }

    private void destinationRule(YNode doc, String name) {
        YNode hash = doc.at("spec", "trafficPolicy", "loadBalancer", "consistentHash");
        if (!(hash instanceof YNode.Map h)) {
            return;
        }
        String host = doc.text("spec", "host");
        String cookie = h.text("httpCookie", "name");
        if (cookie != null) {
            emitIstio("cookie", "Istio DestinationRule consistentHash.httpCookie (name " + cookie + ")",
                    h.keyLine("httpCookie"), name, host, cookie);
        } else if (h.at("useSourceIp") instanceof YNode.Scalar s && s.isTrue()) {
            emitIstio("ip_hash", "Istio DestinationRule consistentHash.useSourceIp", h.keyLine("useSourceIp"), name,
                    host, null);
        } else if (h.text("httpHeaderName") != null) {
            emitIstio("hash", "Istio DestinationRule consistentHash.httpHeaderName: " + h.text("httpHeaderName"),
                    h.keyLine("httpHeaderName"), name, host, null);
        } else if (h.text("httpQueryParameterName") != null) {
            emitIstio("hash", "Istio DestinationRule consistentHash.httpQueryParameterName: "
                    + h.text("httpQueryParameterName"), h.keyLine("httpQueryParameterName"), name, host, null);
        }
    }

    private void emitIstio(String key, String value, int line, String rule, String host, String cookie) {
        sink.emit(fact(Kinds.STICKY, key, value, line).attr("lb", "istio").attr("destinationRule", rule)
                .attr("host", host).attr("cookie", cookie).build());
    }

    /** Load-balancer annotations, on Ingresses and Services alike. */
    private void annotations(YNode doc, String kind, String name) {
        if (!(doc.at("metadata", "annotations") instanceof YNode.Map ann)) {
            return;
        }
        Map<String, YNode.Entry> byKey = new LinkedHashMap<>();
        for (YNode.Entry e : ann.entries()) {
            byKey.put(e.key(), e);
        }
        String subject = kind.toLowerCase(Locale.ROOT);
        for (YNode.Entry e : byKey.values()) {
            if (!(e.value() instanceof YNode.Scalar s) || s.value() == null || origin.unresolved(s.value())) {
                continue;
            }
            String key = e.key();
            String v = s.value().strip();
            int slash = key.indexOf('/');
            String prefix = slash < 0 ? "" : key.substring(0, slash);
            String local = slash < 0 ? key : key.substring(slash + 1);
            switch (prefix) {
                case "nginx.ingress.kubernetes.io" -> ingressNginx(byKey, local, v, e.keyLine(), subject, name);
                case "nginx.org" -> {
                    if (local.equals("proxy-read-timeout") || local.equals("proxy-send-timeout")) {
                        timeout(Durations.nginx(v), e.keyLine(), "nginx-ingress", "nginx.org " + local, subject, name);
                    }
                }
                case "alb.ingress.kubernetes.io" -> aws(local, v, e.keyLine(), "aws-alb", subject, name);
                case "service.beta.kubernetes.io" -> {
                    if (local.equals("aws-load-balancer-target-group-attributes")) {
                        aws("target-group-attributes", v, e.keyLine(), "aws-nlb", subject, name);
                    } else if (local.equals("aws-load-balancer-connection-idle-timeout")) {
                        timeout(Durations.seconds(v), e.keyLine(), "aws-elb", "aws-load-balancer-connection-idle-timeout",
                                subject, name);
                    }
                }
                case "haproxy.org", "haproxy-ingress.github.io", "ingress.kubernetes.io" -> {
                    if (local.equals("cookie-persistence")) {
                        sink.emit(fact(Kinds.STICKY, "cookie", "HAProxy ingress annotation cookie-persistence: " + v,
                                e.keyLine()).attr("lb", "haproxy-ingress").attr(subject, name).attr("cookie", v).build());
                    } else if (local.equals("affinity") && v.equalsIgnoreCase("cookie")) {
                        YNode.Entry cn = byKey.get(prefix + "/session-cookie-name");
                        String cookie = cn != null && cn.value() instanceof YNode.Scalar c ? c.value() : null;
                        sink.emit(fact(Kinds.STICKY, "cookie", prefix + " annotation affinity: cookie"
                                + (cookie == null ? "" : " (name " + cookie + ")"), e.keyLine())
                                .attr("lb", "haproxy-ingress").attr(subject, name).attr("cookie", cookie).build());
                    } else if (local.equals("timeout-tunnel")) {
                        timeout(Durations.haproxy(v), e.keyLine(), "haproxy-ingress", prefix + " timeout-tunnel",
                                subject, name);
                    }
                }
                default -> {
                }
            }
        }
    }

    private void ingressNginx(Map<String, YNode.Entry> all, String local, String v, int line, String subject,
                              String name) {
        switch (local) {
            case "affinity" -> {
                if (!v.equalsIgnoreCase("cookie")) {
                    return;
                }
                YNode.Entry cn = all.get("nginx.ingress.kubernetes.io/session-cookie-name");
                String cookie = cn != null && cn.value() instanceof YNode.Scalar c && c.value() != null ? c.value()
                        : null;
                YNode.Entry mode = all.get("nginx.ingress.kubernetes.io/affinity-mode");
                sink.emit(fact(Kinds.STICKY, "cookie", "ingress-nginx annotation affinity: cookie (name "
                        + (cookie == null ? "INGRESSCOOKIE, the default" : cookie) + ")", line)
                        .attr("lb", "ingress-nginx").attr(subject, name)
                        .attr("cookie", cookie == null ? "INGRESSCOOKIE" : cookie)
                        .attr("mode", mode != null && mode.value() instanceof YNode.Scalar m ? m.value() : null)
                        .build());
            }
            case "upstream-hash-by" -> sink.emit(fact(Kinds.STICKY, "hash",
                    "ingress-nginx annotation upstream-hash-by: " + v, line).attr("lb", "ingress-nginx")
                    .attr(subject, name).attr("hashKey", v).build());
            case "proxy-read-timeout", "proxy-send-timeout" ->
                    timeout(Durations.seconds(v), line, "ingress-nginx", "ingress-nginx " + local, subject, name);
            default -> {
            }
        }
    }

    private void aws(String local, String v, int line, String lb, String subject, String name) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (String part : v.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                attrs.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        if (local.equals("target-group-attributes") && "true".equalsIgnoreCase(attrs.get("stickiness.enabled"))) {
            String type = attrs.getOrDefault("stickiness.type", lb.equals("aws-nlb") ? "source_ip" : "lb_cookie");
            String key = type.equals("source_ip") ? "ip_hash" : "cookie";
            sink.emit(fact(Kinds.STICKY, key, "AWS " + (lb.equals("aws-nlb") ? "NLB" : "ALB")
                    + " annotation target-group-attributes stickiness.type=" + type, line).attr("lb", lb)
                    .attr(subject, name).attr("cookie", attrs.get("stickiness.app_cookie.cookie_name"))
                    .attr("type", type).build());
        }
        if (local.equals("load-balancer-attributes") && attrs.containsKey("idle_timeout.timeout_seconds")) {
            timeout(Durations.seconds(attrs.get("idle_timeout.timeout_seconds")), line, lb,
                    "aws alb idle_timeout.timeout_seconds", subject, name);
        }
    }

    private void timeout(Long ms, int line, String lb, String context, String subject, String name) {
        if (ms == null) {
            return;
        }
        sink.emit(fact(Kinds.SETTING, "idle.timeout", ms.toString(), line).unit("ms").attr("role", "proxy")
                .attr("lb", lb).attr("context", context).attr(subject, name).build());
    }

    // --- brokers, once every file was read -----------------------------------------------------------------------

    /** Autoscaler facts whose target is not a third-party workload of the scan. */
    static void scaling(Collected all, FactSink sink) {
        for (Fact f : all.scaling) {
            if (!all.infraWorkloads.contains(f.attr("service"))) {
                sink.emit(f);
            }
        }
    }

    static void brokers(Collected all, FactSink sink) {
        Set<Service> matched = new java.util.HashSet<>();
        for (BrokerWorkload w : all.brokers) {
            boolean found = false;
            for (Service s : all.services) {
                if (s.selector().isEmpty() || !w.podLabels().entrySet().containsAll(s.selector().entrySet())) {
                    continue;
                }
                matched.add(s);
                int port = pick(s.ports(), w.broker().defaultPort());
                List<io.wsmemory.core.api.Evidence> ev = new ArrayList<>(s.origin().evidence(s.nameLine()));
                ev.addAll(w.origin().evidence(w.imageLine()));
                sink.emit(Fact.of(Kinds.BROKER, w.broker().key()).value(s.name() + ":" + port).evidence(ev)
                        .confidence(Confidence.MEDIUM).attr("service", s.name()).attr("workload", w.name())
                        .attr("image", w.image()).attr("platform", "kubernetes").build());
                found = true;
            }
            if (!found) {
                int port = w.ports().contains(w.broker().defaultPort()) || w.ports().isEmpty()
                        ? w.broker().defaultPort() : w.ports().get(0);
                sink.emit(Fact.of(Kinds.BROKER, w.broker().key()).value("")
                        .evidence(w.origin().evidence(w.imageLine())).confidence(Confidence.MEDIUM)
                        .attr("workload", w.name()).attr("image", w.image()).attr("port", Integer.toString(port))
                        .attr("platform", "kubernetes").build());
            }
        }
        for (Service s : all.services) {
            if (matched.contains(s)) {
                continue;
            }
            String key = brokerByName(s.name());
            if (key == null) {
                continue;
            }
            int preferred = switch (key) {
                case "redis" -> 6379;
                case "nats" -> 4222;
                case "rabbitmq" -> 5672;
                default -> 9092;
            };
            for (int[] p : s.ports()) {
                if (p[0] == preferred || p[1] == preferred) { // a Service named for a broker, on the broker's port
                    sink.emit(Fact.of(Kinds.BROKER, key).value(s.name() + ":" + p[0])
                            .evidence(s.origin().evidence(s.nameLine())).confidence(Confidence.LOW)
                            .attr("service", s.name()).attr("platform", "kubernetes").build());
                    break;
                }
            }
        }
    }

    /** The broker a Service's name announces; none for a cache or session store (the ruling). */
    private static String brokerByName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("cache") || lower.contains("session") || lower.contains("exporter")
                || lower.contains("commander") || lower.contains("insight") || lower.contains("admin")
                || lower.contains("-ui") || lower.contains("sentinel")) {
            return null;
        }
        for (String word : lower.split("[-_.]")) {
            switch (word) {
                case "redis", "valkey", "keydb" -> {
                    return "redis";
                }
                case "nats" -> {
                    return "nats";
                }
                case "rabbitmq", "rabbit", "amqp" -> {
                    return "rabbitmq";
                }
                case "kafka" -> {
                    return "kafka";
                }
                default -> {
                }
            }
        }
        return null;
    }

    private static int pick(List<int[]> ports, int preferred) {
        for (int[] p : ports) {
            if (p[0] == preferred || p[1] == preferred) {
                return p[0];
            }
        }
        return ports.isEmpty() ? preferred : ports.get(0)[0];
    }
}
