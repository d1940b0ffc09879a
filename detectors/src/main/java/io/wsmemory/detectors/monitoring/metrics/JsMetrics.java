package io.wsmemory.detectors.monitoring.metrics;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.js.JsFile.Import;
import io.wsmemory.core.resolve.js.JsResolver;
import io.wsmemory.core.resolve.js.JsValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * prom-client metrics in JavaScript and TypeScript: {@code new client.Counter({name, help, labelNames})}, the
 * constructor reached through any import or require of {@code prom-client}; names and help texts resolved through
 * constants, also in other files. prom-client exports a name exactly as given.
 */
final class JsMetrics {

    static final Query QUERY = Query.load(JsMetrics.class, "metrics.javascript.scm");
    static final String PROM_CLIENT = "prom-client";
    static final String NEST_PROMETHEUS = "@willsoto/nestjs-prometheus";
    private static final Map<String, String> TYPES = Map.of("Counter", "counter", "Gauge", "gauge",
            "Histogram", "histogram", "Summary", "summary");

    private JsMetrics() {
    }

    static List<MetricDef> read(ParsedFile file, SourceSet sources) {
        List<MetricDef> out = new ArrayList<>();
        SyntaxTree tree = file.tree();
        if (tree == null) {
            return out;
        }
        JsResolver resolver = new JsResolver(file, sources);
        if (!resolver.jsFile().importsModule(PROM_CLIENT) && !resolver.jsFile().importsModule(NEST_PROMETHEUS)) {
            return out;
        }
        for (QueryMatch m : QUERY.matches(tree.root())) {
            String type;
            String library;
            if (m.has("new")) {
                Optional<Import> imp = resolver.importBehind(m.node("ctor"));
                if (imp.isEmpty() || !imp.get().source().equals(PROM_CLIENT)) {
                    continue;
                }
                String member = imp.get().imported();
                if (member.startsWith("default.")) {
                    member = member.substring("default.".length());
                }
                type = TYPES.get(member);
                library = PROM_CLIENT;
            } else {
                String fn = m.text("fn");
                Import imp = resolver.jsFile().importOf(fn);
                if (imp == null || !imp.source().equals(NEST_PROMETHEUS)) {
                    continue;
                }
                type = TYPES.get(fn.substring("make".length(), fn.length() - "Provider".length()));
                library = PROM_CLIENT;
            }
            if (type == null) {
                continue;
            }
            MetricDef d = metric(file, resolver, m.node("opts"), type, library);
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    private static MetricDef metric(ParsedFile file, JsResolver resolver, SyntaxNode optsNode, String type,
                                    String library) {
        JsValue opts = resolver.resolve(optsNode);
        if (!opts.is(JsValue.Kind.OBJECT)) {
            return null;
        }
        JsValue.Member nameMember = opts.properties().get("name");
        if (nameMember == null) {
            return null;
        }
        JsValue name = nameMember.value();
        if (!name.is(JsValue.Kind.STRING) || name.string().isBlank()) {
            return null;
        }
        Evidence at = file.path().equals(opts.path()) && nameMember.keyNode() != null
                ? file.evidence(nameMember.keyNode()) : file.evidence(optsNode);
        List<Evidence> via = new ArrayList<>(name.via());
        if (!file.path().equals(opts.path())) {
            via.addAll(opts.via());
        }
        JsValue help = opts.get("help");
        List<String> labels = new ArrayList<>();
        for (JsValue v : opts.get("labelNames").items()) {
            labels.add(v.is(JsValue.Kind.STRING) ? v.string() : "?");
        }
        boolean literal = name.node() != null && name.path().equals(file.path())
                && io.wsmemory.core.resolve.js.JsSyntax.stringValue(name.node()) != null;
        Confidence c = via.isEmpty() && literal ? Confidence.HIGH : Confidence.MEDIUM;
        return new MetricDef(name.string(), null, type, library, help.is(JsValue.Kind.STRING) ? help.string() : null,
                labels, at, via, c, Map.of());
    }
}
