package io.wsmemory.detectors.monitoring.loadtest;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.monitoring.Durations;
import io.wsmemory.detectors.monitoring.Located;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Artillery scripts that load-test WebSockets: a scenario or {@code config.engines} using the {@code ws} or a
 * Socket.IO engine, or a {@code ws://} target. Each phase gives its arrival rate (per second, {@code rampTo} in
 * attrs), total arrivals, VU cap and duration; {@code config.ensure} gives thresholds.
 */
final class ArtilleryConfigs {

    static final String TOOL = "artillery";

    private ArtilleryConfigs() {
    }

    static boolean candidate(SourceFile f) {
        String ext = f.extension();
        return (ext.equals("yml") || ext.equals("yaml") || ext.equals("json")) && f.contains("phases")
                && f.contains("config") && (f.contains("arrivalRate") || f.contains("arrivalCount")
                || f.contains("duration"));
    }

    static void read(SourceFile f, List<Baseline> out) {
        List<Located> docs = f.extension().equals("json") ? Located.json(f.text()) : Located.yaml(f.text());
        for (Located doc : docs) {
            Located config = doc.get("config");
            if (config == null || config.asMap() == null) {
                continue;
            }
            String target = config.text("target");
            String engine = wsEngine(doc, config, target);
            if (engine == null) {
                continue;
            }
            phases(f, config, target, engine, out);
            ensure(f, config, out);
        }
    }

    /** The WebSocket engine the script uses ({@code ws}, {@code socketio}...), or null for an HTTP-only script. */
    private static String wsEngine(Located doc, Located config, String target) {
        for (Located s : doc.get("scenarios") == null ? List.<Located>of() : doc.get("scenarios").items()) {
            String e = s.text("engine");
            if (isWs(e)) {
                return e;
            }
        }
        Located engines = config.get("engines");
        if (engines != null && engines.asMap() != null) {
            for (String k : engines.asMap().entries().keySet()) {
                if (isWs(k)) {
                    return k;
                }
            }
        }
        if (target != null && target.toLowerCase(Locale.ROOT).matches("wss?://.*")) {
            return "ws";
        }
        return null;
    }

    private static boolean isWs(String engine) {
        if (engine == null) {
            return false;
        }
        String e = engine.toLowerCase(Locale.ROOT);
        return e.equals("ws") || e.equals("websocket") || e.startsWith("socketio") || e.startsWith("socket.io")
                || e.contains("websocket") || e.equals("socketcluster") || e.equals("engine.io");
    }

    private static void phases(SourceFile f, Located config, String target, String engine, List<Baseline> out) {
        Located phases = config.get("phases");
        if (phases == null) {
            return;
        }
        int i = 0;
        for (Located p : phases.items()) {
            i++;
            Located.Map m = p.asMap();
            if (m == null) {
                continue;
            }
            String phase = m.text("name") != null ? m.text("name") : "phase " + i;
            Double rate = number(m.text("arrivalRate"));
            Double rampTo = number(m.text("rampTo"));
            if (rate != null) {
                out.add(b(Baseline.ARRIVAL_RATE, Durations.number(rate), f, m, "arrivalRate", phase, target, engine)
                        .attr("rampTo", rampTo == null ? null : Durations.number(rampTo)));
            }
            Double count = number(m.text("arrivalCount"));
            if (count != null) {
                out.add(b(Baseline.ARRIVALS, Durations.number(count), f, m, "arrivalCount", phase, target, engine));
            }
            Double max = number(m.text("maxVusers"));
            if (max != null) {
                out.add(b(Baseline.VUS, Durations.number(max), f, m, "maxVusers", phase, target, engine)
                        .attr("limit", "max"));
            }
            String d = m.text("duration");
            Long ms = d == null ? null : Durations.millis(d, 1000);
            if (ms == null && m.text("pause") != null) {
                continue; // a pause phase
            }
            if (ms != null) {
                out.add(b(Baseline.DURATION, Long.toString(ms), f, m, "duration", phase, target, engine));
            }
        }
    }

    private static void ensure(SourceFile f, Located config, List<Baseline> out) {
        Located ensure = config.get("ensure");
        if (ensure == null) {
            Located plugins = config.get("plugins");
            ensure = plugins == null ? null : plugins.get("ensure");
        }
        Located.Map m = ensure == null ? null : ensure.asMap();
        if (m == null) {
            return;
        }
        for (Map.Entry<String, Located> e : m.entries().entrySet()) {
            String k = e.getKey();
            if (e.getValue() instanceof Located.Scalar s) { // v1: p95: 200, maxErrorRate: 1
                out.add(Baseline.of(Baseline.THRESHOLD, k + " " + s.text(), at(f, m.keyLine(k)), TOOL)
                        .attr("metric", k));
            } else if (k.equals("thresholds") || k.equals("conditions")) {
                for (Located item : e.getValue().items()) {
                    Located.Map im = item.asMap();
                    if (im == null) {
                        continue;
                    }
                    if (k.equals("conditions") && im.text("expression") != null) {
                        out.add(Baseline.of(Baseline.THRESHOLD, im.text("expression"),
                                at(f, im.keyLine("expression")), TOOL));
                        continue;
                    }
                    for (Map.Entry<String, Located> t : im.entries().entrySet()) {
                        if (t.getValue() instanceof Located.Scalar s) {
                            out.add(Baseline.of(Baseline.THRESHOLD, t.getKey() + " " + s.text(),
                                    at(f, im.keyLine(t.getKey())), TOOL).attr("metric", t.getKey()));
                        }
                    }
                }
            }
        }
    }

    private static Baseline b(String key, String value, SourceFile f, Located.Map m, String field, String phase,
                              String target, String engine) {
        return Baseline.of(key, value, at(f, m.keyLine(field)), TOOL).attr("phase", phase).attr("target", target)
                .attr("engine", engine);
    }

    private static Evidence at(SourceFile f, int line) {
        return new Evidence(f.path(), line, f.line(line));
    }

    private static Double number(String s) {
        if (s == null || !s.strip().matches("\\d+(\\.\\d+)?")) {
            return null;
        }
        return Double.parseDouble(s.strip());
    }
}
