package io.wsmemory.core.resolve.go;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.SourceSet;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates Go expressions statically: literals, constant arithmetic with exact numbers and {@code time.Duration}
 * units ({@code (pongWait * 9) / 10}), typed constants and iota, package-level constants and variables across the
 * files of a package and across packages of the repository's modules, locals, parameters through their call sites,
 * struct literals and configuration fields set in literals or loaders, and the environment: {@code os.Getenv} with
 * the fallbacks code gives it ({@code if v == "" { v = "30s" }}, {@code getEnv("X", "30s")}, {@code env:"X"
 * envDefault:"30s"} tags, {@code viper.SetDefault}). Gives up (unknown) rather than guess; every step is
 * depth-limited.
 */
public final class GoResolver {

    private static final int MAX_DEPTH = 16;
    private static final int MAX_CALL_SITES = 8;
    private static final int MAX_FIELD_FILES = 60;
    private static final Map<String, Long> TIME_UNITS = Map.of("Nanosecond", 1L, "Microsecond", 1_000L,
            "Millisecond", 1_000_000L, "Second", 1_000_000_000L, "Minute", 60_000_000_000L,
            "Hour", 3_600_000_000_000L);
    private static final Set<String> NUMERIC_CONVERSIONS = Set.of("int", "int8", "int16", "int32", "int64", "uint",
            "uint8", "uint16", "uint32", "uint64", "float32", "float64", "uintptr", "byte", "rune");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Set<String> VIPER_GETTERS = Set.of("GetDuration", "GetInt", "GetInt32", "GetInt64",
            "GetString", "GetBool", "GetFloat64", "GetUint", "GetUint32", "GetUint64", "GetStringSlice");
    private static final Set<String> FLAG_FUNCS = Set.of("Duration", "Int", "Int64", "Uint", "Uint64", "String",
            "Bool", "Float64");

    /** A binding of a function's parameters to the arguments of one call, while its body is evaluated. */
    private record Frame(SyntaxNode fn, Map<String, Arg> args, Frame parent) {
    }

    private record Arg(GoResolver scope, SyntaxNode expr) {
    }

    private record Ctx(Integer iota, Frame frame) {
        static final Ctx NONE = new Ctx(null, null);

        Ctx withIota(int i) {
            return new Ctx(i, frame);
        }

        Ctx noIota() {
            return iota == null ? this : new Ctx(null, frame);
        }
    }

    /** Something found in a file: the node and the resolver of its file. */
    public record Located<T>(T item, GoResolver scope) {
    }

    /** A call of a function: the call expression and the resolver of its file. */
    public record CallSite(SyntaxNode call, GoResolver scope) {
    }

    private final GoWorkspace ws;
    private final GoFile file;
    private final Map<String, Boolean> envReaders = new ConcurrentHashMap<>();

    public GoResolver(ParsedFile parsed, SourceSet sources) {
        this.ws = GoWorkspace.of(sources);
        this.file = ws.file(parsed);
    }

    private GoResolver(GoWorkspace ws, GoFile file) {
        this.ws = ws;
        this.file = file;
    }

    public static GoResolver of(GoWorkspace ws, GoFile file) {
        return new GoResolver(ws, file);
    }

    public GoFile goFile() {
        return file;
    }

    public GoWorkspace workspace() {
        return ws;
    }

    public String path() {
        return file.path();
    }

    public String directory() {
        int slash = file.path().lastIndexOf('/');
        return slash < 0 ? "" : file.path().substring(0, slash);
    }

    /** A resolver for another Go file of the scan; this one when the path is this file's or unknown. */
    public GoResolver resolverFor(String path) {
        if (path == null || path.equals(file.path())) {
            return this;
        }
        GoFile g = ws.file(path);
        return g == null ? this : new GoResolver(ws, g);
    }

    public Evidence evidence(SyntaxNode n) {
        return file.parsed().evidence(n);
    }

    // ---- package structure --------------------------------------------------------------------------------

    /** The files of this file's package (this file first). */
    public List<GoResolver> packageScopes() {
        List<GoResolver> out = new ArrayList<>();
        out.add(this);
        for (GoFile g : ws.packageFiles(directory())) {
            if (!g.path().equals(file.path()) && g.packageName().equals(file.packageName())) {
                out.add(new GoResolver(ws, g));
            }
        }
        return out;
    }

    /** The files of the package an import alias of this file names, when it is in the repository. */
    public List<GoResolver> importedPackage(String alias) {
        GoFile.Import i = file.importOf(alias);
        if (i == null) {
            return List.of();
        }
        String dir = ws.dirOf(i.path());
        if (dir == null) {
            return List.of();
        }
        List<GoResolver> out = new ArrayList<>();
        for (GoFile g : ws.packageFiles(dir)) {
            out.add(new GoResolver(ws, g));
        }
        return out;
    }

    private List<GoResolver> scopesFor(String alias) {
        return alias == null ? packageScopes() : importedPackage(alias);
    }

    public Located<GoFile.Binding> packageBinding(String alias, String name) {
        for (GoResolver r : scopesFor(alias)) {
            GoFile.Binding b = r.file.binding(name);
            if (b != null) {
                return new Located<>(b, r);
            }
        }
        return null;
    }

    public Located<GoFile.Func> packageFunction(String alias, String name) {
        for (GoResolver r : scopesFor(alias)) {
            GoFile.Func f = r.file.function(name);
            if (f != null) {
                return new Located<>(f, r);
            }
        }
        return null;
    }

    /** The methods named {@code name} of this package (any receiver), each with its file. */
    public List<Located<GoFile.Func>> packageMethods(String name) {
        List<Located<GoFile.Func>> out = new ArrayList<>();
        for (GoResolver r : packageScopes()) {
            for (GoFile.Func f : r.file.methods(name)) {
                out.add(new Located<>(f, r));
            }
        }
        return out;
    }

    /** The type spec of a named type of this package ({@code alias} null) or of an imported repository package. */
    public Located<SyntaxNode> typeDeclaration(String alias, String name) {
        for (GoResolver r : scopesFor(alias)) {
            SyntaxNode t = r.file.type(name);
            if (t != null) {
                return new Located<>(t, r);
            }
        }
        return null;
    }

    /**
     * The function declaration a callee names: {@code f}, {@code pkg.F} of a repository package, a method
     * {@code x.m} of this package when only one type declares it (or the receiver's type says which), or a
     * package-level {@code var f = func...}. Null when it is not the repository's.
     */
    public Located<SyntaxNode> functionOf(SyntaxNode callee) {
        SyntaxNode n = GoSyntax.unwrap(callee);
        if (n == null) {
            return null;
        }
        if (n.is("func_literal")) {
            return new Located<>(n, this);
        }
        if (n.is("identifier")) {
            Located<GoFile.Func> f = packageFunction(null, n.text());
            if (f != null) {
                return new Located<>(f.item().node(), f.scope());
            }
            GoValue v = resolve(n);
            if (v.is(GoValue.Kind.FUNCTION) && v.node() != null) {
                return new Located<>(v.node(), resolverFor(v.path()));
            }
            return null;
        }
        if (n.is("selector_expression")) {
            SyntaxNode op = n.field("operand");
            SyntaxNode field = n.field("field");
            if (op == null || field == null) {
                return null;
            }
            if (op.is("identifier") && file.importOf(op.text()) != null && !isLocal(op)) {
                Located<GoFile.Func> f = packageFunction(op.text(), field.text());
                if (f != null) {
                    return new Located<>(f.item().node(), f.scope());
                }
                Located<GoFile.Binding> b = packageBinding(op.text(), field.text());
                if (b != null && b.item().value() != null && GoSyntax.unwrap(b.item().value()).is("func_literal")) {
                    return new Located<>(GoSyntax.unwrap(b.item().value()), b.scope());
                }
                return null;
            }
            List<Located<GoFile.Func>> methods = new ArrayList<>();
            GoType t = typeOf(op);
            String receiverType = t == null ? null : t.base().name();
            List<GoResolver> scopes = packageScopes();
            if (t != null && t.packageAlias() != null) {
                scopes = importedPackage(t.packageAlias());
            }
            for (GoResolver r : scopes) {
                for (GoFile.Func f : r.file.methods(field.text())) {
                    methods.add(new Located<>(f, r));
                }
            }
            if (receiverType != null) {
                for (Located<GoFile.Func> m : methods) {
                    if (receiverType.equals(m.item().receiver())) {
                        return new Located<>(m.item().node(), m.scope());
                    }
                }
            }
            if (methods.size() == 1) {
                return new Located<>(methods.get(0).item().node(), methods.get(0).scope());
            }
            if (t != null) {
                GoType ft = fieldType(t, field.text());
                if (ft != null && ft.base().node().is("function_type")) {
                    return null;
                }
            }
        }
        return null;
    }

