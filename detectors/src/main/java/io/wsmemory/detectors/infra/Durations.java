package io.wsmemory.detectors.infra;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time values of proxy and orchestrator configuration, normalised to milliseconds. Each tool has its own default
 * unit: nginx and Kubernetes annotations count seconds, HAProxy milliseconds, Go durations (Traefik) need a unit.
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|[smhdwMy])?");

    private Durations() {
    }

    /** nginx time ({@code 60s}, {@code 1h}, {@code 1m30s}, {@code 3600} = seconds); null when it is not one. */
    public static Long nginx(String s) {
        return parse(s, 1000);
    }

    /** HAProxy time ({@code 25s}, {@code 1h}, {@code 5000} = milliseconds). */
    public static Long haproxy(String s) {
        return parse(s, 1);
    }

    /** A count of seconds, as Kubernetes annotations and cloud attributes write it ({@code "3600"}). */
    public static Long seconds(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (!t.matches("\\d{1,9}")) {
            return parse(t, 1000);
        }
        return Long.parseLong(t) * 1000;
    }

    /** A Go duration ({@code 1h30m}, {@code 90s}); a bare number counts seconds, as Traefik reads it. */
    public static Long go(String s) {
        return parse(s, 1000);
    }

    private static Long parse(String s, long bareUnitMillis) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        if (t.isEmpty() || t.length() > 32) {
            return null;
        }
        Matcher m = PART.matcher(t);
        int at = 0;
        double total = 0;
        boolean bare = false;
        int parts = 0;
        while (at < t.length()) {
            if (!m.find(at) || m.start() != at) {
                return null;
            }
            double n = Double.parseDouble(m.group(1));
            String unit = m.group(2);
            if (unit == null) {
                if (parts > 0 || m.end() != t.length()) {
                    return null;
                }
                bare = true;
                total += n * bareUnitMillis;
            } else {
                total += n * unitMillis(unit);
            }
            parts++;
            at = m.end();
        }
        if (parts == 0 || bare && parts > 1) {
            return null;
        }
        return Math.round(total);
    }

    private static double unitMillis(String unit) {
        return switch (unit) {
            case "ns" -> 1e-6;
            case "us", "µs" -> 1e-3;
            case "ms" -> 1;
            case "s" -> 1000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            case "w" -> 7 * 86_400_000.0;
            case "M" -> 30 * 86_400_000.0;
            case "y" -> 365 * 86_400_000.0;
            default -> throw new IllegalArgumentException(unit.toLowerCase(Locale.ROOT));
        };
    }
}
