package io.wsmemory.core.resolve.go;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.SyntaxNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Go expression evaluates to, as far as static reading can tell, and how it was learned: written in place,
 * through a constant or a configuration field (possibly in another file or package), or from an environment
 * variable with its fallback. Numbers are exact; a {@code time.Duration} is a number of nanoseconds whose
 * {@link #type()} says so. Struct and slice literals keep their elements unresolved until asked for.
 */
public final class GoValue {

    public enum Kind { NUMBER, STRING, BOOLEAN, NIL, SLICE, STRUCT, FUNCTION, ENV, UNKNOWN }

    public static final String DURATION = "time.Duration";

    private final Kind kind;
    private final SyntaxNode node;
    private final String path;
    private final BigDecimal number;
    private final boolean integer;
    private final String type;
    private final String string;
    private final boolean bool;
    private final String variable;
    private final GoValue fallback;
    private final Elements elements;
    private final List<Evidence> via;

    private GoValue(Kind kind, SyntaxNode node, String path, BigDecimal number, boolean integer, String type,
                    String string, boolean bool, String variable, GoValue fallback, Elements elements,
                    List<Evidence> via) {
        this.kind = kind;
        this.node = node;
        this.path = path;
        this.number = number;
        this.integer = integer;
        this.type = type;
        this.string = string;
        this.bool = bool;
        this.variable = variable;
        this.fallback = fallback;
        this.elements = elements;
        this.via = via;
    }

    static GoValue number(BigDecimal n, boolean integer, String type, SyntaxNode node, String path) {
        return new GoValue(Kind.NUMBER, node, path, n, integer, type, null, false, null, null, null, List.of());
    }

    static GoValue string(String s, SyntaxNode node, String path) {
        return new GoValue(Kind.STRING, node, path, null, false, "string", s, false, null, null, null, List.of());
    }

    static GoValue bool(boolean b, SyntaxNode node, String path) {
        return new GoValue(Kind.BOOLEAN, node, path, null, false, "bool", null, b, null, null, null, List.of());
    }

    static GoValue nil(SyntaxNode node, String path) {
        return new GoValue(Kind.NIL, node, path, null, false, null, null, false, null, null, null, List.of());
    }

    static GoValue function(SyntaxNode node, String path) {
        return new GoValue(Kind.FUNCTION, node, path, null, false, null, null, false, null, null, null, List.of());
    }

    static GoValue env(String variable, GoValue fallback, SyntaxNode node, String path) {
        return new GoValue(Kind.ENV, node, path, null, false, fallback == null ? null : fallback.type, null, false,
                variable, fallback, null, List.of());
    }

    static GoValue unknown(SyntaxNode node, String path) {
        return new GoValue(Kind.UNKNOWN, node, path, null, false, null, null, false, null, null, null, List.of());
    }

    static GoValue composite(Kind kind, String type, Elements elements, SyntaxNode node, String path) {
        return new GoValue(kind, node, path, null, false, type, null, false, null, null, elements, List.of());
    }

    /** The same value, learned through a binding defined at {@code at}. */
    GoValue through(Evidence at) {
        if (at == null || via.contains(at)) {
            return this;
        }
        List<Evidence> v = new ArrayList<>(via);
        v.add(at);
        return withVia(List.copyOf(v));
    }

    GoValue throughAll(List<Evidence> more) {
        GoValue v = this;
        for (Evidence e : more) {
            v = v.through(e);
        }
        return v;
    }

    private GoValue withVia(List<Evidence> v) {
        return new GoValue(kind, node, path, number, integer, type, string, bool, variable, fallback, elements, v);
    }

    /** The same number with another Go type (a conversion such as {@code time.Duration(n)}). */
    GoValue typed(String newType) {
        if (kind == Kind.ENV) {
            return new GoValue(kind, node, path, number, integer, newType, string, bool, variable,
                    fallback == null ? null : fallback.typed(newType), elements, via);
        }
        return new GoValue(kind, node, path, number, integer, newType, string, bool, variable, fallback, elements,
                via);
    }

    /** The value placed at another node (the expression that computed it), keeping how it was learned. */
    GoValue at(SyntaxNode n, String p) {
        return new GoValue(kind, n, p, number, integer, type, string, bool, variable, fallback, elements, via);
    }

    public Kind kind() {
        return kind;
    }

    public boolean is(Kind k) {
        return kind == k;
    }

    public boolean isKnown() {
        return kind != Kind.UNKNOWN;
    }

    /** A number, string or boolean written somewhere (directly or through constants). */
    public boolean isLiteral() {
        return kind == Kind.NUMBER || kind == Kind.STRING || kind == Kind.BOOLEAN;
    }

    public SyntaxNode node() {
        return node;
    }

    public String path() {
        return path;
    }

    public BigDecimal number() {
        return number;
    }

    public boolean isInteger() {
        return integer;
    }

    /** The Go type when known: {@code time.Duration}, {@code string}, a named type such as {@code MsgType}. */
    public String type() {
        return type;
    }

    public boolean isDuration() {
        return DURATION.equals(type);
    }

    public String string() {
        return string;
    }

    public boolean bool() {
        return bool;
    }

    public String variable() {
        return variable;
    }

    public GoValue fallback() {
        return fallback;
    }

    /** The definition sites this value was resolved through, nearest first. */
    public List<Evidence> via() {
        return via;
    }

    public Source source() {
        return kind == Kind.ENV ? Source.ENV : Source.EXPLICIT;
    }

    public Confidence confidence() {
        return via.isEmpty() && kind != Kind.ENV ? Confidence.HIGH : Confidence.MEDIUM;
    }

    /** The literal behind the value: itself, or the fallback of an environment variable. */
    public GoValue effective() {
        return kind == Kind.ENV && fallback != null ? fallback : this;
    }

    /** A duration in milliseconds; null when the value is not a known duration. */
    public BigDecimal millis() {
        GoValue e = effective();
        if (e.kind != Kind.NUMBER || !e.isDuration()) {
            return null;
        }
        return e.number.divide(BigDecimal.valueOf(1_000_000), 3, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /**
     * The value normalised as facts print it: durations in milliseconds, numbers without trailing zeros, strings as
     * they are, slices comma-separated; for ENV the fallback's text, or "" without one.
     */
    public String text() {
        return switch (kind) {
            case NUMBER -> isDuration() ? format(millis()) : format(number);
            case STRING -> string;
            case BOOLEAN -> Boolean.toString(bool);
            case NIL -> "nil";
            case ENV -> fallback == null || !fallback.isLiteral() ? "" : fallback.text();
            case SLICE -> {
                List<String> parts = new ArrayList<>();
                for (GoValue v : items()) {
                    parts.add(v.isLiteral() ? v.text() : "?");
                }
                yield String.join(",", parts);
            }
            default -> null;
        };
    }

    static String format(BigDecimal n) {
        if (n == null) {
            return null;
        }
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() <= 0 ? s.toBigInteger().toString() : s.toPlainString();
    }

    /** The keyed fields of a struct literal (or the string keys of a map literal), in source order. */
    public Map<String, Element> fields() {
        return elements == null || kind != Kind.STRUCT ? Map.of() : elements.fields();
    }

    public GoValue get(String field) {
        Element e = fields().get(field);
        return e == null ? unknown(node, path) : e.value();
    }

    public boolean has(String field) {
        return fields().containsKey(field);
    }

    public List<GoValue> items() {
        return elements == null || kind != Kind.SLICE ? List.of() : elements.items();
    }

    @Override
    public String toString() {
        return kind == Kind.ENV ? "env " + variable + (fallback == null ? "" : " || " + fallback)
                : kind + ":" + text() + (type == null ? "" : " (" + type + ")");
    }

    /** A keyed element of a struct or map literal: the node of its key (for evidence) and its value, lazily. */
    public interface Element {
        SyntaxNode keyNode();

        GoValue value();
    }

    /** Lazily read elements of a composite literal. */
    interface Elements {
        Map<String, Element> fields();

        List<GoValue> items();
    }

    static Map<String, Element> ordered() {
        return new LinkedHashMap<>();
    }
}
