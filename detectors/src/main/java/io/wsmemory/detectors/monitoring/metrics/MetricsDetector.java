package io.wsmemory.detectors.monitoring.metrics;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.Language;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.monitoring.Needles;
import io.wsmemory.detectors.monitoring.WsWords;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Metrics defined in code whose name or help text is about WebSockets (connections, messages, rooms, sessions...;
 * the word list is data): prom-client, the Prometheus Go client, prometheus_client, Micrometer and the Prometheus
 * Java client. One {@code metric} fact per definition: key = the name as exported (Micrometer: as written, with the
 * Prometheus form in {@code attrs.prometheus}), value = the metric type, {@code library} = the client,
 * {@code attrs.help}, {@code attrs.labels}.
 */
public final class MetricsDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("monitoring-metrics",
            "WebSocket-related metrics defined with prom-client, the Prometheus Go, Python and Java clients, "
                    + "and Micrometer",
            Set.of(Language.JAVASCRIPT, Language.TYPESCRIPT, Language.TSX, Language.GO, Language.PYTHON,
                    Language.JAVA),
            List.of("prom-client", "nestjs-prometheus", "prometheus/client_golang", "prometheus_client",
                    "io.micrometer", "io.prometheus"));

    private static final Needles NEEDLES = new Needles(DESCRIPTOR.keywords());

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(SourceFile file) {
        return DESCRIPTOR.languages().contains(file.language()) && NEEDLES.anyIn(file.content());
    }

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        Language lang = file.file().language();
        List<MetricDef> defs;
        if (lang.isJsFamily()) {
            defs = JsMetrics.read(file, context.sources());
        } else if (lang == Language.GO) {
            defs = GoMetrics.read(file, context.sources());
        } else if (lang == Language.PYTHON) {
            defs = PyMetrics.read(file);
        } else if (lang == Language.JAVA) {
            defs = JavaMetrics.read(file, context.sources());
        } else {
            return;
        }
        if (defs.isEmpty()) {
            return;
        }
        boolean wsFile = WsWords.mentionsWebSocket(file.file().text());
        for (MetricDef d : defs) {
            if (!WsWords.relevant(wsFile, d.key(), d.written(), d.help())) {
                continue;
            }
            Fact.Builder b = Fact.of(Kinds.METRIC, d.key()).value(d.type()).library(d.library())
                    .confidence(d.confidence()).evidence(d.at()).evidence(d.via())
                    .attr("help", d.help() == null ? null : oneLine(d.help()))
                    .attr("labels", d.labels().isEmpty() ? null : String.join(",", d.labels()))
                    .attr("written", d.written());
            for (Map.Entry<String, String> e : d.attrs().entrySet()) {
                b.attr(e.getKey(), e.getValue());
            }
            context.emit(b.build());
        }
    }

    private static String oneLine(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > 200 ? t.substring(0, 199) + "…" : t;
    }
}
