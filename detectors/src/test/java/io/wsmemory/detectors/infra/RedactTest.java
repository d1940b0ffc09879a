package io.wsmemory.detectors.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactTest {

    @Test
    void urlsLoseTheirUserInformation() {
        assertThat(Redact.line("REDIS_URL=redis://:hunter2@cache:6379/0")).isEqualTo("REDIS_URL=redis://***@cache:6379/0");
        assertThat(Redact.line("  AMQP_URL: \"amqp://guest:guest@mq:5672\""))
                .isEqualTo("  AMQP_URL: \"amqp://***@mq:5672\"");
        assertThat(Redact.line("url = http://example.test/path")).isEqualTo("url = http://example.test/path");
    }

    @Test
    void secretLikeAssignmentsAreMasked() {
        assertThat(Redact.line("REDIS_PASSWORD=hunter2")).isEqualTo("REDIS_PASSWORD=***");
        assertThat(Redact.line("  api_key: abc123")).isEqualTo("  api_key: ***");
        assertThat(Redact.line("\"clientSecret\": \"xyz\"")).isEqualTo("\"clientSecret\": \"***\"");
        assertThat(Redact.line("replicas: 3")).isEqualTo("replicas: 3");
    }
}
