package io.wsmemory.core.resolve.js;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.js.JsFile.Declaration;
import io.wsmemory.core.resolve.js.JsFile.Export;
import io.wsmemory.core.resolve.js.JsFile.Import;
import io.wsmemory.core.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates JavaScript and TypeScript expressions statically: literals and arithmetic ({@code 30 * 1000},
 * {@code 1e6}), template strings, constants in scope, constants imported from other files of the repository (ES
 * modules and CommonJS), object and array literals, and {@code process.env.X || fallback} /{@code ??} with the
 * variable's name. Gives up (unknown) rather than guess; follows at most {@value #MAX_DEPTH} bindings.
 */
public final class JsResolver {

    private static final int MAX_DEPTH = 12;
    private static final Set<String> SCOPES = Set.of("statement_block", "program", "class_body", "switch_case",
            "for_statement", "for_in_statement");

    private final ParsedFile parsed;
    private final JsFile file;
    private final SourceSet sources;

    public JsResolver(ParsedFile parsed, SourceSet sources) {
        this.parsed = parsed;
        this.file = JsFile.of(parsed);
        this.sources = sources;
    }

    public JsFile jsFile() {
        return file;
    }

    /** A resolver for another file of the scan (where a value resolved through an import was defined). */
    public JsResolver resolverFor(String path) {
        if (path == null || path.equals(parsed.path())) {
            return this;
        }
        return sources.file(path).map(f -> new JsResolver(sources.parsed(f), sources)).orElse(this);
    }

    public JsValue resolve(SyntaxNode expr) {
        return resolve(expr, 0);
    }

    /** The value bound to {@code name} where {@code use} reads it. */
    public JsValue resolveName(String name, SyntaxNode use) {
        return identifier(name, use, 0);
    }

    /**
     * The import an expression stands for: {@code Server} from {@code import {Server} from "socket.io"},
     * {@code sio.Server} with {@code sio} a namespace import, {@code require("socket.io")}, or a local alias of
     * any of these. The import's {@code imported} is the member reached ("Server", "default", "*").
     */
    public Optional<Import> importBehind(SyntaxNode expr) {
        return importBehind(expr, 0);
    }

    private Optional<Import> importBehind(SyntaxNode expr, int depth) {
        SyntaxNode n = JsSyntax.unwrap(expr);
        if (n == null || depth > MAX_DEPTH) {
            return Optional.empty();
        }
        String required = JsSyntax.requiredModule(n);
        if (required != null) {
            return Optional.of(new Import(n.text(), required, "*", n));
        }
        if (n.is("identifier") || n.is("shorthand_property_identifier")) {
            Import i = file.importOf(n.text());
            if (i != null) {
                return Optional.of(i);
            }
            Declaration d = declarationFor(n.text(), n);
            if (d != null && d.value() != null) {
                Optional<Import> behind = importBehind(d.value(), depth + 1);
                if (behind.isPresent() && d.property() != null) {
                    return Optional.of(member(behind.get(), d.property()));
                }
                return behind;
            }
            return Optional.empty();
        }
        if (n.is("member_expression") || n.is("subscript_expression")) {
            String prop = JsSyntax.memberName(n);
            Optional<Import> base = importBehind(n.field("object"), depth + 1);
            if (base.isPresent() && prop != null) {
                return Optional.of(member(base.get(), prop));
            }
        }
        return Optional.empty();
    }

    private static Import member(Import base, String prop) {
        if (base.imported().equals("*")) {
            return new Import(base.local(), base.source(), prop, base.node());
        }
        return new Import(base.local(), base.source(), base.imported() + "." + prop, base.node());
    }

    /** The function a callee names: a function declaration, a const arrow or function expression. */
    public Optional<SyntaxNode> functionBehind(SyntaxNode expr) {
        SyntaxNode n = JsSyntax.unwrap(expr);
        if (n == null) {
            return Optional.empty();
        }
        if (isFunction(n)) {
            return Optional.of(n);
        }
        if (n.is("identifier")) {
            SyntaxNode fn = file.function(n.text());
            if (fn != null) {
                return Optional.of(fn);
            }
            JsValue v = resolveName(n.text(), n);
            if (v.is(JsValue.Kind.FUNCTION) && v.path().equals(parsed.path())) {
                return Optional.of(v.node());
            }
        }
        return Optional.empty();
    }

