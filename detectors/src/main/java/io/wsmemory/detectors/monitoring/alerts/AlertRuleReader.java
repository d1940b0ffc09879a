package io.wsmemory.detectors.monitoring.alerts;

import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.monitoring.Located;
import io.wsmemory.detectors.monitoring.WsWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads alerting rules from YAML: Prometheus rule files ({@code groups: - rules: - alert:}), Kubernetes
 * {@code PrometheusRule} resources, and rule lists embedded anywhere else (Helm values). Every sequence of mappings
 * with {@code alert} and {@code expr} is a rule list. A file the YAML parser cannot read whole (a Helm template with
 * {@code {{ }}} lines) is read line by line instead, by indentation.
 */
final class AlertRuleReader {

    private static final Pattern ALERT_LINE = Pattern.compile("^(\\s*)(-\\s+)?alert:\\s*(.*?)\\s*$");
    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*)(-\\s+)?([A-Za-z_][\\w.-]*):\\s*(.*?)\\s*$");

    private AlertRuleReader() {
    }

    static List<AlertRule> read(SourceFile file) {
        String text = file.text();
        boolean wsFile = WsWords.mentionsWebSocket(text);
        List<AlertRule> parsed = new ArrayList<>();
        for (Located doc : Located.yaml(text)) {
            walk(file, doc, null, wsFile, parsed, 0);
        }
        int declared = 0;
        for (int i = 1; i <= file.lineCount(); i++) {
            Matcher m = ALERT_LINE.matcher(file.line(i));
            if (m.matches() && !m.group(3).isEmpty() && !file.line(i).strip().startsWith("#")) {
                declared++;
            }
        }
        if (parsed.size() >= declared) {
            return parsed;
        }
        return byLines(file, wsFile);
    }

    private static void walk(SourceFile file, Located node, String group, boolean wsFile, List<AlertRule> out,
                             int depth) {
        if (depth > 64 || node == null) {
            return;
        }
        if (node instanceof Located.Map m) {
            String name = m.text("name");
            for (Map.Entry<String, Located> e : m.entries().entrySet()) {
                String g = e.getKey().equals("rules") && name != null ? name : group;
                walk(file, e.getValue(), g, wsFile, out, depth + 1);
            }
        } else if (node instanceof Located.Seq s) {
            for (Located item : s.items()) {
                Located.Map rule = item.asMap();
                if (rule != null && rule.text("alert") != null && rule.get("expr") != null) {
                    AlertRule r = rule(file, rule, group, wsFile);
                    if (r != null) {
                        out.add(r);
                    }
                } else {
                    walk(file, item, group, wsFile, out, depth + 1);
                }
            }
        }
    }

    private static AlertRule rule(SourceFile file, Located.Map rule, String group, boolean wsFile) {
        String name = rule.text("alert").strip();
        String expr = rule.text("expr");
        if (name.isEmpty() || expr == null || expr.isBlank()) {
            return null;
        }
        Located labels = rule.get("labels");
        Located annotations = rule.get("annotations");
        String severity = labels == null ? null : labels.text("severity");
        String summary = annotations == null ? null
                : annotations.text("summary") != null ? annotations.text("summary") : annotations.text("description");
        int line = rule.keyLine("alert");
        return new AlertRule(name, oneLine(expr), rule.text("for"), severity, summary, group,
                new io.wsmemory.core.api.Evidence(file.path(), line, file.line(line)), wsFile);
    }

    /** The line reader for files the YAML parser cannot read: templates, or YAML broken further down. */
    private static List<AlertRule> byLines(SourceFile file, boolean wsFile) {
        List<AlertRule> out = new ArrayList<>();
        int n = file.lineCount();
        for (int i = 1; i <= n; i++) {
            String line = file.line(i);
            Matcher m = ALERT_LINE.matcher(line);
            if (!m.matches() || m.group(3).isEmpty() || line.strip().startsWith("#")) {
                continue;
            }
            int indent = m.group(1).length() + (m.group(2) == null ? 0 : m.group(2).length());
            String name = unquote(m.group(3));
            String expr = null;
            String forText = null;
            String severity = null;
            String summary = null;
            String section = null;
            for (int j = i + 1; j <= n; j++) {
                String l = file.line(j);
                if (l.isBlank() || l.strip().startsWith("#") || l.strip().startsWith("{{")) {
                    continue;
                }
                int ind = l.length() - l.stripLeading().length();
                if (ind < indent || ind == indent && l.stripLeading().startsWith("-")) {
                    break;
                }
                Matcher k = KEY_LINE.matcher(l);
                if (!k.matches()) {
                    continue;
                }
                String key = k.group(3);
                String value = k.group(4);
                if (ind == indent) {
                    section = key;
                    if (key.equals("expr")) {
                        expr = blockOrValue(file, j, ind, value);
                    } else if (key.equals("for")) {
                        forText = unquote(value);
                    }
                } else if ("labels".equals(section) && key.equals("severity")) {
                    severity = unquote(value);
                } else if ("annotations".equals(section) && (key.equals("summary")
                        || key.equals("description") && summary == null)) {
                    summary = unquote(value);
                }
            }
            if (!name.isEmpty() && expr != null && !expr.isBlank()) {
                out.add(new AlertRule(name, oneLine(expr), forText, severity, summary, null,
                        new io.wsmemory.core.api.Evidence(file.path(), i, line), wsFile));
            }
        }
        return out;
    }

    private static String blockOrValue(SourceFile file, int at, int indent, String value) {
        String v = value.strip();
        if (!v.isEmpty() && !v.startsWith("|") && !v.startsWith(">")) {
            return unquote(v);
        }
        StringBuilder b = new StringBuilder();
        for (int j = at + 1; j <= file.lineCount(); j++) {
            String l = file.line(j);
            if (l.isBlank()) {
                continue;
            }
            int ind = l.length() - l.stripLeading().length();
            if (ind <= indent) {
                break;
            }
            b.append(l.strip()).append(' ');
        }
        return b.toString().strip();
    }

    private static String unquote(String s) {
        String t = s.strip();
        int hash = t.indexOf(" #");
        if (hash >= 0 && !t.startsWith("\"") && !t.startsWith("'")) {
            t = t.substring(0, hash).strip();
        }
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
