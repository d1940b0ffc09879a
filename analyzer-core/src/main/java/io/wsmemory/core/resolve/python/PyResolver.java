package io.wsmemory.core.resolve.python;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.python.PyFile.Assignment;
import io.wsmemory.core.resolve.python.PyFile.Import;
import io.wsmemory.core.resolve.python.PyFile.Local;
import io.wsmemory.core.resolve.python.PyFile.StarImport;
import io.wsmemory.core.source.SourceFile;
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
 * Evaluates Python expressions statically: literals and arithmetic ({@code 60 * 60}, {@code 1_000}), string
 * formatting ({@code %}, {@code .format}, f-strings), names in function, class and module scope, {@code self.x}
 * bound in a class's methods, names imported from other modules of the repository (relative and absolute, star
 * imports of split settings), Django's {@code settings.X}, and environment variables with their fallbacks
 * ({@code os.environ.get}, {@code os.getenv}, {@code os.environ[...]}, django-environ's {@code env(...)} and
 * {@code env.str(...)}, python-decouple's {@code config(...)}). Gives up (unknown) rather than guess; follows at
 * most {@value #MAX_DEPTH} bindings.
 */
public final class PyResolver {

    private static final int MAX_DEPTH = 14;
    private static final Set<String> ENV_TYPED = Set.of("str", "int", "bool", "float", "list", "tuple", "dict",
            "url", "json", "path", "db_url", "cache_url", "email_url", "search_url", "get_value", "db", "cache");
    private static final Pattern PERCENT = Pattern.compile("%(?:\\((\\w+)\\))?[-#0 +]*\\d*(?:\\.\\d+)?[sdifrxXeEgGc%]");
    private static final Pattern BRACES = Pattern.compile("\\{([^{}]*)\\}");

    private final ParsedFile parsed;
    private final PyFile file;
    private final SourceSet sources;

    public PyResolver(ParsedFile parsed, SourceSet sources) {
        this.parsed = parsed;
        this.file = PyFile.of(parsed);
        this.sources = sources;
    }

    public PyFile pyFile() {
        return file;
    }

    public ParsedFile parsed() {
        return parsed;
    }

    public SourceSet sources() {
        return sources;
    }

    /** A resolver for another file of the scan (where a value resolved through an import was defined). */
    public PyResolver resolverFor(String path) {
        if (path == null || path.equals(parsed.path())) {
            return this;
        }
        return sources.file(path).map(f -> new PyResolver(sources.parsed(f), sources)).orElse(this);
    }

    public PyValue resolve(SyntaxNode expr) {
        return resolve(expr, 0);
    }

    /** The value bound to {@code name} where {@code use} reads it (module scope when {@code use} is null). */
    public PyValue resolveName(String name, SyntaxNode use) {
        return identifier(name, use, 0);
    }

    /** The value of a module-level name of this file as other modules see it. */
    public PyValue exported(String name) {
        return exported(name, 0);
    }

    // ---- names and definitions -------------------------------------------------------------------------------

    /**
     * The dotted name an expression refers to, through imports: {@code channels.auth.AuthMiddlewareStack} for
     * {@code AuthMiddlewareStack} imported from {@code channels.auth}; a class or function defined in the
     * repository gets its module's dotted name ({@code chat.consumers.ChatConsumer}). Null when unknown.
     */
    public String qualifiedName(SyntaxNode expr) {
        return qualifiedName(expr, 0);
    }

    private String qualifiedName(SyntaxNode expr, int depth) {
        SyntaxNode n = PySyntax.unwrap(expr);
        if (n == null || depth > MAX_DEPTH) {
            return null;
        }
        if (n.is("identifier")) {
            String name = n.text();
            if (enclosingBinding(name, n) != null) {
                return null;
            }
            if (file.classDefinition(name) != null || file.function(name) != null) {
                return PyModules.moduleName(parsed.path()) + "." + name;
            }
            Import i = file.importOf(name);
            if (i != null) {
                Optional<SourceFile> target = i.name() == null ? Optional.empty() : module(i.module(), i.level());
                if (target.isPresent()) {
                    PyResolver there = resolverFor(target.get().path());
                    String q = there.qualifiedExport(i.name(), depth + 1);
                    if (q != null) {
                        return q;
                    }
                }
                return absolute(i.qualified());
            }
            Assignment a = file.binding(name);
            if (a != null && a.value() != null) {
                SyntaxNode v = PySyntax.unwrap(a.value());
                if (v != null && (v.is("identifier") || v.is("attribute"))) {
                    return qualifiedName(v, depth + 1); // Alias = SomeClass
                }
                return null;
            }
            for (StarImport s : file.starImports()) {
                Optional<SourceFile> target = module(s.module(), s.level());
                if (target.isPresent()) {
                    String q = resolverFor(target.get().path()).qualifiedExport(name, depth + 1);
                    if (q != null) {
                        return q;
                    }
                } else if (s.level() == 0) {
                    continue; // a package's star import: the name may come from there, but which is unknown
                }
            }
            return null;
        }
        if (n.is("attribute")) {
            SyntaxNode a = n.field("attribute");
            String base = qualifiedName(n.field("object"), depth + 1);
            return base == null || a == null ? null : base + "." + a.text();
        }
        return null;
    }

    /** The dotted name of {@code name} as this module exports it. */
    private String qualifiedExport(String name, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (file.classDefinition(name) != null || file.function(name) != null) {
            return PyModules.moduleName(parsed.path()) + "." + name;
        }
        Import i = file.importOf(name);
        if (i != null) {
            Optional<SourceFile> target = i.name() == null ? Optional.empty() : module(i.module(), i.level());
            if (target.isPresent()) {
                String q = resolverFor(target.get().path()).qualifiedExport(i.name(), depth + 1);
                if (q != null) {
                    return q;
                }
            }
            if (i.name() != null && i.level() > 0) {
                Optional<SourceFile> sub = module(join(i.module(), i.name()), i.level());
                if (sub.isPresent()) {
                    return PyModules.moduleName(sub.get().path());
                }
            }
            return absolute(i.qualified());
        }
        if (PyModules.isPackage(parsed.path())) {
            Optional<SourceFile> sub = module(name, 1);
            if (sub.isPresent()) {
                return PyModules.moduleName(sub.get().path());
            }
        }
        for (StarImport s : file.starImports()) {
            Optional<SourceFile> target = module(s.module(), s.level());
            if (target.isPresent()) {
                String q = resolverFor(target.get().path()).qualifiedExport(name, depth + 1);
                if (q != null) {
                    return q;
                }
            }
        }
        return null;
    }

    private String absolute(String qualified) {
        if (!qualified.startsWith(".")) {
            return qualified;
        }
        int level = 0;
        while (level < qualified.length() && qualified.charAt(level) == '.') {
            level++;
        }
        String dir = PyModules.dirOf(parsed.path());
        for (int k = 1; k < level; k++) {
            dir = PyModules.dirOf(dir);
        }
        String rest = qualified.substring(level);
        String base = dir.replace('/', '.');
        return base.isEmpty() ? rest : rest.isEmpty() ? base : base + "." + rest;
    }

    private static String join(String module, String name) {
        return module == null || module.isEmpty() ? name : module + "." + name;
    }

    /** The class a name or attribute refers to when the repository defines it (through imports and aliases). */
    public Optional<PyValue> classBehind(SyntaxNode expr) {
        PyValue v = resolve(expr);
        return v.is(PyValue.Kind.CLASS) ? Optional.of(v) : Optional.empty();
    }

    /** The function a name refers to when the repository defines it. */
    public Optional<PyValue> functionBehind(SyntaxNode expr) {
        PyValue v = resolve(expr);
        return v.is(PyValue.Kind.FUNCTION) ? Optional.of(v) : Optional.empty();
    }

    /**
     * The dotted names of a repository class's ancestors, nearest first: bases defined in the repository are
     * followed, external ones are given as imported ({@code channels.generic.websocket.AsyncWebsocketConsumer}).
     */
    public List<String> ancestors(PyValue cls) {
        List<String> out = new ArrayList<>();
        ancestors(cls, out, 0);
        return out;
    }

    private void ancestors(PyValue cls, List<String> out, int depth) {
        if (cls == null || !cls.is(PyValue.Kind.CLASS) || depth > 8) {
            return;
        }
        PyResolver there = resolverFor(cls.path());
        for (SyntaxNode b : PyFile.bases(cls.node())) {
            String q = there.qualifiedName(b);
            if (q != null && !out.contains(q)) {
                out.add(q);
            }
            PyValue bv = there.resolve(b);
            if (bv.is(PyValue.Kind.CLASS) && !bv.node().equals(cls.node())) {
                ancestors(bv, out, depth + 1);
            }
        }
    }

    // ---- evaluation ------------------------------------------------------------------------------------------

    PyValue resolve(SyntaxNode expr, int depth) {
        SyntaxNode n = PySyntax.unwrap(expr);
        String path = parsed.path();
        if (n == null) {
            return PyValue.unknown(expr, path);
        }
        if (depth > MAX_DEPTH) {
            return PyValue.unknown(n, path);
        }
        switch (n.type()) {
            case "integer", "float": {
                Double d = parseNumber(n.text());
                return d == null ? PyValue.unknown(n, path) : PyValue.number(d, n, path);
            }
            case "string":
                return string(n, depth);
            case "concatenated_string": {
                StringBuilder b = new StringBuilder();
                boolean indirect = false;
                for (SyntaxNode part : n.namedChildren()) {
                    PyValue v = string(part, depth);
                    if (!v.is(PyValue.Kind.STRING)) {
                        return PyValue.unknown(n, path);
                    }
                    indirect |= !v.via().isEmpty();
                    b.append(v.string());
                }
                return PyValue.string(b.toString(), n, path);
            }
            case "true":
                return PyValue.bool(true, n, path);
            case "false":
                return PyValue.bool(false, n, path);
            case "none":
                return PyValue.none(n, path);
            case "list", "tuple", "set":
                return PyValue.list(new LiteralMembers(n, depth), n, path);
            case "dictionary":
                return PyValue.dict(new LiteralMembers(n, depth), n, path);
            case "lambda":
                return PyValue.definition(PyValue.Kind.FUNCTION, null, n, path);
            case "unary_operator":
                return unary(n, depth);
            case "binary_operator":
                return binary(n, depth);
            case "boolean_operator":
                return booleanOp(n, depth);
            case "conditional_expression":
                return conditional(n, depth);
            case "call":
                return call(n, depth);
            case "attribute":
                return attribute(n, depth);
            case "subscript":
                return subscript(n, depth);
            case "identifier":
                return identifier(n.text(), n, depth);
            default:
                return PyValue.unknown(n, path);
        }
    }

    private PyValue string(SyntaxNode n, int depth) {
        String path = parsed.path();
        if (!n.is("string")) {
            return resolve(n, depth + 1);
        }
        if (!PySyntax.isFString(n)) {
            String s = PySyntax.stringValue(n);
            return s == null ? PyValue.unknown(n, path) : PyValue.string(s, n, path);
        }
        StringBuilder b = new StringBuilder();
        PyValue out = PyValue.string("", n, path);
        for (PySyntax.Piece p : PySyntax.fStringPieces(n)) {
            if (p.text() != null) {
                b.append(p.text());
                continue;
            }
            PyValue v = resolve(p.expression(), depth + 1).effective();
            if (!v.isLiteral()) {
                return PyValue.unknown(n, path);
            }
            b.append(v.text());
            out = out.carrying(v);
        }
        return PyValue.string(b.toString(), n, path).carrying(out);
    }

    private PyValue unary(SyntaxNode n, int depth) {
        String op = operator(n);
        PyValue v = toNumber(resolve(n.field("argument"), depth + 1));
        if (!v.is(PyValue.Kind.NUMBER)) {
            return v.is(PyValue.Kind.ENV) ? v : PyValue.unknown(n, parsed.path());
        }
        return switch (op) {
            case "-" -> PyValue.number(-v.number(), n, parsed.path()).carrying(v);
            case "+" -> v;
            default -> PyValue.unknown(n, parsed.path());
        };
    }

    private PyValue binary(SyntaxNode n, int depth) {
        String op = operator(n);
        PyValue left = resolve(n.field("left"), depth + 1);
        PyValue right = resolve(n.field("right"), depth + 1);
        String path = parsed.path();
        if (op.equals("%") && left.is(PyValue.Kind.STRING)) {
            List<PyValue> args = right.is(PyValue.Kind.LIST) ? right.items() : List.of(right);
            String formatted = percentFormat(left.string(), args, right);
            return formatted == null ? PyValue.unknown(n, path)
                    : PyValue.string(formatted, n, path).carrying(left).carrying(right);
        }
        if (op.equals("+") && left.is(PyValue.Kind.STRING) && right.is(PyValue.Kind.STRING)) {
            return PyValue.string(left.string() + right.string(), n, path).carrying(left).carrying(right);
        }
        if (op.equals("+") && left.is(PyValue.Kind.LIST) && right.is(PyValue.Kind.LIST)) {
            List<PyValue> all = new ArrayList<>(left.items());
            all.addAll(right.items());
            return PyValue.list(new FixedMembers(Map.of(), all), n, path);
        }
        PyValue a = toNumber(left);
        PyValue b = toNumber(right);
        if (!a.is(PyValue.Kind.NUMBER) || !b.is(PyValue.Kind.NUMBER)) {
            return PyValue.unknown(n, path);
        }
        double x = a.number();
        double y = b.number();
        Double r = switch (op) {
            case "*" -> x * y;
            case "/" -> y == 0 ? null : x / y;
            case "//" -> y == 0 ? null : Math.floor(x / y);
            case "+" -> x + y;
            case "-" -> x - y;
            case "%" -> y == 0 ? null : x - y * Math.floor(x / y);
            case "**" -> Math.pow(x, y);
            case "<<" -> (double) ((long) x << (long) y);
            case ">>" -> (double) ((long) x >> (long) y);
            default -> null;
        };
        return r == null ? PyValue.unknown(n, path) : PyValue.number(r, n, path).carrying(a).carrying(b);
    }

    private PyValue booleanOp(SyntaxNode n, int depth) {
        String op = operator(n);
        PyValue left = resolve(n.field("left"), depth + 1);
        PyValue right = resolve(n.field("right"), depth + 1);
        if (op.equals("or")) {
            if (left.is(PyValue.Kind.ENV)) {
                PyValue fb = left.fallback();
                boolean noFallback = fb == null || fb.is(PyValue.Kind.NONE)
                        || fb.is(PyValue.Kind.STRING) && fb.string().isEmpty();
                return noFallback ? PyValue.env(left.variable(), right.isKnown() ? right : null, n, parsed.path())
                        : left;
            }
            Boolean t = left.truthy();
            if (t == null) {
                return PyValue.unknown(n, parsed.path());
            }
            return t ? left : right;
        }
        if (op.equals("and")) {
            Boolean t = left.truthy();
            if (t == null) {
                return PyValue.unknown(n, parsed.path());
            }
            return t ? right : left;
        }
        return PyValue.unknown(n, parsed.path());
    }

    private PyValue conditional(SyntaxNode n, int depth) {
        List<SyntaxNode> parts = n.namedChildren();
        if (parts.size() < 3) {
            return PyValue.unknown(n, parsed.path());
        }
        PyValue cond = resolve(parts.get(1), depth + 1);
        Boolean t = cond.truthy();
        if (t != null) {
            return resolve(parts.get(t ? 0 : 2), depth + 1);
        }
        PyValue a = resolve(parts.get(0), depth + 1);
        PyValue b = resolve(parts.get(2), depth + 1);
        if (a.isLiteral() && b.isLiteral() && a.kind() == b.kind() && a.text().equals(b.text())) {
            return a;
        }
        return PyValue.unknown(n, parsed.path());
    }

    private PyValue call(SyntaxNode n, int depth) {
        String path = parsed.path();
        SyntaxNode fn = n.field("function");
        String callee = PySyntax.dotted(fn);
        List<SyntaxNode> args = PySyntax.positional(n);
        PyValue env = environment(n, callee, args, depth);
        if (env != null) {
            return env;
        }
        if (callee != null) {
            switch (callee) {
                case "int", "float":
                    return args.isEmpty() ? PyValue.unknown(n, path) : toNumber(resolve(args.get(0), depth + 1));
                case "str":
                    if (args.isEmpty()) {
                        return PyValue.string("", n, path);
                    }
                    PyValue v = resolve(args.get(0), depth + 1);
                    return v.is(PyValue.Kind.NUMBER) ? PyValue.string(v.text(), n, path).carrying(v) : v;
                case "bool":
                    return args.isEmpty() ? PyValue.bool(false, n, path) : toBool(resolve(args.get(0), depth + 1));
                case "dict":
                    return PyValue.dict(new KeywordMembers(n, depth), n, path);
                case "list", "tuple", "set", "frozenset":
                    return args.isEmpty() ? PyValue.list(new FixedMembers(Map.of(), List.of()), n, path)
                            : resolve(args.get(0), depth + 1);
                default:
                    break;
            }
        }
        if (fn != null && fn.is("attribute")) {
            SyntaxNode attr = fn.field("attribute");
            String method = attr == null ? "" : attr.text();
            PyValue base = resolve(fn.field("object"), depth + 1);
            PyValue s = base.effective();
            if (s.is(PyValue.Kind.STRING)) {
                switch (method) {
                    case "format":
                        return format(n, s, depth);
                    case "lower":
                        return stringLike(base, s.string().toLowerCase(Locale.ROOT), n);
                    case "upper":
                        return stringLike(base, s.string().toUpperCase(Locale.ROOT), n);
                    case "strip":
                        return stringLike(base, s.string().strip(), n);
                    case "split": {
                        String sep = args.isEmpty() ? null : PySyntax.stringValue(PySyntax.unwrap(args.get(0)));
                        List<PyValue> items = new ArrayList<>();
                        String text = s.string();
                        if (!(sep == null ? text.isBlank() : text.isEmpty())) {
                            for (String part : sep == null ? text.trim().split("\\s+")
                                    : text.split(Pattern.quote(sep), -1)) {
                                items.add(PyValue.string(part, n, path));
                            }
                        }
                        PyValue list = PyValue.list(new FixedMembers(Map.of(), items), n, path).carrying(s);
                        return base.is(PyValue.Kind.ENV) ? PyValue.env(base.variable(), list, n, path) : list;
                    }
                    default:
                        break;
                }
            }
            if (base.is(PyValue.Kind.ENV) && base.fallback() == null && method.equals("split")) {
                return base;
            }
            if (base.is(PyValue.Kind.DICT) && method.equals("get") && !args.isEmpty()) {
                PyValue key = resolve(args.get(0), depth + 1);
                if (key.is(PyValue.Kind.STRING)) {
                    if (base.has(key.string())) {
                        return base.get(key.string());
                    }
                    return args.size() > 1 ? resolve(args.get(1), depth + 1) : PyValue.none(n, path);
                }
            }
        }
        return PyValue.unknown(n, path);
    }

    private static PyValue stringLike(PyValue base, String s, SyntaxNode n) {
        PyValue v = PyValue.string(s, n, base.path()).carrying(base);
        return base.is(PyValue.Kind.ENV) ? PyValue.env(base.variable(), v, n, base.path()) : v;
    }

    /**
     * Environment reads: {@code os.environ.get("X", d)}, {@code os.getenv("X", d)}, {@code os.environ.setdefault},
     * django-environ's {@code env("X", default=d)} / {@code env.int("X", d)} (with defaults declared in
     * {@code environ.Env(X=(int, d))}), python-decouple's {@code config("X", default=d, cast=int)}; null otherwise.
     */
    private PyValue environment(SyntaxNode n, String callee, List<SyntaxNode> args, int depth) {
        if (callee == null) {
            return null;
        }
        String path = parsed.path();
        String name = null;
        SyntaxNode fallback = null;
        boolean positionalDefault = true;
        String cast = null;
        String last = callee.contains(".") ? callee.substring(callee.lastIndexOf('.') + 1) : callee;
        String receiver = callee.contains(".") ? callee.substring(0, callee.lastIndexOf('.')) : null;
        boolean osEnviron = receiver != null && (receiver.equals("os.environ") || receiver.equals("environ")
                && isFromOs("environ"));
        if (osEnviron && (last.equals("get") || last.equals("setdefault"))
                || callee.equals("os.getenv") || callee.equals("getenv") && isFromOs("getenv")) {
            name = "os";
        } else if (isEnvObject(receiver == null ? callee : receiver, n) && (receiver == null
                || ENV_TYPED.contains(last))) {
            name = "environ";
            positionalDefault = receiver != null; // env("X", cast, default): the second positional is a cast
            if (receiver != null && !last.equals("get_value")) {
                cast = last;
            }
        } else if ((callee.equals("config") || callee.equals("decouple.config")) && isDecouple(callee)) {
            name = "decouple";
        }
        if (name == null || args.isEmpty()) {
            return null;
        }
        PyValue var = resolve(args.get(0), depth + 1);
        if (!var.is(PyValue.Kind.STRING)) {
            return PyValue.unknown(n, path);
        }
        fallback = PySyntax.keyword(n, "default");
        if (fallback == null && positionalDefault && args.size() > 1) {
            fallback = args.get(1);
        }
        if (name.equals("environ") && receiver == null && fallback == null && args.size() > 2) {
            fallback = args.get(2);
        }
        SyntaxNode castNode = PySyntax.keyword(n, "cast");
        if (castNode != null) {
            cast = castNode.text();
        } else if (name.equals("environ") && receiver == null && args.size() > 1) {
            cast = args.get(1).text();
        }
        PyValue fb = fallback == null ? null : resolve(fallback, depth + 1);
        if (fb == null && name.equals("environ")) {
            fb = envSchemaDefault(receiver == null ? callee : receiver, var.string(), depth);
        }
        if (fb != null && cast != null) {
            fb = switch (cast) {
                case "int", "float" -> toNumber(fb);
                case "bool" -> toBool(fb);
                case "list", "Csv", "Csv()" -> fb.is(PyValue.Kind.STRING) ? splitComma(fb, n) : fb;
                default -> fb;
            };
        }
        if (fb != null && (!fb.isKnown() || fb.is(PyValue.Kind.NONE))) {
            fb = null;
        }
        return PyValue.env(var.string(), fb, n, path);
    }

    private PyValue splitComma(PyValue s, SyntaxNode n) {
        List<PyValue> items = new ArrayList<>();
        if (!s.string().isEmpty()) {
            for (String part : s.string().split(",")) {
                items.add(PyValue.string(part.trim(), n, parsed.path()));
            }
        }
        return PyValue.list(new FixedMembers(Map.of(), items), n, parsed.path());
    }

    private boolean isFromOs(String name) {
        Import i = file.importOf(name);
        return i != null && "os".equals(i.module()) && name.equals(i.name());
    }

    private boolean isDecouple(String callee) {
        Import i = file.importOf(callee.contains(".") ? callee.substring(0, callee.indexOf('.')) : callee);
        return i != null && i.module() != null && i.module().startsWith("decouple");
    }

    /** A django-environ {@code Env} object: {@code env = environ.Env(...)} here, or imported from where it is. */
    private boolean isEnvObject(String name, SyntaxNode use) {
        return name != null && !name.contains(".") && envConstructor(name, 0) != null;
    }

    /** A node and the resolver of the file it lies in. */
    private record Located(PyResolver where, SyntaxNode node) {
    }

    /** The {@code environ.Env(...)} call that {@code name} is bound to, following imports. */
    private Located envConstructor(String name, int depth) {
        if (depth > 4) {
            return null;
        }
        Assignment a = file.binding(name);
        if (a != null && a.value() != null) {
            SyntaxNode v = PySyntax.unwrap(a.value());
            if (v == null || !v.is("call")) {
                return null;
            }
            String callee = PySyntax.dotted(v.field("function"));
            return callee != null && (callee.equals("environ.Env") || callee.equals("Env")
                    || callee.endsWith(".Env")) ? new Located(this, v) : null;
        }
        Import i = file.importOf(name);
        if (i != null && i.name() != null) {
            Optional<SourceFile> m = module(i.module(), i.level());
            return m.isPresent() ? resolverFor(m.get().path()).envConstructor(i.name(), depth + 1) : null;
        }
        if (i == null) {
            for (StarImport st : file.starImports()) {
                Optional<SourceFile> m = module(st.module(), st.level());
                if (m.isPresent()) {
                    Located c = resolverFor(m.get().path()).envConstructor(name, depth + 1);
                    if (c != null) {
                        return c;
                    }
                }
            }
        }
        return null;
    }

    /** {@code environ.Env(DEBUG=(bool, False))} declares a default for env("DEBUG"). */
    private PyValue envSchemaDefault(String envName, String variable, int depth) {
        Located ctor = envConstructor(envName, 0);
        SyntaxNode decl = ctor == null ? null : PySyntax.keyword(ctor.node(), variable);
        if (decl == null) {
            return null;
        }
        PyValue t = ctor.where().resolve(decl, depth + 1);
        List<PyValue> items = t.items();
        return items.size() >= 2 ? items.get(1) : null;
    }

    private PyValue attribute(SyntaxNode n, int depth) {
        String path = parsed.path();
        SyntaxNode object = n.field("object");
        SyntaxNode attr = n.field("attribute");
        if (object == null || attr == null) {
            return PyValue.unknown(n, path);
        }
        String name = attr.text();
        SyntaxNode obj = PySyntax.unwrap(object);
        if (obj != null && obj.is("identifier")) {
            String o = obj.text();
            if (o.equals("self") || o.equals("cls")) {
                return selfAttribute(name, n, depth);
            }
            if (isDjangoSettings(o, obj)) {
                return DjangoSettings.value(this, name, depth + 1);
            }
        }
        PyValue base = resolve(object, depth + 1);
        if (base.is(PyValue.Kind.MODULE)) {
            return base.get(name);
        }
        if (base.is(PyValue.Kind.CLASS)) {
            PyResolver there = resolverFor(base.path());
            SyntaxNode a = PyFile.classAttributes(base.node()).get(name);
            if (a != null) {
                return there.resolve(a.field("right"), depth + 1).through(there.parsed.evidence(a)).carrying(base);
            }
        }
        return PyValue.unknown(n, path);
    }

    /** A Django setting ({@code settings.NAME}) as the project's settings module defines it; unknown without one. */
    public PyValue djangoSetting(String name) {
        return DjangoSettings.value(this, name, 0);
    }

    /** True when {@code name} is Django's settings object ({@code from django.conf import settings}). */
    public boolean isDjangoSettings(String name, SyntaxNode use) {
        if (use != null && enclosingBinding(name, use) != null) {
            return false;
        }
        Import i = file.importOf(name);
        return i != null && "django.conf".equals(i.module()) && "settings".equals(i.name());
    }

    /**
     * The one value {@code self.x} can have where {@code use} reads it: its binding when the class binds it once, or
     * binds the same expression everywhere. {@code self.session_id = None} in {@code __init__} and another value in
     * {@code connect()} leave it to run time, so null.
     */
    private static Local onlyBinding(List<Local> bound, SyntaxNode use) {
        Local chosen = null;
        String text = null;
        for (Local l : bound) {
            if (l.statement().encloses(use)) {
                continue;
            }
            String t = l.value() == null ? null : l.value().text();
            if (chosen == null) {
                chosen = l;
                text = t;
            } else if (t == null || !t.equals(text)) {
                return null;
            }
        }
        return chosen;
    }

    private PyValue selfAttribute(String name, SyntaxNode use, int depth) {
        SyntaxNode cls = file.enclosing(use, "class_definition");
        if (cls == null) {
            return PyValue.unknown(use, parsed.path());
        }
        List<Local> bound = file.selfAttributes(cls).get(name);
        if (bound != null) {
            Local chosen = onlyBinding(bound, use);
            if (chosen != null && chosen.value() != null) {
                return resolve(chosen.value(), depth + 1).through(parsed.evidence(chosen.statement()));
            }
            return PyValue.unknown(use, parsed.path());
        }
        SyntaxNode a = PyFile.classAttributes(cls).get(name);
        if (a != null) {
            return resolve(a.field("right"), depth + 1).through(parsed.evidence(a));
        }
        // a base class defined in the repository may bind it
        for (SyntaxNode b : PyFile.bases(cls)) {
            PyValue bv = resolve(b, depth + 1);
            if (bv.is(PyValue.Kind.CLASS) && !bv.node().equals(cls)) {
                PyResolver there = resolverFor(bv.path());
                SyntaxNode ba = PyFile.classAttributes(bv.node()).get(name);
                if (ba != null) {
                    return there.resolve(ba.field("right"), depth + 1).through(there.parsed.evidence(ba));
                }
            }
        }
        return PyValue.unknown(use, parsed.path());
    }

    private PyValue subscript(SyntaxNode n, int depth) {
        String path = parsed.path();
        SyntaxNode value = n.field("value");
        SyntaxNode index = n.field("subscript");
        String base = PySyntax.dotted(value);
        if (base != null && (base.equals("os.environ") || base.equals("environ") && isFromOs("environ"))) {
            PyValue var = resolve(index, depth + 1);
            return var.is(PyValue.Kind.STRING) ? PyValue.env(var.string(), null, n, path) : PyValue.unknown(n, path);
        }
        PyValue b = resolve(value, depth + 1);
        PyValue i = resolve(index, depth + 1);
        if (b.is(PyValue.Kind.DICT) && i.is(PyValue.Kind.STRING)) {
            return b.get(i.string());
        }
        if (b.is(PyValue.Kind.LIST) && i.is(PyValue.Kind.NUMBER)) {
            List<PyValue> items = b.items();
            int k = (int) i.number();
            if (k < 0) {
                k += items.size();
            }
            return k >= 0 && k < items.size() ? items.get(k).carrying(b) : PyValue.unknown(n, path);
        }
        return PyValue.unknown(n, path);
    }

    // ---- names -----------------------------------------------------------------------------------------------

    /**
     * The binding of {@code name} in the functions around {@code use} (innermost first), or null when the name is
     * not bound there. A parameter or a loop variable yields a binding without a value.
     */
    Local enclosingBinding(String name, SyntaxNode use) {
        for (SyntaxNode fn = file.enclosing(use, "function_definition", "lambda"); fn != null;
             fn = file.enclosing(fn, "function_definition", "lambda")) {
            if (fn.is("function_definition") && PySyntax.parameterNames(fn).contains(name)) {
                return new Local(name, fn, null);
            }
            if (fn.is("lambda")) {
                SyntaxNode ps = fn.field("parameters");
                if (ps != null && ps.text().matches(".*\\b" + Pattern.quote(name) + "\\b.*")) {
                    return new Local(name, fn, null);
                }
                continue;
            }
            List<Local> locals = file.locals(fn).get(name);
            if (locals != null && !locals.isEmpty()) {
                Local chosen = null;
                for (Local l : locals) {
                    if (l.statement().encloses(use)) {
                        continue;
                    }
                    if (l.statement().startByte() < use.startByte()) {
                        chosen = l; // the last binding before the use
                    }
                }
                if (chosen == null) {
                    chosen = locals.get(0);
                }
                if (locals.stream().anyMatch(Local::dynamic)) {
                    return new Local(name, chosen.statement(), null);
                }
                return chosen;
            }
        }
        return null;
    }

    private PyValue identifier(String name, SyntaxNode use, int depth) {
        String path = parsed.path();
        if (use != null) {
            Local l = enclosingBinding(name, use);
            if (l != null) {
                if (l.value() == null) {
                    return PyValue.unknown(use, path);
                }
                return resolve(l.value(), depth + 1).through(parsed.evidence(l.statement()));
            }
            SyntaxNode cls = file.enclosing(use, "class_definition");
            if (cls != null && file.enclosing(use, "function_definition") == null) {
                SyntaxNode a = PyFile.classAttributes(cls).get(name);
                if (a != null && !a.encloses(use)) {
                    return resolve(a.field("right"), depth + 1).through(parsed.evidence(a));
                }
            }
        }
        return moduleName(name, use, depth);
    }

    private PyValue moduleName(String name, SyntaxNode use, int depth) {
        String path = parsed.path();
        List<Assignment> all = file.assignments(name);
        Assignment a = null;
        if (use != null && file.enclosing(use, "function_definition", "class_definition") == null) {
            for (Assignment x : all) { // at module level: the last binding before the use
                if (x.statement().startByte() < use.startByte() && !x.statement().encloses(use)) {
                    a = x;
                }
            }
        }
        if (a == null) {
            a = file.binding(name);
        }
        if (a != null && a.value() != null && (use == null || !a.statement().encloses(use))) {
            return resolve(a.value(), depth + 1).through(parsed.evidence(a.statement()));
        }
        SyntaxNode cls = file.classDefinition(name);
        if (cls != null) {
            return PyValue.definition(PyValue.Kind.CLASS, PyModules.moduleName(path) + "." + name, cls, path);
        }
        SyntaxNode fn = file.function(name);
        if (fn != null) {
            return PyValue.definition(PyValue.Kind.FUNCTION, PyModules.moduleName(path) + "." + name, fn, path);
        }
        Import i = file.importOf(name);
        if (i != null) {
            return imported(i, depth).through(parsed.evidence(i.node()));
        }
        for (StarImport s : file.starImports()) {
            Optional<SourceFile> target = module(s.module(), s.level());
            if (target.isPresent()) {
                PyValue v = resolverFor(target.get().path()).exported(name, depth + 1);
                if (v.isKnown() || v.node() != null) {
                    return v;
                }
            }
        }
        return PyValue.unknown(use, path);
    }

    private PyValue imported(Import i, int depth) {
        String path = parsed.path();
        if (depth > MAX_DEPTH) {
            return PyValue.unknown(i.node(), path);
        }
        if (i.name() == null) { // import a.b as c: the module itself
            Optional<SourceFile> m = module(i.module(), i.level());
            return m.isPresent() ? moduleValue(m.get(), depth) : PyValue.unknown(i.node(), path);
        }
        Optional<SourceFile> m = module(i.module(), i.level());
        if (m.isPresent()) {
            PyValue v = resolverFor(m.get().path()).exported(i.name(), depth + 1);
            if (v.isKnown() || v.node() != null) { // an unknown value still names the expression behind it
                return v;
            }
        }
        Optional<SourceFile> sub = module(join(i.module(), i.name()), i.level()); // from . import views
        if (sub.isPresent()) {
            return moduleValue(sub.get(), depth);
        }
        return PyValue.unknown(i.node(), path);
    }

    private PyValue moduleValue(SourceFile f, int depth) {
        PyResolver there = resolverFor(f.path());
        return PyValue.module(f.path(), new ModuleMembers(there, depth), null, parsed.path());
    }

    PyValue exported(String name, int depth) {
        if (depth > MAX_DEPTH) {
            return PyValue.unknown(null, parsed.path());
        }
        PyValue v = moduleName(name, null, depth);
        if (v.isKnown()) {
            return v;
        }
        if (PyModules.isPackage(parsed.path())) {
            Optional<SourceFile> sub = module(name, 1);
            if (sub.isPresent()) {
                return moduleValue(sub.get(), depth);
            }
        }
        return v;
    }

    /** The repository file of a module imported from this file. */
    public Optional<SourceFile> module(String module, int level) {
        return PyModules.of(sources).resolve(parsed.path(), module, level);
    }

    // ---- patterns --------------------------------------------------------------------------------------------

    /**
     * The text of a string expression with the parts that are only known at run time as {@code {name}}
     * placeholders: {@code f"chat_{self.room_name}"} → {@code chat_{room_name}}, {@code "room-%s" % self.id} →
     * {@code room-{id}}. Null when the expression has no literal part at all and no name to give it.
     */
    public String pattern(SyntaxNode expr) {
        return pattern(expr, 0);
    }

    String pattern(SyntaxNode expr, int depth) {
        SyntaxNode n = PySyntax.unwrap(expr);
        if (n == null || depth > MAX_DEPTH) {
            return null;
        }
        PyValue v = resolve(n).effective();
        if (v.is(PyValue.Kind.STRING) || v.is(PyValue.Kind.NUMBER)) {
            return v.text();
        }
        switch (n.type()) {
            case "string": {
                if (!PySyntax.isFString(n)) {
                    return PySyntax.stringValue(n);
                }
                StringBuilder b = new StringBuilder();
                for (PySyntax.Piece p : PySyntax.fStringPieces(n)) {
                    b.append(p.text() != null ? p.text() : part(p.expression(), depth));
                }
                return b.toString();
            }
            case "binary_operator": {
                String op = operator(n);
                if (op.equals("+")) {
                    return part(n.field("left"), depth) + part(n.field("right"), depth);
                }
                if (op.equals("%")) {
                    String fmt = PySyntax.stringValue(PySyntax.unwrap(n.field("left")));
                    if (fmt == null) {
                        PyValue f = resolve(n.field("left"));
                        fmt = f.is(PyValue.Kind.STRING) ? f.string() : null;
                    }
                    if (fmt != null) {
                        SyntaxNode r = PySyntax.unwrap(n.field("right"));
                        List<SyntaxNode> args = r != null && r.is("tuple") ? r.namedChildren() : List.of(r);
                        return percentPattern(fmt, args, depth);
                    }
                }
                return null;
            }
            case "call": {
                SyntaxNode fn = n.field("function");
                String callee = PySyntax.dotted(fn);
                List<SyntaxNode> args = PySyntax.positional(n);
                if ("str".equals(callee) && args.size() == 1) {
                    return part(args.get(0), depth);
                }
                if (fn != null && fn.is("attribute") && fn.field("attribute") != null
                        && fn.field("attribute").text().equals("format")) {
                    String fmt = pattern(fn.field("object"), depth + 1);
                    return fmt == null ? null : bracePattern(fmt, n, depth);
                }
                Optional<PyValue> f = functionBehind(fn);
                if (f.isPresent() && f.get().node().is("function_definition")) {
                    return resolverFor(f.get().path()).returnPattern(f.get().node(), depth + 1);
                }
                SyntaxNode self = fn == null || !fn.is("attribute") ? null : PySyntax.unwrap(fn.field("object"));
                if (self != null && self.is("identifier") && (self.text().equals("self") || self.text().equals("cls"))) {
                    SyntaxNode cls = file.enclosing(n, "class_definition"); // self.group_name_for(x): a method here
                    SyntaxNode method = cls == null ? null : PyFile.methods(cls).get(fn.field("attribute").text());
                    if (method != null) {
                        return returnPattern(method, depth + 1);
                    }
                }
                return null;
            }
            case "identifier": {
                Local l = enclosingBinding(n.text(), n);
                if (l != null && l.value() != null) {
                    String p = pattern(l.value(), depth + 1);
                    return p != null ? p : "{" + n.text() + "}";
                }
                if (l == null) {
                    Assignment a = file.binding(n.text());
                    if (a != null && a.value() != null) {
                        String p = pattern(a.value(), depth + 1);
                        if (p != null) {
                            return p;
                        }
                    }
                }
                return null;
            }
            case "attribute": {
                SyntaxNode obj = PySyntax.unwrap(n.field("object"));
                SyntaxNode attr = n.field("attribute");
                if (obj != null && obj.is("identifier") && obj.text().equals("self") && attr != null) {
                    SyntaxNode cls = file.enclosing(n, "class_definition");
                    List<Local> bound = cls == null ? null : file.selfAttributes(cls).get(attr.text());
                    if (bound != null) {
                        Local only = onlyBinding(bound, n);
                        if (only != null && only.value() != null) {
                            String p = pattern(only.value(), depth + 1);
                            if (p != null) {
                                return p;
                            }
                        }
                        if (only == null) {
                            return null; // bound to different values: a placeholder, not the first of them
                        }
                    }
                    if (cls != null) {
                        SyntaxNode prop = PyFile.methods(cls).get(attr.text());
                        if (prop != null && isProperty(prop)) {
                            return returnPattern(prop, depth + 1);
                        }
                    }
                    return null;
                }
                if (attr != null) {
                    return PropertyIndex.pattern(this, attr.text(), depth + 1);
                }
                return null;
            }
            default:
                return null;
        }
    }

    /** A part of a pattern: its text when known, else a placeholder named after the expression. */
    private String part(SyntaxNode expr, int depth) {
        String p = pattern(expr, depth + 1);
        return p != null ? p : "{" + placeholder(expr) + "}";
    }

    /** The name a placeholder takes: the variable, attribute or key the value is read from. */
    public static String placeholder(SyntaxNode expr) {
        SyntaxNode n = PySyntax.unwrap(expr);
        if (n == null) {
            return "value";
        }
        switch (n.type()) {
            case "identifier":
                return n.text();
            case "attribute": {
                SyntaxNode a = n.field("attribute");
                return a == null ? "value" : a.text();
            }
            case "subscript": {
                String k = PySyntax.stringValue(PySyntax.unwrap(n.field("subscript")));
                return k != null ? k : placeholder(n.field("value"));
            }
            case "call": {
                SyntaxNode fn = n.field("function");
                List<SyntaxNode> args = PySyntax.positional(n);
                if (fn != null && fn.is("attribute") && "get".equals(fn.field("attribute").text()) && !args.isEmpty()) {
                    String k = PySyntax.stringValue(PySyntax.unwrap(args.get(0)));
                    if (k != null) {
                        return k;
                    }
                }
                if (!args.isEmpty()) {
                    return placeholder(args.get(0));
                }
                String c = PySyntax.calleeName(n);
                return c == null ? "value" : c;
            }
            default:
                return "value";
        }
    }

    /** The pattern of a function's (or property's) single returned expression. */
    String returnPattern(SyntaxNode function, int depth) {
        SyntaxNode body = function.field("body");
        if (body == null) {
            return null;
        }
        String found = null;
        for (SyntaxNode s : body.namedChildren()) {
            if (s.is("return_statement") && s.namedChildCount() > 0) {
                String p = pattern(s.namedChild(0), depth + 1);
                if (p == null) {
                    p = "{" + placeholder(s.namedChild(0)) + "}";
                }
                if (found != null && !found.equals(p)) {
                    return null;
                }
                found = p;
            }
        }
        return found;
    }

    static boolean isProperty(SyntaxNode function) {
        for (SyntaxNode d : PySyntax.decorators(function)) {
            String t = d.text();
            if (t.equals("property") || t.endsWith("cached_property")) {
                return true;
            }
        }
        return false;
    }

    private String percentPattern(String fmt, List<SyntaxNode> args, int depth) {
        Matcher m = PERCENT.matcher(fmt);
        StringBuilder b = new StringBuilder();
        int k = 0;
        while (m.find()) {
            if (m.group().equals("%%")) {
                m.appendReplacement(b, "%");
                continue;
            }
            String rep = k < args.size() ? part(args.get(k++), depth) : "{value}";
            m.appendReplacement(b, Matcher.quoteReplacement(rep));
        }
        m.appendTail(b);
        return b.toString();
    }

    private String bracePattern(String fmt, SyntaxNode call, int depth) {
        List<SyntaxNode> args = PySyntax.positional(call);
        Matcher m = BRACES.matcher(fmt);
        StringBuilder b = new StringBuilder();
        int k = 0;
        while (m.find()) {
            String field = m.group(1).replaceAll("[:!].*$", "");
            SyntaxNode arg;
            if (field.isEmpty()) {
                arg = k < args.size() ? args.get(k++) : null;
            } else if (field.matches("\\d+")) {
                int i = Integer.parseInt(field);
                arg = i < args.size() ? args.get(i) : null;
            } else {
                arg = PySyntax.keyword(call, field);
            }
            String rep = arg == null ? "{" + (field.isEmpty() ? "value" : field) + "}" : part(arg, depth);
            m.appendReplacement(b, Matcher.quoteReplacement(rep));
        }
        m.appendTail(b);
        return b.toString();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private PyValue format(SyntaxNode call, PyValue fmt, int depth) {
        List<SyntaxNode> args = PySyntax.positional(call);
        Matcher m = BRACES.matcher(fmt.string());
        StringBuilder b = new StringBuilder();
        int k = 0;
        PyValue out = fmt;
        while (m.find()) {
            String field = m.group(1).replaceAll("[:!].*$", "");
            SyntaxNode arg = field.isEmpty() ? (k < args.size() ? args.get(k++) : null)
                    : field.matches("\\d+") ? (Integer.parseInt(field) < args.size()
                    ? args.get(Integer.parseInt(field)) : null) : PySyntax.keyword(call, field);
            PyValue v = arg == null ? null : resolve(arg, depth + 1).effective();
            if (v == null || !v.isLiteral()) {
                return PyValue.unknown(call, parsed.path());
            }
            out = out.carrying(v);
            m.appendReplacement(b, Matcher.quoteReplacement(v.text()));
        }
        m.appendTail(b);
        return PyValue.string(b.toString(), call, parsed.path()).carrying(out);
    }

    private static String percentFormat(String fmt, List<PyValue> args, PyValue whole) {
        Matcher m = PERCENT.matcher(fmt);
        StringBuilder b = new StringBuilder();
        int k = 0;
        while (m.find()) {
            if (m.group().equals("%%")) {
                m.appendReplacement(b, "%");
                continue;
            }
            PyValue v;
            if (m.group(1) != null) {
                v = whole.is(PyValue.Kind.DICT) ? whole.get(m.group(1)) : null;
            } else {
                v = k < args.size() ? args.get(k++) : null;
            }
            if (v == null) {
                return null;
            }
            v = v.effective();
            if (!v.isLiteral()) {
                return null;
            }
            m.appendReplacement(b, Matcher.quoteReplacement(v.text()));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String operator(SyntaxNode n) {
        SyntaxNode op = n.field("operator");
        if (op != null) {
            return op.text();
        }
        for (SyntaxNode c : n.children()) {
            if (!c.isNamed()) {
                return c.text();
            }
        }
        return "";
    }

    private PyValue toNumber(PyValue v) {
        if (v.is(PyValue.Kind.NUMBER)) {
            return v;
        }
        if (v.is(PyValue.Kind.STRING)) {
            Double d = parseNumber(v.string().trim());
            return d == null ? PyValue.unknown(v.node(), v.path())
                    : PyValue.number(d, v.node(), v.path()).carrying(v);
        }
        if (v.is(PyValue.Kind.BOOLEAN)) {
            return PyValue.number(v.bool() ? 1 : 0, v.node(), v.path());
        }
        if (v.is(PyValue.Kind.ENV)) {
            PyValue fb = v.fallback();
            return fb == null ? v : PyValue.env(v.variable(), toNumber(fb), v.node(), v.path());
        }
        return PyValue.unknown(v.node(), v.path());
    }

    private PyValue toBool(PyValue v) {
        if (v.is(PyValue.Kind.ENV)) {
            PyValue fb = v.fallback();
            return fb == null ? v : PyValue.env(v.variable(), toBool(fb), v.node(), v.path());
        }
        if (v.is(PyValue.Kind.STRING)) {
            String s = v.string().trim().toLowerCase(Locale.ROOT);
            if (Set.of("true", "1", "yes", "on", "y", "t").contains(s)) {
                return PyValue.bool(true, v.node(), v.path());
            }
            if (Set.of("false", "0", "no", "off", "n", "f", "").contains(s)) {
                return PyValue.bool(false, v.node(), v.path());
            }
        }
        Boolean t = v.truthy();
        return t == null ? PyValue.unknown(v.node(), v.path()) : PyValue.bool(t, v.node(), v.path());
    }

    /** A Python numeric literal: decimal, exponent, hex, octal, binary, underscores; null for complex numbers. */
    static Double parseNumber(String raw) {
        String s = raw.replace("_", "").toLowerCase(Locale.ROOT);
        if (s.endsWith("j") || s.isEmpty()) {
            return null;
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
            if (s.endsWith("l")) {
                s = s.substring(0, s.length() - 1);
            }
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- members ---------------------------------------------------------------------------------------------

    /** Members of a dict, list, tuple or set literal, read from the syntax on first use. */
    private final class LiteralMembers implements PyValue.Members {
        private final SyntaxNode node;
        private final int depth;
        private Map<String, PyValue.Member> entries;
        private List<PyValue> items;

        LiteralMembers(SyntaxNode node, int depth) {
            this.node = node;
            this.depth = depth;
        }

        @Override
        public synchronized Map<String, PyValue.Member> entries() {
            if (entries == null) {
                Map<String, PyValue.Member> m = PyValue.ordered();
                for (SyntaxNode c : node.namedChildren()) {
                    if (c.is("pair")) {
                        SyntaxNode k = c.field("key");
                        PyValue key = k == null ? null : resolve(k, depth + 1).effective();
                        if (key != null && (key.is(PyValue.Kind.STRING) || key.is(PyValue.Kind.NUMBER))) {
                            m.put(key.text(), new LazyMember(c, () -> resolve(c.field("value"), depth + 1)));
                        }
                    } else if (c.is("dictionary_splat") && c.namedChildCount() > 0) {
                        m.putAll(resolve(c.namedChild(0), depth + 1).entries());
                    }
                }
                entries = m;
            }
            return entries;
        }

        @Override
        public synchronized List<PyValue> items() {
            if (items == null) {
                List<PyValue> l = new ArrayList<>();
                for (SyntaxNode c : node.namedChildren()) {
                    if (c.is("comment")) {
                        continue;
                    }
                    if (c.is("list_splat") && c.namedChildCount() > 0) {
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

    /** {@code dict(a=1, b=2)}. */
    private final class KeywordMembers implements PyValue.Members {
        private final SyntaxNode call;
        private final int depth;
        private Map<String, PyValue.Member> entries;

        KeywordMembers(SyntaxNode call, int depth) {
            this.call = call;
            this.depth = depth;
        }

        @Override
        public synchronized Map<String, PyValue.Member> entries() {
            if (entries == null) {
                Map<String, PyValue.Member> m = PyValue.ordered();
                for (Map.Entry<String, SyntaxNode> e : PySyntax.keywords(call).entrySet()) {
                    SyntaxNode arg = e.getValue();
                    m.put(e.getKey(), new LazyMember(arg, () -> resolve(arg.field("value"), depth + 1)));
                }
                entries = m;
            }
            return entries;
        }

        @Override
        public List<PyValue> items() {
            return List.of();
        }
    }

    /** The top-level names of a module. */
    private static final class ModuleMembers implements PyValue.Members {
        private final PyResolver module;
        private final int depth;
        private final Map<String, PyValue.Member> cache = new LinkedHashMap<>();

        ModuleMembers(PyResolver module, int depth) {
            this.module = module;
            this.depth = depth;
        }

        @Override
        public synchronized Map<String, PyValue.Member> entries() {
            Map<String, PyValue.Member> m = new LinkedHashMap<>();
            for (String name : module.file.allAssignments().keySet()) {
                m.put(name, member(name));
            }
            for (String name : module.file.classes().keySet()) {
                m.put(name, member(name));
            }
            for (String name : module.file.imports().keySet()) {
                m.putIfAbsent(name, member(name));
            }
            return new LookupMap(m, this);
        }

        synchronized PyValue.Member member(String name) {
            return cache.computeIfAbsent(name, n -> new LazyMember(null, () -> module.exported(n, depth + 1)));
        }

        @Override
        public List<PyValue> items() {
            return List.of();
        }
    }

    /** A module's names, answering for names bound elsewhere (functions, star imports) on lookup. */
    private static final class LookupMap extends java.util.AbstractMap<String, PyValue.Member> {
        private final Map<String, PyValue.Member> known;
        private final ModuleMembers owner;

        LookupMap(Map<String, PyValue.Member> known, ModuleMembers owner) {
            this.known = known;
            this.owner = owner;
        }

        @Override
        public PyValue.Member get(Object key) {
            PyValue.Member m = known.get(key);
            if (m != null || !(key instanceof String s)) {
                return m;
            }
            PyValue.Member lazy = owner.member(s);
            return lazy.value().isKnown() ? lazy : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public java.util.Set<Entry<String, PyValue.Member>> entrySet() {
            return known.entrySet();
        }
    }

    private record FixedMembers(Map<String, PyValue.Member> entries, List<PyValue> items) implements PyValue.Members {
    }

    private static final class LazyMember implements PyValue.Member {
        private final SyntaxNode keyNode;
        private final java.util.function.Supplier<PyValue> supplier;
        private PyValue value;

        LazyMember(SyntaxNode keyNode, java.util.function.Supplier<PyValue> supplier) {
            this.keyNode = keyNode;
            this.supplier = supplier;
        }

        @Override
        public SyntaxNode keyNode() {
            return keyNode;
        }

        @Override
        public synchronized PyValue value() {
            if (value == null) {
                value = supplier.get();
            }
            return value;
        }
    }

    /** Evidence of a node of this file. */
    public Evidence evidence(SyntaxNode node) {
        return parsed.evidence(node);
    }
}
