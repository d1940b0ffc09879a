package io.wsmemory.detectors.infra.node;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import io.wsmemory.core.resolve.js.JsFile;
import io.wsmemory.core.resolve.js.JsResolver;
import io.wsmemory.core.resolve.js.JsSyntax;
import io.wsmemory.core.resolve.js.JsValue;
import io.wsmemory.core.source.Language;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.infra.InfraEvidence;
import io.wsmemory.detectors.infra.StructuredText;
import io.wsmemory.detectors.infra.YNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How many Node.js processes serve the application: pm2 process files (JSON {@code pm2*.json},
 * {@code process*.json}, {@code ecosystem*.json}, and JavaScript {@code ecosystem.config.js}) and
 * {@code cluster.fork()} in a loop over a count.
 *
 * <p>Both are {@code capacity replicas} (each process is one server instance, which is what sticky sessions and
 * adapters must cope with): the count as a number, {@code cpus} for one process per CPU ({@code instances: "max"}
 * or {@code 0}, {@code os.cpus().length}, {@code os.availableParallelism()}), {@code cpus-1} for pm2's {@code -1}.
 * {@code attrs.platform} is {@code pm2} or {@code node-cluster}; pm2 facts name the app ({@code attrs.service}) and
 * its {@code exec_mode} ({@code attrs.mode}). A count read from the environment is {@code source: env} with the
 * fallback as value. Forks outside a loop (re-forking a dead worker) are not counted.
 */
