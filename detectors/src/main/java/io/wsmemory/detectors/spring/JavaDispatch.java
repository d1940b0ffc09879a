package io.wsmemory.detectors.spring;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.resolve.java.JavaPayloads;
import io.wsmemory.core.resolve.java.JavaResolver;
import io.wsmemory.core.resolve.java.JavaValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a raw WebSocket message handler (Spring's {@code handleTextMessage}, Jakarta's {@code @OnMessage}, a Netty
 * frame handler) for its protocol: whether it decodes JSON (Jackson, Gson, fastjson, org.json), which field of the
 * decoded message selects what to do ({@code switch (msg.get("type").asText())}, {@code "join".equals(type)},
 * {@code case CHAT:} on an enum), and the values it dispatches on; and, on the way out, the discriminator values of
 * the messages it builds ({@code Map.of("type", "welcome")}, {@code node.put("type", "pong")}, JSON text).
 */
public final class JavaDispatch {

    private static final Set<String> DISCRIMINATORS = Set.of("type", "action", "event", "cmd", "command", "op",
            "kind", "messagetype", "msgtype", "eventtype", "method", "topic", "operation", "event_type", "msg_type",
            "message_type");
    private static final Set<String> JSON_READS = Set.of("readValue", "readTree", "fromJson", "parseObject",
            "parseString", "treeToValue", "convertValue", "parse");
    private static final Pattern JSON_TYPE = Pattern.compile(
            "\"(type|action|event|cmd|command|op|kind)\"\\s*:\\s*\"([A-Za-z_][\\w:./-]*)\"");

    /** A value the handler dispatches on or sends, with the discriminator field and the place. */
    public record Dispatch(String field, String value, Evidence at, boolean outbound, String code) {
        Dispatch(String field, String value, Evidence at, boolean outbound) {
            this(field, value, at, outbound, null);
        }
    }

    /** What a handler body shows. */
    public record Reading(boolean json, Evidence jsonAt, String payloadType, List<Dispatch> dispatches) {
    }

    private JavaDispatch() {
    }

    public static Reading read(Node body, JavaResolver r) {
        boolean json = false;
        Evidence jsonAt = null;
        String payloadType = null;
        for (MethodCallExpr m : body.findAll(MethodCallExpr.class)) {
            String n = m.getNameAsString();
            String scope = m.getScope().map(Object::toString).orElse("");
            if (JSON_READS.contains(n) && jsonReader(scope, n, r, m)) {
                json = true;
                if (jsonAt == null) {
                    jsonAt = r.evidence(m);
                }
                for (Expression a : m.getArguments()) {
                    if (a instanceof ClassExpr ce && payloadType == null) {
                        payloadType = JavaResolver.simpleName(ce.getType());
                    }
                }
            }
        }
        if (!json) {
            for (MethodCallExpr m : body.findAll(MethodCallExpr.class)) {
                String n = m.getNameAsString();
                if ((n.equals("writeValueAsString") || n.equals("writeValueAsBytes") || n.equals("toJson")
                        || n.equals("toJSONString")) && jsonReader(m.getScope().map(Object::toString).orElse(""), n, r,
                        m)) {
                    json = true;
                    jsonAt = r.evidence(m);
                    break;
                }
            }
        }
        for (ObjectCreationExpr o : body.findAll(ObjectCreationExpr.class)) {
            String t = o.getType().getNameAsString();
            if ((t.equals("JSONObject") || t.equals("JsonObject")) && !o.getArguments().isEmpty()) {
                json = true;
                if (jsonAt == null) {
                    jsonAt = r.evidence(o);
                }
            }
        }
        Map<String, Dispatch> found = new LinkedHashMap<>();
        inbound(body, r, found);
        outbound(body, r, found);
        return new Reading(json, jsonAt, payloadType, List.copyOf(found.values()));
    }

    private static boolean jsonReader(String scope, String method, JavaResolver r, MethodCallExpr m) {
        String s = scope.toLowerCase(Locale.ROOT);
        if (s.contains("mapper") || s.contains("json") || s.contains("gson") || s.equals("om")) {
            return true;
        }
        Optional<String> t = m.getScope().flatMap(r::typeOfExpression);
        return t.isPresent() && (t.get().equals("ObjectMapper") || t.get().equals("Gson") || t.get().equals("JSON")
                || t.get().equals("JsonMapper") || t.get().equals("JSONObject")) || method.equals("parseObject");
    }

    // ---- inbound: switch and equals on a discriminator -------------------------------------------------------

