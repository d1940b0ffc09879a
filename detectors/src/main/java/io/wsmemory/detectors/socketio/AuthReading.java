package io.wsmemory.detectors.socketio;

import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.js.JsFile;
import io.wsmemory.core.resolve.js.JsResolver;
import io.wsmemory.core.resolve.js.JsSyntax;
import io.wsmemory.core.resolve.js.JsValue;
import io.wsmemory.detectors.socketio.Findings.Auth;
import io.wsmemory.detectors.socketio.Findings.Side;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what a handshake hook checks: where the credential travels (the auth payload, the query, a header, a
 * cookie) and what it is (a JWT verified with a library, a server-side session, an API key, an opaque token).
 * A hook that reads no credential is not authentication.
 */
public final class AuthReading {

    private static final Pattern JWT = Pattern.compile("jwt|jsonwebtoken|jwtverify|jose\\.|bearer",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SESSION = Pattern.compile(
            "request\\.session|req\\.session|sessionmiddleware|express-session|passport|cookie-session|getsession",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern API_KEY = Pattern.compile("api[-_]?key", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREDENTIAL = Pattern.compile(
            "token|session[_]?id|sessionid|credential|secret|password|apikey|auth\\.[a-z]", Pattern.CASE_INSENSITIVE);

    private AuthReading() {
    }

    /** {@code io.use(hook)}: authentication in the handshake middleware. */
    static Optional<Auth> middleware(JsResolver resolver, ParsedFile file, SyntaxNode hook, SyntaxNode call) {
        String text = hookText(resolver, hook);
        if (text == null) {
            return Optional.empty();
        }
        return read(text, resolver, "handshake-middleware", file, call);
    }

    /** {@code io.engine.use(mw)}: Express middleware (a session, passport) on the HTTP request of the handshake. */
    static Optional<Auth> engineMiddleware(JsResolver resolver, ParsedFile file, SyntaxNode hook, SyntaxNode call) {
        String text = hookText(resolver, hook);
        if (text == null) {
            return Optional.empty();
        }
        Optional<Auth> a = read(text, resolver, "upgrade-request", file, call);
        if (a.isPresent() && a.get().carrier() == null && file.file().contains("fromAuthHeader")) {
            Auth x = a.get();
            return Optional.of(new Auth(x.mechanism(), x.phase(), "header", x.at(), x.side()));
        }
        return a;
    }

    /** A connection handler that reads a credential and disconnects: authentication after connect. */
    static Optional<Auth> connectionHandler(JsResolver resolver, ParsedFile file, SyntaxNode handler,
                                            SyntaxNode call) {
        String text = hookText(resolver, handler);
        if (text == null || !text.contains("disconnect(") || !text.contains("handshake")) {
            return Optional.empty();
        }
        return read(text, resolver, "connection-handler", file, call);
    }

    /** {@code allowRequest: (req, cb) => ...}: a check of the HTTP upgrade request itself. */
    static Optional<Auth> allowRequest(JsResolver resolver, ParsedFile file, SyntaxNode fn, SyntaxNode at) {
        String text = hookText(resolver, fn);
        return text == null ? Optional.empty() : read(text, resolver, "upgrade-request", file, at);
    }

    private static Optional<Auth> read(String text, JsResolver resolver, String phase, ParsedFile file,
                                       SyntaxNode at) {
        return credential(text, resolver.jsFile())
                .map(c -> new Auth(c.mechanism(), phase, c.carrier(), file.evidence(at), Side.SERVER));
    }

    /** What a check reads: the kind of credential and where it travels ({@code carrier} may be null). */
    public record Credential(String mechanism, String carrier) {
    }

    /**
     * The credential the text of a check reads, judged from its words and the modules its file imports; empty when
     * it reads none (a hook that only logs or counts is not authentication).
     */
    public static Optional<Credential> credential(String text, JsFile js) {
        String lower = text.toLowerCase(Locale.ROOT);
        String carrier = null;
        if (lower.contains("handshake.auth")) {
            carrier = "auth-payload";
        } else if (lower.contains("handshake.query")) {
            carrier = "query";
        } else if (lower.contains("authorization")) {
            carrier = "header";
        } else if (lower.contains("cookie")) {
            carrier = "cookie";
        } else if (lower.contains("handshake.headers") || lower.contains("request.headers")) {
            carrier = "header";
        }
        boolean importsJwt = js.importsModule("jsonwebtoken") || js.importsModule("jose")
                || js.importsModule("@nestjs/jwt") || js.importsModule("express-jwt");
        String mechanism;
        if (JWT.matcher(text).find() || importsJwt && lower.contains("verify")) {
            mechanism = "jwt";
        } else if (SESSION.matcher(text).find()) {
            mechanism = "session-cookie";
            if (carrier == null) {
                carrier = "cookie";
            }
        } else if (API_KEY.matcher(text).find()) {
            mechanism = "api-key";
        } else if (lower.contains("basic ")) {
            mechanism = "basic";
        } else if (carrier != null && CREDENTIAL.matcher(text).find()) {
            mechanism = "token";
        } else {
            return Optional.empty();
        }
        return Optional.of(new Credential(mechanism, carrier));
    }

    /** The source text of a hook: an inline function, a function of this file, or {@code wrap(sessionMiddleware)}. */
    public static String hookText(JsResolver resolver, SyntaxNode hook) {
        SyntaxNode h = JsSyntax.unwrap(hook);
        if (h == null) {
            return null;
        }
        Optional<SyntaxNode> fn = resolver.functionBehind(h);
        if (fn.isPresent()) {
            return fn.get().text();
        }
        if (h.is("call_expression")) {
            return h.text(); // wrap(sessionMiddleware), passport.authenticate(...)
        }
        JsValue v = resolver.resolve(h);
        if (v.is(JsValue.Kind.FUNCTION) && v.node() != null) {
            return v.node().text();
        }
        if (h.is("identifier")) {
            return h.text(); // an imported middleware: its name is all there is
        }
        return null;
    }
}
