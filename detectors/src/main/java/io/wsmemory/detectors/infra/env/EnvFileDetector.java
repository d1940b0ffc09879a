package io.wsmemory.detectors.infra.env;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.infra.BrokerVariables;
import io.wsmemory.detectors.infra.InfraEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dotenv files ({@code .env}, {@code .env.production}, {@code redis.env}): broker locations
 * ({@code broker redis=host:port}, {@code attrs.variable}, confidence medium), credentials stripped from values
 * and snippets.
 *
 * <p>Templates are not configuration: {@code .env.example}, {@code .env.sample}, {@code .env.template},
 * {@code .env.dist}, {@code .env.defaults} and the like document which variables exist, often with placeholder
 * hosts, and are left out. A committed {@code .env} is read (an ignored one is not walked at all).
 */
public final class EnvFileDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("infra-env",
            "dotenv files: broker URLs and hosts (Redis, NATS, RabbitMQ, Kafka)",
            Set.of(), List.of("REDIS", "NATS", "AMQP", "RABBIT", "KAFKA", "redis://", "nats://", "amqp://",
                    "ACTIVEMQ"));

    private static final Set<String> TEMPLATES = Set.of("example", "sample", "template", "tmpl", "tpl", "dist",
            "defaults", "default", "skel", "stub", "j2", "in", "schema", "vault");

    private static final Pattern ASSIGN = Pattern.compile(
            "^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*)$");

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** True for dotenv files that are configuration, not templates of it. */
    static boolean isEnvFile(String fileName) {
        String n = fileName.toLowerCase(java.util.Locale.ROOT);
        if (!(n.equals(".env") || n.startsWith(".env.") || n.endsWith(".env"))) {
            return false;
        }
        for (String part : n.split("\\.")) {
            if (TEMPLATES.contains(part)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean accepts(SourceFile file) {
        return isEnvFile(file.fileName()) && file.containsAny(DESCRIPTOR.keywords());
    }

    @Override
    public void detect(ParsedFile parsed, DetectionContext ctx) {
        SourceFile file = parsed.file();
        List<BrokerVariables.Variable> vars = new ArrayList<>();
        int n = file.lineCount();
        for (int i = 1; i <= n; i++) {
            Matcher m = ASSIGN.matcher(file.line(i));
            if (m.matches()) {
                vars.add(new BrokerVariables.Variable(m.group(1), value(m.group(2)), i));
            }
        }
        for (Fact f : BrokerVariables.facts(vars, line -> InfraEvidence.at(file, line),
                Map.of("platform", "dotenv"))) {
            ctx.emit(f);
        }
    }

    /** A dotenv value: quotes removed, an unquoted value ends at " #". */
    static String value(String raw) {
        String v = raw.strip();
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
            int close = v.indexOf(v.charAt(0), 1);
            return close > 0 ? v.substring(1, close) : v.substring(1);
        }
        int hash = v.indexOf(" #");
        return (hash >= 0 ? v.substring(0, hash) : v).strip();
    }
}