    static boolean isFunction(SyntaxNode n) {
        return n.is("arrow_function") || n.is("function_expression") || n.is("function")
                || n.is("function_declaration") || n.is("generator_function") || n.is("method_definition");
    }

    JsValue resolve(SyntaxNode expr, int depth) {
        SyntaxNode n = JsSyntax.unwrap(expr);
        String path = parsed.path();
        if (n == null) {
            return JsValue.unknown(expr, path);
        }
        if (depth > MAX_DEPTH) {
            return JsValue.unknown(n, path);
        }
        switch (n.type()) {
            case "number":
                Double d = parseNumber(n.text());
                return d == null ? JsValue.unknown(n, path) : JsValue.number(d, n, path);
            case "string":
                return JsValue.string(JsSyntax.stringValue(n), n, path);
            case "template_string":
                return template(n, depth);
            case "true":
                return JsValue.bool(true, n, path);
            case "false":
                return JsValue.bool(false, n, path);
            case "null", "undefined":
                return JsValue.nullValue(n, path);
            case "regex":
                SyntaxNode pattern = n.field("pattern");
                return JsValue.regex(pattern == null ? n.text() : pattern.text(), n, path);
            case "array":
                return JsValue.array(new LiteralMembers(n, depth), n, path);
            case "object":
                return JsValue.object(new LiteralMembers(n, depth), n, path);
            case "arrow_function", "function_expression", "function", "generator_function":
                return JsValue.function(n, path);
            case "unary_expression":
                return unary(n, depth);
            case "binary_expression":
                return binary(n, depth);
            case "ternary_expression":
                return ternary(n, depth);
            case "call_expression":
                return call(n, depth);
            case "member_expression", "subscript_expression":
                return member(n, depth);
            case "identifier":
                if (n.text().equals("undefined")) {
                    return JsValue.nullValue(n, path);
                }
                if (n.text().equals("Infinity")) {
                    return JsValue.number(Double.POSITIVE_INFINITY, n, path);
                }
                return identifier(n.text(), n, depth);
            default:
                return JsValue.unknown(n, path);
        }
    }

    private JsValue template(SyntaxNode n, int depth) {
        StringBuilder b = new StringBuilder();
        boolean indirect = false;
        for (SyntaxNode c : n.children()) {
            if (c.is("string_fragment") || c.is("escape_sequence")) {
                b.append(JsSyntax.unescape(c.text()));
            } else if (c.is("template_substitution")) {
                JsValue v = resolve(c.namedChild(0), depth + 1);
                if (!v.isLiteral()) {
                    return JsValue.unknown(n, parsed.path());
                }
                b.append(v.text());
                indirect = true;
            }
        }
        JsValue s = JsValue.string(b.toString(), n, parsed.path());
        return indirect ? s.through(null) : s;
    }

    private JsValue unary(SyntaxNode n, int depth) {
        String op = operator(n);
        JsValue v = resolve(n.field("argument"), depth + 1);
        switch (op) {
            case "-":
                JsValue num = toNumber(v);
                return num.is(JsValue.Kind.NUMBER) ? JsValue.number(-num.number(), n, parsed.path()) : num;
            case "+":
                return toNumber(v);
            case "!":
                Boolean t = v.truthy();
                return t == null ? JsValue.unknown(n, parsed.path()) : JsValue.bool(!t, n, parsed.path());
            default:
                return JsValue.unknown(n, parsed.path());
        }
    }

