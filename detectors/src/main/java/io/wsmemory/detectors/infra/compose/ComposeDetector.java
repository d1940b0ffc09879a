package io.wsmemory.detectors.infra.compose;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.FactSink;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.infra.BrokerVariables;
import io.wsmemory.detectors.infra.Images;
import io.wsmemory.detectors.infra.InfraEvidence;
import io.wsmemory.detectors.infra.YNode;
import io.wsmemory.detectors.infra.Yamls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose and Swarm stack files: {@code deploy.replicas} and the legacy {@code scale} of the application's
 * services ({@code capacity replicas}, {@code attrs.service}; third-party images left out), the broker services
 * (Redis, NATS, RabbitMQ, Kafka, ActiveMQ by image; {@code broker KEY=service:port}, the container port other
 * services reach it on, confidence medium), broker locations in the services' {@code environment}, and HTTP
 * health checks ({@code health PATH=healthcheck}). Traefik labels are read by the Traefik detector.
 */
public final class ComposeDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("infra-compose",
            "docker-compose and Swarm stack files: replicas, broker services and their ports, broker variables, "
                    + "health checks",
            Set.of(), List.of("services"));

    private static final Pattern HEALTH_URL = Pattern.compile("https?://[^/\\s\"']+(/[^\\s\"'|;&]*)");

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** docker-compose*.yml, compose*.yaml, *.compose.yml, docker-stack*.yml, stack*.yml. */
    public static boolean isComposeFile(SourceFile file) {
        if (!InfraEvidence.isYaml(file)) {
            return false;
        }
        String n = InfraEvidence.lowerName(file);
        return n.startsWith("docker-compose") || n.startsWith("compose") || n.contains(".compose.")
                || n.contains("-compose.") || n.startsWith("docker-stack") || n.startsWith("stack")
                || n.contains("-stack.");
    }

    @Override
    public boolean accepts(SourceFile file) {
        return isComposeFile(file) && file.containsAny(DESCRIPTOR.keywords());
    }

    @Override
    public void detect(ParsedFile parsed, DetectionContext ctx) {
        SourceFile file = parsed.file();
        List<Fact> found = new ArrayList<>();
        for (YNode doc : Yamls.of(parsed).documents()) {
            if (!(doc.at("services") instanceof YNode.Map services)) {
                continue;
            }
            for (YNode.Entry e : services.entries()) {
                if (e.value() instanceof YNode.Map svc) {
                    service(file, found::add, e.key(), svc);
                }
            }
        }
        joinBrokerAddresses(found).forEach(ctx::emit);
    }

    /**
     * A variable that points at a broker service of the same file ({@code REDIS_HOST=redis} beside the
     * {@code redis} service) is one more place of that broker, not another broker.
     */
    static List<Fact> joinBrokerAddresses(List<Fact> facts) {
        List<Fact> out = new ArrayList<>();
        List<Fact> variables = new ArrayList<>();
        for (Fact f : facts) {
            if (f.kind().equals(Kinds.BROKER) && f.attr("variable") != null) {
                variables.add(f);
            } else {
                out.add(f);
            }
        }
        for (Fact v : variables) {
            boolean joined = false;
            for (int i = 0; i < out.size(); i++) {
                Fact s = out.get(i);
                if (s.kind().equals(Kinds.BROKER) && s.key().equals(v.key()) && s.value().equals(v.value())
                        && s.attr("image") != null) {
                    out.set(i, s.toBuilder().evidence(v.evidence()).build());
                    joined = true;
                    break;
                }
            }
            if (!joined) {
                out.add(v);
            }
        }
        return out;
    }

    private static void service(SourceFile file, FactSink ctx, String name, YNode.Map svc) {
        String image = svc.text("image");
        boolean built = svc.at("build") != null;
        boolean infra = !built && image != null && Images.isInfrastructure(image);
        Images.Broker broker = built || image == null ? null : Images.broker(image);
        if (broker != null) {
            int port = port(svc, broker.defaultPort());
            ctx.emit(Fact.of(Kinds.BROKER, broker.key()).value(name + ":" + port)
                    .evidence(InfraEvidence.at(file, svc.keyLine("image"))).confidence(Confidence.MEDIUM)
                    .attr("service", name).attr("image", image).attr("platform", "docker-compose").build());
        }
        if (infra) {
            return;
        }
        if (!"global".equals(svc.text("deploy", "mode"))) {
            replicas(file, ctx, name, svc.text("deploy", "replicas"), svc.keyLine("deploy", "replicas"), null);
        }
        replicas(file, ctx, name, svc.text("scale"), svc.keyLine("scale"), "scale");
        health(file, ctx, name, svc);
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("service", name);
        attrs.put("platform", "docker-compose");
        for (Fact f : BrokerVariables.facts(environment(svc), line -> InfraEvidence.at(file, line), attrs)) {
            ctx.emit(f);
        }
    }

    private static final Pattern ENV_DEFAULT = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\\}$");

    /** A count as written ({@code 3}) or through compose's variable substitution ({@code ${REPLICAS:-3}}). */
    private static void replicas(SourceFile file, FactSink ctx, String service, String text, int line,
                                 String via) {
        if (text == null) {
            return;
        }
        Integer n = Yamls.integer(text);
        String variable = null;
        Matcher m = ENV_DEFAULT.matcher(text.strip());
        if (n == null && m.matches()) {
            variable = m.group(1);
            n = m.group(2) == null ? null : Yamls.integer(m.group(2));
        }
        if (n == null && variable == null) {
            return;
        }
        ctx.emit(Fact.of(Kinds.CAPACITY, "replicas").value(n == null ? "" : n.toString())
                .source(variable == null ? io.wsmemory.core.api.Source.EXPLICIT : io.wsmemory.core.api.Source.ENV)
                .confidence(variable == null ? Confidence.HIGH : Confidence.MEDIUM)
                .evidence(InfraEvidence.at(file, line)).attr("service", service).attr("variable", variable)
                .attr("platform", "docker-compose").attr("via", via).build());
    }

    /** Compose's {@code ${VAR:-default}}: the default stands for the value; a bare {@code ${VAR}} is unknown. */
    static String substituted(String value) {
        Matcher m = ENV_DEFAULT.matcher(value.strip());
        if (m.matches()) {
            return m.group(2);
        }
        return value;
    }

    private static List<BrokerVariables.Variable> environment(YNode.Map svc) {
        List<BrokerVariables.Variable> vars = new ArrayList<>();
        YNode env = svc.at("environment");
        if (env instanceof YNode.Map m) {
            for (YNode.Entry e : m.entries()) {
                if (e.value() instanceof YNode.Scalar s && s.value() != null && substituted(s.value()) != null) {
                    vars.add(new BrokerVariables.Variable(e.key(), substituted(s.value()), e.keyLine()));
                }
            }
        } else if (env instanceof YNode.Seq q) {
            for (YNode item : q.items()) {
                if (item instanceof YNode.Scalar s && s.value() != null && s.value().indexOf('=') > 0) {
                    int eq = s.value().indexOf('=');
                    String v = substituted(s.value().substring(eq + 1));
                    if (v != null) {
                        vars.add(new BrokerVariables.Variable(s.value().substring(0, eq).strip(), v, s.line()));
                    }
                }
            }
        }
        return vars;
    }

    private static void health(SourceFile file, FactSink ctx, String name, YNode.Map svc) {
        YNode test = svc.at("healthcheck", "test");
        String text;
        int line;
        if (test instanceof YNode.Scalar s && s.value() != null) {
            text = s.value();
            line = s.line();
        } else if (test instanceof YNode.Seq q) {
            StringBuilder b = new StringBuilder();
            for (YNode i : q.items()) {
                if (i instanceof YNode.Scalar s && s.value() != null) {
                    b.append(s.value()).append(' ');
                }
            }
            text = b.toString();
            line = q.line();
        } else {
            return;
        }
        Matcher m = HEALTH_URL.matcher(text);
        if (m.find()) {
            String path = m.group(1).split("\\?")[0];
            ctx.emit(Fact.of(Kinds.HEALTH, path).value("healthcheck").evidence(InfraEvidence.at(file, line))
                    .attr("service", name).attr("platform", "docker-compose").build());
        }
    }

    /** The container port others reach the service on: the broker's own port if it is listed, else the first. */
    private static int port(YNode.Map svc, int preferred) {
        List<Integer> ports = new ArrayList<>();
        for (String key : List.of("ports", "expose")) {
            for (YNode p : svc.seq(key)) {
                Integer target = null;
                if (p instanceof YNode.Scalar s && s.value() != null) {
                    target = containerPort(s.value());
                } else if (p instanceof YNode.Map m) {
                    target = Yamls.integer(m.text("target"));
                }
                if (target != null) {
                    ports.add(target);
                }
            }
        }
        if (ports.isEmpty() || ports.contains(preferred)) {
            return preferred;
        }
        return ports.get(0);
    }

    /** {@code "6380:6379"}, {@code "127.0.0.1:6380:6379/tcp"}, {@code 6379}, {@code "7000-7005"} → container port. */
    static Integer containerPort(String spec) {
        String s = spec.strip();
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        int colon = s.lastIndexOf(':');
        String target = colon < 0 ? s : s.substring(colon + 1);
        int dash = target.indexOf('-');
        if (dash >= 0) {
            target = target.substring(0, dash);
        }
        return Yamls.integer(target);
    }
}
