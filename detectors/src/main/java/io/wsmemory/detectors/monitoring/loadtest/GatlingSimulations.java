package io.wsmemory.detectors.monitoring.loadtest;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.monitoring.Durations;
import io.wsmemory.detectors.monitoring.JavaStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gatling simulations with a WebSocket scenario ({@code ws("...")}): the injection profile of {@code setUp}. Java
 * is read with JavaParser; Scala and Kotlin, which have no parser here, by careful reading of their comment-free
 * text. Users injected at once or over a ramp are {@code vus}, users per second are {@code arrival-rate},
 * concurrent users are {@code concurrency}; the ramp's length is {@code duration}. Numbers through a constant of
 * the file or a system property with a default ({@code Integer.getInteger("users", 100)}) are followed.
 */
final class GatlingSimulations {

    static final String TOOL = "gatling";
    private static final Map<String, String> STEPS = Map.ofEntries(
            Map.entry("atOnceUsers", Baseline.VUS), Map.entry("rampUsers", Baseline.VUS),
            Map.entry("stressPeakUsers", Baseline.VUS), Map.entry("heavisideUsers", Baseline.VUS),
            Map.entry("constantUsersPerSec", Baseline.ARRIVAL_RATE),
            Map.entry("rampUsersPerSec", Baseline.ARRIVAL_RATE),
            Map.entry("incrementUsersPerSec", Baseline.ARRIVAL_RATE),
            Map.entry("constantConcurrentUsers", Baseline.CONCURRENCY),
            Map.entry("rampConcurrentUsers", Baseline.CONCURRENCY),
            Map.entry("incrementConcurrentUsers", Baseline.CONCURRENCY));
    private static final Pattern WS = Pattern.compile("\\bws\\s*\\(\\s*\"");
    private static final Pattern STEP = Pattern.compile("\\b(" + String.join("|", STEPS.keySet())
            + ")\\s*\\(\\s*([^()]*?(?:\\([^()]*\\)[^()]*?)?)\\s*\\)"
            + "(?:\\s*\\.?\\s*to\\s*\\(\\s*([^()]*?)\\s*\\))?"
            + "(?:\\s*\\.?\\s*(?:during|over)\\s*\\(\\s*([^()]*?(?:\\([^()]*\\)[^()]*?)?)\\s*\\))?");
    private static final Pattern PROPERTY = Pattern.compile(
            "(?:Integer\\.getInteger|java\\.lang\\.Integer\\.getInteger|Long\\.getLong)\\s*\\(\\s*\"([^\"]+)\"\\s*,\\s*"
                    + "(\\d+)L?\\s*\\)|(?:System\\.getProperty|sys\\.props\\.getOrElse|System\\.getenv\\(\\)"
                    + "\\.getOrDefault)\\s*\\(\\s*\"([^\"]+)\"\\s*,\\s*\"(\\d+)\"\\s*\\)");

    private GatlingSimulations() {
    }

    static boolean candidate(SourceFile f) {
        String ext = f.extension();
        return (ext.equals("java") || ext.equals("scala") || ext.equals("kt") || ext.equals("kts"))
                && f.contains("io.gatling") && f.contains("ws(");
    }

    /** A number as written and how it was learned. */
    private record Num(double value, String variable, List<Evidence> via) {
    }

    // ---- Java ---------------------------------------------------------------------------------------------

