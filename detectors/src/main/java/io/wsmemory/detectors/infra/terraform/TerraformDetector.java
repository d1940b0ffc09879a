package io.wsmemory.detectors.infra.terraform;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.FactSink;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.infra.Durations;
import io.wsmemory.detectors.infra.Images;
import io.wsmemory.detectors.infra.InfraEvidence;
import io.wsmemory.detectors.infra.terraform.Hcl.Attribute;
import io.wsmemory.detectors.infra.terraform.Hcl.Block;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Terraform (HCL, read by {@link Hcl}): AWS target-group stickiness ({@code lb_cookie}/{@code app_cookie} →
 * {@code sticky cookie}, {@code source_ip} → {@code sticky ip_hash}), classic ELB cookie policies, ALB/ELB
 * {@code idle_timeout} ({@code setting idle.timeout}, role proxy; AWS's 60 s default where an application load
 * balancer sets none), Auto Scaling groups, ECS services and Application Auto Scaling targets and policies
 * ({@code capacity replicas|autoscale.min|autoscale.max|autoscale.target}), Google backend services' session
 * affinity and timeout, and the Kubernetes provider's deployments, services and autoscalers.
 *
 * <p>{@code var.x} and {@code local.x} are resolved within the module folder: terraform.tfvars and *.auto.tfvars
 * first, then the variable's default (confidence medium, evidence at the attribute then at the value).
 */
