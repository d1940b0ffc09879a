package io.wsmemory.detectors.infra.env;

import static io.wsmemory.detectors.infra.InfraScan.brief;
import static io.wsmemory.detectors.infra.InfraScan.facts;
import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Fact;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileDetectorTest {

    @TempDir
    Path dir;

    @Test
    void templatesAreNotConfiguration() {
        assertThat(EnvFileDetector.isEnvFile(".env")).isTrue();
        assertThat(EnvFileDetector.isEnvFile(".env.production")).isTrue();
        assertThat(EnvFileDetector.isEnvFile("redis.env")).isTrue();
        assertThat(EnvFileDetector.isEnvFile(".env.example")).isFalse();
        assertThat(EnvFileDetector.isEnvFile(".env.sample")).isFalse();
        assertThat(EnvFileDetector.isEnvFile("example.env")).isFalse();
        assertThat(EnvFileDetector.isEnvFile(".env.local.template")).isFalse();
        assertThat(EnvFileDetector.isEnvFile("environment.ts")).isFalse();
    }

    @Test
    void valuesAndSnippetsKeepNoSecret() {
        List<Fact> facts = facts(dir, Map.of(".env.production", """
                export REDIS_URL='redis://app:pa55word@redis.prod.test:6379'
                AMQP_URL=amqps://user:secret@mq.prod.test
                NATS_SERVERS=nats://n1.prod.test:4222,nats://n2.prod.test:4222
                REDIS_HEALTH_URL=http://redis-probe.prod.test/health
                RABBITMQ_URL=${RABBIT}
                CACHE_URL=redis://cache.prod.test:6379
                """), new EnvFileDetector());
        assertThat(brief(facts)).containsExactly(
                "broker nats=n1.prod.test:4222,n2.prod.test:4222 .env.production:3",
                "broker rabbitmq=mq.prod.test:5672 .env.production:2",
                "broker redis=redis.prod.test:6379 .env.production:1");
        assertThat(facts).allSatisfy(f -> {
            assertThat(f.primaryEvidence().snippet()).doesNotContain("pa55word").doesNotContain("secret");
            assertThat(f.value()).doesNotContain("@");
        });
        assertThat(facts.get(2).attr("variable")).isEqualTo("REDIS_URL");
    }

    @Test
    void valueParsing() {
        assertThat(EnvFileDetector.value("\"a b\" # c")).isEqualTo("a b");
        assertThat(EnvFileDetector.value("x # comment")).isEqualTo("x");
        assertThat(EnvFileDetector.value("'#not a comment'")).isEqualTo("#not a comment");
    }
}