    private boolean isLocal(SyntaxNode id) {
        SyntaxNode fn = GoSyntax.enclosingFunction(id);
        while (fn != null) {
            if (GoSyntax.parameterNames(fn).contains(id.text()) || localDefinition(id.text(), id, fn) != null) {
                return true;
            }
            fn = GoSyntax.enclosingFunction(fn);
        }
        return false;
    }

    /**
     * The calls of a function or method declared in this file: in its package by name (methods on any operand),
     * and for exported names in the repository's files that import the package. At most a few dozen.
     */
    public List<CallSite> callSites(SyntaxNode decl) {
        List<CallSite> out = new ArrayList<>();
        SyntaxNode nameNode = decl.field("name");
        if (nameNode == null) {
            return out;
        }
        String name = nameNode.text();
        boolean method = decl.is("method_declaration");
        for (GoResolver r : packageScopes()) {
            for (SyntaxNode call : r.file.calls(name)) {
                SyntaxNode fn = call.field("function");
                if (!method && fn.is("identifier") || method && fn.is("selector_expression")) {
                    out.add(new CallSite(call, r));
                }
            }
        }
        if (Character.isUpperCase(name.charAt(0))) {
            String ip = ws.importPath(directory());
            if (ip != null) {
                for (GoFile g : ws.filesContaining("\"" + ip + "\"", sf -> sf.contains(name))) {
                    String alias = g.aliasOf(ip);
                    if (alias == null || g.path().equals(file.path())) {
                        continue;
                    }
                    GoResolver r = new GoResolver(ws, g);
                    for (SyntaxNode call : g.calls(name)) {
                        SyntaxNode fn = call.field("function");
                        if (!fn.is("selector_expression")) {
                            continue;
                        }
                        SyntaxNode op = fn.field("operand");
                        boolean qualified = op != null && op.is("identifier") && op.text().equals(alias);
                        if (method != qualified) {
                            out.add(new CallSite(call, r));
                        }
                    }
                }
            }
        }
        return out;
    }

    // ---- values -------------------------------------------------------------------------------------------

    public GoValue resolve(SyntaxNode expr) {
        return resolve(expr, 0, Ctx.NONE);
    }

    /** The value bound to {@code name} where {@code use} reads it. */
    public GoValue resolveName(String name, SyntaxNode use) {
        return identifier(name, use, 0, Ctx.NONE);
    }

    /**
     * The expression an identifier is bound to where it is read: the last assignment of a local before the use,
     * or a package-level variable's initialiser (with the resolver of its file). Null for parameters, receivers and
     * names bound without an expression.
     */
    public Located<SyntaxNode> definition(SyntaxNode id) {
        SyntaxNode n = GoSyntax.unwrap(id);
        if (n == null || !n.is("identifier")) {
            return null;
        }
        String name = n.text();
        for (SyntaxNode fn = GoSyntax.enclosingFunction(n); fn != null; fn = GoSyntax.enclosingFunction(fn)) {
            SyntaxNode def = localDefinition(name, n, fn);
            if (def != null) {
                if (def.is("receive_statement")) {
                    SyntaxNode right = def.field("right");
                    SyntaxNode left = def.field("left");
                    boolean first = left != null && left.namedChildCount() > 0
                            && left.namedChild(0).text().equals(name);
                    return right == null || !first ? null : new Located<>(right, this);
                }
                SyntaxNode e = definedExpression(def, name);
                if (e == null && def.is("short_var_declaration")) {
                    SyntaxNode r = def.field("right");
                    e = r != null && r.namedChildCount() == 1 ? r.namedChild(0) : null;
                }
                return e == null ? null : new Located<>(e, this);
            }
            if (GoSyntax.parameterNames(fn).contains(name)) {
                return null;
            }
        }
        Located<GoFile.Binding> b = packageBinding(null, name);
        return b == null || b.item().value() == null ? null : new Located<>(b.item().value(), b.scope());
    }

    /** True when an identifier names a parameter of a function around it. */
    public boolean isParameter(SyntaxNode id) {
        for (SyntaxNode fn = GoSyntax.enclosingFunction(id); fn != null; fn = GoSyntax.enclosingFunction(fn)) {
            if (localDefinition(id.text(), id, fn) != null) {
                return false;
            }
            if (GoSyntax.parameterNames(fn).contains(id.text())) {
                return true;
            }
        }
        return false;
    }

    private GoValue resolve(SyntaxNode expr, int depth, Ctx ctx) {
        SyntaxNode n = GoSyntax.unwrap(expr);
        String path = file.path();
        if (n == null) {
            return GoValue.unknown(expr, path);
        }
        if (depth > MAX_DEPTH) {
            return GoValue.unknown(n, path);
        }
        switch (n.type()) {
            case "int_literal": {
                BigInteger i = parseInt(n.text());
                return i == null ? GoValue.unknown(n, path) : GoValue.number(new BigDecimal(i), true, null, n, path);
            }
            case "float_literal": {
                try {
                    return GoValue.number(new BigDecimal(n.text().replace("_", "")), false, null, n, path);
                } catch (NumberFormatException e) {
                    return GoValue.unknown(n, path);
                }
            }
            case "interpreted_string_literal", "raw_string_literal":
                return GoValue.string(GoSyntax.stringValue(n), n, path);
            case "true":
                return GoValue.bool(true, n, path);
            case "false":
                return GoValue.bool(false, n, path);
            case "nil":
                return GoValue.nil(n, path);
            case "iota":
                return ctx.iota() == null ? GoValue.unknown(n, path)
                        : GoValue.number(BigDecimal.valueOf(ctx.iota()), true, null, n, path);
            case "identifier":
                return identifier(n.text(), n, depth, ctx);
            case "selector_expression":
                return selector(n, depth, ctx);
            case "unary_expression":
                return unary(n, depth, ctx);
            case "binary_expression":
                return binary(n, depth, ctx);
            case "call_expression":
                return call(n, depth, ctx);
            case "composite_literal":
                return composite(n, depth, ctx);
            case "func_literal":
                return GoValue.function(n, path);
            case "type_conversion_expression": {
                GoValue v = resolve(n.field("operand"), depth + 1, ctx);
                return convert(n.field("type"), v, n);
            }
            default:
                return GoValue.unknown(n, path);
        }
    }

