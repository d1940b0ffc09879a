package io.wsmemory.detectors.channels;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.resolve.python.PyResolver;
import io.wsmemory.core.resolve.python.PyValue;
import io.wsmemory.detectors.channels.ChannelsFindings.AuthUse;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A custom ASGI middleware of the repository around the websocket routes: where it reads a credential from the
 * connection scope (query string, headers, cookies, subprotocols) and what kind of credential it is.
 */
final class MiddlewareReading {

    /** A read of the connection scope's credential carriers (the scope may go by another name). */
    private static final Pattern READ = Pattern.compile(
            "(?:\\[\\s*['\"](query_string|headers|cookies|subprotocols)['\"]\\s*]"
                    + "|\\.get\\(\\s*['\"](query_string|headers|cookies|subprotocols)['\"])");

    private MiddlewareReading() {
    }

    /** Where the credential travels: every carrier the code reads, the first one read first. */
    static String carriers(String lower, String first) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        out.add(switch (first) {
            case "query_string" -> "query";
            case "cookies" -> "cookie";
            case "subprotocols" -> "subprotocol";
            default -> lower.contains("sec-websocket-protocol") ? "subprotocol"
                    : lower.contains("authorization") ? "header"
                    : lower.contains("b\"cookie\"") || lower.contains("b'cookie'") ? "cookie" : "header";
        });
        if (lower.contains("query_string")) {
            out.add("query");
        }
        if (lower.contains("sec-websocket-protocol") || lower.contains("\"subprotocols\"")
                || lower.contains("'subprotocols'")) {
            out.add("subprotocol");
        }
        if (lower.contains("b\"authorization\"") || lower.contains("b'authorization'")) {
            out.add("header");
        }
        if (lower.contains("b\"cookie\"") || lower.contains("b'cookie'") || lower.contains("\"cookies\"")
                || lower.contains("'cookies'")) {
            out.add("cookie");
        }
        return String.join(",", out);
    }

    /** The authentication a middleware class performs, or null when it reads no credential. */
    static AuthUse auth(PyResolver r, PyValue cls, Evidence installedAt) {
        String text = cls.node().text();
        Matcher m = READ.matcher(text);
        if (!m.find() || !ConsumerScan.mentionsCredential(text)) {
            return null;
        }
        String where = m.group(1) != null ? m.group(1) : m.group(2);
        String lower = text.toLowerCase(Locale.ROOT);
        String carrier = carriers(lower, where);
        String mechanism = ConsumerScan.mechanism(r.parsed().file().text());
        Evidence at = r.parsed().evidence(cls.node().line() + ConsumerScan.newlines(text, m.start()));
        String name = cls.node().field("name") == null ? "middleware" : cls.node().field("name").text();
        return new AuthUse(mechanism, "upgrade-request", carrier, Confidence.HIGH, List.of(at, installedAt),
                name + " reads the credential from the connection scope");
    }
}
