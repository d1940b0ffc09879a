package io.wsmemory.detectors.monitoring.loadtest;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.js.JsFile;
import io.wsmemory.core.resolve.js.JsResolver;
import io.wsmemory.core.resolve.js.JsValue;
import io.wsmemory.detectors.monitoring.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * k6 WebSocket scripts ({@code import ws from "k6/ws"}, {@code k6/experimental/websockets}, {@code k6/websockets}):
 * the exported {@code options} (also imported from another file) give virtual users, durations, ramping stages,
 * scenarios with their executors and arrival rates, and thresholds.
 */
final class K6Scripts {

    static final String TOOL = "k6";
    static final List<String> WS_MODULES = List.of("k6/ws", "k6/experimental/websockets", "k6/websockets");

    private final ParsedFile file;
    private final SourceSet sources;
    private final List<Baseline> out;

    private K6Scripts(ParsedFile file, SourceSet sources, List<Baseline> out) {
        this.file = file;
        this.sources = sources;
        this.out = out;
    }

    static boolean isWebSocketScript(JsFile js) {
        return WS_MODULES.stream().anyMatch(js::importsModule);
    }

    /** Reads the script; true when it is a k6 WebSocket script (whatever its options say). */
    static boolean read(ParsedFile file, SourceSet sources, List<Baseline> out) {
        if (file.tree() == null) {
            return false;
        }
        JsResolver resolver = new JsResolver(file, sources);
        JsFile js = resolver.jsFile();
        if (!isWebSocketScript(js)) {
            return false;
        }
        JsValue options = options(resolver, js);
        if (options != null && options.is(JsValue.Kind.OBJECT)) {
            new K6Scripts(file, sources, out).options(options);
        }
        return true;
    }

    private static JsValue options(JsResolver resolver, JsFile js) {
        JsFile.Export e = js.exports().get("options");
        if (e == null) {
            return null;
        }
        if (e.value() != null) {
            return resolver.resolve(e.value());
        }
        if (e.local() != null) {
            for (JsFile.Declaration d : js.declarations(e.local())) {
                if (d.value() != null) {
                    return resolver.resolve(d.value());
                }
            }
            JsFile.Import imp = js.importOf(e.local());
            if (imp != null) {
                return resolver.resolveName(e.local(), imp.node());
            }
        }
        return null;
    }

    private void options(JsValue o) {
        vus(o, "vus", null);
        duration(o, "duration", null);
        stages(o, null, 1000);
        JsValue.Member thresholds = o.properties().get("thresholds");
        if (thresholds != null) {
            thresholds(o.path(), thresholds.value());
        }
        JsValue.Member scenarios = o.properties().get("scenarios");
        if (scenarios != null && scenarios.value().is(JsValue.Kind.OBJECT)) {
            JsValue sc = scenarios.value();
            for (Map.Entry<String, JsValue.Member> e : sc.properties().entrySet()) {
                JsValue s = e.getValue().value();
                if (s.is(JsValue.Kind.OBJECT)) {
                    scenario(e.getKey(), s);
                }
            }
        }
    }

    private void scenario(String name, JsValue s) {
        JsValue exec = s.get("executor");
        String executor = exec.is(JsValue.Kind.STRING) ? exec.string() : null;
        boolean arrival = executor != null && executor.contains("arrival-rate");
        if (!arrival) {
            vus(s, "vus", name);
            if (!s.has("vus") && !s.has("stages")) {
                vus(s, "startVUs", name); // with stages, the level to remember is their peak, not where they start
            }
        }
        duration(s, "duration", name);
        double unit = 1000;
        JsValue tu = s.get("timeUnit");
        if (tu.is(JsValue.Kind.STRING) && Durations.millis(tu.string(), 1000) != null) {
            unit = Durations.millis(tu.string(), 1000);
        }
        if (arrival) {
            JsValue.Member rate = s.properties().get("rate");
            if (rate != null && number(rate.value()) != null) {
                emit(Baseline.ARRIVAL_RATE, Durations.number(number(rate.value()) * 1000 / unit), s, rate, name)
                        .attr("executor", executor);
            }
        }
        stages(s, name, unit);
    }

    private void vus(JsValue o, String key, String scenario) {
        JsValue.Member m = o.properties().get(key);
        if (m == null) {
            return;
        }
        Double n = number(m.value());
        if (n != null) {
            emit(Baseline.VUS, Durations.number(n), o, m, scenario);
            return;
        }
        K6Env env = K6Env.of(m.value());
        if (env != null && env.fallback().matches("\\d+(\\.\\d+)?")) {
            emit(Baseline.VUS, Durations.number(Double.parseDouble(env.fallback())), o, m, scenario)
                    .env(env.variable());
        }
    }