    static void readJava(ParsedFile file, List<Baseline> out) {
        if (!WS.matcher(file.file().text()).find()) {
            return;
        }
        Optional<CompilationUnit> cu = file.java();
        if (cu.isEmpty()) {
            return;
        }
        for (MethodCallExpr call : cu.get().findAll(MethodCallExpr.class)) {
            String key = STEPS.get(call.getNameAsString());
            if (key == null || call.getArguments().isEmpty() || call.getScope().isPresent()
                    && !(call.getScope().get() instanceof NameExpr n && n.getNameAsString().equals("CoreDsl"))) {
                continue;
            }
            Num n = javaNumber(file, cu.get(), call.getArgument(0));
            Expression to = null;
            Expression during = null;
            Node cur = call;
            while (cur.getParentNode().isPresent() && cur.getParentNode().get() instanceof MethodCallExpr p
                    && p.getScope().isPresent() && p.getScope().get() == cur) {
                if (p.getNameAsString().equals("to") && p.getArguments().size() == 1) {
                    to = p.getArgument(0);
                } else if ((p.getNameAsString().equals("during") || p.getNameAsString().equals("over"))
                        && p.getArguments().size() == 1) {
                    during = p.getArgument(0);
                }
                cur = p;
            }
            if (to != null) {
                Num peak = javaNumber(file, cu.get(), to);
                if (peak != null) {
                    n = peak;
                }
            }
            Evidence at = file.evidence(JavaStrings.line(call));
            emit(out, key, call.getNameAsString(), n, at);
            if (during != null) {
                Long ms = javaDuration(file, cu.get(), during);
                if (ms != null) {
                    out.add(Baseline.of(Baseline.DURATION, Long.toString(ms), at, TOOL)
                            .attr("injection", call.getNameAsString()));
                }
            }
        }
    }

    private static Num javaNumber(ParsedFile file, CompilationUnit cu, Expression e) {
        if (e instanceof IntegerLiteralExpr i) {
            return new Num(i.asNumber().doubleValue(), null, List.of());
        }
        if (e instanceof LongLiteralExpr l) {
            return new Num(l.asNumber().doubleValue(), null, List.of());
        }
        if (e instanceof DoubleLiteralExpr d) {
            return new Num(d.asDouble(), null, List.of());
        }
        Matcher p = PROPERTY.matcher(e.toString());
        if (p.matches()) {
            return property(p);
        }
        if (e instanceof MethodCallExpr m && m.getNameAsString().equals("parseInt") && m.getArguments().size() == 1) {
            return javaNumber(file, cu, m.getArgument(0));
        }
        if (e instanceof StringLiteralExpr s && s.asString().matches("\\d+")) {
            return new Num(Double.parseDouble(s.asString()), null, List.of());
        }
        if (e instanceof NameExpr n) {
            for (FieldDeclaration fd : cu.findAll(FieldDeclaration.class)) {
                for (VariableDeclarator v : fd.getVariables()) {
                    if (v.getNameAsString().equals(n.getNameAsString()) && v.getInitializer().isPresent()
                            && fd.isFinal()) {
                        Num inner = javaNumber(file, cu, v.getInitializer().get());
                        if (inner != null) {
                            List<Evidence> via = new ArrayList<>(inner.via());
                            via.add(0, file.evidence(JavaStrings.line(v)));
                            return new Num(inner.value(), inner.variable(), via);
                        }
                    }
                }
            }
        }
        return null;
    }

    private static Long javaDuration(ParsedFile file, CompilationUnit cu, Expression e) {
        if (e instanceof MethodCallExpr m && m.getScope().isPresent() && m.getScope().get().toString()
                .endsWith("Duration") && m.getArguments().size() == 1) {
            Num n = javaNumber(file, cu, m.getArgument(0));
            if (n == null) {
                return null;
            }
            return switch (m.getNameAsString()) {
                case "ofMillis" -> Math.round(n.value());
                case "ofSeconds" -> Math.round(n.value() * 1000);
                case "ofMinutes" -> Math.round(n.value() * 60_000);
                case "ofHours" -> Math.round(n.value() * 3_600_000);
                default -> null;
            };
        }
        Num n = javaNumber(file, cu, e);
        return n == null ? null : Math.round(n.value() * 1000); // Gatling reads a bare number as seconds
    }

    // ---- Scala and Kotlin ---------------------------------------------------------------------------------

    static void readText(SourceFile file, List<Baseline> out) {
        String text = withoutComments(file.text());
        if (!WS.matcher(text).find()) {
            return;
        }
        Matcher m = STEP.matcher(text);
        while (m.find()) {
            String step = m.group(1);
            Num n = textNumber(file, text, m.group(3) != null ? m.group(3) : m.group(2));
            int line = lineOf(text, m.start());
            Evidence at = new Evidence(file.path(), line, file.line(line));
            emit(out, STEPS.get(step), step, n, at);
            if (m.group(4) != null) {
                Long ms = textDuration(file, text, m.group(4));
                if (ms != null) {
                    out.add(Baseline.of(Baseline.DURATION, Long.toString(ms), at, TOOL).attr("injection", step));
                }
            }
        }
    }

