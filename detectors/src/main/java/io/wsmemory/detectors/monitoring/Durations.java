package io.wsmemory.detectors.monitoring;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as load-test and alerting tools write them, in milliseconds. */
public final class Durations {

    private static final Pattern PART = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(milliseconds?|millis|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|y)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private Durations() {
    }

    /**
     * {@code 1m30s}, {@code 5m}, {@code 500ms}, {@code 2h}, {@code "10 minutes"}; a bare number is read in
     * {@code bareUnitMillis} (1000 for tools that count seconds). Null when the text is no duration.
     */
    public static Long millis(String text, long bareUnitMillis) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return null;
        }
        if (NUMBER.matcher(t).matches()) {
            return Math.round(Double.parseDouble(t) * bareUnitMillis);
        }
        Matcher m = PART.matcher(t);
        int at = 0;
        double total = 0;
        boolean any = false;
        while (m.find()) {
            if (!t.substring(at, m.start()).isBlank()) {
                return null;
            }
            total += Double.parseDouble(m.group(1)) * unit(m.group(2));
            at = m.end();
            any = true;
        }
        if (!any || !t.substring(at).isBlank()) {
            return null;
        }
        return Math.round(total);
    }

    private static double unit(String u) {
        if (u.equals("ms") || u.startsWith("milli")) {
            return 1;
        }
        return switch (u.charAt(0)) {
            case 's' -> 1000;
            case 'm' -> 60_000;
            case 'h' -> 3_600_000;
            case 'd' -> 86_400_000;
            case 'w' -> 7 * 86_400_000d;
            case 'y' -> 365 * 86_400_000d;
            default -> 1;
        };
    }

    /** A number as facts print it: integers without a fraction. */
    public static String number(double n) {
        if (n == Math.rint(n) && Math.abs(n) < 1e15) {
            return Long.toString((long) n);
        }
        return java.math.BigDecimal.valueOf(n).stripTrailingZeros().toPlainString();
    }
}
