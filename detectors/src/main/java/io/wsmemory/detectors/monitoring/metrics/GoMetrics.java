package io.wsmemory.detectors.monitoring.metrics;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.detectors.monitoring.GoSource;
import io.wsmemory.detectors.monitoring.Strings;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import io.wsmemory.core.resolve.SourceSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus Go client metrics: {@code prometheus.NewCounterVec(prometheus.CounterOpts{Namespace, Subsystem, Name,
 * Help}, labels)}, the same through {@code promauto} (also {@code promauto.With(reg)}), and the {@code Func} forms.
 * The exported name is namespace_subsystem_name, exactly as the client builds it (it adds no suffix).
 */
final class GoMetrics {

    static final Query QUERY = Query.load(GoMetrics.class, "metrics.go.scm");
    static final String CLIENT = "github.com/prometheus/client_golang/prometheus";
    static final String LIBRARY = "prometheus/client_golang";

    private GoMetrics() {
    }

    static List<MetricDef> read(ParsedFile file, SourceSet sources) {
        List<MetricDef> out = new ArrayList<>();
        SyntaxTree tree = file.tree();
        if (tree == null) {
            return out;
        }
        GoSource go = new GoSource(file, sources);
        for (QueryMatch m : QUERY.matches(tree.root())) {
            if (!CLIENT.equals(go.importPath(m.text("opts.pkg")))) {
                continue;
            }
            String fn = m.text("fn");
            String type = typeOf(fn);
            String optsType = m.text("opts.type");
            if (type == null || !optsType.toLowerCase(java.util.Locale.ROOT).startsWith(type)) {
                continue;
            }
            Map<String, SyntaxNode> keys = new HashMap<>();
            Map<String, SyntaxNode> keyNodes = new HashMap<>();
            for (SyntaxNode el : m.node("opts.body").namedChildren()) {
                if (!el.is("keyed_element") || el.namedChildCount() < 2) {
                    continue;
                }
                SyntaxNode k = el.namedChild(0);
                String key = k.text();
                keys.put(key, el.namedChild(1));
                keyNodes.put(key, k);
            }
            if (!keys.containsKey("Name")) {
                continue;
            }
            GoSource.Str ns = part(go, keys.get("Namespace"));
            GoSource.Str sub = part(go, keys.get("Subsystem"));
            GoSource.Str name = go.string(keys.get("Name"));
            if (name == null || ns == null || sub == null) {
                continue; // a part we cannot read would make the name a guess
            }
            String full = Strings.fqName(ns.value(), sub.value(), name.value());
            if (full == null) {
                continue;
            }
            List<Evidence> via = new ArrayList<>();
            via.addAll(ns.via());
            via.addAll(sub.via());
            via.addAll(name.via());
            GoSource.Str help = keys.containsKey("Help") ? go.string(keys.get("Help")) : null;
            List<String> labels = labels(go, m.node("call"));
            Map<String, String> attrs = new HashMap<>();
            if (fn.endsWith("Func")) {
                attrs.put("collector", "func");
            }
            out.add(new MetricDef(full, null, type, LIBRARY, help == null ? null : help.value(), labels,
                    file.evidence(keyNodes.get("Name")), via, via.isEmpty() ? Confidence.HIGH : Confidence.MEDIUM,
                    attrs));
        }
        return out;
    }

    /** An absent namespace or subsystem is empty; one that cannot be read is null. */
    private static GoSource.Str part(GoSource go, SyntaxNode n) {
        return n == null ? new GoSource.Str("", List.of()) : go.string(n);
    }

    private static String typeOf(String fn) {
        for (String t : new String[] {"Counter", "Gauge", "Histogram", "Summary"}) {
            if (fn.startsWith("New" + t)) {
                return t.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }

    /** The label names of a Vec: the second argument, a []string literal. */
    private static List<String> labels(GoSource go, SyntaxNode call) {
        List<String> out = new ArrayList<>();
        SyntaxNode args = call.field("arguments");
        SyntaxNode second = args == null ? null : args.namedChild(1);
        if (second == null || !second.is("composite_literal")) {
            return out;
        }
        SyntaxNode body = second.field("body");
        if (body == null) {
            return out;
        }
        for (SyntaxNode el : body.namedChildren()) {
            GoSource.Str s = go.string(el);
            out.add(s == null ? "?" : s.value());
        }
        return out;
    }
}
