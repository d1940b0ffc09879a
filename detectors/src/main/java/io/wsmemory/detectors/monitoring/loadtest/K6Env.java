package io.wsmemory.detectors.monitoring.loadtest;

import io.wsmemory.core.resolve.js.JsValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * k6's environment: {@code __ENV.VUS || 10}, {@code parseInt(__ENV.VUS || "10")}, {@code __ENV.DURATION ?? "1m"}.
 * The JavaScript resolver knows {@code process.env}, not k6's {@code __ENV}, so these are read from the text.
 */
record K6Env(String variable, String fallback) {

    private static final Pattern ENV = Pattern.compile(
            "^(?:(?:parseInt|parseFloat|Number)\\s*\\(\\s*)?__ENV\\.([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\|\\||\\?\\?)\\s*"
                    + "(?:'([^']*)'|\"([^\"]*)\"|`([^`$]*)`|(\\d+(?:\\.\\d+)?))\\s*(?:,\\s*10\\s*)?\\)?$");

    static K6Env of(JsValue v) {
        if (v.node() == null) {
            return null;
        }
        Matcher m = ENV.matcher(v.node().text().strip());
        if (!m.matches()) {
            return null;
        }
        for (int g = 2; g <= 5; g++) {
            if (m.group(g) != null) {
                return new K6Env(m.group(1), m.group(g));
            }
        }
        return null;
    }
}
