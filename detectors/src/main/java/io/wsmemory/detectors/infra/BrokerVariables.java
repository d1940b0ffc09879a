package io.wsmemory.detectors.infra;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Environment variables that locate a message broker ({@code REDIS_URL}, {@code REDIS_HOST} with
 * {@code REDIS_PORT}, {@code NATS_URL}, {@code AMQP_URL}, {@code RABBITMQ_URL}, {@code KAFKA_BROKERS}, or a
 * generic name whose value is a {@code redis://}, {@code nats://} or {@code amqp://} URL), as set in .env files,
 * docker-compose {@code environment} and Kubernetes container {@code env}. Variables named for a cache or a
 * session store are left out (the ruling: Redis used as a cache or session store is not a broker). Values are
 * {@code host:port} (lists comma-separated), user information never kept.
 */
public final class BrokerVariables {

    /** One variable as written: its name, value and line. */
    public record Variable(String name, String value, int line) {
    }

    private static final List<String> SUFFIXES = List.of("_URL", "_URI", "_URLS", "_HOST", "_HOSTNAME", "_HOSTS",
            "_ADDR", "_ADDRESS", "_SERVER", "_SERVERS", "_BROKERS", "_BROKER", "_BOOTSTRAP_SERVERS", "_ENDPOINT",
            "_CONNECTION_STRING", "_DSN");

    private BrokerVariables() {
    }

    /**
     * Broker facts for a group of variables set together (one file, one container).
     *
     * @param evidence the evidence of a line, snippet already free of credentials
     */
    public static List<Fact> facts(List<Variable> vars, IntFunction<Evidence> evidence, Map<String, String> attrs) {
        Map<String, Variable> byName = new LinkedHashMap<>();
        for (Variable v : vars) {
            byName.put(v.name().toUpperCase(Locale.ROOT), v);
        }
        List<Fact> out = new ArrayList<>();
        for (Variable v : vars) {
            String name = v.name().toUpperCase(Locale.ROOT);
            String value = v.value() == null ? "" : v.value().strip();
            if (value.isEmpty() || value.contains("${") || value.startsWith("$") || name.contains("CACHE")
                    || name.contains("SESSION") || name.contains("REST_") || name.contains("_REST")
                    || name.contains("EXPORTER") || name.contains("METRICS")) {
                continue;
            }
            String suffix = SUFFIXES.stream().filter(name::endsWith).findFirst().orElse(null);
            if (suffix == null) {
                continue;
            }
            String broker = byName(name);
            String scheme = scheme(value);
            if (broker == null) {
                broker = scheme == null ? null : switch (scheme) {
                    case "redis", "rediss" -> "redis";
                    case "nats", "tls" -> name.contains("NATS") ? "nats" : scheme.equals("nats") ? "nats" : null;
                    case "amqp", "amqps" -> "rabbitmq";
                    case "kafka" -> "kafka";
                    default -> null;
                };
            } else if (scheme != null && !schemeFits(broker, scheme)) {
                continue; // REDIS_URL=http://... : some other service
            }
            if (broker == null) {
                continue;
            }
            int port = defaultPort(broker);
            List<Evidence> ev = new ArrayList<>();
            ev.add(evidence.apply(v.line()));
            String hostPort;
            if (suffix.equals("_HOST") || suffix.equals("_HOSTNAME")) {
                if (value.contains("/") || value.contains("@")) {
                    continue;
                }
                String host = value;
                String explicitPort = null;
                Variable portVar = byName.get(name.substring(0, name.length() - suffix.length()) + "_PORT");
                if (portVar != null && portVar.value() != null && portVar.value().strip().matches("\\d{1,5}")) {
                    explicitPort = portVar.value().strip();
                    ev.add(evidence.apply(portVar.line()));
                }
                hostPort = host.contains(":") ? host : host + ":" + (explicitPort == null ? port : explicitPort);
            } else {
                hostPort = hostPorts(value, port);
            }
            if (hostPort == null || hostPort.isEmpty()) {
                continue;
            }
            Fact.Builder f = Fact.of(Kinds.BROKER, broker).value(hostPort).evidence(ev).confidence(Confidence.MEDIUM)
                    .attr("variable", v.name());
            attrs.forEach(f::attr);
            out.add(f.build());
        }
        return out;
    }

    private static String byName(String name) {
        if (name.contains("REDIS") || name.contains("VALKEY") || name.contains("KEYDB")) {
            return "redis";
        }
        if (name.contains("NATS")) {
            return "nats";
        }
        if (name.contains("AMQP") || name.contains("RABBIT")) {
            return "rabbitmq";
        }
        if (name.contains("KAFKA")) {
            return "kafka";
        }
        if (name.contains("ACTIVEMQ") || name.contains("ARTEMIS")) {
            return "activemq";
        }
        return null;
    }

    private static boolean schemeFits(String broker, String scheme) {
        return switch (broker) {
            case "redis" -> scheme.startsWith("redis") || scheme.equals("unix") || scheme.equals("valkey");
            case "nats" -> scheme.equals("nats") || scheme.equals("tls") || scheme.equals("ws") || scheme.equals("wss");
            case "rabbitmq" -> scheme.startsWith("amqp") || scheme.equals("stomp");
            case "kafka" -> scheme.equals("kafka") || scheme.equals("plaintext") || scheme.equals("ssl")
                    || scheme.equals("sasl_ssl") || scheme.equals("sasl_plaintext");
            case "activemq" -> scheme.equals("tcp") || scheme.equals("stomp") || scheme.equals("ssl")
                    || scheme.startsWith("failover") || scheme.equals("amqp");
            default -> false;
        };
    }

    static int defaultPort(String broker) {
        return switch (broker) {
            case "redis" -> 6379;
            case "nats" -> 4222;
            case "rabbitmq" -> 5672;
            case "kafka" -> 9092;
            default -> 61616;
        };
    }

    private static String scheme(String value) {
        int i = value.indexOf("://");
        if (i <= 0) {
            return null;
        }
        String s = value.substring(0, i).toLowerCase(Locale.ROOT);
        return s.matches("[a-z][a-z0-9+._-]*") ? s : null;
    }

    /** {@code redis://:pw@cache:6380/0} → cache:6380; {@code a:9092,b:9092} stays a list. */
    static String hostPorts(String value, int defaultPort) {
        List<String> parts = new ArrayList<>();
        for (String raw : value.split(",")) {
            String p = raw.strip();
            if (p.isEmpty()) {
                continue;
            }
            String hp = hostPort(p, defaultPort);
            if (hp == null) {
                return null;
            }
            parts.add(hp);
        }
        return String.join(",", parts);
    }

    private static String hostPort(String s, int defaultPort) {
        String t = s;
        if (t.contains("://")) {
            try {
                URI u = URI.create(t.replace(" ", "%20"));
                String host = u.getHost();
                if (host == null) {
                    String auth = u.getRawAuthority();
                    if (auth == null) {
                        return null;
                    }
                    auth = auth.substring(auth.lastIndexOf('@') + 1);
                    return auth.contains(":") ? auth : auth + ":" + defaultPort;
                }
                return host + ":" + (u.getPort() < 0 ? defaultPort : u.getPort());
            } catch (IllegalArgumentException e) {
                t = t.substring(t.indexOf("://") + 3);
            }
        }
        t = t.substring(t.lastIndexOf('@') + 1);
        int slash = t.indexOf('/');
        if (slash >= 0) {
            t = t.substring(0, slash);
        }
        if (!t.matches("[A-Za-z0-9._-]+(:\\d{1,5})?")) {
            return null;
        }
        return t.contains(":") ? t : t + ":" + defaultPort;
    }
}
