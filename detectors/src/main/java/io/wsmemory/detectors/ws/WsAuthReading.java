package io.wsmemory.detectors.ws;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.detectors.ws.WsFindings.Auth;
import io.wsmemory.detectors.ws.WsFindings.Origin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a ws server checks before it accepts a connection, in {@code verifyClient} or in the HTTP server's
 * {@code upgrade} listener (the noServer pattern): the credential and where it travels, and the Origin check.
 * A hook that reads a credential but never rejects is not authentication.
 */
final class WsAuthReading {

    private static final Pattern SESSION = Pattern.compile(
            "sessionparser|req(uest)?\\.session|express-session|cookie-session|sessionmiddleware|getsession|passport",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JWT = Pattern.compile("jwt|jsonwebtoken|jose\\.|jwtverify", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUERY_TOKEN = Pattern.compile(
            "searchparams\\.get\\(\\s*['\"`](token|access_token|auth|jwt|key|apikey|api_key)['\"`]|query\\.(token|access_token|auth|jwt)"
                    + "|[?&](token|access_token)=",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER = Pattern.compile(
            "headers\\.authorization|headers\\[\\s*['\"]authorization['\"]\\s*]|bearer ", Pattern.CASE_INSENSITIVE);
    private static final Pattern COOKIE = Pattern.compile("headers\\.cookie|headers\\[\\s*['\"]cookie['\"]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBPROTOCOL = Pattern.compile("sec-websocket-protocol", Pattern.CASE_INSENSITIVE);
    private static final Pattern API_KEY = Pattern.compile("api[-_]?key", Pattern.CASE_INSENSITIVE);
    private static final Pattern REJECT = Pattern.compile(
            "\\b40[13]\\b|\\.destroy\\(|cb\\(\\s*false|callback\\(\\s*false|done\\(\\s*false|next\\(\\s*false"
                    + "|return\\s+false|\\.close\\(|\\.terminate\\(|unauthori[sz]ed|forbidden",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGIN = Pattern.compile("headers\\.origin|headers\\[\\s*['\"]origin['\"]|info\\.origin"
            + "|\\borigin\\s*(===|!==|==|!=)|allowedorigins|\\.origin\\)|\\(\\s*origin\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPARED = Pattern.compile(
            "origin\\s*[!=]==?\\s*['\"`](https?://[^'\"`\\s]+)['\"`]|['\"`](https?://[^'\"`\\s]+)['\"`]\\s*[!=]==?\\s*[\\w.]*origin",
            Pattern.CASE_INSENSITIVE);

    private WsAuthReading() {
    }

    static Optional<Auth> auth(String text, Evidence at) {
        if (text == null || !REJECT.matcher(text).find()) {
            return Optional.empty();
        }
        String carrier = null;
        if (QUERY_TOKEN.matcher(text).find()) {
            carrier = "query";
        } else if (HEADER.matcher(text).find()) {
            carrier = "header";
        } else if (SUBPROTOCOL.matcher(text).find()) {
            carrier = "subprotocol";
        } else if (COOKIE.matcher(text).find() || SESSION.matcher(text).find()) {
            carrier = "cookie";
        }
        String mechanism;
        if (JWT.matcher(text).find()) {
            mechanism = "jwt";
        } else if (SESSION.matcher(text).find()) {
            mechanism = "session-cookie";
        } else if (API_KEY.matcher(text).find()) {
            mechanism = "api-key";
        } else if (text.toLowerCase().contains("basic ")) {
            mechanism = "basic";
        } else if (carrier != null) {
            mechanism = "token";
        } else {
            return Optional.empty();
        }
        return Optional.of(new Auth(mechanism, "upgrade-request", carrier, at));
    }

    /** An Origin check: an allow-list, with the origins written as literals when there are any. */
    static Optional<Origin> origin(String text, Evidence at) {
        if (text == null || !ORIGIN.matcher(text).find()) {
            return Optional.empty();
        }
        Set<String> urls = new LinkedHashSet<>();
        Matcher m = COMPARED.matcher(text);
        while (m.find()) {
            urls.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        List<String> list = new ArrayList<>(urls);
        return Optional.of(new Origin("allow-list", String.join(",", list), at));
    }
}