    private void duration(JsValue o, String key, String scenario) {
        JsValue.Member m = o.properties().get(key);
        if (m == null) {
            return;
        }
        JsValue v = m.value().effective();
        Long ms = v.is(JsValue.Kind.STRING) ? Durations.millis(v.string(), 1000) : null;
        if (ms != null) {
            emit(Baseline.DURATION, Long.toString(ms), o, m, scenario);
            return;
        }
        K6Env env = K6Env.of(m.value());
        ms = env == null ? null : Durations.millis(env.fallback(), 1000);
        if (ms != null) {
            emit(Baseline.DURATION, Long.toString(ms), o, m, scenario).env(env.variable());
        }
    }

    /** Stages: the peak target (VUs, or iterations per time unit for arrival-rate executors) and the total time. */
    private void stages(JsValue o, String scenario, double unitMillis) {
        JsValue.Member m = o.properties().get("stages");
        if (m == null || !m.value().is(JsValue.Kind.ARRAY)) {
            return;
        }
        double peak = -1;
        long total = 0;
        boolean durations = true;
        List<String> shape = new ArrayList<>();
        for (JsValue stage : m.value().items()) {
            Double target = number(stage.get("target"));
            JsValue d = stage.get("duration").effective();
            Long ms = d.is(JsValue.Kind.STRING) ? Durations.millis(d.string(), 1000) : null;
            if (target == null) {
                return;
            }
            peak = Math.max(peak, target);
            if (ms == null) {
                durations = false;
            } else {
                total += ms;
            }
            shape.add((d.is(JsValue.Kind.STRING) ? d.string() : "?") + ":" + Durations.number(target));
        }
        if (peak < 0) {
            return;
        }
        JsValue exec = o.get("executor");
        boolean arrival = exec.is(JsValue.Kind.STRING) && exec.string().contains("arrival-rate");
        if (arrival) {
            emit(Baseline.ARRIVAL_RATE, Durations.number(peak * 1000 / unitMillis), o, m, scenario)
                    .attr("stages", String.join(" ", shape)).attr("executor", exec.string());
        } else {
            emit(Baseline.VUS, Durations.number(peak), o, m, scenario).attr("stages", String.join(" ", shape));
        }
        if (durations) {
            emit(Baseline.DURATION, Long.toString(total), o, m, scenario).attr("stages", String.join(" ", shape));
        }
    }

    private void thresholds(String path, JsValue t) {
        if (!t.is(JsValue.Kind.OBJECT)) {
            return;
        }
        for (Map.Entry<String, JsValue.Member> e : t.properties().entrySet()) {
            String metric = e.getKey();
            JsValue v = e.getValue().value();
            List<JsValue> conditions = v.is(JsValue.Kind.ARRAY) ? v.items() : List.of(v);
            for (JsValue c : conditions) {
                String cond = c.is(JsValue.Kind.STRING) ? c.string()
                        : c.is(JsValue.Kind.OBJECT) && c.get("threshold").is(JsValue.Kind.STRING)
                        ? c.get("threshold").string() : null;
                if (cond != null) {
                    Baseline b = Baseline.of(Baseline.THRESHOLD, metric + " " + cond.strip(),
                            evidence(path, e.getValue().keyNode()), TOOL).attr("metric", metric);
                    out.add(b);
                }
            }
        }
    }

    private Baseline emit(String key, String value, JsValue owner, JsValue.Member m, String scenario) {
        Baseline b = Baseline.of(key, value, evidence(owner.path(), m.keyNode()), TOOL).attr("scenario", scenario)
                .via(m.value().via());
        if (m.value().is(JsValue.Kind.ENV)) {
            b.env(m.value().variable());
        }
        out.add(b);
        return b;
    }

    private static Double number(JsValue v) {
        JsValue e = v.effective();
        if (e.is(JsValue.Kind.NUMBER)) {
            return e.number();
        }
        if (e.is(JsValue.Kind.STRING) && e.string().matches("\\d+(\\.\\d+)?")) {
            return Double.parseDouble(e.string());
        }
        return null;
    }

    private Evidence evidence(String path, SyntaxNode node) {
        int line = node == null ? 1 : node.line();
        if (path == null || path.equals(file.path())) {
            return file.evidence(line);
        }
        String text = sources.file(path).map(f -> f.line(line)).orElse(null);
        return new Evidence(path, line, text);
    }
}