    private static Num textNumber(SourceFile file, String text, String expr) {
        String e = expr.strip().replaceAll("\\.to(Int|Long|Double)(\\(\\))?$", "");
        if (e.matches("\\d+(\\.\\d+)?[LlDd]?")) {
            return new Num(Double.parseDouble(e.replaceAll("[LlDd]$", "")), null, List.of());
        }
        Matcher p = PROPERTY.matcher(e);
        if (p.matches()) {
            return property(p);
        }
        if (e.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            Matcher d = Pattern.compile("\\b(?:val|var|const\\s+val)\\s+" + Pattern.quote(e)
                    + "\\s*(?::\\s*[A-Za-z]+\\s*)?=\\s*([^\\n;]+)").matcher(text);
            if (d.find()) {
                String def = d.group(1).strip();
                if (def.equals(expr.strip())) {
                    return null;
                }
                Num inner = textNumber(file, text, def);
                if (inner != null) {
                    int line = lineOf(text, d.start());
                    List<Evidence> via = new ArrayList<>(inner.via());
                    via.add(0, new Evidence(file.path(), line, file.line(line)));
                    return new Num(inner.value(), inner.variable(), via);
                }
            }
        }
        return null;
    }

    private static Long textDuration(SourceFile file, String text, String expr) {
        String e = expr.strip();
        Matcher jd = Pattern.compile("(?:java\\.time\\.)?Duration\\.of(Millis|Seconds|Minutes|Hours)\\s*\\(\\s*(.+?)\\s*\\)")
                .matcher(e);
        if (jd.matches()) {
            Num n = textNumber(file, text, jd.group(2));
            if (n == null) {
                return null;
            }
            double unit = switch (jd.group(1)) {
                case "Millis" -> 1;
                case "Seconds" -> 1000;
                case "Minutes" -> 60_000;
                default -> 3_600_000;
            };
            return Math.round(n.value() * unit);
        }
        Matcher sd = Pattern.compile("(.+?)\\s*\\.?\\s*(milliseconds?|millis|seconds?|minutes?|hours?)").matcher(e);
        if (sd.matches()) {
            Num n = textNumber(file, text, sd.group(1));
            Long unit = Durations.millis("1" + (sd.group(2).startsWith("milli") ? "ms" : sd.group(2)), 1000);
            return n == null || unit == null ? null : Math.round(n.value() * unit);
        }
        Num n = textNumber(file, text, e);
        return n == null ? null : Math.round(n.value() * 1000);
    }

    private static Num property(Matcher p) {
        String variable = p.group(1) != null ? p.group(1) : p.group(3);
        String value = p.group(2) != null ? p.group(2) : p.group(4);
        return new Num(Double.parseDouble(value), variable, List.of());
    }

    private static void emit(List<Baseline> out, String key, String step, Num n, Evidence at) {
        if (n == null) {
            return;
        }
        Baseline b = Baseline.of(key, Durations.number(n.value()), at, TOOL).attr("injection", step).via(n.via());
        if (n.variable() != null) {
            b.env(n.variable());
        }
        out.add(b);
    }

    /** The text with comments blanked out (newlines kept, so offsets and lines stay), strings left alone. */
    static String withoutComments(String s) {
        StringBuilder b = new StringBuilder(s);
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') {
                boolean triple = s.startsWith("\"\"\"", i);
                int end = triple ? s.indexOf("\"\"\"", i + 3) : i + 1;
                if (!triple) {
                    while (end < n && s.charAt(end) != '"' && s.charAt(end) != '\n') {
                        end += s.charAt(end) == '\\' ? 2 : 1;
                    }
                }
                i = end < 0 ? n : end + (triple ? 3 : 1);
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    b.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) {
                    if (b.charAt(k) != '\n') {
                        b.setCharAt(k, ' ');
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
        return b.toString();
    }

    /** The 1-based line of a char offset (comments were blanked, newlines kept). */
    static int lineOf(String text, int charOffset) {
        int line = 1;
        for (int i = 0; i < charOffset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
