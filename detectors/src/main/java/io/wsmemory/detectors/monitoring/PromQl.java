package io.wsmemory.detectors.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL: the metric names an expression reads, and the threshold of a top-level comparison. Strings,
 * label matchers, ranges, grouping clauses and function names are skipped; Grafana's {@code $variables} too.
 */
public final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "offset", "bool", "and", "or", "unless", "atan2", "inf", "nan", "sum", "min", "max",
            "avg", "count", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values", "group", "limitk",
            "limit_ratio", "start", "end");
    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");
    private static final Pattern COMPARISON = Pattern.compile(
            "(==|!=|>=|<=|>|<)\\s*(?:bool\\s+)?(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)\\s*$");

    private PromQl() {
    }

    /** The metric names the expression reads, in order of first appearance. */
    public static List<String> metricNames(String expr) {
        Set<String> out = new LinkedHashSet<>();
        if (expr == null) {
            return List.of();
        }
        int n = expr.length();
        int i = 0;
        boolean skipNextParens = false;
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
                continue;
            }
            if (c == '{') {
                i = skipTo(expr, i, '}');
                continue;
            }
            if (c == '[') {
                i = skipTo(expr, i, ']');
                continue;
            }
            if (c == '#') { // a comment runs to the end of the line
                while (i < n && expr.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '$') { // Grafana variable: $job, ${job}, $__rate_interval
                i++;
                if (i < n && expr.charAt(i) == '{') {
                    i = skipTo(expr, i, '}');
                } else {
                    while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_')) {
                        i++;
                    }
                }
                continue;
            }
            if (c == '(' && skipNextParens) {
                i = skipTo(expr, i, ')');
                skipNextParens = false;
                continue;
            }
            if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_'
                        || expr.charAt(i) == ':')) {
                    i++;
                }
                String word = expr.substring(start, i);
                if (start > 0 && (Character.isDigit(expr.charAt(start - 1)) || expr.charAt(start - 1) == '.')) {
                    continue; // the unit of a number or a duration (5m, 1e3)
                }
                int j = i;
                while (j < n && Character.isWhitespace(expr.charAt(j))) {
                    j++;
                }
                String lower = word.toLowerCase(Locale.ROOT);
                if (GROUPING.contains(lower)) {
                    skipNextParens = true;
                    continue;
                }
                boolean call = j < n && expr.charAt(j) == '(';
                if (call || KEYWORDS.contains(lower)) {
                    continue;
                }
                out.add(word);
                continue;
            }
            i++;
        }
        return new ArrayList<>(out);
    }

    /** The threshold of a top-level comparison at the end ({@code > 100}), as written, or null. */
    public static String threshold(String expr) {
        if (expr == null) {
            return null;
        }
        Matcher m = COMPARISON.matcher(expr.strip());
        if (!m.find()) {
            return null;
        }
        // the comparison must sit outside every parenthesis
        int depth = 0;
        String before = expr.strip().substring(0, m.start());
        for (int k = 0; k < before.length(); k++) {
            char ch = before.charAt(k);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            }
        }
        return depth == 0 ? m.group(1) + " " + m.group(2) : null;
    }

    private static int skipString(String s, int i) {
        char q = s.charAt(i);
        i++;
        while (i < s.length() && s.charAt(i) != q) {
            if (s.charAt(i) == '\\' && q != '`') {
                i++;
            }
            i++;
        }
        return i + 1;
    }

    private static int skipTo(String s, int i, char close) {
        char open = s.charAt(i);
        int depth = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(s, i);
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return i;
    }
}
