package io.wsmemory.detectors.spring;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.resolve.java.JavaResolver;
import io.wsmemory.core.resolve.java.JavaValue;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads where a piece of Java code takes a credential from (a header, a query parameter, a cookie, the HTTP
 * session, a Socket.IO auth payload) and what kind of credential it is (JWT, API key, basic, opaque token), for the
 * auth hooks of every Java WebSocket library: Spring handshake and channel interceptors, Jakarta configurators,
 * Netty handlers before the upgrade, netty-socketio authorization listeners.
 */
public final class JavaAuth {

    /** What a hook reads: mechanism ({@code jwt}, {@code token}, ...), carrier, the read's place. */
    public record Credential(String mechanism, String carrier, Evidence at, String name) {
    }

    private static final Pattern CREDENTIAL_NAME = Pattern.compile(
            "(?i).*(authori[sz]ation|token|jwt|bearer|api[-_]?key|apikey|access[-_]?key|ticket|secret|credential|"
                    + "password|passcode|x-auth|session[-_]?id|sessionid|auth).*");
    private static final Set<String> HEADER_READS = Set.of("getFirstNativeHeader", "getNativeHeader", "getHeader",
            "getFirst", "get", "getHeaders", "getAll", "getAsString", "containsKey", "contains", "getValuesAsList");
    private static final Set<String> QUERY_READS = Set.of("getParameter", "getSingleUrlParam", "getUrlParams",
            "getParameterValues", "getRequestParameterMap", "getQueryParams");

    private JavaAuth() {
    }

    /**
     * The first credential read in {@code body} (a method, a class), or empty when it reads none. {@code context}
     * is the code whose words decide the mechanism (the enclosing class: its fields name JwtDecoder, JwtUtil...).
     */
    public static Optional<Credential> read(Node body, Node context, JavaResolver r) {
        String mechanismText = r.source(context) + "\n" + collaborators(context, r);
        for (MethodCallExpr m : body.findAll(MethodCallExpr.class)) {
            String name = m.getNameAsString();
            String scope = m.getScope().map(Object::toString).orElse("");
            String lowerScope = scope.toLowerCase(Locale.ROOT);
            String arg = m.getArguments().isEmpty() ? null : argText(m.getArguments().get(0), r);
            if (name.equals("getPasscode") && m.getArguments().isEmpty()) {
                String mech = mechanism(mechanismText, "passcode");
                return Optional.of(new Credential(mech.equals("token") ? "basic" : mech, "header", r.evidence(m),
                        "passcode"));
            }
            if ((name.equals("getFirstNativeHeader") || name.equals("getNativeHeader")) && credentialName(arg)) {
                return Optional.of(new Credential(mechanism(mechanismText, arg), "header", r.evidence(m), arg));
            }
            if (HEADER_READS.contains(name) && (lowerScope.contains("header") || name.equals("getHeader"))
                    && credentialName(arg)) {
                String carrier = arg != null && arg.equalsIgnoreCase("Sec-WebSocket-Protocol") ? "subprotocol"
                        : "header";
                return Optional.of(new Credential(mechanism(mechanismText, arg), carrier, r.evidence(m), arg));
            }
            if (name.equals("getFirst") && lowerScope.contains("queryparams") && credentialName(arg)
                    || QUERY_READS.contains(name) && credentialName(arg)
                    || name.equals("get") && (lowerScope.contains("queryparams") || lowerScope.contains("parameters")
                    || lowerScope.contains("params") || lowerScope.contains("urlparam")) && credentialName(arg)) {
                return Optional.of(new Credential(mechanism(mechanismText, arg), "query", r.evidence(m), arg));
            }
            if ((name.equals("getQuery") || name.equals("getQueryString") || name.equals("getRawQuery"))
                    && mechanismText.toLowerCase(Locale.ROOT).contains("token")) {
                return Optional.of(new Credential(mechanism(mechanismText, "token"), "query", r.evidence(m), null));
            }
            if (name.equals("getCookies") || name.equals("getCookie") || name.equals("cookies")) {
                return Optional.of(new Credential(mechanism(mechanismText, arg), "cookie", r.evidence(m), arg));
            }
            if (name.equals("getAuthToken")) {
                return Optional.of(new Credential(mechanism(mechanismText, null), "auth-payload", r.evidence(m),
                        null));
            }
            if (name.equals("getSession") && (lowerScope.contains("request") || lowerScope.contains("servlet"))
                    && mechanismText.contains("getAttribute")) {
                return Optional.of(new Credential("session-cookie", "cookie", r.evidence(m), null));
            }
        }
        for (ObjectCreationExpr o : body.findAll(ObjectCreationExpr.class)) {
            if (o.getType().getNameAsString().equals("QueryStringDecoder")
                    && mechanismText.toLowerCase(Locale.ROOT).contains("token")) {
                return Optional.of(new Credential(mechanism(mechanismText, "token"), "query", r.evidence(o), null));
            }
        }
        return Optional.empty();
    }

    /**
     * The code of the repository classes a hook delegates to (the types of its class's fields, one level down and
     * the next): an interceptor that calls {@code authService.authenticate(header)} checks a JWT when that service
     * does.
     */
    public static String collaboratorText(Node context, JavaResolver r) {
        return collaborators(context, r);
    }

    private static String collaborators(Node context, JavaResolver r) {
        StringBuilder b = new StringBuilder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<Object[]> queue = new java.util.ArrayDeque<>();
        queue.add(new Object[] {context, r, 0});
        while (!queue.isEmpty() && b.length() < 200_000) {
            Object[] item = queue.poll();
            Node n = (Node) item[0];
            JavaResolver res = (JavaResolver) item[1];
            int depth = (int) item[2];
            for (com.github.javaparser.ast.body.FieldDeclaration f
                    : n.findAll(com.github.javaparser.ast.body.FieldDeclaration.class)) {
                String type = JavaResolver.simpleName(f.getElementType());
                if (!seen.add(type)) {
                    continue;
                }
                res.type(type).ifPresent(t -> {
                    String text = JavaResolver.source(t.file(), t.decl());
                    b.append(text, 0, Math.min(text.length(), 50_000)).append('\n');
                    if (depth < 1) {
                        queue.add(new Object[] {t.decl(), res.resolverFor(t.file()), depth + 1});
                    }
                });
            }
        }
        return b.toString();
    }

    private static String argText(Expression e, JavaResolver r) {
        JavaValue v = r.resolve(e);
        if (v.is(JavaValue.Kind.STRING) || v.is(JavaValue.Kind.CONSTANT)) {
            return v.string();
        }
        return e.toString();
    }

    private static boolean credentialName(String s) {
        return s != null && CREDENTIAL_NAME.matcher(s).matches();
    }

    /** The kind of credential, from the words of the code that checks it. */
    static String mechanism(String code, String name) {
        String c = code.toLowerCase(Locale.ROOT);
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (c.contains("jwt") || c.contains("jws") || c.contains("jsonwebtoken") || c.contains("nimbus")) {
            return "jwt";
        }
        if (n.contains("api-key") || n.contains("apikey") || n.contains("api_key") || n.contains("access-key")) {
            return "api-key";
        }
        if (c.contains("\"basic \"") || c.contains("basic ") && c.contains("base64")) {
            return "basic";
        }
        if (c.contains("oauth2") || c.contains("opaquetoken") || c.contains("introspect")) {
            return "oauth2";
        }
        if (n.contains("session")) {
            return "session-cookie";
        }
        return "token";
    }
}