    private JsValue binary(SyntaxNode n, int depth) {
        String op = operator(n);
        JsValue left = resolve(n.field("left"), depth + 1);
        if (op.equals("||") || op.equals("??")) {
            JsValue right = resolve(n.field("right"), depth + 1);
            if (left.is(JsValue.Kind.ENV)) {
                return left.fallback() == null ? JsValue.env(left.variable(), right, n, parsed.path()) : left;
            }
            Boolean t = op.equals("??") ? (left.is(JsValue.Kind.NULL) ? Boolean.FALSE
                    : left.isKnown() ? Boolean.TRUE : null) : left.truthy();
            if (t == null) {
                return JsValue.unknown(n, parsed.path());
            }
            return t ? left : right;
        }
        JsValue right = resolve(n.field("right"), depth + 1);
        if (op.equals("+") && (left.is(JsValue.Kind.STRING) || right.is(JsValue.Kind.STRING))
                && left.isLiteral() && right.isLiteral()) {
            return JsValue.string(left.text() + right.text(), n, parsed.path()).through(null);
        }
        JsValue a = toNumber(left);
        JsValue b = toNumber(right);
        if (!a.is(JsValue.Kind.NUMBER) || !b.is(JsValue.Kind.NUMBER)) {
            return JsValue.unknown(n, parsed.path());
        }
        double x = a.number();
        double y = b.number();
        Double r = switch (op) {
            case "*" -> x * y;
            case "/" -> y == 0 ? null : x / y;
            case "+" -> x + y;
            case "-" -> x - y;
            case "%" -> y == 0 ? null : x % y;
            case "**" -> Math.pow(x, y);
            case "<<" -> (double) ((long) x << (long) y);
            default -> null;
        };
        if (r == null) {
            return JsValue.unknown(n, parsed.path());
        }
        JsValue out = JsValue.number(r, n, parsed.path());
        return left.via().isEmpty() && right.via().isEmpty() ? out : carry(out, left, right);
    }

    private static JsValue carry(JsValue out, JsValue... from) {
        JsValue v = out;
        for (JsValue f : from) {
            for (Evidence e : f.via()) {
                v = v.through(e);
            }
        }
        return v;
    }

    private JsValue ternary(SyntaxNode n, int depth) {
        JsValue a = resolve(n.field("consequence"), depth + 1);
        JsValue b = resolve(n.field("alternative"), depth + 1);
        if (a.isLiteral() && b.isLiteral() && a.kind() == b.kind() && a.text().equals(b.text())) {
            return a;
        }
        return JsValue.unknown(n, parsed.path());
    }

    private JsValue call(SyntaxNode n, int depth) {
        SyntaxNode fn = n.field("function");
        SyntaxNode args = n.field("arguments");
        List<SyntaxNode> list = args == null ? List.of() : args.namedChildren();
        String name = fn == null ? "" : fn.text().replaceAll("\\s+", "");
        switch (name) {
            case "Number", "parseInt", "parseFloat", "Number.parseInt", "Number.parseFloat":
                return list.isEmpty() ? JsValue.unknown(n, parsed.path()) : toNumber(resolve(list.get(0), depth + 1));
            case "String", "Boolean":
                return list.isEmpty() ? JsValue.unknown(n, parsed.path()) : resolve(list.get(0), depth + 1);
            case "Math.pow":
                if (list.size() == 2) {
                    JsValue a = toNumber(resolve(list.get(0), depth + 1));
                    JsValue b = toNumber(resolve(list.get(1), depth + 1));
                    if (a.is(JsValue.Kind.NUMBER) && b.is(JsValue.Kind.NUMBER)) {
                        return JsValue.number(Math.pow(a.number(), b.number()), n, parsed.path());
                    }
                }
                return JsValue.unknown(n, parsed.path());
            default:
                break;
        }
        String required = JsSyntax.requiredModule(n);
        if (required != null) {
            return moduleValue(required, "*", n, depth);
        }
        return JsValue.unknown(n, parsed.path());
    }

