package io.wsmemory.detectors.monitoring.metrics;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.detectors.monitoring.PySource;
import io.wsmemory.detectors.monitoring.Strings;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * prometheus_client metrics: {@code Counter("ws_messages", "help", ["room"], namespace=..., subsystem=...,
 * unit=...)}. Named as the client exports them: namespace_subsystem_name, the unit appended, a counter's
 * {@code _total} (the client strips one written in the name, then adds it), an Info's {@code _info}.
 */
final class PyMetrics {

    static final Query QUERY = Query.load(PyMetrics.class, "metrics.python.scm");
    static final String LIBRARY = "prometheus_client";
    private static final Map<String, String> TYPES = Map.of("Counter", "counter", "Gauge", "gauge",
            "Histogram", "histogram", "Summary", "summary", "Info", "info", "Enum", "enum");
    private static final List<String> POSITIONAL = List.of("name", "documentation", "labelnames", "namespace",
            "subsystem", "unit");

    private PyMetrics() {
    }

    static List<MetricDef> read(ParsedFile file) {
        List<MetricDef> out = new ArrayList<>();
        SyntaxTree tree = file.tree();
        if (tree == null) {
            return out;
        }
        PySource py = new PySource(file);
        for (QueryMatch m : QUERY.matches(tree.root())) {
            if (!m.has("call")) {
                continue;
            }
            String q = py.qualified(m.node("fn"));
            if (q == null || !q.startsWith(LIBRARY + ".")) {
                continue;
            }
            String type = TYPES.get(q.substring(q.lastIndexOf('.') + 1));
            if (type == null) {
                continue;
            }
            Map<String, SyntaxNode> args = new HashMap<>();
            int pos = 0;
            for (SyntaxNode a : m.node("args").namedChildren()) {
                if (a.is("keyword_argument")) {
                    SyntaxNode k = a.field("name");
                    SyntaxNode v = a.field("value");
                    if (k != null && v != null) {
                        args.put(k.text(), v);
                    }
                } else if (a.is("list_splat") || a.is("dictionary_splat") || a.is("comment")) {
                    if (!a.is("comment")) {
                        pos = POSITIONAL.size();
                    }
                } else if (pos < POSITIONAL.size()) {
                    args.putIfAbsent(POSITIONAL.get(pos++), a);
                }
            }
            SyntaxNode nameNode = args.get("name");
            PySource.Str name = py.string(nameNode);
            PySource.Str ns = optional(py, args.get("namespace"));
            PySource.Str sub = optional(py, args.get("subsystem"));
            PySource.Str unit = optional(py, args.get("unit"));
            if (name == null || ns == null || sub == null || unit == null || name.value().isBlank()) {
                continue;
            }
            String full = Strings.fqName(ns.value(), sub.value(), name.value());
            if (!unit.value().isEmpty() && !full.endsWith("_" + unit.value())) {
                full += "_" + unit.value();
            }
            if (type.equals("counter")) {
                if (full.endsWith("_total")) {
                    full = full.substring(0, full.length() - "_total".length());
                }
                full += "_total";
            } else if (type.equals("info")) {
                full += "_info";
            }
            List<Evidence> via = new ArrayList<>();
            via.addAll(ns.via());
            via.addAll(sub.via());
            via.addAll(name.via());
            PySource.Str help = optional(py, args.get("documentation"));
            List<String> labels = new ArrayList<>();
            SyntaxNode l = args.get("labelnames");
            if (l != null && (l.is("list") || l.is("tuple"))) {
                for (SyntaxNode item : l.namedChildren()) {
                    PySource.Str s = py.string(item);
                    labels.add(s == null ? "?" : s.value());
                }
            }
            out.add(new MetricDef(full, full.equals(name.value()) ? null : name.value(), type, LIBRARY,
                    help == null || help.value().isEmpty() ? null : help.value(), labels, file.evidence(nameNode),
                    via, via.isEmpty() ? Confidence.HIGH : Confidence.MEDIUM, Map.of()));
        }
        return out;
    }

    private static PySource.Str optional(PySource py, SyntaxNode n) {
        return n == null ? new PySource.Str("", List.of()) : py.string(n);
    }
}
