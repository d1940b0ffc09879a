package io.wsmemory.detectors.monitoring.grafana;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.monitoring.Located;
import io.wsmemory.detectors.monitoring.PromQl;
import io.wsmemory.detectors.monitoring.WsWords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Grafana dashboards (JSON, as exported or wrapped in {@code {"dashboard": ...}}; panels nested in rows, old
 * {@code rows[].panels} too): the metrics their Prometheus queries read. Convention: one {@code metric} fact per
 * metric name and dashboard, value {@code dashboard}, {@code attrs.dashboard} = the dashboard's title,
 * {@code attrs.panel} = the first panel that shows it, evidence at the first query that reads it. Kept only for
 * WebSocket-related metrics: by the word list, by a panel title that names WebSockets, or because a {@code metric} fact
 * of the scan defines the metric. A definition in code and a dashboard use are two facts (value = type vs
 * {@code dashboard}).
 */
public final class GrafanaDashboardDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("monitoring-grafana",
            "Grafana dashboards: WebSocket-related metrics their Prometheus panels query", Set.of(),
            List.of("\"panels\"", "\"rows\""));

    /** One metric shown on one dashboard. */
    record Use(String metric, String dashboard, String panel, Evidence at, boolean wsFile, boolean wsPanel) {
    }

    private final ConcurrentLinkedQueue<Use> uses = new ConcurrentLinkedQueue<>();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(SourceFile file) {
        return file.extension().equals("json") && (file.contains("\"panels\"") || file.contains("\"rows\""))
                && file.contains("\"targets\"") && file.contains("\"expr\"");
    }

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        SourceFile sf = file.file();
        List<Located> docs = Located.json(sf.text());
        if (docs.isEmpty()) {
            return;
        }
        Located root = docs.get(0);
        if (root.get("dashboard") != null && root.get("dashboard").get("panels") != null
                || root.get("dashboard") != null && root.get("dashboard").get("rows") != null) {
            root = root.get("dashboard");
        }
        if (root.get("panels") == null && root.get("rows") == null) {
            return;
        }
        String title = root.text("title");
        boolean wsFile = WsWords.mentionsWebSocket(sf.text());
        Map<String, Use> first = new LinkedHashMap<>();
        panels(sf, root.get("panels"), title, wsFile, first, 0);
        Located rows = root.get("rows");
        for (Located row : rows == null ? List.<Located>of() : rows.items()) {
            panels(sf, row.get("panels"), title, wsFile, first, 0);
        }
        uses.addAll(first.values());
    }

    private static void panels(SourceFile sf, Located list, String title, boolean wsFile, Map<String, Use> first,
                               int depth) {
        if (list == null || depth > 8) {
            return;
        }
        for (Located panel : list.items()) {
            String panelTitle = panel.text("title");
            Located targets = panel.get("targets");
            for (Located t : targets == null ? List.<Located>of() : targets.items()) {
                Located expr = t.get("expr");
                if (!(expr instanceof Located.Scalar s) || s.text().isBlank()) {
                    continue;
                }
                int line = exprLine(t, expr);
                for (String metric : PromQl.metricNames(s.text())) {
                    first.putIfAbsent(metric, new Use(metric, title, panelTitle,
                            new Evidence(sf.path(), line, sf.line(line)), wsFile,
                            panelTitle != null && WsWords.core(panelTitle)));
                }
            }
            panels(sf, panel.get("panels"), title, wsFile, first, depth + 1); // a collapsed row holds its panels
        }
    }

    private static int exprLine(Located target, Located expr) {
        Located.Map m = target.asMap();
        return m == null ? expr.line() : m.keyLine("expr");
    }

    @Override
    public void finish(RepoContext context) {
        Set<String> defined = new HashSet<>();
        for (Fact f : context.facts()) {
            if (Kinds.METRIC.equals(f.kind()) && !"dashboard".equals(f.value())) {
                defined.add(f.key());
                if (f.attr("prometheus") != null) {
                    defined.add(f.attr("prometheus"));
                }
            }
        }
        List<Use> all = new ArrayList<>(uses);
        all.sort(Comparator.comparing((Use u) -> u.at().path()).thenComparingInt(u -> u.at().line()));
        for (Use u : all) {
            String base = stripSuffix(u.metric());
            boolean relevant = defined.contains(u.metric()) || defined.contains(base) || u.wsPanel()
                    || WsWords.relevant(u.wsFile(), u.metric());
            if (!relevant) {
                continue;
            }
            context.emit(Fact.of(Kinds.METRIC, u.metric()).value("dashboard").library("grafana").evidence(u.at())
                    .attr("dashboard", u.dashboard()).attr("panel", u.panel()).build());
        }
    }

    static String stripSuffix(String m) {
        for (String s : new String[] {"_bucket", "_count", "_sum", "_created"}) {
            if (m.endsWith(s)) {
                return m.substring(0, m.length() - s.length());
            }
        }
        return m;
    }
}
