package io.wsmemory.detectors.monitoring.metrics;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.detectors.monitoring.JavaStrings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Micrometer and Prometheus Java client metrics, read with JavaParser. Micrometer: {@code Counter.builder("ws.x")
 * ... .register(registry)} (Gauge, Timer, DistributionSummary, LongTaskTimer, FunctionCounter...), registry
 * shortcuts ({@code meterRegistry.counter("ws.x")}, {@code registry.gauge(...)}, {@code Metrics.counter(...)}) on
 * a receiver declared as a MeterRegistry, and {@code @Timed("ws.x")} / {@code @Counted}. The key is the name as
 * written; {@code attrs.prometheus} holds the name the Prometheus registry exports ({@code .} → {@code _}, a
 * counter's {@code _total}, a timer's {@code _seconds}). Prometheus simpleclient / client_java:
 * {@code Counter.build().name("x").help("h")}, {@code Counter.builder().name("x")}: exported with a counter's
 * {@code _total}.
 */
final class JavaMetrics {

    static final String MICROMETER = "micrometer";
    static final String PROMETHEUS_JAVA = "prometheus-java";
    private static final Map<String, String> MICROMETER_BUILDERS = Map.of("Counter", "counter", "Gauge", "gauge",
            "Timer", "timer", "DistributionSummary", "summary", "LongTaskTimer", "long-task-timer",
            "FunctionCounter", "counter", "FunctionTimer", "timer", "TimeGauge", "gauge");
    private static final Map<String, String> REGISTRY_CALLS = Map.ofEntries(Map.entry("counter", "counter"),
            Map.entry("gauge", "gauge"), Map.entry("timer", "timer"), Map.entry("summary", "summary"),
            Map.entry("gaugeCollectionSize", "gauge"), Map.entry("gaugeMapSize", "gauge"),
            Map.entry("more", ""));
    private static final Map<String, String> ANNOTATIONS = Map.of("Timed", "timer", "Counted", "counter");
    private static final Map<String, String> PROM_TYPES = Map.of("Counter", "counter", "Gauge", "gauge",
            "Histogram", "histogram", "Summary", "summary");

    private JavaMetrics() {
    }

    static List<MetricDef> read(ParsedFile file, SourceSet sources) {
        List<MetricDef> out = new ArrayList<>();
        Optional<CompilationUnit> parsed = file.java();
        if (parsed.isEmpty()) {
            return out;
        }
        CompilationUnit cu = parsed.get();
        boolean micrometer = imports(cu, "io.micrometer");
        boolean prometheus = imports(cu, "io.prometheus");
        if (!micrometer && !prometheus) {
            return out;
        }
        JavaStrings strings = new JavaStrings(file, cu, sources);
        Set<String> registries = micrometer ? registryNames(cu) : Set.of();
        for (MethodCallExpr call : cu.findAll(MethodCallExpr.class)) {
            String method = call.getNameAsString();
            Optional<Expression> scope = call.getScope();
            if (micrometer && method.equals("builder") && scope.isPresent() && scope.get() instanceof NameExpr n
                    && MICROMETER_BUILDERS.containsKey(n.getNameAsString()) && call.getArguments().size() >= 1) {
                String type = MICROMETER_BUILDERS.get(n.getNameAsString());
                micrometer(file, strings, call, call.getArgument(0), type, out);
            } else if (micrometer && REGISTRY_CALLS.containsKey(method) && !method.equals("more")
                    && scope.isPresent() && isRegistry(scope.get(), registries) && call.getArguments().size() >= 1) {
                micrometer(file, strings, call, call.getArgument(0), REGISTRY_CALLS.get(method), out);
            } else if (prometheus && (method.equals("build") || method.equals("builder")) && scope.isPresent()
                    && scope.get() instanceof NameExpr n && PROM_TYPES.containsKey(n.getNameAsString())) {
                prometheus(file, strings, call, PROM_TYPES.get(n.getNameAsString()), out);
            }
        }
        if (micrometer) {
            for (AnnotationExpr a : cu.findAll(AnnotationExpr.class)) {
                String type = ANNOTATIONS.get(a.getNameAsString());
                Expression value = annotationValue(a);
                if (type != null && value != null) {
                    JavaStrings.Str name = strings.string(value);
                    if (name != null && !name.value().isBlank()) {
                        String help = null;
                        if (a instanceof NormalAnnotationExpr na) {
                            for (MemberValuePair p : na.getPairs()) {
                                if (p.getNameAsString().equals("description")) {
                                    JavaStrings.Str h = strings.string(p.getValue());
                                    help = h == null ? null : h.value();
                                }
                            }
                        }
                        out.add(micrometerDef(file, value, name, type, help, null));
                    }
                }
            }
        }
        return out;
    }

    private static void micrometer(ParsedFile file, JavaStrings strings, MethodCallExpr call, Expression nameExpr,
                                   String type, List<MetricDef> out) {
        JavaStrings.Str name = strings.string(nameExpr);
        if (name == null || name.value().isBlank()) {
            return;
        }
        String help = null;
        String baseUnit = null;
        for (MethodCallExpr link : chainAbove(call)) {
            String m = link.getNameAsString();
            if ((m.equals("description") || m.equals("baseUnit")) && link.getArguments().size() == 1) {
                JavaStrings.Str s = strings.string(link.getArgument(0));
                if (s != null) {
                    if (m.equals("description")) {
                        help = s.value();
                    } else {
                        baseUnit = s.value();
                    }
                }
            }
        }
        out.add(micrometerDef(file, nameExpr, name, type, help, baseUnit));
    }

