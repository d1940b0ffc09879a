package io.wsmemory.detectors.monitoring.health;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.Language;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.monitoring.Needles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * HTTP health-check endpoints declared in code (JavaScript/TypeScript, Go, Python, Java) and Spring Boot Actuator's
 * health endpoint. Only paths whose last segment names a health check count (health, healthz, ready, live, ping,
 * status...: a word list kept as data), so an app's {@code GET /} that answers with a text is not one. Test files
 * are not read. One {@code health} fact per endpoint: key = the path, value = {@code liveness}, {@code readiness}
 * or {@code http}, attrs {@code framework} and {@code method}.
 */
public final class HealthEndpointDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("monitoring-health",
            "HTTP health-check endpoints in JavaScript, TypeScript, Go, Python and Java servers, and Spring Boot "
                    + "Actuator's health endpoint",
            Set.of(Language.JAVASCRIPT, Language.TYPESCRIPT, Language.TSX, Language.GO, Language.PYTHON,
                    Language.JAVA),
            List.of("health", "Health", "/ready", "/live", "/alive", "/ping", "/status", "/heartbeat", "'ready'",
                    "\"ready\"", "'live'", "\"live\"", "'ping'", "\"ping\"", "'status'", "\"status\"", "readyz",
                    "livez", "ready/", "ping/", "status/", "setGlobalPrefix"));
    private static final Needles NEEDLES = new Needles(DESCRIPTOR.keywords());
    private static final Pattern TEST_PATH = Pattern.compile(
            "(^|/)(test|tests|__tests__|__test__|spec|specs|e2e|testdata|test-utils|__mocks__|cypress|playwright)/"
                    + "|\\.(test|spec|e2e-spec|cy)\\.[a-z]+$|_test\\.go$|(^|/)test_[^/]*\\.py$|_test\\.py$"
                    + "|(^|/)conftest\\.py$");
    private static final Pattern JAVA_TEST = Pattern.compile("(Test|Tests|IT)\\.java$");

    private final ConcurrentLinkedQueue<HealthRoute> routes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<JsHealth.NestRoute> nest = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<JsHealth.GlobalPrefix> prefixes = new ConcurrentLinkedQueue<>();
    private final SpringActuator actuator = new SpringActuator();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(SourceFile file) {
        if (isTest(file.path())) {
            return false;
        }
        if (file.language() == Language.OTHER) {
            return SpringActuator.isConfig(file) && (file.contains("management.") || file.contains("management:")
                    || file.contains("context-path"))
                    || SpringActuator.isBuild(file) && file.contains("spring-boot-starter-actuator");
        }
        return DESCRIPTOR.languages().contains(file.language()) && NEEDLES.anyIn(file.content());
    }

    static boolean isTest(String path) {
        return TEST_PATH.matcher(path.toLowerCase(Locale.ROOT)).find() || JAVA_TEST.matcher(path).find();
    }

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        SourceFile sf = file.file();
        List<HealthRoute> found = new ArrayList<>();
        if (sf.language().isCode() && !worthReading(sf)) {
            return;
        }
        switch (sf.language()) {
            case JAVASCRIPT, TYPESCRIPT, TSX -> {
                List<JsHealth.NestRoute> n = new ArrayList<>();
                List<JsHealth.GlobalPrefix> p = new ArrayList<>();
                JsHealth.read(file, context.sources(), found, n, p);
                nest.addAll(n);
                prefixes.addAll(p);
            }
            case GO -> GoHealth.read(file, context.sources(), found);
            case PYTHON -> PyHealth.read(file, found);
            case JAVA -> JavaHealth.read(file, context.sources(), found);
            default -> actuator.read(sf);
        }
        routes.addAll(found);
    }

    /**
     * A file whose string literals name no health path (or, for NestJS, no global prefix) cannot declare a health
     * endpoint: its syntax is not read, which keeps big files that merely say "status" cheap.
     */
    private static boolean worthReading(SourceFile f) {
        String text = f.text();
        if (f.language().isJsFamily()) {
            return HealthPaths.mentioned(text, false) || text.contains("setGlobalPrefix")
                    || text.contains("@nestjs/common") && HealthPaths.mentioned(text, true);
        }
        return HealthPaths.mentioned(text, true);
    }

    @Override
    public void finish(RepoContext context) {
        List<HealthRoute> all = new ArrayList<>(routes);
        all.addAll(nestRoutes());
        all.addAll(actuator.routes());
        all.sort(Comparator.comparing((HealthRoute r) -> r.at().path()).thenComparingInt(r -> r.at().line()));
        for (HealthRoute r : all) {
            context.emit(Fact.of(Kinds.HEALTH, r.path()).value(HealthPaths.role(r.path())).source(r.source())
                    .confidence(r.confidence()).evidence(r.at()).evidence(r.via())
                    .attr("framework", r.framework()).attr("method", r.method()).attr("note", r.note()).build());
        }
    }

    /** NestJS routes under the application's global prefix, when the repository sets one it can be sure of. */
    private List<HealthRoute> nestRoutes() {
        List<HealthRoute> out = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        boolean unknown = false;
        JsHealth.GlobalPrefix prefix = null;
        for (JsHealth.GlobalPrefix p : prefixes) {
            if (p.prefix() == null) {
                unknown = true;
            } else {
                distinct.add(p.prefix());
                prefix = p;
            }
        }
        if (unknown || distinct.size() > 1) {
            return out; // the served path is not knowable
        }
        for (JsHealth.NestRoute r : nest) {
            String path = r.path();
            List<io.wsmemory.core.api.Evidence> via = new ArrayList<>();
            if (prefix != null && !prefix.exclude().contains(path)) {
                path = HealthPaths.normalise(prefix.prefix() + "/" + path);
                via.add(prefix.at());
            }
            if (path != null && HealthPaths.isHealth(path)) {
                out.add(new HealthRoute(path, "nestjs", "GET", r.at(), via, io.wsmemory.core.api.Source.EXPLICIT,
                        via.isEmpty() ? io.wsmemory.core.api.Confidence.HIGH : io.wsmemory.core.api.Confidence.MEDIUM,
                        null));
            }
        }
        return out;
    }
}