    private JsValue member(SyntaxNode n, int depth) {
        String text = n.text().replaceAll("\\s+", "");
        String prop = JsSyntax.memberName(n);
        SyntaxNode object = n.field("object");
        String objText = object == null ? "" : object.text().replaceAll("\\s+", "");
        if (prop != null && (objText.equals("process.env") || objText.equals("import.meta.env")
                || objText.equals("Deno.env"))) {
            return JsValue.env(prop, null, n, parsed.path());
        }
        if (text.startsWith("process.env[")) {
            return JsValue.unknown(n, parsed.path());
        }
        JsValue base = resolve(object, depth + 1);
        if (prop == null) {
            SyntaxNode index = n.field("index");
            JsValue i = index == null ? null : resolve(index, depth + 1);
            if (i != null && i.is(JsValue.Kind.NUMBER) && base.is(JsValue.Kind.ARRAY)) {
                List<JsValue> items = base.items();
                int k = (int) i.number();
                return k >= 0 && k < items.size() ? carry(items.get(k), base) : JsValue.unknown(n, parsed.path());
            }
            if (i != null && i.is(JsValue.Kind.STRING)) {
                prop = i.string();
            } else {
                return JsValue.unknown(n, parsed.path());
            }
        }
        if (base.is(JsValue.Kind.OBJECT)) {
            return carry(base.get(prop), base);
        }
        if (base.is(JsValue.Kind.ARRAY) && prop.equals("length")) {
            return JsValue.number(base.items().size(), n, parsed.path());
        }
        return JsValue.unknown(n, parsed.path());
    }

    private JsValue identifier(String name, SyntaxNode use, int depth) {
        String path = parsed.path();
        Declaration d = declarationFor(name, use);
        if (d != null) {
            Evidence at = parsed.evidence(d.declarator());
            if (d.value() == null) {
                return JsValue.unknown(d.declarator(), path);
            }
            String required = JsSyntax.requiredModule(d.value());
            if (required != null) {
                return moduleValue(required, d.property() == null ? "*" : d.property(), use, depth).through(at);
            }
            JsValue v = resolve(d.value(), depth + 1);
            if (d.property() != null) {
                v = v.is(JsValue.Kind.OBJECT) ? carry(v.get(d.property()), v) : JsValue.unknown(d.value(), path);
            }
            return v.through(at);
        }
        Import i = file.importOf(name);
        if (i != null) {
            return moduleValue(i.source(), i.imported(), use, depth).through(parsed.evidence(i.node()));
        }
        SyntaxNode fn = file.function(name);
        if (fn != null) {
            return JsValue.function(fn, path);
        }
        SyntaxNode en = file.enumDeclaration(name);
        if (en != null) {
            return JsValue.object(new EnumMembers(en, depth), en, path);
        }
        return JsValue.unknown(use, path);
    }

    /** The declaration of {@code name} visible at {@code use}: the innermost enclosing scope wins. */
    private Declaration declarationFor(String name, SyntaxNode use) {
        List<Declaration> all = file.declarations(name);
        if (all.isEmpty()) {
            return null;
        }
        Declaration best = null;
        int bestStart = -1;
        for (Declaration d : all) {
            SyntaxNode scope = file.scopeOf(d, JsResolver::scopeOf);
            if (scope == null) {
                continue;
            }
            boolean visible = use == null ? scope.is("program") : scope.encloses(use);
            if (!visible) {
                continue;
            }
            if (use != null && d.declarator().encloses(use)) {
                continue; // const x = f(x) reads an outer x
            }
            if (scope.startByte() > bestStart || scope.startByte() == bestStart && use != null
                    && d.declarator().startByte() < use.startByte()) {
                best = d;
                bestStart = scope.startByte();
            }
        }
        return best;
    }

    private static SyntaxNode scopeOf(SyntaxNode declarator) {
        for (SyntaxNode p = declarator.parent(); p != null; p = p.parent()) {
            if (SCOPES.contains(p.type())) {
                return p;
            }
            if (isFunction(p)) {
                return p; // parameters and bodies of arrow functions without braces
            }
        }
        return null;
    }

    /** A binding imported from another file of the repository; packages stay unknown. */
    private JsValue moduleValue(String source, String imported, SyntaxNode use, int depth) {
        Optional<SourceFile> target = JsModules.resolve(sources, parsed.path(), source);
        if (target.isEmpty() || depth > MAX_DEPTH) {
            return JsValue.unknown(use, parsed.path());
        }
        JsResolver other = new JsResolver(sources.parsed(target.get()), sources);
        return other.exported(imported, depth + 1);
    }