    private static void inbound(Node body, JavaResolver r, Map<String, Dispatch> found) {
        for (SwitchStmt s : body.findAll(SwitchStmt.class)) {
            String field = discriminator(s.getSelector(), r, 0);
            if (field != null) {
                entries(s.getEntries(), field, r, found);
            }
        }
        for (SwitchExpr s : body.findAll(SwitchExpr.class)) {
            String field = discriminator(s.getSelector(), r, 0);
            if (field != null) {
                entries(s.getEntries(), field, r, found);
            }
        }
        for (MethodCallExpr m : body.findAll(MethodCallExpr.class)) {
            String n = m.getNameAsString();
            if ((n.equals("equals") || n.equals("equalsIgnoreCase")) && m.getScope().isPresent()
                    && m.getArguments().size() == 1) {
                Expression a = m.getScope().get();
                Expression b = m.getArguments().get(0);
                compare(a, b, r, found);
                compare(b, a, r, found);
            }
        }
        for (BinaryExpr b : body.findAll(BinaryExpr.class)) {
            if (b.getOperator() == BinaryExpr.Operator.EQUALS) {
                compare(b.getLeft(), b.getRight(), r, found);
                compare(b.getRight(), b.getLeft(), r, found);
            }
        }
    }

    private static void entries(List<SwitchEntry> entries, String field, JavaResolver r, Map<String, Dispatch> found) {
        for (SwitchEntry e : entries) {
            for (Expression label : e.getLabels()) {
                String v = label instanceof NameExpr ne ? ne.getNameAsString() : literal(label, r);
                if (v != null) {
                    found.putIfAbsent("in:" + v, new Dispatch(field, v, r.evidence(label), false, code(label, r)));
                }
            }
        }
    }

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
            "CONNECT", "TRACE");

    private static void compare(Expression subject, Expression value, JavaResolver r, Map<String, Dispatch> found) {
        String field = discriminator(subject, r, 0);
        if (field == null || isHttpRequest(subject) || value.toString().contains("HttpMethod")) {
            return;
        }
        String v = literal(value, r);
        if (v == null && value instanceof FieldAccessExpr fa && isEnumLike(fa)) {
            v = fa.getNameAsString();
        }
        if (v != null && !(field.equalsIgnoreCase("method") && HTTP_METHODS.contains(v.toUpperCase(Locale.ROOT)))) {
            found.putIfAbsent("in:" + v, new Dispatch(field, v, r.evidence(value), false, code(value, r)));
        }
    }

    /** An HTTP request's method or URI is not a message discriminator. */
    private static boolean isHttpRequest(Expression subject) {
        String s = subject.toString().toLowerCase(Locale.ROOT);
        return s.contains("request") || s.startsWith("req.") || s.contains("httpmethod");
    }

    private static boolean isEnumLike(FieldAccessExpr fa) {
        String n = fa.getNameAsString();
        String scope = fa.getScope().toString();
        return n.equals(n.toUpperCase(Locale.ROOT)) && !scope.isEmpty() && Character.isUpperCase(
                scope.substring(scope.lastIndexOf('.') + 1).charAt(0));
    }

    private static String literal(Expression e, JavaResolver r) {
        if (e instanceof StringLiteralExpr s) {
            return s.asString();
        }
        JavaValue v = r.resolve(e);
        if (v.is(JavaValue.Kind.STRING) && !v.string().isEmpty() && v.string().length() < 60) {
            return v.string();
        }
        if (v.is(JavaValue.Kind.CONSTANT) && e instanceof FieldAccessExpr) {
            return v.string();
        }
        if (v.is(JavaValue.Kind.NUMBER) && (e instanceof FieldAccessExpr || e instanceof NameExpr)) {
            // a numeric discriminator: the event is named after its constant, the number is its code
            return e instanceof FieldAccessExpr fa ? fa.getNameAsString() : ((NameExpr) e).getNameAsString();
        }
        return null;
    }

    /** The wire number of a named numeric constant ({@code MsgType.PING = 1}), else null. */
    private static String code(Expression e, JavaResolver r) {
        if (!(e instanceof FieldAccessExpr || e instanceof NameExpr)) {
            return null;
        }
        JavaValue v = r.resolve(e);
        return v.is(JavaValue.Kind.NUMBER) ? v.text() : null;
    }

    /** The discriminator field an expression reads ({@code type}), or null. */
    static String discriminator(Expression e, JavaResolver r, int depth) {
        if (depth > 4 || e == null) {
            return null;
        }
        if (e instanceof EnclosedExpr en) {
            return discriminator(en.getInner(), r, depth + 1);
        }
        if (e instanceof MethodCallExpr m) {
            String n = m.getNameAsString();
            if ((n.equals("get") || n.equals("path") || n.equals("getString") || n.equals("optString")
                    || n.equals("getAsString") || n.equals("findValue") || n.equals("getOrDefault")
                    || n.equals("getIntValue") || n.equals("getInteger") || n.equals("getInt") || n.equals("optInt")
                    || n.equals("getLong") || n.equals("getLongValue") || n.equals("getStr"))
                    && !m.getArguments().isEmpty()) {
                String key = literal(m.getArguments().get(0), r);
                if (key != null && DISCRIMINATORS.contains(key.toLowerCase(Locale.ROOT))) {
                    return key;
                }
            }
            if (n.startsWith("get") && n.length() > 3 && m.getArguments().isEmpty()
                    && DISCRIMINATORS.contains(n.substring(3).toLowerCase(Locale.ROOT))) {
                return Character.toLowerCase(n.charAt(3)) + n.substring(4);
            }
            if (m.getArguments().isEmpty() && DISCRIMINATORS.contains(n.toLowerCase(Locale.ROOT))
                    && m.getScope().isPresent()) {
                return n; // record accessor: msg.type()
            }
            if (m.getScope().isPresent() && (n.equals("asText") || n.equals("textValue") || n.equals("toString")
                    || n.equals("getAsString") || n.equals("name") || n.equals("toUpperCase")
                    || n.equals("toLowerCase") || n.equals("trim") || n.equals("asString") || n.equals("intValue")
                    || n.equals("asInt"))) {
                return discriminator(m.getScope().get(), r, depth + 1);
            }
            if (n.equals("valueOf") && m.getArguments().size() == 1) {
                return discriminator(m.getArguments().get(0), r, depth + 1);
            }
            return null;
        }
        if (e instanceof FieldAccessExpr fa && DISCRIMINATORS.contains(fa.getNameAsString().toLowerCase(Locale.ROOT))) {
            return fa.getNameAsString();
        }
        if (e instanceof NameExpr ne) {
            Optional<VariableDeclarator> v = declaration(ne);
            if (v.isPresent() && v.get().getInitializer().isPresent()) {
                String f = discriminator(v.get().getInitializer().get(), r, depth + 1);
                if (f != null) {
                    return f;
                }
            }
            if (DISCRIMINATORS.contains(ne.getNameAsString().toLowerCase(Locale.ROOT))) {
                return ne.getNameAsString();
            }
        }
        return null;
    }

    private static Optional<VariableDeclarator> declaration(NameExpr ne) {
        Node n = ne;
        while (n != null) {
            Node parent = n.getParentNode().orElse(null);
            if (parent == null) {
                break;
            }
            for (VariableDeclarator v : parent.findAll(VariableDeclarator.class)) {
                if (v.getNameAsString().equals(ne.getNameAsString()) && JavaResolver.line(v) <= JavaResolver.line(ne)
                        && !v.isAncestorOf(ne)) {
                    return Optional.of(v);
                }
            }
            if (parent instanceof com.github.javaparser.ast.body.CallableDeclaration) {
                break;
            }
            n = parent;
        }
        return Optional.empty();
    }

    // ---- outbound: the discriminator of built messages ------------------------------------------------------

    private static void outbound(Node body, JavaResolver r, Map<String, Dispatch> found) {
        for (MethodCallExpr m : body.findAll(MethodCallExpr.class)) {
            String n = m.getNameAsString();
            List<Expression> args = m.getArguments();
            if ((n.equals("put") || n.equals("addProperty") || n.equals("set") || n.equals("of")
                    || n.equals("entry") || n.equals("ofEntries") || n.equals("append")) && args.size() >= 2) {
                for (int i = 0; i + 1 < args.size(); i += 2) {
                    String key = literal(args.get(i), r);
                    if (key != null && DISCRIMINATORS.contains(key.toLowerCase(Locale.ROOT))) {
                        String v = literal(args.get(i + 1), r);
                        if (v == null && args.get(i + 1) instanceof FieldAccessExpr fa && isEnumLike(fa)) {
                            v = fa.getNameAsString();
                        }
                        if (v != null) {
                            found.putIfAbsent("out:" + v, new Dispatch(key, v, r.evidence(m), true,
                                    code(args.get(i + 1), r)));
                        }
                    }
                }
            }
            if (n.startsWith("set") && n.length() > 3 && args.size() == 1
                    && DISCRIMINATORS.contains(n.substring(3).toLowerCase(Locale.ROOT))) {
                String v = literal(args.get(0), r);
                if (v == null && args.get(0) instanceof FieldAccessExpr fa && isEnumLike(fa)) {
                    v = fa.getNameAsString();
                }
                if (v != null) {
                    found.putIfAbsent("out:" + v, new Dispatch(Character.toLowerCase(n.charAt(3)) + n.substring(4), v,
                            r.evidence(m), true, code(args.get(0), r)));
                }
            }
        }
        for (Expression s : body.findAll(Expression.class, e -> e instanceof StringLiteralExpr
                || e instanceof TextBlockLiteralExpr)) {
            String text = s instanceof StringLiteralExpr sl ? sl.asString() : ((TextBlockLiteralExpr) s).asString();
            Matcher mt = JSON_TYPE.matcher(text);
            while (mt.find()) {
                found.putIfAbsent("out:" + mt.group(2), new Dispatch(mt.group(1), mt.group(2), r.evidence(s), true));
            }
        }
    }

    /** The fields of a payload class named by a handler's JSON read, if the repository declares it. */
    public static Optional<JavaPayloads.Shape> payload(String type, JavaResolver r) {
        return type == null ? Optional.empty() : JavaPayloads.ofName(type, r);
    }
}