public final class NodeProcessDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("infra-node",
            "Node.js process counts: pm2 process files (instances, exec_mode) and cluster.fork() loops",
            Set.of(Language.JAVASCRIPT, Language.TYPESCRIPT, Language.TSX),
            List.of(".fork(", "instances", "exec_mode"));

    private static final Query FORK = Query.load(NodeProcessDetector.class, "cluster-fork.scm");
    private static final Query APPS = Query.load(NodeProcessDetector.class, "pm2-apps.scm");
    private static final Pattern CPUS = Pattern.compile(
            "cpus\\(\\)\\s*\\.\\s*length|availableParallelism\\(\\)|hardwareConcurrency");
    private static final Pattern PM2_NAME = Pattern.compile("(pm2|process|ecosystem|processes)[^/]*\\.json5?");
    private static final Pattern ECOSYSTEM_JS = Pattern.compile("(ecosystem|pm2)[^/]*\\.(c|m)?[jt]s");
    private static final Set<String> FUNCTIONS = Set.of("arrow_function", "function_expression", "function",
            "function_declaration", "generator_function", "generator_function_declaration", "method_definition");

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    private static final Pattern PM2_CLI = Pattern.compile(
            "\\bpm2(?:-runtime|-docker|-dev)?\\s+(?:start\\s+)?([^\\s\"'&;|]+)([^&;|\"]*?)\\s(?:-i|--instances)[\\s=]+([-\\w]+)");

    private static boolean isCommandFile(String lowerName) {
        return lowerName.equals("package.json") || lowerName.equals("dockerfile") || lowerName.startsWith("dockerfile.")
                || lowerName.endsWith(".dockerfile") || lowerName.equals("procfile");
    }

    @Override
    public boolean accepts(SourceFile file) {
        String n = InfraEvidence.lowerName(file);
        if (isCommandFile(n)) {
            return file.contains("pm2");
        }
        if (PM2_NAME.matcher(n).matches()) {
            return file.containsAny(List.of("instances", "exec_mode"));
        }
        if (!file.language().isJsFamily() || file.isEmbeddedScript()) {
            return false;
        }
        if (ECOSYSTEM_JS.matcher(n).matches() && file.containsAny(List.of("instances", "exec_mode"))) {
            return true;
        }
        return file.contains(".fork(") && file.contains("cluster");
    }

    @Override
    public void detect(ParsedFile parsed, DetectionContext ctx) {
        SourceFile file = parsed.file();
        String n = InfraEvidence.lowerName(file);
        if (PM2_NAME.matcher(n).matches()) {
            pm2Json(file, ctx);
            return;
        }
        if (isCommandFile(n)) {
            pm2Commands(file, ctx);
            return;
        }
        SyntaxTree tree = parsed.tree();
        if (tree == null) {
            return;
        }
        JsResolver resolver = new JsResolver(parsed, ctx.sources());
        if (ECOSYSTEM_JS.matcher(n).matches()) {
            pm2Js(parsed, tree, resolver, ctx);
        }
        if (file.contains(".fork(")) {
            forks(parsed, tree, resolver, ctx);
        }
    }

    // --- pm2 -----------------------------------------------------------------------------------------------------

    private static void pm2Json(SourceFile file, DetectionContext ctx) {
        for (YNode doc : StructuredText.json(file.text()).documents()) {
            List<YNode> apps = doc instanceof YNode.Seq s ? s.items()
                    : doc.at("apps") instanceof YNode.Seq s ? s.items() : List.of(doc);
            for (YNode app : apps) {
                if (!(app.at("instances") instanceof YNode.Scalar inst) || inst.value() == null) {
                    continue;
                }
                String value = instances(inst.value());
                if (value == null) {
                    continue;
                }
                ctx.emit(Fact.of(Kinds.CAPACITY, "replicas").value(value)
                        .evidence(InfraEvidence.at(file, app.keyLine("instances"))).attr("platform", "pm2")
                        .attr("service", app.text("name")).attr("mode", mode(app.text("exec_mode"))).build());
            }
        }
    }

    private static void pm2Js(ParsedFile parsed, SyntaxTree tree, JsResolver resolver, DetectionContext ctx) {
        Set<Integer> seen = new HashSet<>();
        for (QueryMatch m : APPS.matches(tree.root())) {
            SyntaxNode object = m.node("app.object");
            if (object == null || !seen.add(object.startByte())) {
                continue;
            }
            JsValue app = resolver.resolve(object);
            JsValue.Member inst = app.properties().get("instances");
            if (inst == null) {
                continue;
            }
            JsValue v = inst.value();
            JsValue eff = v.effective();
            String value = eff.isLiteral() ? instances(eff.text()) : null;
            if (value == null && !v.is(JsValue.Kind.ENV)) {
                continue;
            }
            List<Evidence> ev = new ArrayList<>();
            ev.add(parsed.evidence(inst.keyNode()));
            ev.addAll(v.via());
            JsValue name = app.get("name").effective();
            JsValue mode = app.get("exec_mode").effective();
            ctx.emit(Fact.of(Kinds.CAPACITY, "replicas").value(value == null ? "" : value).evidence(ev)
                    .source(v.source()).confidence(v.confidence()).attr("platform", "pm2")
                    .attr("variable", v.is(JsValue.Kind.ENV) ? v.variable() : null)
                    .attr("service", name.is(JsValue.Kind.STRING) ? name.string() : null)
                    .attr("mode", mode.is(JsValue.Kind.STRING) ? mode(mode.string()) : null).build());
        }
    }

    /** {@code pm2 start server.js -i max} in package.json scripts, Dockerfiles and Procfiles. */
    private static void pm2Commands(SourceFile file, DetectionContext ctx) {
        int n = file.lineCount();
        for (int i = 1; i <= n; i++) {
            String line = file.line(i);
            if (!line.contains("pm2") || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (!InfraEvidence.lowerName(file).equals("package.json")) {
                line = line.replaceAll("[\\[\\]\",]", " "); // Dockerfile exec form: ["pm2-runtime", "app.js", "-i", "4"]
            }
            java.util.regex.Matcher m = PM2_CLI.matcher(line);
            while (m.find()) {
                String value = instances(m.group(3));
                if (value == null) {
                    continue;
                }
                String script = m.group(1).startsWith("-") ? null : m.group(1);
                ctx.emit(Fact.of(Kinds.CAPACITY, "replicas").value(value).evidence(InfraEvidence.at(file, i))
                        .attr("platform", "pm2").attr("service", script).attr("mode", "cluster").build());
            }
        }
    }

    /** pm2's instances: a count, "max" or 0 for one per CPU, -N for all CPUs but N. */
    static String instances(String raw) {
        String s = raw.strip().toLowerCase(Locale.ROOT);
        if (s.equals("max") || s.equals("0")) {
            return "cpus";
        }
        if (s.matches("-\\d{1,3}")) {
            return "cpus" + s;
        }
        if (s.matches("\\d{1,5}")) {
            return s;
        }
        return null;
    }

    private static String mode(String execMode) {
        if (execMode == null) {
            return null;
        }
        String m = execMode.toLowerCase(Locale.ROOT);
        return m.startsWith("cluster") ? "cluster" : m.startsWith("fork") ? "fork" : m;
    }

    // --- cluster.fork() ------------------------------------------------------------------------------------------

    private static void forks(ParsedFile parsed, SyntaxTree tree, JsResolver resolver, DetectionContext ctx) {
        Set<Integer> loops = new HashSet<>();
        for (QueryMatch m : FORK.matches(tree.root())) {
            SyntaxNode call = m.node("fork.call");
            SyntaxNode object = m.node("fork.object");
            if (call == null || object == null || !isCluster(object, resolver)) {
                continue;
            }
            Count c = enclosingCount(call, resolver);
            if (c == null || !loops.add(c.loop().startByte())) {
                continue;
            }
            List<Evidence> ev = new ArrayList<>();
            ev.add(parsed.evidence(c.loop()));
            ev.addAll(c.value() == null ? List.of() : c.value().via());
            ctx.emit(Fact.of(Kinds.CAPACITY, "replicas").value(c.text()).evidence(ev).source(c.source())
                    .confidence(c.confidence()).attr("platform", "node-cluster").attr("variable", c.variable())
                    .build());
        }
    }

    private static boolean isCluster(SyntaxNode object, JsResolver resolver) {
        SyntaxNode o = JsSyntax.unwrap(object);
        if (o == null) {
            return false;
        }
        String required = JsSyntax.requiredModule(o);
        if (required != null) {
            return required.equals("cluster") || required.equals("node:cluster");
        }
        return resolver.importBehind(o).map(JsFile.Import::source)
                .map(s -> s.equals("cluster") || s.equals("node:cluster")).orElse(false);
    }

    /** A loop's count: a number or "cpus", how it was found, and the loop node. */
    private record Count(SyntaxNode loop, String text, JsValue value, Source source, Confidence confidence,
                         String variable) {
    }

    private static Count enclosingCount(SyntaxNode call, JsResolver resolver) {
        SyntaxNode n = call;
        for (int depth = 0; depth < 40 && n != null; depth++) {
            SyntaxNode p = n.parent();
            if (p == null) {
                return null;
            }
            switch (p.type()) {
                case "for_statement" -> {
                    return forCount(p, resolver);
                }
                case "for_in_statement" -> {
                    return iterableCount(p, p.field("right"), resolver);
                }
                case "while_statement", "do_statement" -> {
                    return null;
                }
                default -> {
                }
            }
            if (FUNCTIONS.contains(p.type())) {
                // a callback: counted only when it is the argument of forEach/map over a known collection
                SyntaxNode args = p.parent();
                SyntaxNode outer = args == null ? null : args.parent();
                if (args != null && args.is("arguments") && outer != null && outer.is("call_expression")) {
                    SyntaxNode fn = outer.field("function");
                    if (fn != null && fn.is("member_expression")) {
                        String method = JsSyntax.memberName(fn);
                        if ("forEach".equals(method) || "map".equals(method)) {
                            return iterableCount(outer, fn.field("object"), resolver);
                        }
                    }
                }
                return null;
            }
            n = p;
        }
        return null;
    }

    /** {@code for (let i = A; i < N; i++)} (or {@code <=}, or counting down to a bound). */
    private static Count forCount(SyntaxNode loop, JsResolver resolver) {
        SyntaxNode cond = loop.field("condition");
        if (cond != null && cond.is("expression_statement")) {
            cond = cond.namedChild(0);
        }
        cond = JsSyntax.unwrap(cond);
        if (cond == null || !cond.is("binary_expression")) {
            return null;
        }
        SyntaxNode op = cond.field("operator");
        SyntaxNode left = JsSyntax.unwrap(cond.field("left"));
        SyntaxNode right = JsSyntax.unwrap(cond.field("right"));
        if (op == null || left == null || right == null) {
            return null;
        }
        String o = op.text();
        String counter = left.is("identifier") ? left.text() : null;
        SyntaxNode bound = right;
        if (counter == null && right.is("identifier")) { // N > i
            counter = right.text();
            bound = left;
            o = switch (o) {
                case ">" -> "<";
                case ">=" -> "<=";
                case "<" -> ">";
                case "<=" -> ">=";
                default -> o;
            };
        }
        if (counter == null) {
            return null;
        }
        Double start = initial(loop.field("initializer"), counter, resolver);
        if (start == null) {
            return null;
        }
        boolean up = o.equals("<") || o.equals("<=");
        boolean down = o.equals(">") || o.equals(">=");
        if (!up && !down) {
            return null;
        }
        JsValue b = resolver.resolve(bound);
        if (up && start == 0 || down) {
            double offset = up ? (o.equals("<=") ? 1 : 0) : 0;
            if (up) {
                return count(loop, b, bound, offset, 1);
            }
            JsValue bv = b.effective();
            if (bv.is(JsValue.Kind.NUMBER)) { // for (i = N; i > B; i--): N - B iterations
                double iterations = start - bv.number() + (o.equals(">=") ? 1 : 0);
                return iterations > 0 && iterations < 100_000 ? new Count(loop, fmt(iterations), b, Source.EXPLICIT,
                        b.confidence(), null) : null;
            }
            return null;
        }
        if (up) {
            JsValue bv = b.effective();
            if (bv.is(JsValue.Kind.NUMBER)) {
                double iterations = bv.number() - start + (o.equals("<=") ? 1 : 0);
                return iterations > 0 && iterations < 100_000 ? new Count(loop, fmt(iterations), b, b.source(),
                        b.confidence(), b.is(JsValue.Kind.ENV) ? b.variable() : null) : null;
            }
        }
        return null;
    }

    /** The counter's initial value, when the initializer sets it to a number (or counts down from a resolved one). */
    private static Double initial(SyntaxNode init, String counter, JsResolver resolver) {
        if (init == null) {
            return null;
        }
        List<SyntaxNode> declarators = new ArrayList<>();
        init.walk(x -> !FUNCTIONS.contains(x.type()), x -> {
            if (x.is("variable_declarator") || x.is("assignment_expression")) {
                declarators.add(x);
            }
        });
        for (SyntaxNode d : declarators) {
            SyntaxNode name = d.is("variable_declarator") ? d.field("name") : d.field("left");
            SyntaxNode value = d.is("variable_declarator") ? d.field("value") : d.field("right");
            if (name != null && value != null && name.text().equals(counter)) {
                JsValue v = resolver.resolve(value).effective();
                return v.is(JsValue.Kind.NUMBER) ? v.number() : null;
            }
        }
        return null;
    }

    /** A count from a bound: a number, one per CPU, or an environment variable with either as fallback. */
    private static Count count(SyntaxNode loop, JsValue v, SyntaxNode expr, double plus, double times) {
        JsValue eff = v.effective();
        String variable = v.is(JsValue.Kind.ENV) ? v.variable() : null;
        Source source = variable != null ? Source.ENV : Source.EXPLICIT;
        if (eff.is(JsValue.Kind.NUMBER)) {
            double n = eff.number() * times + plus;
            return n > 0 && n < 100_000 ? new Count(loop, fmt(n), v, source, v.confidence(), variable) : null;
        }
        SyntaxNode behind = eff.node() != null ? eff.node() : expr;
        if (behind != null && CPUS.matcher(behind.text()).find() || CPUS.matcher(expr.text()).find()) {
            return new Count(loop, plus == 0 ? "cpus" : "cpus+" + fmt(plus), v, source, Confidence.MEDIUM, variable);
        }
        if (variable != null) {
            return new Count(loop, "", v, Source.ENV, Confidence.MEDIUM, variable);
        }
        return null;
    }

    /** {@code for (const c of os.cpus())}, {@code os.cpus().forEach(...)}, an array literal, {@code Array(N)}. */
    private static Count iterableCount(SyntaxNode loop, SyntaxNode iterable, JsResolver resolver) {
        SyntaxNode it = JsSyntax.unwrap(iterable);
        if (it == null) {
            return null;
        }
        String text = it.text();
        if (text.matches("(?s).*\\bcpus\\(\\)\\s*")) {
            return new Count(loop, "cpus", null, Source.EXPLICIT, Confidence.MEDIUM, null);
        }
        JsValue v = resolver.resolve(it);
        if (v.is(JsValue.Kind.ARRAY)) {
            return new Count(loop, Integer.toString(v.items().size()), v, Source.EXPLICIT, v.confidence(), null);
        }
        if (v.node() != null && v.node().text().matches("(?s).*\\bcpus\\(\\)\\s*")) {
            return new Count(loop, "cpus", v, Source.EXPLICIT, Confidence.MEDIUM, null);
        }
        return null;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
