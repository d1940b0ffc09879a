package io.wsmemory.detectors.infra.k8s;

import io.wsmemory.detectors.infra.YNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the simple parts of a Helm chart template with the chart's values.yaml, enough to read the manifest it
 * produces: {@code {{ .Values.a.b }}} (with {@code quote}, {@code default}, {@code int}, {@code toString}),
 * {@code toYaml X | nindent N}, {@code if}/{@code else}/{@code with} on values paths (with {@code not}, {@code eq},
 * {@code and}, {@code or} of such paths), {@code .Chart.Name}. Anything else (includes, functions, variables,
 * {@code range} items) renders as {@link #UNRESOLVED}, a condition it cannot decide counts as true. This is not a
 * Go template engine; it keeps, for every rendered line, the template line it came from and the values.yaml line
 * of the value it holds, so that facts point at both.
 */
final class HelmTemplate {

    static final String UNRESOLVED = "__helm__";

    private static final Pattern VALUE_PATH = Pattern.compile("^\\$?\\.Values((?:\\.[A-Za-z0-9_-]+)*)$");
    private static final Pattern DOT_PATH = Pattern.compile("^\\.((?:[A-Za-z0-9_-]+)(?:\\.[A-Za-z0-9_-]+)*)$");
    private static final int MAX_LINES = 50_000;

    /** One rendered line: its text, the template line it came from, the values.yaml line of its value (0: none). */
    record Line(String text, int templateLine, int valuesLine) {
    }

    private final YNode values;
    private final String chartName;
    private final String chartVersion;
    private final List<Line> out = new ArrayList<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private StringBuilder current = new StringBuilder();
    private int currentTemplateLine = 1;
    private int currentValuesLine;

    /** An open {@code if}/{@code with}/{@code range}/{@code define}: whether its body renders, and its dot. */
    private record Frame(String type, boolean parentActive, boolean active, boolean taken, Object dot) {
    }

    private HelmTemplate(YNode values, String chartName, String chartVersion) {
        this.values = values;
        this.chartName = chartName;
        this.chartVersion = chartVersion;
    }

    static List<Line> render(String template, YNode values, String chartName, String chartVersion) {
        HelmTemplate t = new HelmTemplate(values, chartName, chartVersion);
        try {
            t.run(template);
        } catch (RuntimeException | StackOverflowError e) {
            // keep what was rendered
        }
        t.closeLine();
        return t.out;
    }

    private boolean active() {
        return stack.isEmpty() || stack.peek().active();
    }

    private Object dot() {
        for (Frame f : stack) {
            if (f.dot() != null) {
                return f.dot();
            }
        }
        return values == null ? null : ROOT;
    }

    private static final Object ROOT = new Object();
    private static final Object UNKNOWN = new Object();

    private void run(String s) {
        int line = 1;
        int i = 0;
        while (i < s.length() && out.size() < MAX_LINES) {
            int open = s.indexOf("{{", i);
            int textEnd = open < 0 ? s.length() : open;
            for (int k = i; k < textEnd; k++) {
                char c = s.charAt(k);
                if (c == '\n') {
                    closeLine();
                    line++;
                    currentTemplateLine = line;
                } else if (active()) {
                    current.append(c);
                }
            }
            if (open < 0) {
                return;
            }
            int close = s.indexOf("}}", open + 2);
            if (close < 0) {
                return;
            }
            String action = s.substring(open + 2, close);
            int newlines = 0;
            for (int k = 0; k < action.length(); k++) {
                if (action.charAt(k) == '\n') {
                    newlines++;
                }
            }
            action(action.strip().replaceFirst("^-\\s*", "").replaceFirst("\\s*-$", "").strip());
            for (int k = 0; k < newlines; k++) { // a comment or action over several lines keeps lines aligned
                closeLine();
                line++;
                currentTemplateLine = line;
            }
            i = close + 2;
        }
    }

    private void closeLine() {
        out.add(new Line(current.toString(), currentTemplateLine, currentValuesLine));
        current = new StringBuilder();
        currentValuesLine = 0;
    }

    private void action(String a) {
        if (a.startsWith("/*")) {
            return;
        }
        String word = a.split("\\s+", 2)[0];
        String rest = a.length() > word.length() ? a.substring(word.length()).strip() : "";
        switch (word) {
            case "if" -> push("if", truth(rest), null);
            case "with" -> {
                Object v = lookup(rest);
                push("with", v == UNKNOWN ? Boolean.TRUE : truthy(v), v == UNKNOWN ? UNKNOWN : v);
            }
            case "range" -> push("range", Boolean.TRUE, UNKNOWN);
            case "define", "block" -> push("define", Boolean.FALSE, UNKNOWN);
            case "else" -> elseBranch(rest);
            case "end" -> {
                if (!stack.isEmpty()) {
                    stack.pop();
                }
            }
            default -> {
                if (active()) {
                    value(a);
                }
            }
        }
    }

    private void push(String type, Boolean cond, Object dot) {
        boolean parent = active();
        boolean c = cond == null || cond;
        stack.push(new Frame(type, parent, parent && c, c, dot));
    }

    private void elseBranch(String rest) {
        if (stack.isEmpty()) {
            return;
        }
        Frame f = stack.pop();
        boolean take = !f.taken(); // an undecided earlier branch counted as taken: one branch renders, never two
        if (rest.startsWith("if ")) {
            Boolean cond = truth(rest.substring(3).strip());
            boolean c = cond == null || cond;
            stack.push(new Frame(f.type(), f.parentActive(), f.parentActive() && take && c, f.taken() || c, f.dot()));
        } else {
            stack.push(new Frame(f.type(), f.parentActive(), f.parentActive() && take, true, f.dot()));
        }
    }

    /** A condition: true, false, or null when it cannot be decided. */
    private Boolean truth(String cond) {
        String c = stripParens(cond.strip());
        String[] w = c.split("\\s+");
        if (w.length == 1) {
            Object v = lookup(w[0]);
            return v == UNKNOWN ? null : truthy(v);
        }
        switch (w[0]) {
            case "not" -> {
                Boolean b = truth(c.substring(3));
                return b == null ? null : !b;
            }
            case "and", "or" -> {
                if (w.length != 3) {
                    return null;
                }
                Boolean x = truth(w[1]);
                Boolean y = truth(w[2]);
                if (w[0].equals("and")) {
                    return Boolean.FALSE.equals(x) || Boolean.FALSE.equals(y) ? Boolean.FALSE
                            : x == null || y == null ? null : Boolean.TRUE;
                }
                return Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y) ? Boolean.TRUE
                        : x == null || y == null ? null : Boolean.FALSE;
            }
            case "eq", "ne" -> {
                if (w.length != 3) {
                    return null;
                }
                String x = scalarOf(w[1]);
                String y = scalarOf(w[2]);
                if (x == null || y == null) {
                    return null;
                }
                return w[0].equals("eq") == x.equals(y);
            }
            default -> {
                return null;
            }
        }
    }

    private static String stripParens(String s) {
        while (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private String scalarOf(String token) {
        if (token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")) {
            return token.substring(1, token.length() - 1);
        }
        Object v = lookup(token);
        return v instanceof YNode.Scalar s ? s.value() : null;
    }

    /** The value node a reference names, null when values lack it, UNKNOWN when the reference is not a values path. */
    private Object lookup(String ref) {
        String r = stripParens(ref.strip());
        Matcher m = VALUE_PATH.matcher(r);
        if (m.matches()) {
            return values == null ? UNKNOWN : walk(values, m.group(1));
        }
        if (r.equals(".")) {
            Object d = dot();
            return d == ROOT ? values : d;
        }
        Matcher d = DOT_PATH.matcher(r);
        if (d.matches() && !r.startsWith(".Release") && !r.startsWith(".Chart") && !r.startsWith(".Capabilities")
                && !r.startsWith(".Template") && !r.startsWith(".Files")) {
            Object base = dot();
            if (base == UNKNOWN || base == null) {
                return UNKNOWN;
            }
            return walk(base == ROOT ? values : (YNode) base, "." + d.group(1));
        }
        return UNKNOWN;
    }

    private static Object walk(YNode base, String dotted) {
        YNode n = base;
        for (String seg : dotted.substring(dotted.isEmpty() ? 0 : 1).split("\\.")) {
            if (seg.isEmpty()) {
                continue;
            }
            if (!(n instanceof YNode.Map map)) {
                return null;
            }
            n = map.get(seg);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    private static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof YNode.Scalar s) {
            String t = s.value();
            return t != null && !t.isEmpty() && !t.equals("false") && !t.equals("0") && !t.equals("\"\"");
        }
        if (v instanceof YNode.Map m) {
            return !m.isEmpty();
        }
        if (v instanceof YNode.Seq q) {
            return !q.items().isEmpty();
        }
        return true;
    }

    /** An action that prints something. */
    private void value(String a) {
        String[] pipe = a.split("\\|");
        String head = pipe[0].strip();
        List<String> filters = new ArrayList<>();
        for (int i = 1; i < pipe.length; i++) {
            filters.add(pipe[i].strip());
        }
        if (!filters.isEmpty() && filters.get(0).equals("toYaml")) { // .Values.x | toYaml | nindent 4
            head = "toYaml " + head;
            filters.remove(0);
        }
        if (head.startsWith("toYaml ")) {
            Object v = lookup(head.substring(7));
            int indent = 0;
            boolean newline = false;
            for (String f : filters) {
                Matcher m = Pattern.compile("^(n?indent)\\s+(\\d+)$").matcher(f);
                if (m.matches()) {
                    indent = Integer.parseInt(m.group(2));
                    newline = m.group(1).equals("nindent");
                }
            }
            if (v instanceof YNode n && !(v instanceof YNode.Scalar)) {
                block(n, indent, newline);
            } else if (v instanceof YNode.Scalar s && s.value() != null) {
                current.append(s.value());
            } else if (v == UNKNOWN) {
                current.append(UNRESOLVED);
            }
            return;
        }
        if (head.startsWith("include ") || head.startsWith("template ") || head.startsWith("tpl ")) {
            boolean block = filters.stream().anyMatch(f -> f.startsWith("nindent") || f.startsWith("indent"));
            if (!block) {
                String name = nameTemplate(head);
                current.append(name != null && filters.stream().allMatch(f -> f.startsWith("trunc")
                        || f.startsWith("trimSuffix") || f.equals("quote")) ? name : UNRESOLVED);
            }
            return;
        }
        if (head.startsWith("$") && head.contains(":=")) {
            return; // a variable assignment prints nothing
        }
        String text;
        int valuesLine = 0;
        if (head.equals(".Chart.Name")) {
            text = chartName;
        } else if (head.equals(".Chart.AppVersion") || head.equals(".Chart.Version")) {
            text = chartVersion;
        } else if (head.startsWith("\"") && head.endsWith("\"") && head.length() >= 2) {
            text = head.substring(1, head.length() - 1);
        } else {
            Object v = lookup(head);
            text = v instanceof YNode.Scalar s ? s.value() : null;
            if (v instanceof YNode.Scalar s && s.value() != null) {
                valuesLine = s.line();
            }
            if (v == UNKNOWN) {
                current.append(UNRESOLVED);
                return;
            }
        }
        boolean quote = false;
        for (String f : filters) {
            String[] w = f.split("\\s+", 2);
            switch (w[0]) {
                case "quote", "squote" -> quote = true;
                case "default" -> {
                    if (text == null || text.isEmpty()) {
                        String d = w.length > 1 ? w[1].strip() : "";
                        text = d.startsWith("\"") && d.endsWith("\"") && d.length() >= 2
                                ? d.substring(1, d.length() - 1) : d.matches("-?[0-9.]+|true|false") ? d : null;
                        valuesLine = 0;
                    }
                }
                case "int", "int64", "toString", "trim", "lower", "upper" -> {
                    if (text != null && w[0].equals("lower")) {
                        text = text.toLowerCase(Locale.ROOT);
                    }
                }
                default -> text = null;
            }
            if (text == null) {
                break;
            }
        }
        if (text == null) {
            current.append(UNRESOLVED);
            return;
        }
        current.append(quote ? "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : text);
        if (valuesLine > 0 && currentValuesLine == 0) {
            currentValuesLine = valuesLine;
        }
    }

    private static final Pattern NAME_TEMPLATE = Pattern.compile(
            "^(?:include|template)\\s+\"([A-Za-z0-9_.-]+)\\.(fullname|name)\"\\s+(?:\\.|\\$|\\$\\.)\\s*$");

    /**
     * The conventional name helpers of a chart stand for the chart's name: {@code include "chat.fullname" .} renders
     * as {@code chat}, {@code include "chat.jobserver.fullname" .} as {@code chat-jobserver}. The deployed name also
     * carries the release name, which no file gives; the chart's name keeps workloads apart and selectors matching.
     */
    private String nameTemplate(String head) {
        Matcher m = NAME_TEMPLATE.matcher(head.strip());
        if (chartName == null || !m.matches()) {
            return null;
        }
        String[] parts = m.group(1).split("\\.");
        StringBuilder name = new StringBuilder(chartName);
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].equals("names") && !parts[i].equals(chartName)) {
                name.append('-').append(parts[i]);
            }
        }
        return name.toString();
    }

    /** A values subtree written as block YAML, one line per entry, each line pointing at its values.yaml line. */
    private void block(YNode n, int indent, boolean newline) {
        String before = current.toString();
        if (newline) {
            if (!before.isBlank()) {
                closeLine();
            } else {
                current = new StringBuilder();
            }
        } else {
            current = new StringBuilder();
        }
        List<String[]> lines = new ArrayList<>();
        emit(n, 0, lines, 0);
        String pad = " ".repeat(indent);
        for (String[] l : lines) {
            out.add(new Line(pad + l[0], currentTemplateLine, Integer.parseInt(l[1])));
        }
    }

    private static void emit(YNode n, int indent, List<String[]> lines, int depth) {
        if (depth > 32 || lines.size() > 5000) {
            return;
        }
        String pad = " ".repeat(indent);
        if (n instanceof YNode.Map m) {
            for (YNode.Entry e : m.entries()) {
                if (e.value() instanceof YNode.Scalar s) {
                    lines.add(new String[] {pad + quoteKey(e.key()) + ": " + scalar(s), Integer.toString(e.keyLine())});
                } else if (e.value() instanceof YNode.Map sub && sub.isEmpty()
                        || e.value() instanceof YNode.Seq q && q.items().isEmpty()) {
                    lines.add(new String[] {pad + quoteKey(e.key()) + ": " + (e.value() instanceof YNode.Map ? "{}" : "[]"),
                        Integer.toString(e.keyLine())});
                } else {
                    lines.add(new String[] {pad + quoteKey(e.key()) + ":", Integer.toString(e.keyLine())});
                    emit(e.value(), indent + 2, lines, depth + 1);
                }
            }
        } else if (n instanceof YNode.Seq q) {
            for (YNode item : q.items()) {
                if (item instanceof YNode.Scalar s) {
                    lines.add(new String[] {pad + "- " + scalar(s), Integer.toString(s.line())});
                } else {
                    List<String[]> sub = new ArrayList<>();
                    emit(item, 0, sub, depth + 1);
                    for (int i = 0; i < sub.size(); i++) {
                        lines.add(new String[] {pad + (i == 0 ? "- " : "  ") + sub.get(i)[0], sub.get(i)[1]});
                    }
                }
            }
        }
    }

    private static String quoteKey(String k) {
        return k.matches("[A-Za-z0-9_./-]+") ? k : json(k);
    }

    private static String scalar(YNode.Scalar s) {
        return s.value() == null ? "null" : json(s.value());
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