    private static MetricDef micrometerDef(ParsedFile file, Node at, JavaStrings.Str name, String type, String help,
                                           String baseUnit) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("prometheus", prometheusName(name.value(), type, baseUnit));
        return new MetricDef(name.value(), null, type, MICROMETER, help, List.of(),
                file.evidence(JavaStrings.line(at)), name.via(),
                name.via().isEmpty() ? Confidence.HIGH : Confidence.MEDIUM, attrs);
    }

    /** Micrometer's PrometheusNamingConvention: separators to {@code _}, the base unit, then the type's suffix. */
    static String prometheusName(String name, String type, String baseUnit) {
        String p = name.replaceAll("[^A-Za-z0-9_:]", "_");
        String unit = switch (type) {
            case "timer", "long-task-timer" -> "seconds";
            default -> baseUnit == null || baseUnit.isBlank() ? null : baseUnit.replaceAll("[^A-Za-z0-9_]", "_");
        };
        if (unit != null && !p.endsWith("_" + unit)) {
            p += "_" + unit;
        }
        if (type.equals("counter") && !p.endsWith("_total")) {
            p += "_total";
        }
        return p;
    }

    private static void prometheus(ParsedFile file, JavaStrings strings, MethodCallExpr start, String type,
                                   List<MetricDef> out) {
        Expression nameExpr = null;
        Expression helpExpr = null;
        if (start.getArguments().size() >= 1) { // Counter.build("name", "help")
            nameExpr = start.getArgument(0);
            helpExpr = start.getArguments().size() >= 2 ? start.getArgument(1) : null;
        }
        List<String> labels = new ArrayList<>();
        for (MethodCallExpr link : chainAbove(start)) {
            String m = link.getNameAsString();
            if (m.equals("name") && link.getArguments().size() == 1) {
                nameExpr = link.getArgument(0);
            } else if (m.equals("help") && link.getArguments().size() == 1) {
                helpExpr = link.getArgument(0);
            } else if (m.equals("labelNames")) {
                for (Expression e : link.getArguments()) {
                    JavaStrings.Str s = strings.string(e);
                    labels.add(s == null ? "?" : s.value());
                }
            }
        }
        JavaStrings.Str name = nameExpr == null ? null : strings.string(nameExpr);
        if (name == null || name.value().isBlank()) {
            return;
        }
        String exported = name.value();
        if (type.equals("counter")) {
            if (exported.endsWith("_total")) {
                exported = exported.substring(0, exported.length() - "_total".length());
            }
            exported += "_total";
        }
        JavaStrings.Str help = helpExpr == null ? null : strings.string(helpExpr);
        out.add(new MetricDef(exported, exported.equals(name.value()) ? null : name.value(), type, PROMETHEUS_JAVA,
                help == null ? null : help.value(), labels, file.evidence(JavaStrings.line(nameExpr)), name.via(),
                name.via().isEmpty() ? Confidence.HIGH : Confidence.MEDIUM, Map.of()));
    }

    /** The calls chained on the result of {@code call}: {@code call.a().b()} gives a, b. */
    private static List<MethodCallExpr> chainAbove(MethodCallExpr call) {
        List<MethodCallExpr> out = new ArrayList<>();
        Node cur = call;
        while (cur.getParentNode().isPresent() && cur.getParentNode().get() instanceof MethodCallExpr p
                && p.getScope().isPresent() && p.getScope().get() == cur) {
            out.add(p);
            cur = p;
        }
        return out;
    }

    private static Expression annotationValue(AnnotationExpr a) {
        if (a instanceof SingleMemberAnnotationExpr s) {
            return s.getMemberValue();
        }
        if (a instanceof NormalAnnotationExpr n) {
            for (MemberValuePair p : n.getPairs()) {
                if (p.getNameAsString().equals("value")) {
                    return p.getValue();
                }
            }
        }
        return null;
    }

    private static boolean imports(CompilationUnit cu, String prefix) {
        for (ImportDeclaration i : cu.getImports()) {
            if (i.getNameAsString().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Names declared with a MeterRegistry type (fields, parameters, locals), and Micrometer's global Metrics. */
    private static Set<String> registryNames(CompilationUnit cu) {
        Set<String> out = new HashSet<>();
        for (FieldDeclaration f : cu.findAll(FieldDeclaration.class)) {
            for (VariableDeclarator v : f.getVariables()) {
                if (isRegistryType(v.getTypeAsString())) {
                    out.add(v.getNameAsString());
                }
            }
        }
        for (Parameter p : cu.findAll(Parameter.class)) {
            if (isRegistryType(p.getTypeAsString())) {
                out.add(p.getNameAsString());
            }
        }
        for (VariableDeclarationExpr d : cu.findAll(VariableDeclarationExpr.class)) {
            for (VariableDeclarator v : d.getVariables()) {
                if (isRegistryType(v.getTypeAsString())) {
                    out.add(v.getNameAsString());
                }
            }
        }
        return out;
    }

    private static boolean isRegistryType(String type) {
        return type.endsWith("MeterRegistry");
    }

    private static boolean isRegistry(Expression scope, Set<String> registries) {
        if (scope instanceof NameExpr n) {
            return registries.contains(n.getNameAsString()) || n.getNameAsString().equals("Metrics");
        }
        if (scope instanceof FieldAccessExpr f && f.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr) {
            return registries.contains(f.getNameAsString());
        }
        if (scope instanceof MethodCallExpr m && m.getNameAsString().equals("more")) {
            return m.getScope().isPresent() && isRegistry(m.getScope().get(), registries);
        }
        return false;
    }
}