public final class TerraformDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("infra-terraform",
            "Terraform: AWS load-balancer stickiness and idle timeouts, Auto Scaling, ECS, Application Auto Scaling, "
                    + "Google backend services, Kubernetes provider resources",
            Set.of(), List.of("resource", "variable", "locals", "="));

    private record ModuleFile(SourceFile file, Block root) {
    }

    private final ConcurrentLinkedQueue<ModuleFile> files = new ConcurrentLinkedQueue<>();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(SourceFile file) {
        String n = InfraEvidence.lowerName(file);
        return (n.endsWith(".tf") || n.equals("terraform.tfvars") || n.endsWith(".auto.tfvars"))
                && file.containsAny(DESCRIPTOR.keywords());
    }

    @Override
    public void detect(ParsedFile parsed, DetectionContext context) {
        files.add(new ModuleFile(parsed.file(), Hcl.parse(parsed.file().text())));
    }

    @Override
    public void finish(RepoContext context) {
        List<ModuleFile> all = new ArrayList<>(files);
        all.sort(Comparator.comparing(m -> m.file().path()));
        Map<String, List<ModuleFile>> byDir = new HashMap<>();
        for (ModuleFile m : all) {
            byDir.computeIfAbsent(m.file().directory(), d -> new ArrayList<>()).add(m);
        }
        for (ModuleFile m : all) {
            if (m.file().fileName().endsWith(".tf")) {
                new Module(m.file(), byDir.get(m.file().directory()), context).run(m.root());
            }
        }
    }

    /** A value read for an attribute: its text, how it was found, and where. */
    private record Value(String text, Confidence confidence, List<Evidence> evidence) {
    }

    private static final class Module {
        private final SourceFile file;
        private final List<ModuleFile> siblings;
        private final FactSink sink;

        Module(SourceFile file, List<ModuleFile> siblings, FactSink sink) {
            this.file = file;
            this.siblings = siblings;
            this.sink = sink;
        }

        void run(Block root) {
            for (Block b : root.blocks()) {
                if (!b.type().equals("resource") || b.labels().size() < 2) {
                    continue;
                }
                String type = b.label(0);
                String name = b.label(1);
                switch (type) {
                    case "aws_lb_target_group", "aws_alb_target_group" -> targetGroup(b, name);
                    case "aws_lb", "aws_alb" -> loadBalancer(b, name, "aws-alb");
                    case "aws_elb" -> loadBalancer(b, name, "aws-elb");
                    case "aws_lb_cookie_stickiness_policy", "aws_app_cookie_stickiness_policy" -> elbPolicy(b, type, name);
                    case "aws_autoscaling_group" -> {
                        String service = nameOf(b, name);
                        capacity(b, "min_size", "autoscale.min", service, "aws-asg");
                        capacity(b, "max_size", "autoscale.max", service, "aws-asg");
                        capacity(b, "desired_capacity", "replicas", service, "aws-asg");
                    }
                    case "aws_ecs_service" -> capacity(b, "desired_count", "replicas", nameOf(b, name), "aws-ecs");
                    case "aws_appautoscaling_target" -> {
                        Value id = value(b.attribute("resource_id"));
                        String service = id == null ? name : id.text().substring(id.text().lastIndexOf('/') + 1);
                        capacity(b, "min_capacity", "autoscale.min", service, "aws-appautoscaling");
                        capacity(b, "max_capacity", "autoscale.max", service, "aws-appautoscaling");
                    }
                    case "aws_appautoscaling_policy" -> scalingPolicy(b, name);
                    case "google_compute_backend_service", "google_compute_region_backend_service" -> google(b, name);
                    case "kubernetes_deployment", "kubernetes_deployment_v1", "kubernetes_stateful_set",
                         "kubernetes_stateful_set_v1" -> k8sDeployment(b, name);
                    case "kubernetes_service", "kubernetes_service_v1" -> k8sService(b, name);
                    case "kubernetes_horizontal_pod_autoscaler", "kubernetes_horizontal_pod_autoscaler_v1",
                         "kubernetes_horizontal_pod_autoscaler_v2" -> k8sHpa(b, name);
                    default -> {
                    }
                }
            }
        }

        private Evidence at(int line) {
            return InfraEvidence.at(file, line);
        }

        private Fact.Builder fact(String kind, String key, Value v, Attribute a) {
            List<Evidence> ev = new ArrayList<>();
            ev.add(at(a.line()));
            ev.addAll(v.evidence());
            return Fact.of(kind, key).value(v.text()).confidence(v.confidence()).evidence(ev);
        }

        private static String nameOf(Block b, String fallback) {
            Attribute n = b.attribute("name");
            return n != null && n.literal() != null ? n.literal() : fallback;
        }

        /** An attribute's literal, or the literal a var./local. reference leads to in this module. */
        private Value value(Attribute a) {
            if (a == null) {
                return null;
            }
            if (a.literal() != null) {
                return new Value(a.literal(), Confidence.HIGH, List.of());
            }
            String e = a.expression().strip();
            if (e.matches("var\\.[A-Za-z0-9_-]+")) {
                String var = e.substring(4);
                for (ModuleFile m : siblings) { // tfvars override defaults
                    if (!m.file().fileName().endsWith(".tf")) {
                        Attribute set = m.root().attribute(var);
                        if (set != null && set.literal() != null) {
                            return new Value(set.literal(), Confidence.MEDIUM,
                                    List.of(InfraEvidence.at(m.file(), set.line())));
                        }
                    }
                }
                for (ModuleFile m : siblings) {
                    for (Block v : m.root().blocks()) {
                        if (v.type().equals("variable") && var.equals(v.label(0))) {
                            Attribute d = v.attribute("default");
                            if (d != null && d.literal() != null) {
                                return new Value(d.literal(), Confidence.MEDIUM,
                                        List.of(InfraEvidence.at(m.file(), d.line())));
                            }
                        }
                    }
                }
            } else if (e.matches("local\\.[A-Za-z0-9_-]+")) {
                String local = e.substring(6);
                for (ModuleFile m : siblings) {
                    for (Block l : m.root().blocks()) {
                        Attribute d = l.type().equals("locals") ? l.attribute(local) : null;
                        if (d != null && d.literal() != null) {
                            return new Value(d.literal(), Confidence.MEDIUM,
                                    List.of(InfraEvidence.at(m.file(), d.line())));
                        }
                    }
                }
            }
            return null;
        }

        private void capacity(Block b, String attr, String key, String service, String platform) {
            Attribute a = b.attribute(attr);
            Value v = value(a);
            if (v == null || !v.text().matches("\\d{1,7}")) {
                return;
            }
            sink.emit(fact(Kinds.CAPACITY, key, v, a).attr("service", service).attr("platform", platform).build());
        }

        private void targetGroup(Block b, String name) {
            Block s = b.block("stickiness");
            if (s == null) {
                return;
            }
            Value enabled = value(s.attribute("enabled"));
            if (enabled != null && enabled.text().equals("false") || s.attribute("enabled") != null && enabled == null) {
                return; // switched off, or set by an expression we cannot read
            }
            Value type = value(s.attribute("type"));
            if (type == null) {
                return;
            }
            String key = type.text().equals("source_ip") ? "ip_hash" : "cookie";
            Value protocol = value(b.attribute("protocol"));
            boolean network = protocol != null && Set.of("TCP", "UDP", "TLS", "TCP_UDP").contains(protocol.text());
            Value cookie = value(s.attribute("cookie_name"));
            Value duration = value(s.attribute("cookie_duration"));
            List<Evidence> ev = new ArrayList<>();
            ev.add(at(s.line()));
            ev.addAll(type.evidence());
            sink.emit(Fact.of(Kinds.STICKY, key).value("AWS target group \"" + nameOf(b, name) + "\" stickiness type="
                    + type.text()).evidence(ev).confidence(type.confidence())
                    .attr("lb", network ? "aws-nlb" : "aws-alb").attr("targetGroup", nameOf(b, name))
                    .attr("cookie", cookie == null ? null : cookie.text())
                    .attr("duration", duration == null || !duration.text().matches("\\d+") ? null
                            : Long.toString(Long.parseLong(duration.text()) * 1000)).build());
        }

        private void loadBalancer(Block b, String name, String lb) {
            Value type = value(b.attribute("load_balancer_type"));
            if (type != null && !type.text().equals("application")) {
                return; // network and gateway load balancers have no configurable HTTP idle timeout
            }
            Attribute a = b.attribute("idle_timeout");
            Value v = value(a);
            if (v != null && v.text().matches("\\d+")) {
                sink.emit(fact(Kinds.SETTING, "idle.timeout", new Value(Long.toString(Long.parseLong(v.text()) * 1000),
                        v.confidence(), v.evidence()), a).unit("ms").attr("role", "proxy").attr("lb", lb)
                        .attr("context", lb.replace('-', ' ') + " idle_timeout").attr("loadBalancer", nameOf(b, name))
                        .build());
            } else if (a == null) {
                sink.emit(Fact.of(Kinds.SETTING, "idle.timeout").value("60000").unit("ms").source(Source.DEFAULT)
                        .evidence(at(b.line())).attr("role", "proxy").attr("lb", lb)
                        .attr("context", lb.replace('-', ' ') + " idle_timeout").attr("loadBalancer", nameOf(b, name))
                        .build());
            }
        }

        private void elbPolicy(Block b, String type, String name) {
            Value cookie = value(b.attribute("cookie_name"));
            sink.emit(Fact.of(Kinds.STICKY, "cookie").value("AWS ELB " + type.substring(4) + " \"" + nameOf(b, name)
                    + "\"").evidence(at(b.line())).attr("lb", "aws-elb")
                    .attr("cookie", cookie == null ? null : cookie.text()).build());
        }

        private void scalingPolicy(Block b, String name) {
            Block tt = b.block("target_tracking_scaling_policy_configuration");
            if (tt == null) {
                return;
            }
            Attribute a = tt.attribute("target_value");
            Value v = value(a);
            if (v == null || !v.text().matches("\\d+(\\.\\d+)?")) {
                return;
            }
            Block pre = tt.block("predefined_metric_specification");
            Value metric = pre == null ? null : value(pre.attribute("predefined_metric_type"));
            Value id = value(b.attribute("resource_id"));
            String service = id == null ? null : id.text().substring(id.text().lastIndexOf('/') + 1);
            sink.emit(fact(Kinds.CAPACITY, "autoscale.target", v, a).attr("service", service)
                    .attr("metric", metric == null ? "custom" : metric.text()).attr("policy", nameOf(b, name))
                    .attr("platform", "aws-appautoscaling").build());
        }

        private void google(Block b, String name) {
            Attribute sa = b.attribute("session_affinity");
            Value v = value(sa);
            if (v != null && (v.text().equals("GENERATED_COOKIE") || v.text().equals("CLIENT_IP")
                    || v.text().equals("HTTP_COOKIE") || v.text().equals("HEADER_FIELD"))) {
                String key = switch (v.text()) {
                    case "CLIENT_IP" -> "session-affinity";
                    case "HEADER_FIELD" -> "hash";
                    default -> "cookie";
                };
                sink.emit(fact(Kinds.STICKY, key, new Value("Google backend service session_affinity = " + v.text(),
                        v.confidence(), v.evidence()), sa).attr("lb", "gce").attr("backendService", nameOf(b, name))
                        .build());
            }
            Attribute t = b.attribute("timeout_sec");
            Value tv = value(t);
            if (tv != null && tv.text().matches("\\d+")) {
                sink.emit(fact(Kinds.SETTING, "idle.timeout", new Value(Long.toString(Long.parseLong(tv.text()) * 1000),
                        tv.confidence(), tv.evidence()), t).unit("ms").attr("role", "proxy").attr("lb", "gce")
                        .attr("context", "google backend service timeout_sec").attr("backendService", nameOf(b, name))
                        .build());
            }
        }

        private static String metadataName(Block b, String fallback) {
            Block meta = b.block("metadata");
            Attribute n = meta == null ? null : meta.attribute("name");
            return n != null && n.literal() != null ? n.literal() : fallback;
        }

        private void k8sDeployment(Block b, String name) {
            Block spec = b.block("spec");
            if (spec == null) {
                return;
            }
            Block podSpec = spec.block("template") == null ? null : spec.block("template").block("spec");
            boolean infra = false;
            if (podSpec != null) {
                infra = true;
                boolean any = false;
                for (Block c : podSpec.blocks()) {
                    if (c.type().equals("container")) {
                        Attribute image = c.attribute("image");
                        any = true;
                        if (image == null || image.literal() == null || !Images.isInfrastructure(image.literal())) {
                            infra = false;
                        }
                    }
                }
                infra = infra && any;
            }
            if (!infra) {
                capacity(spec, "replicas", "replicas", metadataName(b, name), "kubernetes");
            }
        }

        private void k8sService(Block b, String name) {
            Block spec = b.block("spec");
            Attribute a = spec == null ? null : spec.attribute("session_affinity");
            Value v = value(a);
            if (v != null && v.text().equals("ClientIP")) {
                sink.emit(fact(Kinds.STICKY, "session-affinity", new Value(
                        "Kubernetes Service sessionAffinity: ClientIP", v.confidence(), v.evidence()), a)
                        .attr("lb", "kubernetes-service").attr("service", metadataName(b, name)).build());
            }
        }

        private void k8sHpa(Block b, String name) {
            Block spec = b.block("spec");
            if (spec == null) {
                return;
            }
            Block target = spec.block("scale_target_ref");
            Value t = target == null ? null : value(target.attribute("name"));
            String service = t == null ? metadataName(b, name) : t.text();
            capacity(spec, "min_replicas", "autoscale.min", service, "kubernetes");
            capacity(spec, "max_replicas", "autoscale.max", service, "kubernetes");
            capacity(spec, "target_cpu_utilization_percentage", "autoscale.target", service, "kubernetes");
        }
    }
}