    private JsValue exported(String name, int depth) {
        String path = parsed.path();
        if (name.equals("*")) {
            return JsValue.object(new NamespaceMembers(depth), file.moduleExports(), path);
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            JsValue base = exported(name.substring(0, dot), depth);
            return base.is(JsValue.Kind.OBJECT) ? carry(base.get(name.substring(dot + 1)), base)
                    : JsValue.unknown(null, path);
        }
        Export e = file.exports().get(name);
        if (e != null) {
            if (e.value() != null) {
                return resolve(e.value(), depth + 1);
            }
            if (e.local() != null) {
                return identifier(e.local(), null, depth + 1);
            }
            if (e.fromSource() != null) {
                return moduleValue(e.fromSource(), e.fromName(), null, depth + 1);
            }
        }
        if (file.moduleExports() != null) {
            JsValue all = resolve(file.moduleExports(), depth + 1);
            if (name.equals("default")) {
                return all;
            }
            if (all.is(JsValue.Kind.OBJECT)) {
                return carry(all.get(name), all);
            }
        }
        return JsValue.unknown(null, path);
    }

    private static String operator(SyntaxNode n) {
        SyntaxNode op = n.field("operator");
        return op == null ? "" : op.text();
    }

    private JsValue toNumber(JsValue v) {
        if (v.is(JsValue.Kind.NUMBER)) {
            return v;
        }
        if (v.is(JsValue.Kind.STRING)) {
            Double d = parseNumber(v.string().trim());
            return d == null ? JsValue.unknown(v.node(), v.path()) : carry(JsValue.number(d, v.node(), v.path()), v);
        }
        if (v.is(JsValue.Kind.ENV)) {
            JsValue fb = v.fallback();
            return fb == null ? v : JsValue.env(v.variable(), toNumber(fb), v.node(), v.path());
        }
        if (v.is(JsValue.Kind.BOOLEAN)) {
            return JsValue.number(v.bool() ? 1 : 0, v.node(), v.path());
        }
        return JsValue.unknown(v.node(), v.path());
    }

