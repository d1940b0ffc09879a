package io.wsmemory.detectors.monitoring.alerts;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.monitoring.PromQl;
import io.wsmemory.detectors.monitoring.WsWords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Prometheus alerting rules about WebSockets: rule files, {@code PrometheusRule} resources, rule lists in Helm
 * values. A rule is kept when its name, expression or summary is about WebSockets (the word list of
 * WsWords), when its expression reads a metric that a {@code metric} fact of the scan defines, or when it belongs
 * to a rule group that names WebSockets or holds such a rule (the group watches the WebSocket service: its memory
 * and error alerts belong to the memory too). One
 * {@code alert} fact per rule: key = the alert name, value = its expression on one line, attrs {@code for},
 * {@code severity}, {@code threshold} (a top-level comparison with a number), {@code group}, {@code summary}.
 */
public final class AlertRulesDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("monitoring-alerts",
            "Prometheus alerting rules about WebSockets in rule files, PrometheusRule resources and Helm values",
            Set.of(), List.of("alert:"));

    private final ConcurrentLinkedQueue<AlertRule> rules = new ConcurrentLinkedQueue<>();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(SourceFile file) {
        String ext = file.extension();
        return (ext.equals("yml") || ext.equals("yaml") || ext.equals("rules"))
                && file.contains("alert:") && file.contains("expr:");
    }

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        rules.addAll(AlertRuleReader.read(file.file()));
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
        List<AlertRule> all = new ArrayList<>(rules);
        all.sort(Comparator.comparing((AlertRule r) -> r.at().path()).thenComparingInt(r -> r.at().line()));
        Set<String> wsGroups = new HashSet<>();
        for (AlertRule r : all) {
            if (r.group() != null && (WsWords.core(r.group()) || relevant(r, defined))) {
                wsGroups.add(groupKey(r));
            }
        }
        for (AlertRule r : all) {
            if (!relevant(r, defined) && (r.group() == null || !wsGroups.contains(groupKey(r)))) {
                continue;
            }
            context.emit(Fact.of(Kinds.ALERT, r.name()).value(r.expr()).library("prometheus")
                    .evidence(r.at())
                    .attr("for", r.forText() == null || r.forText().contains("{{") ? null : r.forText())
                    .attr("severity", r.severity())
                    .attr("threshold", PromQl.threshold(r.expr()))
                    .attr("group", r.group())
                    .attr("summary", r.summary() == null ? null : cut(AlertRuleReader.oneLine(r.summary())))
                    .build());
        }
    }

    private static String groupKey(AlertRule r) {
        return r.at().path() + "\u0000" + r.group();
    }

    private static boolean relevant(AlertRule r, Set<String> defined) {
        for (String m : PromQl.metricNames(r.expr())) {
            if (defined.contains(m) || defined.contains(stripSuffix(m))) {
                return true;
            }
        }
        return WsWords.relevant(r.wsFile(), r.name(), r.expr(), r.summary());
    }

    /** A histogram's or summary's series name without its suffix: x_bucket → x. */
    static String stripSuffix(String m) {
        for (String s : new String[] {"_bucket", "_count", "_sum", "_created"}) {
            if (m.endsWith(s)) {
                return m.substring(0, m.length() - s.length());
            }
        }
        return m;
    }

    private static String cut(String s) {
        return s.length() > 160 ? s.substring(0, 159) + "…" : s;
    }
}
