package io.wsmemory.core.resolve.js;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.SyntaxNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an expression evaluates to, as far as static reading can tell, and how it was learned: written in place,
 * through a constant (possibly in another file), or from an environment variable with its fallback.
 * Objects and arrays keep their members unresolved until asked for.
 */
public final class JsValue {

    public enum Kind { NUMBER, STRING, BOOLEAN, NULL, ARRAY, OBJECT, REGEX, FUNCTION, ENV, UNKNOWN }

    private final Kind kind;
    private final SyntaxNode node;
    private final String path;
    private final double number;
    private final String string;
    private final boolean bool;
    private final String variable;
    private final JsValue fallback;
    private final Members members;
    private final List<Evidence> via;

    private JsValue(Kind kind, SyntaxNode node, String path, double number, String string, boolean bool,
                    String variable, JsValue fallback, Members members, List<Evidence> via) {
        this.kind = kind;
        this.node = node;
        this.path = path;
        this.number = number;
        this.string = string;
        this.bool = bool;
        this.variable = variable;
        this.fallback = fallback;
        this.members = members;
        this.via = via;
    }

    static JsValue number(double n, SyntaxNode node, String path) {
        return new JsValue(Kind.NUMBER, node, path, n, null, false, null, null, null, List.of());
    }

    static JsValue string(String s, SyntaxNode node, String path) {
        return new JsValue(Kind.STRING, node, path, 0, s, false, null, null, null, List.of());
    }

    static JsValue bool(boolean b, SyntaxNode node, String path) {
        return new JsValue(Kind.BOOLEAN, node, path, 0, null, b, null, null, null, List.of());
    }

    static JsValue nullValue(SyntaxNode node, String path) {
        return new JsValue(Kind.NULL, node, path, 0, null, false, null, null, null, List.of());
    }

    static JsValue regex(String pattern, SyntaxNode node, String path) {
        return new JsValue(Kind.REGEX, node, path, 0, pattern, false, null, null, null, List.of());
    }

    static JsValue function(SyntaxNode node, String path) {
        return new JsValue(Kind.FUNCTION, node, path, 0, null, false, null, null, null, List.of());
    }

    static JsValue env(String variable, JsValue fallback, SyntaxNode node, String path) {
        return new JsValue(Kind.ENV, node, path, 0, null, false, variable, fallback, null, List.of());
    }

    static JsValue unknown(SyntaxNode node, String path) {
        return new JsValue(Kind.UNKNOWN, node, path, 0, null, false, null, null, null, List.of());
    }

    static JsValue object(Members members, SyntaxNode node, String path) {
        return new JsValue(Kind.OBJECT, node, path, 0, null, false, null, null, members, List.of());
    }

    static JsValue array(Members members, SyntaxNode node, String path) {
        return new JsValue(Kind.ARRAY, node, path, 0, null, false, null, null, members, List.of());
    }

    /** The same value, learned through a binding defined at {@code at}. */
    JsValue through(Evidence at) {
        List<Evidence> v = new ArrayList<>(via);
        if (at != null && !v.contains(at)) {
            v.add(at);
        }
        return new JsValue(kind, node, path, number, string, bool, variable, fallback, members, List.copyOf(v));
    }

    public Kind kind() {
        return kind;
    }

    public boolean is(Kind k) {
        return kind == k;
    }

    /** A literal value is known: number, string, boolean, null, regex. */
    public boolean isLiteral() {
        return kind == Kind.NUMBER || kind == Kind.STRING || kind == Kind.BOOLEAN || kind == Kind.NULL
                || kind == Kind.REGEX;
    }

    public boolean isKnown() {
        return kind != Kind.UNKNOWN;
    }

    /** The expression the value was read from (in {@link #path()}, which may be another file). */
    public SyntaxNode node() {
        return node;
    }

    public String path() {
        return path;
    }

    public double number() {
        return number;
    }

    public String string() {
        return string;
    }

    public boolean bool() {
        return bool;
    }

    /** The environment variable of an {@link Kind#ENV} value. */
    public String variable() {
        return variable;
    }

    /** The fallback of {@code process.env.X || fallback}, or null. */
    public JsValue fallback() {
        return fallback;
    }

    /** The definition sites this value was resolved through, nearest first. */
    public List<Evidence> via() {
        return via;
    }

    public Source source() {
        return kind == Kind.ENV ? Source.ENV : Source.EXPLICIT;
    }

    /** High for a literal written where it is used, medium when it came through a binding or the environment. */
    public Confidence confidence() {
        return via.isEmpty() && kind != Kind.ENV ? Confidence.HIGH : Confidence.MEDIUM;
    }

    /** The value normalised as facts print it; for ENV the fallback's text, or "" without one. */
    public String text() {
        return switch (kind) {
            case NUMBER -> formatNumber(number);
            case STRING, REGEX -> string;
            case BOOLEAN -> Boolean.toString(bool);
            case NULL -> "null";
            case ENV -> fallback == null || !fallback.isLiteral() ? "" : fallback.text();
            case ARRAY -> {
                List<String> parts = new ArrayList<>();
                for (JsValue v : items()) {
                    parts.add(v.isLiteral() ? v.text() : "?");
                }
                yield String.join(",", parts);
            }
            default -> null;
        };
    }

    /** The literal behind the value: itself, or the fallback of an environment variable. */
    public JsValue effective() {
        return kind == Kind.ENV && fallback != null ? fallback : this;
    }

    /** JavaScript truthiness where it is known. */
    Boolean truthy() {
        return switch (kind) {
            case NUMBER -> number != 0 && !Double.isNaN(number);
            case STRING -> !string.isEmpty();
            case BOOLEAN -> bool;
            case NULL -> false;
            case ARRAY, OBJECT, REGEX, FUNCTION -> true;
            default -> null;
        };
    }

    /** The members of an object literal, by key, in source order. */
    public Map<String, Member> properties() {
        return members == null || kind != Kind.OBJECT ? Map.of() : members.properties();
    }

    /** One property of an object value, resolved; unknown when absent. */
    public JsValue get(String key) {
        Member m = properties().get(key);
        return m == null ? unknown(node, path) : m.value();
    }

    public boolean has(String key) {
        return properties().containsKey(key);
    }

    public List<JsValue> items() {
        return members == null || kind != Kind.ARRAY ? List.of() : members.items();
    }

    static String formatNumber(double n) {
        if (n == Math.rint(n) && !Double.isInfinite(n) && Math.abs(n) < 1e18) {
            return Long.toString((long) n);
        }
        if (Double.isInfinite(n)) {
            return n > 0 ? "Infinity" : "-Infinity";
        }
        return new BigDecimal(Double.toString(n)).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return kind == Kind.ENV ? "env " + variable + (fallback == null ? "" : " || " + fallback) : kind + ":" + text();
    }

    /** A key of an object literal with the node that holds it (for evidence) and its value, resolved on demand. */
    public interface Member {
        SyntaxNode keyNode();

        JsValue value();
    }

    /** Lazily resolved members of an object or array literal. */
    interface Members {
        Map<String, Member> properties();

        List<JsValue> items();
    }

    static Map<String, Member> ordered() {
        return new LinkedHashMap<>();
    }

    static <T> List<T> frozen(List<T> l) {
        return Collections.unmodifiableList(l);
    }
}