    /** A JavaScript numeric literal: decimal, exponent, hex, octal, binary, separators, BigInt suffix. */
    static Double parseNumber(String raw) {
        String s = raw.replace("_", "").toLowerCase(Locale.ROOT);
        if (s.endsWith("n")) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            if (s.startsWith("0x")) {
                return (double) Long.parseLong(s.substring(2), 16);
            }
            if (s.startsWith("0o")) {
                return (double) Long.parseLong(s.substring(2), 8);
            }
            if (s.startsWith("0b")) {
                return (double) Long.parseLong(s.substring(2), 2);
            }
            if (s.isEmpty()) {
                return null;
            }
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Members of an object or array literal, read from the syntax on first use. */
    private final class LiteralMembers implements JsValue.Members {
        private final SyntaxNode node;
        private final int depth;
        private Map<String, JsValue.Member> props;
        private List<JsValue> items;

        LiteralMembers(SyntaxNode node, int depth) {
            this.node = node;
            this.depth = depth;
        }

        @Override
        public synchronized Map<String, JsValue.Member> properties() {
            if (props == null) {
                Map<String, JsValue.Member> m = new LinkedHashMap<>();
                for (SyntaxNode c : node.namedChildren()) {
                    switch (c.type()) {
                        case "pair" -> {
                            SyntaxNode k = c.field("key");
                            String key = k == null ? null : keyName(k);
                            if (key != null) {
                                m.put(key, new LazyMember(c, () -> resolve(c.field("value"), depth + 1)));
                            }
                        }
                        case "shorthand_property_identifier" ->
                                m.put(c.text(), new LazyMember(c, () -> identifier(c.text(), c, depth + 1)));
                        case "method_definition" -> {
                            SyntaxNode k = c.field("name");
                            if (k != null) {
                                m.put(keyName(k), new LazyMember(c, () -> JsValue.function(c, parsed.path())));
                            }
                        }
                        case "spread_element" -> {
                            JsValue spread = resolve(c.namedChild(0), depth + 1);
                            m.putAll(spread.properties());
                        }
                        default -> {
                        }
                    }
                }
                props = m;
            }
            return props;
        }

        private String keyName(SyntaxNode k) {
            if (k.is("computed_property_name")) {
                JsValue v = resolve(k.namedChild(0), depth + 1);
                return v.isLiteral() ? v.text() : null;
            }
            return JsSyntax.nameText(k);
        }

        @Override
        public synchronized List<JsValue> items() {
            if (items == null) {
                List<JsValue> l = new ArrayList<>();
                for (SyntaxNode c : node.namedChildren()) {
                    if (c.is("comment")) {
                        continue;
                    }
                    if (c.is("spread_element")) {
                        l.addAll(resolve(c.namedChild(0), depth + 1).items());
                    } else {
                        l.add(resolve(c, depth + 1));
                    }
                }
                items = List.copyOf(l);
            }
            return items;
        }
    }

    /** The members of a TypeScript enum: explicit initialisers, numbers counting up from the last one. */
    private final class EnumMembers implements JsValue.Members {
        private final SyntaxNode node;
        private final int depth;
        private Map<String, JsValue.Member> props;

        EnumMembers(SyntaxNode node, int depth) {
            this.node = node;
            this.depth = depth;
        }

        @Override
        public synchronized Map<String, JsValue.Member> properties() {
            if (props == null) {
                Map<String, JsValue.Member> m = new LinkedHashMap<>();
                SyntaxNode body = node.field("body");
                double next = 0;
                for (SyntaxNode c : body == null ? List.<SyntaxNode>of() : body.namedChildren()) {
                    if (c.is("enum_assignment")) {
                        SyntaxNode k = c.field("name");
                        JsValue v = resolve(c.field("value"), depth + 1);
                        if (v.is(JsValue.Kind.NUMBER)) {
                            next = v.number() + 1;
                        }
                        if (k != null) {
                            m.put(JsSyntax.nameText(k), new LazyMember(c, () -> v));
                        }
                    } else if (c.is("property_identifier") || c.is("string")) {
                        JsValue v = JsValue.number(next++, c, parsed.path());
                        m.put(JsSyntax.nameText(c), new LazyMember(c, () -> v));
                    }
                }
                props = m;
            }
            return props;
        }

        @Override
        public List<JsValue> items() {
            return List.of();
        }
    }

    /** The exports of a module, seen as the object {@code import * as m} or {@code require()} gives. */
    private final class NamespaceMembers implements JsValue.Members {
        private final int depth;
        private Map<String, JsValue.Member> props;

        NamespaceMembers(int depth) {
            this.depth = depth;
        }

        @Override
        public synchronized Map<String, JsValue.Member> properties() {
            if (props == null) {
                Map<String, JsValue.Member> m = new LinkedHashMap<>();
                if (file.moduleExports() != null) {
                    m.putAll(resolve(file.moduleExports(), depth + 1).properties());
                }
                for (String name : file.exports().keySet()) {
                    if (!name.equals("default") || file.moduleExports() == null) {
                        m.put(name, new LazyMember(null, () -> exported(name, depth + 1)));
                    }
                }
                props = m;
            }
            return props;
        }

        @Override
        public List<JsValue> items() {
            return List.of();
        }
    }

    private static final class LazyMember implements JsValue.Member {
        private final SyntaxNode keyNode;
        private final java.util.function.Supplier<JsValue> supplier;
        private JsValue value;

        LazyMember(SyntaxNode keyNode, java.util.function.Supplier<JsValue> supplier) {
            this.keyNode = keyNode;
            this.supplier = supplier;
        }

        @Override
        public SyntaxNode keyNode() {
            return keyNode;
        }

        @Override
        public synchronized JsValue value() {
            if (value == null) {
                value = supplier.get();
            }
            return value;
        }
    }
}
