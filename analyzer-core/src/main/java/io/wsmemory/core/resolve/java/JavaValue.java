package io.wsmemory.core.resolve.java;

import com.github.javaparser.ast.Node;
import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a Java expression evaluates to, as far as static reading can tell, and how it was learned: written in place,
 * through a constant (possibly in another class), from a Spring property file (with its profile), or from an
 * environment variable, system property or unset Spring property with its fallback. Values never guess: what cannot
 * be followed is {@link Kind#UNKNOWN}.
 */
public final class JavaValue {

    public enum Kind {
        NUMBER, STRING, BOOLEAN, NULL,
        /** An enum or library constant: {@code TimeUnit.SECONDS}, {@code StompCommand.CONNECT}. */
        CONSTANT,
        ARRAY,
        /** {@code new T(...)}: the type's simple name and the creation expression. */
        OBJECT,
        /** {@code T.class}. */
        CLASS,
        /** An environment variable, system property or Spring property with no value in the configuration. */
        ENV,
        UNKNOWN
    }

    /** Java's numeric types, as far as overloads care. */
    public enum NumType { INT, LONG, DOUBLE }

    private final Kind kind;
    private final Node node;
    private final String path;
    private final double number;
    private final NumType numType;
    private final String string;
    private final boolean bool;
    private final String type;
    private final String variable;
    private final String envKind;
    private final JavaValue fallback;
    private final List<JavaValue> items;
    private final List<Evidence> via;
    private final String profile;
    private final List<JavaValue> variants;
    private final String property;
    private final boolean millis;

    private JavaValue(Kind kind, Node node, String path, double number, NumType numType, String string, boolean bool,
                      String type, String variable, String envKind, JavaValue fallback, List<JavaValue> items,
                      List<Evidence> via, String profile, List<JavaValue> variants, String property, boolean millis) {
        this.kind = kind;
        this.node = node;
        this.path = path;
        this.number = number;
        this.numType = numType;
        this.string = string;
        this.bool = bool;
        this.type = type;
        this.variable = variable;
        this.envKind = envKind;
        this.fallback = fallback;
        this.items = items;
        this.via = via;
        this.profile = profile;
        this.variants = variants;
        this.property = property;
        this.millis = millis;
    }

    private static JavaValue make(Kind kind, Node node, String path) {
        return new JavaValue(kind, node, path, 0, null, null, false, null, null, null, null, List.of(), List.of(),
                null, List.of(), null, false);
    }

    private JavaValue copy(Kind kind, double number, NumType numType, String string, boolean bool, String type,
                           List<JavaValue> items) {
        return new JavaValue(kind, node, path, number, numType, string, bool, type, variable, envKind, fallback, items,
                via, profile, variants, property, millis);
    }

    static JavaValue number(double n, NumType t, Node node, String path) {
        return make(Kind.NUMBER, node, path).copy(Kind.NUMBER, n, t, null, false, null, List.of());
    }

    static JavaValue string(String s, Node node, String path) {
        return make(Kind.STRING, node, path).copy(Kind.STRING, 0, null, s, false, null, List.of());
    }

    static JavaValue bool(boolean b, Node node, String path) {
        return make(Kind.BOOLEAN, node, path).copy(Kind.BOOLEAN, 0, null, null, b, null, List.of());
    }

    static JavaValue nullValue(Node node, String path) {
        return make(Kind.NULL, node, path);
    }

    static JavaValue constant(String type, String name, Node node, String path) {
        return make(Kind.CONSTANT, node, path).copy(Kind.CONSTANT, 0, null, name, false, type, List.of());
    }

    static JavaValue array(List<JavaValue> items, Node node, String path) {
        return make(Kind.ARRAY, node, path).copy(Kind.ARRAY, 0, null, null, false, null, List.copyOf(items));
    }

    static JavaValue object(String type, Node node, String path) {
        return make(Kind.OBJECT, node, path).copy(Kind.OBJECT, 0, null, null, false, type, List.of());
    }

    static JavaValue classLiteral(String type, Node node, String path) {
        return make(Kind.CLASS, node, path).copy(Kind.CLASS, 0, null, null, false, type, List.of());
    }

    static JavaValue unknown(Node node, String path) {
        return make(Kind.UNKNOWN, node, path);
    }

    /** An environment variable ({@code env}), JVM system property ({@code system-property}) or Spring property. */
    static JavaValue env(String variable, String envKind, JavaValue fallback, Node node, String path) {
        return new JavaValue(Kind.ENV, node, path, 0, null, null, false, null, variable, envKind, fallback, List.of(),
                List.of(), null, List.of(), null, false);
    }

    /** The same value, learned through a definition at {@code at}. */
    JavaValue through(Evidence at) {
        if (at == null || via.contains(at)) {
            return this;
        }
        List<Evidence> v = new ArrayList<>(via);
        v.add(at);
        List<JavaValue> vs = new ArrayList<>();
        for (JavaValue x : variants) {
            vs.add(x.through(at));
        }
        return new JavaValue(kind, node, path, number, numType, string, bool, type, variable, envKind, fallback, items,
                List.copyOf(v), profile, List.copyOf(vs), property, millis);
    }

    JavaValue withProfile(String p) {
        return new JavaValue(kind, node, path, number, numType, string, bool, type, variable, envKind, fallback, items,
                via, p, variants, property, millis);
    }

    JavaValue withVariants(List<JavaValue> vs) {
        return new JavaValue(kind, node, path, number, numType, string, bool, type, variable, envKind, fallback, items,
                via, profile, List.copyOf(vs), property, millis);
    }

    JavaValue withProperty(String key) {
        List<JavaValue> vs = new ArrayList<>();
        for (JavaValue x : variants) {
            vs.add(x.withProperty(key));
        }
        return new JavaValue(kind, node, path, number, numType, string, bool, type, variable, envKind, fallback, items,
                via, profile, List.copyOf(vs), key, millis);
    }

    JavaValue asMillis() {
        return new JavaValue(kind, node, path, number, numType, string, bool, type, variable, envKind, fallback, items,
                via, profile, variants, property, true);
    }

    JavaValue withNumber(double n, NumType t) {
        return new JavaValue(Kind.NUMBER, node, path, n, t, null, false, null, null, null, null, List.of(), via,
                profile, variants, property, millis);
    }

    JavaValue withString(String s) {
        return new JavaValue(Kind.STRING, node, path, 0, null, s, false, null, null, null, null, List.of(), via,
                profile, variants, property, millis);
    }

    JavaValue withFallback(JavaValue f) {
        return new JavaValue(kind, node, path, number, numType, string, bool, type, variable, envKind, f, items, via,
                profile, variants, property, millis);
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

    /** Number, string, boolean or null: a value with a text. */
    public boolean isLiteral() {
        return kind == Kind.NUMBER || kind == Kind.STRING || kind == Kind.BOOLEAN || kind == Kind.NULL;
    }

    /** The expression the value was read from (in {@link #path()}); null for values read from configuration. */
    public Node node() {
        return node;
    }

    public String path() {
        return path;
    }

    public double number() {
        return number;
    }

    public NumType numType() {
        return numType;
    }

    /** The string of a STRING value, the constant's name of a CONSTANT. */
    public String string() {
        return string;
    }

    public boolean bool() {
        return bool;
    }

    /** The simple type name of a CONSTANT, OBJECT or CLASS value. */
    public String type() {
        return type;
    }

    /** The variable or property name of an ENV value. */
    public String variable() {
        return variable;
    }

    /** {@code env}, {@code system-property} or {@code property} (Spring). */
    public String envKind() {
        return envKind;
    }

    public JavaValue fallback() {
        return fallback;
    }

    public List<JavaValue> items() {
        return items;
    }

    /** The definition sites this value was resolved through, nearest first. */
    public List<Evidence> via() {
        return via;
    }

    /** The Spring profile of a value read from a profile's configuration file, null for the default profile. */
    public String profile() {
        return profile;
    }

    /** The same setting's values in other profiles. */
    public List<JavaValue> variants() {
        return variants;
    }

    /** This value followed by its profile variants. */
    public List<JavaValue> allProfiles() {
        List<JavaValue> all = new ArrayList<>();
        all.add(this);
        all.addAll(variants);
        return all;
    }

    /** The Spring property the value was bound from, if any. */
    public String property() {
        return property;
    }

    /** True when the number is a duration already in milliseconds ({@code Duration.ofSeconds(30)}). */
    public boolean isMillis() {
        return millis;
    }

    public Source source() {
        return kind == Kind.ENV ? Source.ENV : Source.EXPLICIT;
    }

    /** High for a literal written where it is used; medium through a constant, a property file or the environment. */
    public Confidence confidence() {
        return via.isEmpty() && kind != Kind.ENV ? Confidence.HIGH : Confidence.MEDIUM;
    }

    /** The literal behind the value: itself, or the fallback of an environment value (null when there is none). */
    public JavaValue effective() {
        return kind == Kind.ENV ? fallback : this;
    }

    /** A numeric reading: numbers, and strings that hold one (property values are strings). */
    public Double asNumber() {
        JavaValue v = effective();
        if (v == null) {
            return null;
        }
        if (v.kind == Kind.NUMBER) {
            return v.number;
        }
        if (v.kind == Kind.STRING) {
            try {
                return Double.parseDouble(v.string.trim().replace("_", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A boolean reading, including the strings "true"/"false". */
    public Boolean asBoolean() {
        JavaValue v = effective();
        if (v == null) {
            return null;
        }
        if (v.kind == Kind.BOOLEAN) {
            return v.bool;
        }
        if (v.kind == Kind.STRING && (v.string.equalsIgnoreCase("true") || v.string.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.string);
        }
        return null;
    }

    /**
     * The value as facts print it: numbers without a needless fraction, lists comma-separated (a string property
     * with commas is a list already); for ENV the fallback's text, "" without one; null when unknown.
     */
    public String text() {
        return switch (kind) {
            case NUMBER -> formatNumber(number);
            case STRING -> string;
            case BOOLEAN -> Boolean.toString(bool);
            case NULL -> "null";
            case CONSTANT -> string;
            case CLASS, OBJECT -> type;
            case ENV -> fallback == null || fallback.text() == null ? "" : fallback.text();
            case ARRAY -> {
                List<String> parts = new ArrayList<>();
                for (JavaValue v : items) {
                    String t = v.text();
                    parts.add(t == null ? "?" : t);
                }
                yield String.join(",", parts);
            }
            default -> null;
        };
    }

    /** The strings of a list value: array items, or a comma-separated string split. */
    public List<String> texts() {
        JavaValue v = kind == Kind.ENV && fallback != null ? fallback : this;
        List<String> out = new ArrayList<>();
        if (v.kind == Kind.ARRAY) {
            for (JavaValue i : v.items) {
                if (i.kind == Kind.ARRAY || i.kind == Kind.STRING && i.string.contains(",")) {
                    out.addAll(i.texts());
                } else if (i.text() != null) {
                    out.add(i.text());
                }
            }
        } else if (v.kind == Kind.STRING) {
            for (String s : v.string.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        } else if (v.text() != null && v.kind != Kind.ENV) {
            out.add(v.text());
        }
        return out;
    }

    public static String formatNumber(double n) {
        if (n == Math.rint(n) && !Double.isInfinite(n) && Math.abs(n) < 1e18) {
            return Long.toString((long) n);
        }
        if (Double.isInfinite(n) || Double.isNaN(n)) {
            return Double.toString(n);
        }
        return new BigDecimal(Double.toString(n)).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ENV -> envKind + " " + variable + (fallback == null ? "" : " : " + fallback);
            case CONSTANT -> type + "." + string;
            default -> kind + ":" + text() + (profile == null ? "" : "@" + profile);
        };
    }
}