    static BigInteger parseInt(String raw) {
        String s = raw.replace("_", "").toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("0x")) {
                return new BigInteger(s.substring(2), 16);
            }
            if (s.startsWith("0o")) {
                return new BigInteger(s.substring(2), 8);
            }
            if (s.startsWith("0b")) {
                return new BigInteger(s.substring(2), 2);
            }
            if (s.length() > 1 && s.startsWith("0")) {
                return new BigInteger(s.substring(1), 8);
            }
            return new BigInteger(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private GoValue unary(SyntaxNode n, int depth, Ctx ctx) {
        SyntaxNode opNode = n.field("operator");
        String op = opNode == null ? "" : opNode.text();
        GoValue v = resolve(n.field("operand"), depth + 1, ctx);
        switch (op) {
            case "&", "*":
                return v;
            case "-":
                if (v.is(GoValue.Kind.NUMBER)) {
                    return GoValue.number(v.number().negate(), v.isInteger(), v.type(), n, file.path())
                            .throughAll(v.via());
                }
                return GoValue.unknown(n, file.path());
            case "+":
                return v;
            case "!":
                return v.is(GoValue.Kind.BOOLEAN) ? GoValue.bool(!v.bool(), n, file.path()).throughAll(v.via())
                        : GoValue.unknown(n, file.path());
            default:
                return GoValue.unknown(n, file.path());
        }
    }

    private GoValue binary(SyntaxNode n, int depth, Ctx ctx) {
        SyntaxNode opNode = n.field("operator");
        String op = opNode == null ? "" : opNode.text();
        GoValue left = resolve(n.field("left"), depth + 1, ctx);
        GoValue right = resolve(n.field("right"), depth + 1, ctx);
        return combine(op, left, right, n);
    }

    private GoValue combine(String op, GoValue left, GoValue right, SyntaxNode n) {
        String path = file.path();
        if (left.is(GoValue.Kind.ENV) || right.is(GoValue.Kind.ENV)) {
            GoValue env = left.is(GoValue.Kind.ENV) ? left : right;
            GoValue l = left.effective();
            GoValue r = right.effective();
            GoValue fb = l.is(GoValue.Kind.ENV) || r.is(GoValue.Kind.ENV) ? null : combine(op, l, r, n);
            GoValue out = GoValue.env(env.variable(), fb != null && fb.isKnown() ? fb : null, n, path);
            if (fb == null || !fb.isKnown()) {
                out = out.typed(mergeType(left.type(), right.type()));
            }
            return out.throughAll(left.via()).throughAll(right.via());
        }
        if (left.is(GoValue.Kind.STRING) && right.is(GoValue.Kind.STRING) && op.equals("+")) {
            return GoValue.string(left.string() + right.string(), n, path).throughAll(left.via())
                    .throughAll(right.via());
        }
        if (!left.is(GoValue.Kind.NUMBER) || !right.is(GoValue.Kind.NUMBER)) {
            return GoValue.unknown(n, path);
        }
        BigDecimal a = left.number();
        BigDecimal b = right.number();
        boolean integer = left.isInteger() && right.isInteger();
        BigDecimal r;
        try {
            switch (op) {
                case "+" -> r = a.add(b);
                case "-" -> r = a.subtract(b);
                case "*" -> r = a.multiply(b);
                case "/" -> {
                    if (b.signum() == 0) {
                        return GoValue.unknown(n, path);
                    }
                    r = integer ? new BigDecimal(a.toBigInteger().divide(b.toBigInteger()))
                            : a.divide(b, 12, RoundingMode.HALF_EVEN).stripTrailingZeros();
                }
                case "%" -> {
                    if (!integer || b.signum() == 0) {
                        return GoValue.unknown(n, path);
                    }
                    r = new BigDecimal(a.toBigInteger().mod(b.toBigInteger().abs()));
                }
                case "<<" -> r = new BigDecimal(a.toBigInteger().shiftLeft(b.intValueExact()));
                case ">>" -> r = new BigDecimal(a.toBigInteger().shiftRight(b.intValueExact()));
                case "|" -> r = new BigDecimal(a.toBigInteger().or(b.toBigInteger()));
                case "&" -> r = new BigDecimal(a.toBigInteger().and(b.toBigInteger()));
                default -> {
                    return GoValue.unknown(n, path);
                }
            }
        } catch (ArithmeticException e) {
            return GoValue.unknown(n, path);
        }
        return GoValue.number(r, integer, mergeType(left.type(), right.type()), n, path).throughAll(left.via())
                .throughAll(right.via());
    }

    private static String mergeType(String a, String b) {
        if (GoValue.DURATION.equals(a) || GoValue.DURATION.equals(b)) {
            return GoValue.DURATION;
        }
        return a != null ? a : b;
    }

    private GoValue identifier(String name, SyntaxNode use, int depth, Ctx ctx) {
        String path = file.path();
        if (depth > MAX_DEPTH) {
            return GoValue.unknown(use, path);
        }
        // parameters and locals, innermost function first
        for (SyntaxNode fn = GoSyntax.enclosingFunction(use); fn != null; fn = GoSyntax.enclosingFunction(fn)) {
            SyntaxNode def = localDefinition(name, use, fn);
            if (def != null) {
                return local(name, def, use, depth, ctx);
            }
            List<String> params = GoSyntax.parameterNames(fn);
            int idx = params.indexOf(name);
            if (idx >= 0) {
                return parameter(fn, name, idx, use, depth, ctx);
            }
            if (fn.is("method_declaration") && name.equals(receiverName(fn))) {
                return GoValue.unknown(use, path);
            }
        }
        Located<GoFile.Binding> b = packageBinding(null, name);
        if (b != null) {
            return binding(b, depth);
        }
        Located<GoFile.Func> f = packageFunction(null, name);
        if (f != null) {
            return GoValue.function(f.item().node(), f.scope().path());
        }
        return GoValue.unknown(use, path);
    }

    private static String receiverName(SyntaxNode method) {
        SyntaxNode recv = method.field("receiver");
        if (recv == null) {
            return null;
        }
        for (SyntaxNode p : recv.namedChildren()) {
            if (p.is("parameter_declaration")) {
                SyntaxNode n = p.field("name");
                return n == null ? null : n.text();
            }
        }
        return null;
    }

    private GoValue binding(Located<GoFile.Binding> b, int depth) {
        GoFile.Binding bd = b.item();
        GoResolver r = b.scope();
        Evidence at = r.evidence(bd.nameNode());
        if (bd.value() == null) {
            if (!bd.constant()) {
                GoValue flagged = r.flagVar(bd.name(), depth);
                if (flagged.isKnown()) {
                    return flagged.through(at);
                }
            }
            return GoValue.unknown(bd.nameNode(), r.path());
        }
        Ctx c = bd.constant() ? new Ctx(bd.iota(), null) : Ctx.NONE;
        GoValue v = r.resolve(bd.value(), depth + 1, c);
        if (bd.type() != null) {
            v = r.convert(bd.type(), v, bd.value());
        }
        return v.through(at);
    }

    /** {@code flag.DurationVar(&name, "flag", 30*time.Second, "...")} gives a package var its default. */
    private GoValue flagVar(String name, int depth) {
        for (GoResolver r : packageScopes()) {
            for (String fn : List.of("DurationVar", "IntVar", "Int64Var", "StringVar", "BoolVar", "UintVar")) {
                for (SyntaxNode call : r.file.calls(fn)) {
                    List<SyntaxNode> args = GoSyntax.arguments(call);
                    if (args.size() >= 3 && args.get(0).text().replaceAll("\\s", "").equals("&" + name)) {
                        return r.resolve(args.get(2), depth + 1, Ctx.NONE).through(r.evidence(call));
                    }
                }
            }
        }
        return GoValue.unknown(null, file.path());
    }

    /**
     * The statement that last gives {@code name} a value before {@code use} inside {@code fn}, looking outwards
     * through the enclosing blocks (and the initialisers of if/for/switch statements); null when none does.
     */
    private SyntaxNode localDefinition(String name, SyntaxNode use, SyntaxNode fn) {
        SyntaxNode child = use;
        for (SyntaxNode p = use.parent(); p != null; child = p, p = p.parent()) {
            if (p.equals(fn)) {
                return null;
            }
            if (p.is("statement_list")) {
                SyntaxNode found = null;
                for (SyntaxNode stmt : p.namedChildren()) {
                    if (stmt.startByte() >= child.startByte()) {
                        break;
                    }
                    if (defines(stmt, name)) {
                        found = stmt;
                    }
                }
                if (found != null) {
                    return found;
                }
            } else if (p.is("if_statement") || p.is("for_statement") || p.is("expression_switch_statement")
                    || p.is("type_switch_statement")) {
                SyntaxNode init = p.field("initializer");
                if (init != null && !init.equals(child) && defines(init, name)) {
                    return init;
                }
                if (p.is("for_statement")) {
                    for (SyntaxNode c : p.namedChildren()) {
                        if ((c.is("range_clause") || c.is("for_clause")) && !c.equals(child) && defines(c, name)) {
                            return c;
                        }
                    }
                }
            } else if (p.is("communication_case")) {
                SyntaxNode comm = p.field("communication");
                if (comm != null && !comm.equals(child) && defines(comm, name)) {
                    return comm;
                }
            }
        }
        return null;
    }

    private static boolean defines(SyntaxNode stmt, String name) {
        switch (stmt.type()) {
            case "short_var_declaration", "assignment_statement", "receive_statement", "range_clause" -> {
                SyntaxNode left = stmt.field("left");
                if (left == null) {
                    return false;
                }
                for (SyntaxNode id : left.is("expression_list") ? left.namedChildren() : List.of(left)) {
                    if (id.is("identifier") && id.text().equals(name)) {
                        return true;
                    }
                }
                return false;
            }
            case "for_clause" -> {
                SyntaxNode init = stmt.field("initializer");
                return init != null && defines(init, name);
            }
            case "var_declaration" -> {
                for (SyntaxNode c : stmt.namedChildren()) {
                    List<SyntaxNode> specs = c.is("var_spec_list") ? c.namedChildren() : List.of(c);
                    for (SyntaxNode s : specs) {
                        if (s.is("var_spec")) {
                            for (SyntaxNode id : GoSyntax.leadingIdentifiers(s)) {
                                if (id.text().equals(name)) {
                                    return true;
                                }
                            }
                        }
                    }
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /** The expression a defining statement gives {@code name} (null for var without value or multi-value). */
    private static SyntaxNode definedExpression(SyntaxNode stmt, String name) {
        List<SyntaxNode> names;
        List<SyntaxNode> values;
        SyntaxNode type = null;
        switch (stmt.type()) {
            case "short_var_declaration", "assignment_statement" -> {
                SyntaxNode op = stmt.field("operator");
                if (op != null && !op.text().equals("=") && !op.text().equals(":=")) {
                    return null;
                }
                SyntaxNode l = stmt.field("left");
                SyntaxNode r = stmt.field("right");
                names = l == null ? List.of() : l.namedChildren();
                values = r == null ? List.of() : r.namedChildren();
            }
            case "var_declaration" -> {
                for (SyntaxNode c : stmt.namedChildren()) {
                    List<SyntaxNode> specs = c.is("var_spec_list") ? c.namedChildren() : List.of(c);
                    for (SyntaxNode s : specs) {
                        if (!s.is("var_spec")) {
                            continue;
                        }
                        List<SyntaxNode> ids = GoSyntax.leadingIdentifiers(s);
                        for (int i = 0; i < ids.size(); i++) {
                            if (ids.get(i).text().equals(name)) {
                                SyntaxNode v = s.field("value");
                                List<SyntaxNode> vs = v == null ? List.of() : v.namedChildren();
                                if (vs.size() == ids.size()) {
                                    return vs.get(i);
                                }
                                return vs.size() == 1 && i == 0 ? vs.get(0) : null;
                            }
                        }
                    }
                }
                return null;
            }
            default -> {
                return null;
            }
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).text().equals(name)) {
                if (values.size() == names.size()) {
                    return values.get(i);
                }
                return values.size() == 1 && i == 0 ? values.get(0) : null;
            }
        }
        return null;
    }

    private GoValue local(String name, SyntaxNode def, SyntaxNode use, int depth, Ctx ctx) {
        SyntaxNode expr = definedExpression(def, name);
        if (expr == null) {
            return GoValue.unknown(use, file.path());
        }
        GoValue v = resolve(expr, depth + 1, ctx.noIota());
        if (def.is("var_declaration")) {
            SyntaxNode spec = def.namedChild(0);
            if (spec != null && spec.is("var_spec") && spec.field("type") != null) {
                v = convert(spec.field("type"), v, expr);
            }
        }
        // `if v == "" { v = "30s" }` between the definition and the use gives an environment value its fallback
        if (v.is(GoValue.Kind.ENV) && v.fallback() == null) {
            GoValue fb = fallbackAfter(name, def, use, depth, ctx);
            if (fb != null && fb.isKnown()) {
                GoValue conv = v.type() != null && !v.type().equals("string") ? coerce(fb, v.type()) : fb;
                v = GoValue.env(v.variable(), conv, v.node(), v.path()).throughAll(v.via()).throughAll(fb.via());
            }
        }
        return v.at(v.node(), v.path());
    }

    private GoValue fallbackAfter(String name, SyntaxNode def, SyntaxNode use, int depth, Ctx ctx) {
        SyntaxNode list = def.parent();
        if (list == null || !list.is("statement_list")) {
            return null;
        }
        for (SyntaxNode stmt : list.namedChildren()) {
            if (stmt.startByte() <= def.startByte()) {
                continue;
            }
            if (stmt.startByte() >= use.startByte()) {
                break;
            }
            if (!stmt.is("if_statement")) {
                continue;
            }
            SyntaxNode cond = stmt.field("condition");
            if (cond == null || !cond.text().matches(".*\\b" + Pattern.quote(name) + "\\b.*|.*!ok.*|.*err != nil.*")) {
                continue;
            }
            for (SyntaxNode s : GoSyntax.statements(stmt.field("consequence"))) {
                if (s.is("assignment_statement") && defines(s, name)) {
                    SyntaxNode e = definedExpression(s, name);
                    if (e != null) {
                        return resolve(e, depth + 1, ctx.noIota()).through(evidence(s));
                    }
                }
            }
        }
        return null;
    }

    private GoValue parameter(SyntaxNode fn, String name, int idx, SyntaxNode use, int depth, Ctx ctx) {
        for (Frame f = ctx.frame(); f != null; f = f.parent()) {
            if (f.fn().equals(fn)) {
                Arg a = f.args().get(name);
                if (a == null) {
                    return GoValue.unknown(use, file.path());
                }
                return a.scope().resolve(a.expr(), depth + 1, new Ctx(null, f.parent()));
            }
        }
        if (fn.is("func_literal")) {
            return GoValue.unknown(use, file.path());
        }
        List<CallSite> sites = callSites(fn);
        if (sites.isEmpty() || sites.size() > MAX_CALL_SITES) {
            return GoValue.unknown(use, file.path());
        }
        GoValue agreed = null;
        for (CallSite s : sites) {
            List<SyntaxNode> args = GoSyntax.arguments(s.call());
            if (idx >= args.size()) {
                return GoValue.unknown(use, file.path());
            }
            GoValue v = s.scope().resolve(args.get(idx), depth + 2, Ctx.NONE).through(s.scope().evidence(s.call()));
            if (v.is(GoValue.Kind.FUNCTION) && sites.size() == 1) {
                return v; // a callback handed over at the only call: what it does is known
            }
            if (!v.isKnown() || v.is(GoValue.Kind.STRUCT) || v.is(GoValue.Kind.SLICE)
                    || v.is(GoValue.Kind.FUNCTION)) {
                return GoValue.unknown(use, file.path());
            }
            if (agreed == null) {
                agreed = v;
            } else if (!same(agreed, v)) {
                return GoValue.unknown(use, file.path());
            }
        }
        SyntaxNode type = GoSyntax.parameterType(fn, name);
        return type == null ? agreed : convert(type, agreed, use);
    }

    private static boolean same(GoValue a, GoValue b) {
        return a.kind() == b.kind() && java.util.Objects.equals(a.text(), b.text())
                && java.util.Objects.equals(a.variable(), b.variable());
    }

    private GoValue selector(SyntaxNode n, int depth, Ctx ctx) {
        SyntaxNode op = n.field("operand");
        SyntaxNode fieldNode = n.field("field");
        String path = file.path();
        if (op == null || fieldNode == null) {
            return GoValue.unknown(n, path);
        }
        String field = fieldNode.text();
        if (op.is("identifier") && file.importOf(op.text()) != null && !isLocal(op)) {
            String ip = file.importOf(op.text()).path();
            if (ip.equals("time") && TIME_UNITS.containsKey(field)) {
                return GoValue.number(BigDecimal.valueOf(TIME_UNITS.get(field)), true, GoValue.DURATION, n, path);
            }
            if (ip.equals("math") && field.startsWith("Max")) {
                return GoValue.unknown(n, path);
            }
            Located<GoFile.Binding> b = packageBinding(op.text(), field);
            if (b != null) {
                return binding(b, depth);
            }
            Located<GoFile.Func> f = packageFunction(op.text(), field);
            if (f != null) {
                return GoValue.function(f.item().node(), f.scope().path());
            }
            return GoValue.unknown(n, path);
        }
        GoValue base = op.is("selector_expression") ? structOf(op, depth + 1, ctx) : resolve(op, depth + 1, ctx);
        if (base.is(GoValue.Kind.STRUCT) && base.has(field)) {
            GoValue v = base.get(field);
            if (v.isKnown()) {
                GoValue env = fieldEnvironment(selectorChain(n), typeOf(op), depth);
                if (env != null) {
                    return GoValue.env(env.variable(), v.effective(), n, path).throughAll(v.via())
                            .throughAll(env.via());
                }
                return v;
            }
        }
        return configField(n, depth);
    }

    /** A struct value behind a selector operand, without searching the repository for configuration fields. */
    private GoValue structOf(SyntaxNode sel, int depth, Ctx ctx) {
        SyntaxNode op = sel.field("operand");
        SyntaxNode f = sel.field("field");
        if (op == null || f == null || depth > MAX_DEPTH) {
            return GoValue.unknown(sel, file.path());
        }
        if (op.is("identifier") && file.importOf(op.text()) != null && !isLocal(op)) {
            Located<GoFile.Binding> b = packageBinding(op.text(), f.text());
            return b == null ? GoValue.unknown(sel, file.path()) : binding(b, depth);
        }
        GoValue base = op.is("selector_expression") ? structOf(op, depth + 1, ctx) : resolve(op, depth + 1, ctx);
        return base.is(GoValue.Kind.STRUCT) ? base.get(f.text()) : GoValue.unknown(sel, file.path());
    }

    /** The names of a selector chain without its root: {@code [Server, Stream, Ping]} for {@code c.Server.Stream.Ping}. */
    static List<String> selectorChain(SyntaxNode sel) {
        List<String> out = new ArrayList<>();
        SyntaxNode n = sel;
        while (n != null && n.is("selector_expression")) {
            SyntaxNode f = n.field("field");
            out.add(0, f == null ? "?" : f.text());
            n = GoSyntax.unwrap(n.field("operand"));
        }
        return out;
    }

    /**
     * A configuration field read through a selector ({@code cfg.Stream.PingPeriod}): the values literals and
     * assignments of the repository give a field of that name (agreeing, and nested under the same parent names),
     * the environment variable a loader binds to it, or the {@code env}/{@code default} tags of its declaration.
     */
    private GoValue configField(SyntaxNode sel, int depth) {
        String path = file.path();
        List<String> chain = selectorChain(sel);
        String field = chain.get(chain.size() - 1);
        if (depth > MAX_DEPTH - 4 || field.length() < 3) {
            return GoValue.unknown(sel, path);
        }
        GoType ownerType = typeOf(sel.field("operand"));
        String ownerName = ownerType == null ? null : ownerType.base().name();
        if (ws.countFilesContaining(field, MAX_FIELD_FILES) > MAX_FIELD_FILES) {
            return GoValue.unknown(sel, path); // counted on the bytes: a common field name costs no parse
        }
        List<GoFile> files = ws.filesContaining(field);
        GoValue literal = null;
        boolean conflict = false;
        GoValue env = null;
        for (GoFile g : files) {
            GoResolver r = g.path().equals(file.path()) ? this : new GoResolver(ws, g);
            for (GoFile.FieldSite site : g.fieldSites(field)) {
                switch (site.how()) {
                    case "kv" -> {
                        if (!r.literalMatches(site.node(), chain, ownerName)) {
                            continue;
                        }
                        SyntaxNode valueNode = site.node().field("value");
                        GoValue v = r.resolve(valueNode, depth + 2, Ctx.NONE).through(r.evidence(site.node()));
                        if (v.is(GoValue.Kind.ENV)) {
                            env = env == null ? v : env;
                        } else if (v.isLiteral()) {
                            if (literal == null) {
                                literal = v;
                            } else if (!same(literal, v)) {
                                conflict = true;
                            }
                        }
                    }
                    case "assign" -> {
                        SyntaxNode left = null;
                        SyntaxNode l = site.node().field("left");
                        SyntaxNode rt = site.node().field("right");
                        if (l == null || rt == null || l.namedChildCount() != 1 || rt.namedChildCount() != 1) {
                            continue;
                        }
                        left = l.namedChild(0);
                        if (left.equals(sel) || !chainMatches(selectorChain(left), chain)) {
                            continue;
                        }
                        GoValue v = r.resolve(rt.namedChild(0), depth + 2, Ctx.NONE).through(r.evidence(site.node()));
                        if (v.is(GoValue.Kind.ENV)) {
                            env = env == null ? v : env;
                        } else if (v.isLiteral()) {
                            if (literal == null) {
                                literal = v;
                            } else if (!same(literal, v)) {
                                conflict = true;
                            }
                        }
                    }
                    default -> {
                        SyntaxNode operand = site.node().field("operand");
                        if (operand == null || !chainMatches(selectorChain(operand), chain)) {
                            continue;
                        }
                        String variable = r.envBinding(site.node());
                        if (variable != null && env == null) {
                            env = GoValue.env(variable, null, site.node(), r.path()).through(r.evidence(site.node()));
                        }
                    }
                }
            }
        }
        GoValue tagged = ownerType == null ? null : tagged(ownerType, field);
        if (tagged != null) {
            if (env == null) {
                env = tagged;
            }
            if (literal == null && tagged.fallback() != null) {
                literal = tagged.fallback();
            }
        }
        if (conflict) {
            literal = null;
        }
        if (env != null) {
            GoValue fb = env.fallback() != null ? env.fallback() : literal;
            return GoValue.env(env.variable(), fb, sel, path).throughAll(env.via())
                    .throughAll(literal == null ? List.of() : literal.via());
        }
        return literal == null ? GoValue.unknown(sel, path) : literal;
    }

    private GoValue fieldEnvironment(List<String> chain, GoType ownerType, int depth) {
        String field = chain.get(chain.size() - 1);
        if (field.length() < 3 || depth > MAX_DEPTH - 4) {
            return null;
        }
        for (GoFile g : ws.filesContaining(field)) {
            GoResolver r = g.path().equals(file.path()) ? this : new GoResolver(ws, g);
            for (GoFile.FieldSite site : g.fieldSites(field)) {
                if (!site.how().equals("ref")) {
                    continue;
                }
                SyntaxNode operand = site.node().field("operand");
                if (operand == null || !chainMatches(selectorChain(operand), chain)) {
                    continue;
                }
                String variable = r.envBinding(site.node());
                if (variable != null) {
                    return GoValue.env(variable, null, site.node(), r.path()).through(r.evidence(site.node()));
                }
            }
        }
        return ownerType == null ? null : tagged(ownerType, field);
    }

    /** Chains agree on their common tail: {@code [Stream, Ping]} fits {@code [Server, Stream, Ping]}. */
    private static boolean chainMatches(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 1; i <= n; i++) {
            if (!a.get(a.size() - i).equals(b.get(b.size() - i))) {
                return false;
            }
        }
        return n > 0;
    }

    /**
     * True when a keyed element {@code Field: v} sits where the chain says: its literal is of the owner's type, or
     * the keys of the enclosing literals match the chain's parents.
     */
    private boolean literalMatches(SyntaxNode kv, List<String> chain, String ownerName) {
        SyntaxNode lit = kv.ancestor("composite_literal");
        if (lit == null) {
            return false;
        }
        SyntaxNode type = lit.field("type");
        if (type != null && (type.is("map_type") || type.is("slice_type") || type.is("array_type"))) {
            return false;
        }
        String litType = type == null ? null : GoSyntax.typeName(type);
        if (ownerName != null && litType != null) {
            return ownerName.equals(litType);
        }
        SyntaxNode cur = lit;
        for (int i = chain.size() - 2; i >= 0; i--) {
            SyntaxNode parentKv = cur.ancestor("keyed_element");
            if (parentKv == null) {
                return true;
            }
            SyntaxNode key = GoSyntax.unwrap(parentKv.field("key"));
            if (key == null || !key.text().equals(chain.get(i))) {
                return false;
            }
            cur = parentKv;
        }
        return true;
    }

    /**
     * The environment variable a call binds to a field whose address it takes ({@code parseInt(&c.Port,
     * "PORT")}, {@code envconfig.Int(&c.Port, EnvPort)}): a string argument that looks like a variable name,
     * when the callee reads the environment (or is not the repository's).
     */
    private String envBinding(SyntaxNode ref) {
        SyntaxNode args = ref.parent();
        SyntaxNode call = args == null ? null : args.parent();
        if (call == null || !call.is("call_expression")) {
            return null;
        }
        String variable = null;
        int nameIndex = -1;
        List<SyntaxNode> list = GoSyntax.arguments(call);
        for (int i = 0; i < list.size(); i++) {
            SyntaxNode a = list.get(i);
            if (a.equals(ref)) {
                continue;
            }
            GoValue v = resolve(a);
            if (v.is(GoValue.Kind.STRING) && ENV_NAME.matcher(v.string()).matches() && v.string().length() > 2) {
                variable = v.string();
                nameIndex = i;
                break;
            }
        }
        if (variable == null) {
            return null;
        }
        Located<SyntaxNode> fn = functionOf(call.field("function"));
        if (fn != null && !fn.scope().readsEnvironment(fn.item(), nameIndex, 0)) {
            return null;
        }
        return variable;
    }

    /** True when a function of the repository reads the environment variable named by its parameter {@code index}. */
    boolean readsEnvironment(SyntaxNode fn, int index, int depth) {
        List<String> params = GoSyntax.parameterNames(fn);
        if (index < 0 || index >= params.size() || depth > 3) {
            return false;
        }
        String key = fn.startByte() + ":" + index;
        Boolean cached = envReaders.get(key);
        if (cached != null) {
            return cached;
        }
        envReaders.put(key, false);
        String param = params.get(index);
        boolean reads = false;
        SyntaxNode body = fn.field("body");
        if (body != null && body.text().contains(param)) {
            List<SyntaxNode> calls = new ArrayList<>();
            body.walk(x -> !x.is("func_literal") || x.equals(body), x -> {
                if (x.is("call_expression")) {
                    calls.add(x);
                }
            });
            for (SyntaxNode c : calls) {
                List<SyntaxNode> args = GoSyntax.arguments(c);
                int at = -1;
                for (int i = 0; i < args.size(); i++) {
                    SyntaxNode a = GoSyntax.unwrap(args.get(i));
                    if (a.is("identifier") && a.text().equals(param)
                            || a.is("binary_expression") && a.text().startsWith(param + " +")) {
                        at = i;
                        break;
                    }
                }
                if (at < 0) {
                    continue;
                }
                String callee = GoSyntax.calleeName(c);
                SyntaxNode op = GoSyntax.calleeOperand(c);
                if (op != null && op.text().equals("os") && (callee.equals("Getenv") || callee.equals("LookupEnv"))
                        || op != null && op.text().equals("syscall") && callee.equals("Getenv")) {
                    reads = true;
                    break;
                }
                Located<SyntaxNode> inner = functionOf(c.field("function"));
                if (inner != null && !inner.item().equals(fn)
                        && inner.scope().readsEnvironment(inner.item(), at, depth + 1)) {
                    reads = true;
                    break;
                }
            }
        }
        envReaders.put(key, reads);
        return reads;
    }

    /** {@code env:"PING" envDefault:"30s"} (or {@code default:"..."}) on a field's declaration. */
    private GoValue tagged(GoType owner, String field) {
        GoType.Field f = owner.field(field);
        if (f == null) {
            return null;
        }
        Map<String, String> tags = f.tags();
        String variable = first(tags, "env", "envconfig");
        String def = first(tags, "envDefault", "default");
        if (variable != null) {
            int comma = variable.indexOf(',');
            variable = comma >= 0 ? variable.substring(0, comma) : variable;
        }
        if (variable == null && def == null) {
            return null;
        }
        String path = owner.scope().path();
        GoValue fallback = null;
        if (def != null) {
            GoValue s = GoValue.string(def, f.node(), path);
            String typeText = f.type() == null ? "" : f.type().text();
            fallback = typeText.equals("time.Duration") || typeText.endsWith(".Duration")
                    ? coerce(s, GoValue.DURATION) : NUMERIC_CONVERSIONS.contains(typeText) ? coerce(s, "int")
                    : typeText.equals("bool") ? coerce(s, "bool") : s;
        }
        Evidence at = owner.scope().evidence(f.node());
        if (variable == null || variable.isEmpty() || variable.equals("-")) {
            return fallback == null ? null : GoValue.env(null, fallback, f.node(), path).through(at);
        }
        return GoValue.env(variable, fallback, f.node(), path).through(at);
    }

    private static String first(Map<String, String> tags, String... keys) {
        for (String k : keys) {
            if (tags.containsKey(k)) {
                return tags.get(k);
            }
        }
        return null;
    }

    private GoValue call(SyntaxNode n, int depth, Ctx ctx) {
        String path = file.path();
        SyntaxNode fn = n.field("function");
        List<SyntaxNode> args = GoSyntax.arguments(n);
        if (fn == null) {
            return GoValue.unknown(n, path);
        }
        String name = GoSyntax.calleeName(n);
        SyntaxNode op = GoSyntax.calleeOperand(n);
        String pkg = null;
        if (op != null && op.is("identifier") && file.importOf(op.text()) != null && !isLocal(op)) {
            pkg = file.importOf(op.text()).path();
        }
        // conversions: time.Duration(x), int64(x), MsgType(3)
        if (args.size() == 1 && (fn.is("identifier") && NUMERIC_CONVERSIONS.contains(fn.text())
                || "time".equals(pkg) && "Duration".equals(name))) {
            GoValue v = resolve(args.get(0), depth + 1, ctx);
            return convert(fn, v, n);
        }
        if (args.size() == 1 && fn.is("identifier") && fn.text().equals("string")) {
            return resolve(args.get(0), depth + 1, ctx);
        }
        if ("time".equals(pkg) && "ParseDuration".equals(name) && args.size() == 1) {
            return coerce(resolve(args.get(0), depth + 1, ctx), GoValue.DURATION).at(n, path);
        }
        if ("os".equals(pkg) && ("Getenv".equals(name) || "LookupEnv".equals(name)) && args.size() == 1
                || "syscall".equals(pkg) && "Getenv".equals(name) && args.size() == 1) {
            GoValue v = resolve(args.get(0), depth + 1, ctx);
            return v.is(GoValue.Kind.STRING) ? GoValue.env(v.string(), null, n, path).throughAll(v.via())
                    : GoValue.unknown(n, path);
        }
        if ("strconv".equals(pkg) && args.size() >= 1) {
            GoValue v = resolve(args.get(0), depth + 1, ctx);
            return switch (name) {
                case "Atoi", "ParseInt", "ParseUint" -> coerce(v, "int").at(n, path);
                case "ParseFloat" -> coerce(v, "float64").at(n, path);
                case "ParseBool" -> coerce(v, "bool").at(n, path);
                case "Itoa", "FormatInt" -> v.is(GoValue.Kind.NUMBER)
                        ? GoValue.string(v.text(), n, path).throughAll(v.via()) : GoValue.unknown(n, path);
                default -> GoValue.unknown(n, path);
            };
        }
        if ("flag".equals(pkg) && FLAG_FUNCS.contains(name) && args.size() >= 2) {
            return resolve(args.get(1), depth + 1, ctx).through(evidence(n));
        }
        if (op != null && VIPER_GETTERS.contains(name) && args.size() == 1 && (pkg == null
                || pkg.contains("viper"))) {
            GoValue key = resolve(args.get(0), depth + 1, ctx);
            if (key.is(GoValue.Kind.STRING) && (pkg != null || op.text().toLowerCase(Locale.ROOT).contains("viper")
                    || op.text().toLowerCase(Locale.ROOT).contains("conf"))) {
                GoValue def = viperDefault(key.string(), depth);
                String type = switch (name) {
                    case "GetDuration" -> GoValue.DURATION;
                    case "GetString", "GetStringSlice" -> "string";
                    case "GetBool" -> "bool";
                    default -> "int";
                };
                GoValue fb = def == null ? null : coerce(def, type);
                return GoValue.env(key.string(), fb != null && fb.isKnown() ? fb : null, n, path)
                        .throughAll(def == null ? List.of() : def.via());
            }
        }
        if (pkg != null && ws.dirOf(pkg) == null) {
            return GoValue.unknown(n, path); // a library call
        }
        Located<SyntaxNode> target = functionOf(fn);
        if (target == null) {
            return GoValue.unknown(n, path);
        }
        return target.scope().callValue(target.item(), n, args, this, depth + 1, ctx);
    }

    /**
     * The value of calling a function of the repository: an environment reader with its fallback
     * ({@code getEnv("X", "30s")}), or a function whose single return expression resolves with the call's
     * arguments.
     */
    private GoValue callValue(SyntaxNode fn, SyntaxNode call, List<SyntaxNode> args, GoResolver caller, int depth,
                              Ctx ctx) {
        String path = caller.path();
        if (depth > MAX_DEPTH) {
            return GoValue.unknown(call, path);
        }
        List<String> params = GoSyntax.parameterNames(fn);
        for (int i = 0; i < params.size() && i < args.size(); i++) {
            if (!readsEnvironment(fn, i, 0)) {
                continue;
            }
            GoValue name = caller.resolve(args.get(i), depth + 1, ctx);
            if (!name.is(GoValue.Kind.STRING)) {
                return GoValue.unknown(call, path);
            }
            GoValue fallback = null;
            SyntaxNode body = fn.field("body");
            for (int j = 0; j < params.size() && j < args.size(); j++) {
                if (j != i && body != null && returnsParameter(body, params.get(j))) {
                    fallback = caller.resolve(args.get(j), depth + 1, ctx);
                    break;
                }
            }
            String type = resultType(fn);
            if (fallback != null && type != null) {
                fallback = coerce(fallback, type);
            }
            GoValue env = GoValue.env(name.string(), fallback != null && fallback.isKnown() ? fallback : null, call,
                    path).through(evidence(fn));
            return type == null || fallback != null ? env : env.typed(type);
        }
        SyntaxNode ret = singleReturn(fn);
        if (ret == null) {
            return envFunction(fn, call, path, depth);
        }
        Map<String, Arg> bound = new HashMap<>();
        for (int i = 0; i < params.size() && i < args.size(); i++) {
            bound.put(params.get(i), new Arg(caller, args.get(i)));
        }
        GoValue v = resolve(ret, depth + 1, new Ctx(null, new Frame(fn, bound, ctx.frame())));
        return v.through(evidence(ret));
    }

    /**
     * A function that reads one environment variable and otherwise returns a default as its last statement:
     * {@code func port() string { if p := os.Getenv("PORT"); p != "" { return p }; return "8080" }}.
     */
    private GoValue envFunction(SyntaxNode fn, SyntaxNode call, String path, int depth) {
        SyntaxNode body = fn.field("body");
        List<SyntaxNode> stmts = GoSyntax.statements(body);
        if (stmts.isEmpty() || !stmts.get(stmts.size() - 1).is("return_statement")) {
            return GoValue.unknown(call, path);
        }
        List<SyntaxNode> reads = new ArrayList<>();
        body.walk(x -> !x.is("func_literal"), x -> {
            if (x.is("call_expression")) {
                String name = GoSyntax.calleeName(x);
                SyntaxNode op = GoSyntax.calleeOperand(x);
                if (op != null && op.text().equals("os") && ("Getenv".equals(name) || "LookupEnv".equals(name))) {
                    reads.add(x);
                }
            }
        });
        if (reads.size() != 1) {
            return GoValue.unknown(call, path);
        }
        GoValue env = resolve(reads.get(0), depth + 1, Ctx.NONE);
        SyntaxNode last = stmts.get(stmts.size() - 1).namedChild(0);
        SyntaxNode first = last == null ? null : last.is("expression_list") ? last.namedChild(0) : last;
        if (!env.is(GoValue.Kind.ENV) || first == null) {
            return GoValue.unknown(call, path);
        }
        GoValue fallback = resolve(first, depth + 1, Ctx.NONE);
        String type = resultType(fn);
        if (type != null) {
            fallback = coerce(fallback, type);
        }
        GoValue out = GoValue.env(env.variable(), fallback.isLiteral() ? fallback : null, call, path)
                .through(evidence(fn)).throughAll(fallback.via());
        return type != null && !fallback.isLiteral() ? out.typed(type) : out;
    }

    private static boolean returnsParameter(SyntaxNode body, String param) {
        boolean[] found = {false};
        body.walk(x -> !found[0] && !x.is("func_literal"), x -> {
            if (x.is("return_statement")) {
                SyntaxNode list = x.namedChild(0);
                SyntaxNode first = list == null ? null : list.is("expression_list") ? list.namedChild(0) : list;
                if (first != null) {
                    String t = first.text();
                    if (t.equals(param) || t.matches("[A-Za-z0-9_.]+\\(" + Pattern.quote(param) + "\\)")) {
                        found[0] = true;
                    }
                }
            }
        });
        return found[0];
    }

    /** The expression of a function's only return statement (first of its list), or null. */
    private static SyntaxNode singleReturn(SyntaxNode fn) {
        SyntaxNode body = fn.field("body");
        if (body == null) {
            return null;
        }
        List<SyntaxNode> stmts = GoSyntax.statements(body);
        SyntaxNode ret = null;
        int returns = 0;
        for (SyntaxNode s : stmts) {
            if (s.is("return_statement")) {
                returns++;
                ret = s;
            }
        }
        if (returns != 1 || body.text().split("\\breturn\\b", -1).length != 2) {
            return null;
        }
        SyntaxNode list = ret.namedChild(0);
        if (list == null) {
            return null;
        }
        return list.is("expression_list") ? list.namedChild(0) : list;
    }

    private static String resultType(SyntaxNode fn) {
        SyntaxNode r = fn.field("result");
        if (r == null) {
            return null;
        }
        String t = r.text().replaceAll("[()\\s]", "");
        int comma = t.indexOf(',');
        t = comma >= 0 ? t.substring(0, comma) : t;
        if (t.equals("time.Duration")) {
            return GoValue.DURATION;
        }
        if (NUMERIC_CONVERSIONS.contains(t)) {
            return "int";
        }
        return t.equals("bool") ? "bool" : t.equals("string") ? "string" : null;
    }

    private GoValue viperDefault(String key, int depth) {
        for (GoFile g : ws.filesContaining("SetDefault(")) {
            GoResolver r = g.path().equals(file.path()) ? this : new GoResolver(ws, g);
            for (SyntaxNode c : g.calls("SetDefault")) {
                List<SyntaxNode> args = GoSyntax.arguments(c);
                if (args.size() == 2) {
                    GoValue k = r.resolve(args.get(0), depth + 1, Ctx.NONE);
                    if (k.is(GoValue.Kind.STRING) && k.string().equalsIgnoreCase(key)) {
                        return r.resolve(args.get(1), depth + 1, Ctx.NONE).through(r.evidence(c));
                    }
                }
            }
        }
        return null;
    }

    /** A value converted to a declared type: numbers become durations for time.Duration, and so on. */
    private GoValue convert(SyntaxNode typeNode, GoValue v, SyntaxNode at) {
        if (typeNode == null) {
            return v;
        }
        String t = typeNode.text();
        if (t.equals("time.Duration") || typeNode.is("selector_expression") && t.endsWith("time.Duration")) {
            return v.is(GoValue.Kind.NUMBER) || v.is(GoValue.Kind.ENV) ? v.typed(GoValue.DURATION) : v;
        }
        if (typeNode.is("identifier") && NUMERIC_CONVERSIONS.contains(t) || NUMERIC_CONVERSIONS.contains(t)) {
            if (v.is(GoValue.Kind.NUMBER) && v.isDuration()) {
                return v.typed(t);
            }
            return v.is(GoValue.Kind.NUMBER) && v.type() == null ? v.typed(t) : v;
        }
        if ((typeNode.is("type_identifier") || typeNode.is("identifier")) && v.is(GoValue.Kind.NUMBER)
                && v.type() == null) {
            return v.typed(t);
        }
        return v;
    }

    /** A string parsed into the type code asks for ({@code "30s"} → a duration), keeping environment values. */
    static GoValue coerce(GoValue v, String type) {
        if (v.is(GoValue.Kind.ENV)) {
            GoValue fb = v.fallback() == null ? null : coerce(v.fallback(), type);
            GoValue out = GoValue.env(v.variable(), fb != null && fb.isKnown() ? fb : null, v.node(), v.path())
                    .throughAll(v.via());
            return fb == null || !fb.isKnown() ? out.typed(type) : out;
        }
        if (type == null) {
            return v;
        }
        if (v.is(GoValue.Kind.STRING)) {
            String s = v.string().strip();
            switch (type) {
                case GoValue.DURATION -> {
                    BigDecimal ns = parseDuration(s);
                    return ns == null ? GoValue.unknown(v.node(), v.path())
                            : GoValue.number(ns, true, GoValue.DURATION, v.node(), v.path()).throughAll(v.via());
                }
                case "bool" -> {
                    return s.equalsIgnoreCase("true") || s.equals("1")
                            ? GoValue.bool(true, v.node(), v.path()).throughAll(v.via())
                            : s.equalsIgnoreCase("false") || s.equals("0")
                            ? GoValue.bool(false, v.node(), v.path()).throughAll(v.via())
                            : GoValue.unknown(v.node(), v.path());
                }
                case "string" -> {
                    return v;
                }
                default -> {
                    try {
                        BigDecimal d = new BigDecimal(s);
                        return GoValue.number(d, d.scale() <= 0, null, v.node(), v.path()).throughAll(v.via());
                    } catch (NumberFormatException e) {
                        return GoValue.unknown(v.node(), v.path());
                    }
                }
            }
        }
        if (v.is(GoValue.Kind.NUMBER) && type.equals(GoValue.DURATION) && !v.isDuration()) {
            return v.typed(GoValue.DURATION);
        }
        return v;
    }

    /** Go's {@code time.ParseDuration}: {@code 1h30m}, {@code 1.5s}, {@code 300ms}; nanoseconds, or null. */
    public static BigDecimal parseDuration(String s) {
        if (s.isEmpty()) {
            return null;
        }
        if (s.equals("0")) {
            return BigDecimal.ZERO;
        }
        boolean negative = s.startsWith("-");
        String rest = negative || s.startsWith("+") ? s.substring(1) : s;
        Matcher m = DURATION_PART.matcher(rest);
        BigDecimal total = BigDecimal.ZERO;
        int pos = 0;
        while (m.find()) {
            if (m.start() != pos) {
                return null;
            }
            BigDecimal n = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            total = total.add(n.multiply(BigDecimal.valueOf(unit)));
            pos = m.end();
        }
        if (pos != rest.length()) {
            return null;
        }
        total = total.setScale(0, RoundingMode.DOWN);
        return negative ? total.negate() : total;
    }

    private GoValue composite(SyntaxNode n, int depth, Ctx ctx) {
        SyntaxNode type = n.field("type");
        SyntaxNode body = n.field("body");
        String typeText = type == null ? null : type.text();
        boolean slice = type != null && (type.is("slice_type") || type.is("array_type")
                || type.is("implicit_length_array_type"));
        return GoValue.composite(slice ? GoValue.Kind.SLICE : GoValue.Kind.STRUCT, typeText,
                new LiteralElements(body, depth, ctx), n, file.path());
    }

    /** Elements of a composite literal, read from the syntax on first use. */
    private final class LiteralElements implements GoValue.Elements {
        private final SyntaxNode body;
        private final int depth;
        private final Ctx ctx;
        private Map<String, GoValue.Element> fields;
        private List<GoValue> items;

        LiteralElements(SyntaxNode body, int depth, Ctx ctx) {
            this.body = body;
            this.depth = depth;
            this.ctx = ctx;
        }

        @Override
        public synchronized Map<String, GoValue.Element> fields() {
            if (fields == null) {
                Map<String, GoValue.Element> m = new LinkedHashMap<>();
                for (SyntaxNode c : body == null ? List.<SyntaxNode>of() : body.namedChildren()) {
                    if (!c.is("keyed_element")) {
                        continue;
                    }
                    SyntaxNode k = GoSyntax.unwrap(c.field("key"));
                    SyntaxNode v = c.field("value");
                    if (k == null) {
                        continue;
                    }
                    String key;
                    if (k.is("identifier") || k.is("field_identifier")) {
                        key = k.text();
                    } else {
                        GoValue kv = resolve(k, depth + 1, ctx);
                        key = kv.isLiteral() ? kv.text() : null;
                    }
                    if (key != null) {
                        m.putIfAbsent(key, new LazyElement(c, () -> resolve(v, depth + 1, ctx)));
                    }
                }
                fields = m;
            }
            return fields;
        }

        @Override
        public synchronized List<GoValue> items() {
            if (items == null) {
                List<GoValue> l = new ArrayList<>();
                for (SyntaxNode c : body == null ? List.<SyntaxNode>of() : body.namedChildren()) {
                    if (c.is("literal_element")) {
                        l.add(resolve(c, depth + 1, ctx));
                    } else if (!c.is("comment") && !c.is("keyed_element")) {
                        l.add(resolve(c, depth + 1, ctx));
                    }
                }
                items = List.copyOf(l);
            }
            return items;
        }
    }

    private static final class LazyElement implements GoValue.Element {
        private final SyntaxNode keyNode;
        private final java.util.function.Supplier<GoValue> supplier;
        private GoValue value;

        LazyElement(SyntaxNode keyNode, java.util.function.Supplier<GoValue> supplier) {
            this.keyNode = keyNode;
            this.supplier = supplier;
        }

        @Override
        public SyntaxNode keyNode() {
            return keyNode;
        }

        @Override
        public synchronized GoValue value() {
            if (value == null) {
                value = supplier.get();
            }
            return value;
        }
    }

    // ---- types --------------------------------------------------------------------------------------------

    /**
     * The static type of an expression as far as declarations show it: composite literals, locals and their
     * initialisers, parameters, receivers, package variables, struct fields, channel receives, range variables,
     * index expressions and the results of the repository's functions. Null when unknown.
     */
    public GoType typeOf(SyntaxNode expr) {
        return typeOf(expr, 0);
    }

    /** A type expression written in this file (a {@code type_identifier}, {@code *pkg.T}, ...) as a type. */
    public GoType typeAt(SyntaxNode typeExpression) {
        return typeExpression == null ? null : new GoType(typeExpression, this);
    }

    private GoType typeOf(SyntaxNode expr, int depth) {
        SyntaxNode n = GoSyntax.unwrap(expr);
        if (n == null || depth > 10) {
            return null;
        }
        switch (n.type()) {
            case "composite_literal": {
                SyntaxNode t = n.field("type");
                return t == null ? null : new GoType(t, this);
            }
            case "unary_expression": {
                SyntaxNode op = n.field("operator");
                GoType t = typeOf(n.field("operand"), depth + 1);
                if (op != null && op.text().equals("<-")) {
                    return t == null ? null : t.elem();
                }
                return op != null && op.text().equals("*") && t != null ? t.elem() : t;
            }
            case "identifier":
                return identifierType(n, depth);
            case "selector_expression": {
                SyntaxNode op = n.field("operand");
                SyntaxNode f = n.field("field");
                if (op == null || f == null) {
                    return null;
                }
                if (op.is("identifier") && file.importOf(op.text()) != null && !isLocal(op)) {
                    Located<GoFile.Binding> b = packageBinding(op.text(), f.text());
                    return b == null ? null : b.scope().bindingType(b.item(), depth + 1);
                }
                GoType owner = typeOf(op, depth + 1);
                return owner == null ? null : fieldType(owner, f.text());
            }
            case "index_expression": {
                GoType t = typeOf(n.field("operand"), depth + 1);
                return t == null ? null : t.elem();
            }
            case "call_expression": {
                SyntaxNode fn = n.field("function");
                String name = GoSyntax.calleeName(n);
                if ("new".equals(name) && fn.is("identifier")) {
                    List<SyntaxNode> a = GoSyntax.arguments(n);
                    return a.isEmpty() ? null : new GoType(a.get(0), this);
                }
                if ("make".equals(name) && fn.is("identifier")) {
                    List<SyntaxNode> a = GoSyntax.arguments(n);
                    return a.isEmpty() ? null : new GoType(a.get(0), this);
                }
                Located<SyntaxNode> target = functionOf(fn);
                if (target != null) {
                    SyntaxNode r = target.item().field("result");
                    if (r != null) {
                        if (r.is("parameter_list")) {
                            for (SyntaxNode p : r.namedChildren()) {
                                if (p.is("parameter_declaration")) {
                                    SyntaxNode t = p.field("type");
                                    return t == null ? null : new GoType(t, target.scope());
                                }
                            }
                            return null;
                        }
                        return new GoType(r, target.scope());
                    }
                }
                return null;
            }
            default:
                return null;
        }
    }

    private GoType fieldType(GoType owner, String field) {
        GoType.Field f = owner.field(field);
        return f == null ? null : f.type();
    }

    private GoType bindingType(GoFile.Binding b, int depth) {
        if (b.type() != null) {
            return new GoType(b.type(), this);
        }
        return b.value() == null ? null : typeOf(b.value(), depth + 1);
    }

    private GoType identifierType(SyntaxNode id, int depth) {
        String name = id.text();
        for (SyntaxNode fn = GoSyntax.enclosingFunction(id); fn != null; fn = GoSyntax.enclosingFunction(fn)) {
            SyntaxNode def = localDefinition(name, id, fn);
            if (def != null) {
                return localType(name, def, depth);
            }
            SyntaxNode pt = GoSyntax.parameterType(fn, name);
            if (pt != null) {
                return new GoType(pt, this);
            }
            if (fn.is("method_declaration") && name.equals(receiverName(fn))) {
                SyntaxNode recv = fn.field("receiver");
                for (SyntaxNode p : recv.namedChildren()) {
                    if (p.is("parameter_declaration") && p.field("type") != null) {
                        return new GoType(p.field("type"), this);
                    }
                }
            }
        }
        Located<GoFile.Binding> b = packageBinding(null, name);
        return b == null ? null : b.scope().bindingType(b.item(), depth + 1);
    }

    private GoType localType(String name, SyntaxNode def, int depth) {
        if (def.is("var_declaration")) {
            for (SyntaxNode c : def.namedChildren()) {
                List<SyntaxNode> specs = c.is("var_spec_list") ? c.namedChildren() : List.of(c);
                for (SyntaxNode s : specs) {
                    if (s.is("var_spec") && s.field("type") != null) {
                        for (SyntaxNode idn : GoSyntax.leadingIdentifiers(s)) {
                            if (idn.text().equals(name)) {
                                return new GoType(s.field("type"), this);
                            }
                        }
                    }
                }
            }
        }
        if (def.is("range_clause")) {
            SyntaxNode left = def.field("left");
            SyntaxNode right = def.field("right");
            GoType t = right == null ? null : typeOf(right, depth + 1);
            if (t == null || left == null) {
                return null;
            }
            List<SyntaxNode> ids = left.namedChildren();
            boolean isValue = ids.size() > 1 && ids.get(1).text().equals(name);
            if (t.isMap()) {
                return isValue ? t.elem() : t.key();
            }
            if (t.isChannel()) {
                return t.elem();
            }
            return isValue ? t.elem() : null;
        }
        if (def.is("receive_statement")) {
            SyntaxNode left = def.field("left");
            SyntaxNode right = def.field("right");
            if (left != null && left.namedChildCount() > 0 && left.namedChild(0).text().equals(name)) {
                return typeOf(right, depth + 1);
            }
            return null;
        }
        SyntaxNode expr = definedExpression(def, name);
        if (expr == null) {
            // x, ok := <-ch ; v, err := f()
            SyntaxNode l = def.field("left");
            SyntaxNode r = def.field("right");
            if (l != null && r != null && r.namedChildCount() == 1 && l.namedChildCount() > 0
                    && l.namedChild(0).text().equals(name)) {
                return typeOf(r.namedChild(0), depth + 1);
            }
            return null;
        }
        return typeOf(expr, depth + 1);
    }
}
