package io.wsmemory.core.resolve.python;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.SyntaxNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a Python expression evaluates to, as far as static reading can tell, and how it was learned: written in
 * place, through a constant (possibly in another module or a settings module), or from an environment variable
 * with its fallback. Dicts and lists keep their members unresolved until asked for.
 */
public final class PyValue {

    public enum Kind { NUMBER, STRING, BOOLEAN, NONE, LIST, DICT, ENV, FUNCTION, CLASS, MODULE, UNKNOWN }

    private final Kind kind;
    private final SyntaxNode node;
    private final String path;
    private final double number;
    private final String string;
    private final boolean bool;
    private final String variable;
    private final PyValue fallback;
    private final Members members;
    private final List<Evidence> via;

    private PyValue(Kind kind, SyntaxNode node, String path, double number, String string, boolean bool,
                    String variable, PyValue fallback, Members members, List<Evidence> via) {
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

    static PyValue number(double n, SyntaxNode node, String path) {
        return new PyValue(Kind.NUMBER, node, path, n, null, false, null, null, null, List.of());
    }

    static PyValue string(String s, SyntaxNode node, String path) {
        return new PyValue(Kind.STRING, node, path, 0, s, false, null, null, null, List.of());
    }

    static PyValue bool(boolean b, SyntaxNode node, String path) {
        return new PyValue(Kind.BOOLEAN, node, path, 0, null, b, null, null, null, List.of());
    }

    static PyValue none(SyntaxNode node, String path) {
        return new PyValue(Kind.NONE, node, path, 0, null, false, null, null, null, List.of());
    }

    /** A function or class definition; {@code string} holds its dotted name. */
    static PyValue definition(Kind kind, String qualified, SyntaxNode node, String path) {
        return new PyValue(kind, node, path, 0, qualified, false, null, null, null, List.of());
    }

    /** A module of the repository; {@code string} holds its path, members its top-level bindings. */
    static PyValue module(String modulePath, Members members, SyntaxNode node, String path) {
        return new PyValue(Kind.MODULE, node, path, 0, modulePath, false, null, null, members, List.of());
    }

    static PyValue env(String variable, PyValue fallback, SyntaxNode node, String path) {
        return new PyValue(Kind.ENV, node, path, 0, null, false, variable, fallback, null, List.of());
    }

    static PyValue unknown(SyntaxNode node, String path) {
        return new PyValue(Kind.UNKNOWN, node, path, 0, null, false, null, null, null, List.of());
    }

    static PyValue dict(Members members, SyntaxNode node, String path) {
        return new PyValue(Kind.DICT, node, path, 0, null, false, null, null, members, List.of());
    }

    static PyValue list(Members members, SyntaxNode node, String path) {
        return new PyValue(Kind.LIST, node, path, 0, null, false, null, null, members, List.of());
    }

    /** The same value, learned through a binding defined at {@code at}. */
    PyValue through(Evidence at) {
        if (at == null || via.contains(at)) {
            return this;
        }
        List<Evidence> v = new ArrayList<>(via);
        v.add(at);
        return new PyValue(kind, node, path, number, string, bool, variable, fallback, members, List.copyOf(v));
    }

    /** This value with the bindings {@code other} came through added. */
    PyValue carrying(PyValue other) {
        PyValue v = this;
        for (Evidence e : other.via) {
            v = v.through(e);
        }
        return v;
    }

    public Kind kind() {
        return kind;
    }

    public boolean is(Kind k) {
        return kind == k;
    }

    /** A known scalar: number, string, boolean, None. */
    public boolean isLiteral() {
        return kind == Kind.NUMBER || kind == Kind.STRING || kind == Kind.BOOLEAN || kind == Kind.NONE;
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

    /** The dotted name of a {@link Kind#CLASS} or {@link Kind#FUNCTION}, the path of a {@link Kind#MODULE}. */
    public String name() {
        return kind == Kind.CLASS || kind == Kind.FUNCTION || kind == Kind.MODULE ? string : null;
    }

    /** The environment variable of an {@link Kind#ENV} value. */
    public String variable() {
        return variable;
    }

    /** The default of {@code os.environ.get("X", default)} and its kin, or null. */
    public PyValue fallback() {
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
            case STRING -> string;
            case BOOLEAN -> Boolean.toString(bool);
            case NONE -> "None";
            case ENV -> fallback == null || !(fallback.isLiteral() || fallback.is(Kind.LIST)) || fallback.is(Kind.NONE)
                    ? "" : fallback.text();
            case LIST -> {
                List<String> parts = new ArrayList<>();
                for (PyValue v : items()) {
                    parts.add(v.isLiteral() ? v.text() : "?");
                }
                yield String.join(",", parts);
            }
            default -> null;
        };
    }

    /** The literal behind the value: itself, or the fallback of an environment variable. */
    public PyValue effective() {
        return kind == Kind.ENV && fallback != null ? fallback : this;
    }

    /** Python truthiness where it is known. */
    Boolean truthy() {
        return switch (kind) {
            case NUMBER -> number != 0;
            case STRING -> !string.isEmpty();
            case BOOLEAN -> bool;
            case NONE -> false;
            case LIST -> members == null ? null : !items().isEmpty();
            case DICT -> members == null ? null : !entries().isEmpty();
            case FUNCTION, CLASS, MODULE -> true;
            default -> null;
        };
    }

    /** The entries of a dict (string keys, source order), or the top-level names of a module. */
    public Map<String, Member> entries() {
        return members == null || !(kind == Kind.DICT || kind == Kind.MODULE) ? Map.of() : members.entries();
    }

    /** One entry of a dict or module, resolved; unknown when absent. */
    public PyValue get(String key) {
        Member m = entries().get(key);
        return m == null ? unknown(node, path) : m.value().carrying(this);
    }

    public boolean has(String key) {
        return entries().containsKey(key);
    }

    /** The items of a list, tuple or set literal. */
    public List<PyValue> items() {
        return members == null || kind != Kind.LIST ? List.of() : members.items();
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
        return kind == Kind.ENV ? "env " + variable + (fallback == null ? "" : " or " + fallback)
                : kind + ":" + (name() != null ? name() : text());
    }

    /** A key of a dict with the node that holds it (for evidence) and its value, resolved on demand. */
    public interface Member {
        SyntaxNode keyNode();

        PyValue value();
    }

    /** Lazily resolved members of a dict, list or module. */
    interface Members {
        Map<String, Member> entries();

        List<PyValue> items();
    }

    static Map<String, Member> ordered() {
        return new LinkedHashMap<>();
    }
}
