package io.wsmemory.detectors.infra;

import java.util.Locale;
import java.util.Set;

/**
 * What a container image is: a message broker (Redis, NATS, RabbitMQ, Kafka, ActiveMQ), other third-party
 * infrastructure (proxies, databases, monitoring) whose replicas are not the application's capacity, or the
 * application itself.
 */
public final class Images {

    /** A broker kind with its protocol port. */
    public record Broker(String key, int defaultPort) {
    }

    private static final Set<String> INFRA = Set.of(
            "traefik", "nginx", "nginx-unprivileged", "openresty", "haproxy", "envoy", "caddy", "httpd", "apache",
            "varnish", "kong", "postgres", "postgresql", "postgis", "mysql", "mariadb", "mongo", "mongodb",
            "memcached", "elasticsearch", "opensearch", "kibana", "logstash", "zookeeper", "cp-zookeeper",
            "prometheus", "grafana", "alertmanager", "node-exporter", "jaeger", "all-in-one", "zipkin",
            "otel-collector", "opentelemetry-collector", "opentelemetry-collector-contrib", "minio", "localstack",
            "mailhog", "mailpit", "adminer", "pgadmin4", "redis-commander", "redisinsight", "kafka-ui", "kafdrop",
            "cp-schema-registry", "cp-kafka-rest", "cp-kafka-connect", "cassandra", "scylla", "consul", "vault",
            "etcd", "cockroach", "clickhouse-server", "influxdb", "loki", "promtail", "fluentd", "fluent-bit",
            "certbot", "cadvisor", "busybox", "alpine", "pause", "coturn", "livekit-server", "keycloak",
            "selenium", "standalone-chrome", "ngrok", "cloudflared", "dynamodb-local", "azurite", "pubsub-emulator",
            "k8s-sidecar", "metrics-server", "ingress-nginx-controller", "controller", "cert-manager-controller");

    private Images() {
    }

    /** The last path segment of an image reference, without registry, tag or digest: {@code bitnami/redis:7} → redis. */
    public static String name(String image) {
        if (image == null) {
            return "";
        }
        String s = image.strip().toLowerCase(Locale.ROOT);
        int at = s.indexOf('@');
        if (at >= 0) {
            s = s.substring(0, at);
        }
        int slash = s.lastIndexOf('/');
        String last = slash < 0 ? s : s.substring(slash + 1);
        int colon = last.indexOf(':');
        return colon < 0 ? last : last.substring(0, colon);
    }

    /** The broker an image runs, or null. */
    public static Broker broker(String image) {
        String n = name(image);
        if (n.isEmpty() || n.contains("exporter") || n.contains("commander") || n.contains("insight")
                || n.contains("-ui") || n.contains("admin") || n.contains("operator") || n.contains("proxy")) {
            return null;
        }
        if (n.equals("redis") || n.startsWith("redis-") || n.startsWith("redis_") || n.equals("keydb")
                || n.equals("valkey") || n.equals("redis-stack") || n.equals("dragonfly")) {
            return n.contains("sentinel") ? null : new Broker("redis", 6379);
        }
        if (n.equals("nats") || n.equals("nats-server") || n.equals("nats-streaming")) {
            return new Broker("nats", 4222);
        }
        if (n.equals("rabbitmq") || n.startsWith("rabbitmq-") || n.equals("rabbitmq-server")) {
            return new Broker("rabbitmq", 5672);
        }
        if (n.equals("kafka") || n.equals("cp-kafka") || n.equals("cp-server") || n.equals("redpanda")) {
            return new Broker("kafka", 9092);
        }
        if (n.equals("activemq") || n.startsWith("activemq-") || n.contains("artemis")) {
            return new Broker("activemq", 61616);
        }
        return null;
    }

    /** True for third-party infrastructure (including brokers): its replicas are not the application's capacity. */
    public static boolean isInfrastructure(String image) {
        String n = name(image);
        if (n.isEmpty()) {
            return false;
        }
        if (broker(image) != null || INFRA.contains(n)) {
            return true;
        }
        return n.startsWith("redis") || n.startsWith("rabbitmq") || n.startsWith("nats") || n.startsWith("kafka")
                || n.startsWith("postgres") || n.startsWith("mysql") || n.startsWith("mongo")
                || n.startsWith("elasticsearch") || n.startsWith("traefik") || n.startsWith("nginx")
                || n.startsWith("haproxy") || n.endsWith("-exporter") || n.endsWith("_exporter")
                || n.equals("operator") || n.endsWith("-operator") || n.endsWith("-controller")
                || n.equals("cluster-autoscaler") || n.equals("external-dns") || n.equals("kube-state-metrics")
                || n.equals("coredns") || n.startsWith("cert-manager");
    }

    private static final Set<String> INFRA_WORDS = Set.of("redis", "postgres", "postgresql", "mysql", "mariadb",
            "mongo", "mongodb", "minio", "elasticsearch", "opensearch", "kafka", "zookeeper", "rabbitmq", "nats",
            "traefik", "haproxy", "memcached", "prometheus", "grafana", "etcd", "consul", "vault", "clickhouse",
            "cassandra", "keycloak", "jaeger", "loki");

    /**
     * True when a workload's name says it runs third-party infrastructure ({@code redis-master},
     * {@code minio-deployment}): used where only a name is known (autoscaler targets, Kustomize overrides).
     */
    public static boolean isInfrastructureName(String workload) {
        if (workload == null || workload.isEmpty()) {
            return false;
        }
        for (String word : workload.toLowerCase(Locale.ROOT).split("[-_.]")) {
            if (INFRA_WORDS.contains(word)) {
                return true;
            }
        }
        return isInfrastructure(workload);
    }
}
