package io.wsmemory.detectors.monitoring.loadtest;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.Language;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.monitoring.Needles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * WebSocket load-test scenarios kept in the repository, as performance baselines: k6 WebSocket scripts, Artillery
 * scripts with a WebSocket or Socket.IO engine, Gatling simulations with {@code ws(...)}, Locust files driving
 * WebSocket clients, and websocket-bench / thor / tcpkali / k6 / Locust command lines. Facts of the kind
 * {@code baseline} (a vocabulary extension, see MonitoringKinds): keys {@code connections}, {@code vus},
 * {@code concurrency}, {@code arrival-rate} (per second), {@code arrivals}, {@code spawn-rate}, {@code duration}
 * (ms), {@code messages}, {@code threshold}, {@code scenario}; attrs {@code tool}, {@code scenario},
 * {@code phase}, {@code target}.
 */
public final class LoadTestDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("monitoring-loadtest",
            "WebSocket load tests (k6, Artillery, Gatling, Locust, websocket-bench, thor, tcpkali) as performance "
                    + "baselines",
            Set.of(Language.JAVASCRIPT, Language.TYPESCRIPT, Language.TSX, Language.PYTHON, Language.JAVA),
            List.of("k6/", "locust", "io.gatling"));

    private static final Needles NEEDLES = new Needles(DESCRIPTOR.keywords());

    private final ConcurrentLinkedQueue<Baseline> baselines = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<CommandLines.Pending> pending = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> wsScripts = new ConcurrentLinkedQueue<>();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(SourceFile file) {
        if (file.language() == Language.OTHER) {
            return ArtilleryConfigs.candidate(file) || GatlingSimulations.candidate(file)
                    || CommandLines.candidate(file) || isLocustConf(file);
        }
        if (file.language() == Language.JAVA) {
            return GatlingSimulations.candidate(file);
        }
        return DESCRIPTOR.languages().contains(file.language()) && NEEDLES.anyIn(file.content());
    }

    private static boolean isLocustConf(SourceFile f) {
        String n = f.fileName().toLowerCase(Locale.ROOT);
        return n.equals("locust.conf") || n.equals(".locust.conf");
    }

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        SourceFile sf = file.file();
        List<Baseline> found = new ArrayList<>();
        List<CommandLines.Pending> cli = new ArrayList<>();
        switch (sf.language()) {
            case JAVASCRIPT, TYPESCRIPT, TSX -> {
                if (K6Scripts.read(file, context.sources(), found)) {
                    wsScripts.add(sf.path());
                }
            }
            case PYTHON -> {
                if (LocustFiles.read(file, found)) {
                    wsScripts.add(sf.path());
                }
            }
            case JAVA -> GatlingSimulations.readJava(file, found);
            default -> {
                if (ArtilleryConfigs.candidate(sf)) {
                    ArtilleryConfigs.read(sf, found);
                }
                if (GatlingSimulations.candidate(sf)) {
                    GatlingSimulations.readText(sf, found);
                }
                if (CommandLines.candidate(sf)) {
                    CommandLines.read(sf, found, cli);
                }
                if (isLocustConf(sf)) {
                    locustConf(sf, cli);
                }
            }
        }
        baselines.addAll(found);
        pending.addAll(cli);
    }

    /** locust.conf: {@code users = 100}, {@code spawn-rate = 10}, {@code run-time = 5m}, {@code locustfile = x.py}. */
    private static void locustConf(SourceFile f, List<CommandLines.Pending> out) {
        List<Baseline> found = new ArrayList<>();
        String script = "locustfile.py";
        for (int i = 1; i <= f.lineCount(); i++) {
            String l = f.line(i).strip();
            int eq = l.indexOf('=');
            if (l.startsWith("#") || eq <= 0) {
                continue;
            }
            String k = l.substring(0, eq).strip();
            String v = l.substring(eq + 1).strip();
            Evidence at = new Evidence(f.path(), i, f.line(i));
            switch (k) {
                case "users", "clients" -> {
                    if (v.matches("\\d+")) {
                        found.add(Baseline.of(Baseline.VUS, v, at, LocustFiles.TOOL));
                    }
                }
                case "spawn-rate", "hatch-rate" -> {
                    if (v.matches("\\d+(\\.\\d+)?")) {
                        found.add(Baseline.of(Baseline.SPAWN_RATE,
                                io.wsmemory.detectors.monitoring.Durations.number(Double.parseDouble(v)), at,
                                LocustFiles.TOOL));
                    }
                }
                case "run-time" -> {
                    Long ms = io.wsmemory.detectors.monitoring.Durations.millis(v, 1000);
                    if (ms != null) {
                        found.add(Baseline.of(Baseline.DURATION, Long.toString(ms), at, LocustFiles.TOOL));
                    }
                }
                case "locustfile", "f" -> script = v;
                default -> {
                }
            }
        }
        if (!found.isEmpty()) {
            out.add(new CommandLines.Pending(LocustFiles.TOOL, script, false, found));
        }
    }

    @Override
    public void finish(RepoContext context) {
        List<Baseline> all = new ArrayList<>(baselines);
        for (CommandLines.Pending p : pending) {
            if (p.wsTarget() || p.script() != null && scriptIsWs(p.script())) {
                for (Baseline b : p.baselines()) {
                    all.add(b.attr("scenario", p.script()));
                }
            }
        }
        for (Baseline b : all) {
            context.emit(b.fact());
        }
    }

    private boolean scriptIsWs(String script) {
        String s = script.replace('\\', '/');
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        for (String ws : wsScripts) {
            if (ws.equals(s) || ws.endsWith("/" + s)) {
                return true;
            }
        }
        return false;
    }
}
