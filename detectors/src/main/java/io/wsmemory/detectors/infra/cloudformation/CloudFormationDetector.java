package io.wsmemory.detectors.infra.cloudformation;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.infra.InfraEvidence;
import io.wsmemory.detectors.infra.StructuredText;
import io.wsmemory.detectors.infra.YNode;
import io.wsmemory.detectors.infra.Yamls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AWS CloudFormation templates (YAML with short-form tags, or JSON): target-group stickiness
 * ({@code TargetGroupAttributes stickiness.enabled} → {@code sticky cookie}, or {@code ip_hash} for
 * {@code source_ip}), classic ELB cookie policies, load-balancer idle timeouts ({@code setting idle.timeout}, role
 * proxy, AWS's 60 s default where an application load balancer sets none), Auto Scaling groups, ECS services and
 * Application Auto Scaling ({@code capacity}). {@code !Ref Param} / {@code {"Ref": "Param"}} reads the parameter's
 * {@code Default} (confidence medium).
 */
public final class CloudFormationDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("infra-cloudformation",
            "AWS CloudFormation: target-group stickiness, load-balancer idle timeouts, Auto Scaling, ECS desired count",
            Set.of(), List.of("AWS::"));

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(SourceFile file) {
        String n = InfraEvidence.lowerName(file);
        boolean named = InfraEvidence.isYaml(file) || n.endsWith(".json") || n.endsWith(".template")
                || n.endsWith(".cfn");
        return named && file.containsAny(DESCRIPTOR.keywords()) && file.contains("Resources");
    }

    @Override
    public void detect(ParsedFile parsed, DetectionContext ctx) {
        SourceFile file = parsed.file();
        String text = file.text();
        List<YNode> docs = text.stripLeading().startsWith("{") ? StructuredText.json(text).documents()
                : Yamls.of(parsed).documents();
        for (YNode doc : docs) {
            if (doc.at("Resources") instanceof YNode.Map resources) {
                new Template(file, ctx, doc).run(resources);
            }
        }
    }

    private record Value(String text, Confidence confidence, List<Evidence> evidence) {
    }

    private static final class Template {
        private final SourceFile file;
        private final DetectionContext ctx;
        private final YNode root;

        Template(SourceFile file, DetectionContext ctx, YNode root) {
            this.file = file;
            this.ctx = ctx;
            this.root = root;
        }

        void run(YNode.Map resources) {
            for (YNode.Entry r : resources.entries()) {
                String type = r.value().text("Type");
                YNode props = r.value().at("Properties");
                if (type == null || !(props instanceof YNode.Map p)) {
                    continue;
                }
                String id = r.key();
                switch (type) {
                    case "AWS::ElasticLoadBalancingV2::TargetGroup" -> targetGroup(id, p);
                    case "AWS::ElasticLoadBalancingV2::LoadBalancer" -> loadBalancer(id, p, r.keyLine());
                    case "AWS::ElasticLoadBalancing::LoadBalancer" -> classic(id, p, r.keyLine());
                    case "AWS::AutoScaling::AutoScalingGroup" -> {
                        String service = name(p, "AutoScalingGroupName", id);
                        capacity(p, "MinSize", "autoscale.min", service, "aws-asg");
                        capacity(p, "MaxSize", "autoscale.max", service, "aws-asg");
                        capacity(p, "DesiredCapacity", "replicas", service, "aws-asg");
                    }
                    case "AWS::ECS::Service" -> capacity(p, "DesiredCount", "replicas", name(p, "ServiceName", id),
                            "aws-ecs");
                    case "AWS::ApplicationAutoScaling::ScalableTarget" -> {
                        capacity(p, "MinCapacity", "autoscale.min", id, "aws-appautoscaling");
                        capacity(p, "MaxCapacity", "autoscale.max", id, "aws-appautoscaling");
                    }
                    case "AWS::ApplicationAutoScaling::ScalingPolicy" -> policy(id, p);
                    default -> {
                    }
                }
            }
        }

        private static String name(YNode p, String key, String fallback) {
            return p.at(key) instanceof YNode.Scalar s && s.tag() == null && s.value() != null ? s.value() : fallback;
        }

        /** A property's value: a literal, or the Default of the parameter a Ref names. */
        private Value value(YNode n) {
            String ref = null;
            if (n instanceof YNode.Scalar s) {
                if (s.value() == null) {
                    return null;
                }
                if (s.tag() == null) {
                    return new Value(s.value(), Confidence.HIGH, List.of());
                }
                if (s.tag().equals("Ref")) {
                    ref = s.value();
                }
            } else if (n instanceof YNode.Map m && m.entries().size() == 1 && m.text("Ref") != null) {
                ref = m.text("Ref");
            }
            if (ref == null) {
                return null;
            }
            YNode param = root.at("Parameters", ref);
            if (param != null && param.at("Default") instanceof YNode.Scalar d && d.value() != null) {
                return new Value(d.value(), Confidence.MEDIUM, List.of(InfraEvidence.at(file, param.keyLine("Default"))));
            }
            return null;
        }

        private void capacity(YNode.Map p, String prop, String key, String service, String platform) {
            Value v = value(p.get(prop));
            if (v == null || !v.text().matches("\\d{1,7}")) {
                return;
            }
            List<Evidence> ev = new ArrayList<>();
            ev.add(InfraEvidence.at(file, p.keyLine(prop)));
            ev.addAll(v.evidence());
            ctx.emit(Fact.of(Kinds.CAPACITY, key).value(v.text()).confidence(v.confidence()).evidence(ev)
                    .attr("service", service).attr("platform", platform).build());
        }

        private record Attr(Value value, int line) {
        }

        /** A list of {Key, Value} pairs, as target groups and load balancers write their attributes. */
        private Map<String, Attr> keyValues(YNode list) {
            Map<String, Attr> out = new LinkedHashMap<>();
            if (list instanceof YNode.Seq q) {
                for (YNode item : q.items()) {
                    String k = item.text("Key");
                    Value v = value(item.at("Value"));
                    if (k != null && v != null) {
                        out.put(k, new Attr(v, item.keyLine("Key")));
                    }
                }
            }
            return out;
        }

        private void targetGroup(String id, YNode.Map p) {
            Map<String, Attr> attrs = keyValues(p.get("TargetGroupAttributes"));
            Attr enabled = attrs.get("stickiness.enabled");
            if (enabled == null || !enabled.value().text().equalsIgnoreCase("true")) {
                return;
            }
            Value protocol = value(p.get("Protocol"));
            boolean network = protocol != null && Set.of("TCP", "UDP", "TLS", "TCP_UDP").contains(protocol.text());
            Attr typeAttr = attrs.get("stickiness.type");
            String type = typeAttr != null ? typeAttr.value().text() : network ? "source_ip" : "lb_cookie";
            Attr cookie = attrs.get("stickiness.app_cookie.cookie_name");
            Attr duration = attrs.get("stickiness.lb_cookie.duration_seconds");
            List<Evidence> ev = new ArrayList<>();
            ev.add(InfraEvidence.at(file, enabled.line()));
            ev.addAll(enabled.value().evidence());
            ctx.emit(Fact.of(Kinds.STICKY, type.equals("source_ip") ? "ip_hash" : "cookie")
                    .value("AWS target group " + id + " stickiness type=" + type).evidence(ev)
                    .confidence(enabled.value().confidence()).attr("lb", network ? "aws-nlb" : "aws-alb")
                    .attr("targetGroup", id).attr("cookie", cookie == null ? null : cookie.value().text())
                    .attr("duration", duration == null || !duration.value().text().matches("\\d+") ? null
                            : Long.toString(Long.parseLong(duration.value().text()) * 1000)).build());
        }

        private void loadBalancer(String id, YNode.Map p, int line) {
            Value type = value(p.get("Type"));
            if (type != null && !type.text().equals("application")) {
                return;
            }
            Attr idle = keyValues(p.get("LoadBalancerAttributes")).get("idle_timeout.timeout_seconds");
            idle(id, idle, line, "aws-alb", "aws alb idle_timeout.timeout_seconds");
        }

        private void classic(String id, YNode.Map p, int line) {
            YNode cs = p.get("ConnectionSettings");
            Value v = cs == null ? null : value(cs.at("IdleTimeout"));
            idle(id, v == null ? null : new Attr(v, cs.keyLine("IdleTimeout")), line, "aws-elb",
                    "aws elb ConnectionSettings.IdleTimeout");
            for (String policy : List.of("LBCookieStickinessPolicy", "AppCookieStickinessPolicy")) {
                for (YNode item : p.seq(policy)) {
                    String cookie = item.text("CookieName");
                    ctx.emit(Fact.of(Kinds.STICKY, "cookie").value("AWS ELB " + id + " " + policy)
                            .evidence(InfraEvidence.at(file, p.keyLine(policy))).attr("lb", "aws-elb")
                            .attr("cookie", cookie).build());
                }
            }
        }

        private void idle(String id, Attr idle, int resourceLine, String lb, String context) {
            if (idle != null && idle.value().text().matches("\\d+")) {
                List<Evidence> ev = new ArrayList<>();
                ev.add(InfraEvidence.at(file, idle.line()));
                ev.addAll(idle.value().evidence());
                ctx.emit(Fact.of(Kinds.SETTING, "idle.timeout")
                        .value(Long.toString(Long.parseLong(idle.value().text()) * 1000)).unit("ms").evidence(ev)
                        .confidence(idle.value().confidence()).attr("role", "proxy").attr("lb", lb)
                        .attr("context", context).attr("loadBalancer", id).build());
            } else if (idle == null) {
                ctx.emit(Fact.of(Kinds.SETTING, "idle.timeout").value("60000").unit("ms").source(Source.DEFAULT)
                        .evidence(InfraEvidence.at(file, resourceLine)).attr("role", "proxy").attr("lb", lb)
                        .attr("context", context).attr("loadBalancer", id).build());
            }
        }

        private void policy(String id, YNode.Map p) {
            YNode tt = p.get("TargetTrackingScalingPolicyConfiguration");
            if (tt == null) {
                return;
            }
            Value v = value(tt.at("TargetValue"));
            if (v == null || !v.text().matches("\\d+(\\.\\d+)?")) {
                return;
            }
            List<Evidence> ev = new ArrayList<>();
            ev.add(InfraEvidence.at(file, tt.keyLine("TargetValue")));
            ev.addAll(v.evidence());
            String metric = tt.text("PredefinedMetricSpecification", "PredefinedMetricType");
            ctx.emit(Fact.of(Kinds.CAPACITY, "autoscale.target").value(v.text()).confidence(v.confidence())
                    .evidence(ev).attr("metric", metric == null ? "custom" : metric).attr("policy", id)
                    .attr("platform", "aws-appautoscaling").build());
        }
    }
}
