package io.wsmemory.core.resolve.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.java.JavaTypes.TypeRef;
import io.wsmemory.core.resolve.java.JavaValue.Kind;
import io.wsmemory.core.resolve.java.JavaValue.NumType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates Java expressions statically: literals and arithmetic ({@code 5 * 1024 * 1024}, {@code 1 << 20}), string
 * concatenation, local variables, {@code static final} constants of the same or another class of the repository
 * (imports, static imports, nested and inherited), enum and library constants, {@code Duration.ofSeconds(30)},
 * {@code TimeUnit.SECONDS.toMillis(30)}, {@code DataSize.ofMegabytes(1)}, {@code @Value("${key:default}")} fields and
 * parameters, {@code @ConfigurationProperties} fields and records read through getters, {@code Environment}
 * look-ups, {@code System.getenv}/{@code System.getProperty} with fallbacks. Gives up (unknown) rather than guess;
 * follows at most {@value #MAX_DEPTH} definitions.
 */
public final class JavaResolver {

    private static final int MAX_DEPTH = 16;
    private static final Set<String> NUMERIC_TYPES = Set.of("int", "Integer", "long", "Long", "short", "Short",
            "byte", "Byte", "double", "Double", "float", "Float");
    private static final Pattern DURATION = Pattern.compile("(?i)^\\s*(-?\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h|d)?\\s*$");
    private static final Pattern ISO_DURATION = Pattern.compile(
            "(?i)^P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?$");
    private static final Pattern DATA_SIZE = Pattern.compile("(?i)^\\s*(\\d+)\\s*(B|KB|MB|GB|TB)?\\s*$");
    private static final Map<String, Double> TIME_UNITS = Map.of("NANOSECONDS", 1e-6, "MICROSECONDS", 1e-3,
            "MILLISECONDS", 1.0, "SECONDS", 1000.0, "MINUTES", 60_000.0, "HOURS", 3_600_000.0, "DAYS", 86_400_000.0);
    private static final Map<String, Double> CHRONO_UNITS = Map.of("NANOS", 1e-6, "MICROS", 1e-3, "MILLIS", 1.0,
            "SECONDS", 1000.0, "MINUTES", 60_000.0, "HOURS", 3_600_000.0, "DAYS", 86_400_000.0);

    private final ParsedFile file;
    private final JavaTypes types;
    private final ConfigLookup config;
    private final Map<String, JavaResolver> others;

    public JavaResolver(ParsedFile file, SourceSet sources, ConfigLookup config) {
        this(file, JavaTypes.of(sources), config, new HashMap<>());
    }

    private JavaResolver(ParsedFile file, JavaTypes types, ConfigLookup config, Map<String, JavaResolver> others) {
        this.file = file;
        this.types = types;
        this.config = config == null ? ConfigLookup.NONE : config;
        this.others = others;
        others.putIfAbsent(file.path(), this);
    }

    public ParsedFile file() {
        return file;
    }

    public JavaTypes types() {
        return types;
    }

    public ConfigLookup config() {
        return config;
    }

    /** A resolver for another file of the scan (where a type or constant lives); shares this one's caches. */
    public JavaResolver resolverFor(ParsedFile other) {
        if (other == null || other.path().equals(file.path())) {
            return this;
        }
        JavaResolver known = others.get(other.path());
        return known != null ? known : new JavaResolver(other, types, config, others);
    }

    /** The repository type a name means in this file, if the repository declares it. */
    public Optional<TypeRef> type(String name) {
        return types.find(name, file);
    }

    public Evidence evidence(Node n) {
        return file.evidence(line(n));
    }

    /** The source text of a node of this file, as written (cheap: no pretty printing). */
    public String source(Node n) {
        return source(file, n);
    }

    /** The source text of a node of {@code file} as written; "" when the node has no position. */
    public static String source(ParsedFile file, Node n) {
        if (n == null || n.getRange().isEmpty()) {
            return "";
        }
        com.github.javaparser.Range range = n.getRange().get();
        StringBuilder b = new StringBuilder();
        for (int l = range.begin.line; l <= range.end.line; l++) {
            String text = file.file().line(l);
            int from = l == range.begin.line ? Math.min(Math.max(range.begin.column - 1, 0), text.length()) : 0;
            int to = l == range.end.line ? Math.min(Math.max(range.end.column, from), text.length()) : text.length();
            b.append(text, from, to);
            if (l < range.end.line) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** A short text for a call's scope: a name, a field access, else "" (long chains are never printed). */
    static String scopeText(Expression scope) {
        if (scope == null) {
            return "";
        }
        if (scope instanceof NameExpr n) {
            return n.getNameAsString();
        }
        if (scope instanceof FieldAccessExpr f) {
            String inner = scopeText(f.getScope());
            return inner.isEmpty() ? "" : inner + "." + f.getNameAsString();
        }
        if (scope instanceof ThisExpr) {
            return "this";
        }
        return "";
    }

    /** The line a node starts on; for a call in a chain, the line of its method name. */
    public static int line(Node n) {
        if (n instanceof MethodCallExpr m) {
            return m.getName().getRange().map(r -> r.begin.line).orElse(n.getRange().map(r -> r.begin.line).orElse(1));
        }
        if (n instanceof CallableDeclaration<?> c) {
            return c.getName().getRange().map(r -> r.begin.line).orElse(n.getRange().map(r -> r.begin.line).orElse(1));
        }
        if (n instanceof TypeDeclaration<?> t) {
            return t.getName().getRange().map(r -> r.begin.line).orElse(n.getRange().map(r -> r.begin.line).orElse(1));
        }
        return n.getRange().map(r -> r.begin.line).orElse(1);
    }

    public JavaValue resolve(Expression e) {
        return resolve(e, 0);
    }

    /** Resolves a Spring placeholder string such as {@code ${ws.path:/ws}} (an annotation's text). */
    public JavaValue resolvePlaceholders(String text, String targetType, Node at) {
        return placeholders(text, targetType, at, null, 0);
    }

    // ---- expressions ----------------------------------------------------------------------------------------

    JavaValue resolve(Expression expr, int depth) {
        String path = file.path();
        if (expr == null) {
            return JavaValue.unknown(null, path);
        }
        if (depth > MAX_DEPTH) {
            return JavaValue.unknown(expr, path);
        }
        try {
            return doResolve(expr, depth);
        } catch (RuntimeException e) {
            return JavaValue.unknown(expr, path);
        }
    }

    private JavaValue doResolve(Expression expr, int depth) {
        String path = file.path();
        if (expr instanceof EnclosedExpr en) {
            return resolve(en.getInner(), depth);
        }
        if (expr instanceof IntegerLiteralExpr i) {
            Number n = i.asNumber();
            return JavaValue.number(n.doubleValue(), NumType.INT, expr, path);
        }
        if (expr instanceof LongLiteralExpr l) {
            Number n = l.asNumber();
            double d = n instanceof BigInteger b ? b.doubleValue() : n.doubleValue();
            return JavaValue.number(d, NumType.LONG, expr, path);
        }
        if (expr instanceof DoubleLiteralExpr d) {
            return JavaValue.number(d.asDouble(), NumType.DOUBLE, expr, path);
        }
        if (expr instanceof StringLiteralExpr s) {
            return JavaValue.string(s.asString(), expr, path);
        }
        if (expr instanceof TextBlockLiteralExpr t) {
            return JavaValue.string(t.asString(), expr, path);
        }
        if (expr instanceof CharLiteralExpr c) {
            return JavaValue.string(String.valueOf(c.asChar()), expr, path);
        }
        if (expr instanceof BooleanLiteralExpr b) {
            return JavaValue.bool(b.getValue(), expr, path);
        }
        if (expr instanceof NullLiteralExpr) {
            return JavaValue.nullValue(expr, path);
        }
        if (expr instanceof CastExpr c) {
            JavaValue v = resolve(c.getExpression(), depth + 1);
            return cast(v, c.getType().asString());
        }
        if (expr instanceof UnaryExpr u) {
            return unary(u, depth);
        }
        if (expr instanceof BinaryExpr b) {
            return binary(b, depth);
        }
        if (expr instanceof ConditionalExpr c) {
            return conditional(c, depth);
        }
        if (expr instanceof NameExpr n) {
            return resolveName(n.getNameAsString(), n, depth);
        }
        if (expr instanceof FieldAccessExpr f) {
            return fieldAccess(f, depth);
        }
        if (expr instanceof MethodCallExpr m) {
            return call(m, depth);
        }
        if (expr instanceof ObjectCreationExpr o) {
            String t = o.getType().getNameAsString();
            if (t.equals("String") && o.getArguments().size() == 1) {
                return resolve(o.getArguments().get(0), depth + 1);
            }
            if ((t.equals("Integer") || t.equals("Long")) && o.getArguments().size() == 1) {
                return cast(resolve(o.getArguments().get(0), depth + 1), t);
            }
            return JavaValue.object(t, expr, path);
        }
        if (expr instanceof ArrayCreationExpr a) {
            return a.getInitializer().map(init -> arrayOf(init.getValues(), init, depth))
                    .orElse(JavaValue.unknown(expr, path));
        }
        if (expr instanceof ArrayInitializerExpr a) {
            return arrayOf(a.getValues(), a, depth);
        }
        if (expr instanceof ArrayAccessExpr a) {
            JavaValue arr = resolve(a.getName(), depth + 1);
            Double idx = resolve(a.getIndex(), depth + 1).asNumber();
            if (arr.is(Kind.ARRAY) && idx != null && idx >= 0 && idx < arr.items().size()) {
                return arr.items().get(idx.intValue());
            }
            return JavaValue.unknown(expr, path);
        }
        if (expr instanceof ClassExpr c) {
            return JavaValue.classLiteral(simpleName(c.getType()), expr, path);
        }
        return JavaValue.unknown(expr, path);
    }

    private JavaValue arrayOf(NodeList<Expression> values, Node at, int depth) {
        List<JavaValue> items = new ArrayList<>();
        for (Expression v : values) {
            items.add(resolve(v, depth + 1));
        }
        return JavaValue.array(items, at, file.path());
    }

    private JavaValue unary(UnaryExpr u, int depth) {
        JavaValue v = resolve(u.getExpression(), depth + 1);
        switch (u.getOperator()) {
            case MINUS:
                return v.is(Kind.NUMBER) ? v.withNumber(-v.number(), v.numType()) : unknownAt(u);
            case PLUS:
                return v;
            case BITWISE_COMPLEMENT:
                return v.is(Kind.NUMBER) ? v.withNumber(~(long) v.number(), v.numType()) : unknownAt(u);
            case LOGICAL_COMPLEMENT:
                return v.is(Kind.BOOLEAN) ? JavaValue.bool(!v.bool(), u, file.path()) : unknownAt(u);
            default:
                return unknownAt(u);
        }
    }

    private JavaValue unknownAt(Node n) {
        return JavaValue.unknown(n, file.path());
    }

    private JavaValue binary(BinaryExpr b, int depth) {
        JavaValue l = resolve(b.getLeft(), depth + 1);
        JavaValue r = resolve(b.getRight(), depth + 1);
        BinaryExpr.Operator op = b.getOperator();
        if (op == BinaryExpr.Operator.PLUS && (isText(l) || isText(r))) {
            return concat(l, r, b);
        }
        if (l.is(Kind.ENV) || r.is(Kind.ENV)) {
            JavaValue env = l.is(Kind.ENV) ? l : r;
            JavaValue lf = l.is(Kind.ENV) ? l.fallback() : l;
            JavaValue rf = r.is(Kind.ENV) ? r.fallback() : r;
            JavaValue f = lf != null && rf != null && lf.is(Kind.NUMBER) && rf.is(Kind.NUMBER)
                    ? arithmetic(op, lf, rf, b) : null;
            return JavaValue.env(env.variable(), env.envKind(), f, b, file.path());
        }
        if (l.is(Kind.NUMBER) && r.is(Kind.NUMBER)) {
            JavaValue v = arithmetic(op, l, r, b);
            if (v == null) {
                return unknownAt(b);
            }
            List<Evidence> via = new ArrayList<>(l.via());
            via.addAll(r.via());
            for (Evidence e : via) {
                v = v.through(e);
            }
            return l.isMillis() || r.isMillis() ? v.asMillis() : v;
        }
        if (l.is(Kind.BOOLEAN) && r.is(Kind.BOOLEAN)) {
            return switch (op) {
                case AND -> JavaValue.bool(l.bool() && r.bool(), b, file.path());
                case OR -> JavaValue.bool(l.bool() || r.bool(), b, file.path());
                default -> unknownAt(b);
            };
        }
        return unknownAt(b);
    }

    private static boolean isText(JavaValue v) {
        return v.is(Kind.STRING) || v.is(Kind.ENV) && v.fallback() != null && v.fallback().is(Kind.STRING);
    }

    private JavaValue concat(JavaValue l, JavaValue r, Node at) {
        JavaValue env = l.is(Kind.ENV) ? l : r.is(Kind.ENV) ? r : null;
        String ls = javaText(l.is(Kind.ENV) ? l.fallback() : l);
        String rs = javaText(r.is(Kind.ENV) ? r.fallback() : r);
        if (env != null) {
            JavaValue f = ls != null && rs != null ? JavaValue.string(ls + rs, at, file.path()) : null;
            return JavaValue.env(env.variable(), env.envKind(), f, at, file.path());
        }
        if (ls == null || rs == null) {
            return unknownAt(at);
        }
        JavaValue v = JavaValue.string(ls + rs, at, file.path());
        for (Evidence e : l.via()) {
            v = v.through(e);
        }
        for (Evidence e : r.via()) {
            v = v.through(e);
        }
        return v;
    }

    /** How Java prints a value in string concatenation. */
    private static String javaText(JavaValue v) {
        if (v == null) {
            return null;
        }
        return switch (v.kind()) {
            case STRING -> v.string();
            case NUMBER -> v.numType() == NumType.DOUBLE ? Double.toString(v.number())
                    : Long.toString((long) v.number());
            case BOOLEAN -> Boolean.toString(v.bool());
            case NULL -> "null";
            case CONSTANT -> v.string();
            default -> null;
        };
    }

    private JavaValue arithmetic(BinaryExpr.Operator op, JavaValue l, JavaValue r, Node at) {
        NumType t = l.numType() == NumType.DOUBLE || r.numType() == NumType.DOUBLE ? NumType.DOUBLE
                : l.numType() == NumType.LONG || r.numType() == NumType.LONG ? NumType.LONG : NumType.INT;
        double a = l.number();
        double b = r.number();
        boolean integral = t != NumType.DOUBLE;
        double v;
        switch (op) {
            case PLUS -> v = a + b;
            case MINUS -> v = a - b;
            case MULTIPLY -> v = a * b;
            case DIVIDE -> {
                if (b == 0) {
                    return null;
                }
                v = integral ? (double) ((long) a / (long) b) : a / b;
            }
            case REMAINDER -> {
                if (b == 0) {
                    return null;
                }
                v = integral ? (double) ((long) a % (long) b) : a % b;
            }
            case LEFT_SHIFT -> v = t == NumType.LONG ? (double) ((long) a << (long) b) : (double) ((int) a << (int) b);
            case SIGNED_RIGHT_SHIFT -> v = (double) ((long) a >> (long) b);
            case UNSIGNED_RIGHT_SHIFT -> v = (double) ((long) a >>> (long) b);
            case BINARY_AND -> v = (double) ((long) a & (long) b);
            case BINARY_OR -> v = (double) ((long) a | (long) b);
            case XOR -> v = (double) ((long) a ^ (long) b);
            default -> {
                return null;
            }
        }
        if (t == NumType.INT && integral && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
            v = (int) (long) v; // int overflow wraps, as in Java
        }
        return JavaValue.number(v, t, at, file.path());
    }

    private JavaValue cast(JavaValue v, String type) {
        Double n = v.is(Kind.NUMBER) ? Double.valueOf(v.number()) : null;
        if (n == null) {
            return v;
        }
        return switch (type) {
            case "int", "Integer", "short", "byte" -> v.withNumber((double) (int) (long) v.number(), NumType.INT);
            case "long", "Long" -> v.withNumber((double) (long) v.number(), NumType.LONG);
            case "double", "float", "Double", "Float" -> v.withNumber(v.number(), NumType.DOUBLE);
            default -> v;
        };
    }

    private JavaValue conditional(ConditionalExpr c, int depth) {
        JavaValue cond = resolve(c.getCondition(), depth + 1);
        if (cond.is(Kind.BOOLEAN)) {
            return resolve(cond.bool() ? c.getThenExpr() : c.getElseExpr(), depth + 1);
        }
        // x != null ? x : fallback, with x from the environment
        if (c.getCondition() instanceof BinaryExpr b && b.getRight() instanceof NullLiteralExpr) {
            JavaValue tested = resolve(b.getLeft(), depth + 1);
            if (tested.is(Kind.ENV) && tested.fallback() == null) {
                boolean notNull = b.getOperator() == BinaryExpr.Operator.NOT_EQUALS;
                Expression other = notNull ? c.getElseExpr() : c.getThenExpr();
                return tested.withFallback(resolve(other, depth + 1).effective());
            }
        }
        JavaValue a = resolve(c.getThenExpr(), depth + 1);
        JavaValue b = resolve(c.getElseExpr(), depth + 1);
        if (a.isLiteral() && b.isLiteral() && a.text().equals(b.text())) {
            return a;
        }
        return unknownAt(c);
    }

    // ---- names --------------------------------------------------------------------------------------------

    /** The value bound to {@code name} where {@code use} reads it. */
    public JavaValue resolveName(String name, Node use) {
        return resolveName(name, use, 0);
    }

    JavaValue resolveName(String name, Node use, int depth) {
        if (depth > MAX_DEPTH) {
            return unknownAt(use);
        }
        Optional<Local> local = local(name, use);
        if (local.isPresent()) {
            return localValue(local.get(), use, depth);
        }
        for (TypeDeclaration<?> t : enclosingTypes(use)) {
            JavaValue v = memberOf(new TypeRef(t, file), name, depth, 0);
            if (v != null) {
                return v;
            }
        }
        JavaValue st = staticImport(name, depth);
        if (st != null) {
            return st;
        }
        return unknownAt(use);
    }

    /**
     * The expression a name stands for when it is a local variable or field assigned once: its initializer (or the
     * one assignment), for reading builders and constructions that are not values ({@code config} in
     * {@code new Handler(config)}). Empty for parameters and anything assigned more than once.
     */
    public Optional<Expression> definitionOf(Expression e) {
        if (!(e instanceof NameExpr ne)) {
            if (e instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr) {
                return fieldInitializer(fa.getNameAsString(), fa);
            }
            return Optional.empty();
        }
        Optional<Local> l = local(ne.getNameAsString(), ne);
        if (l.isPresent()) {
            VariableDeclarator v = l.get().var();
            if (v == null) {
                return Optional.empty();
            }
            Node callable = v.findAncestor(CallableDeclaration.class).map(c -> (Node) c).orElse(l.get().scope());
            List<AssignExpr> assigns = new ArrayList<>();
            for (AssignExpr a : callable.findAll(AssignExpr.class)) {
                if (a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(v.getNameAsString())) {
                    assigns.add(a);
                }
            }
            if (v.getInitializer().isPresent() && assigns.isEmpty()) {
                return v.getInitializer();
            }
            return v.getInitializer().isEmpty() && assigns.size() == 1 ? Optional.of(assigns.get(0).getValue())
                    : Optional.empty();
        }
        return fieldInitializer(ne.getNameAsString(), ne);
    }

    private Optional<Expression> fieldInitializer(String name, Node use) {
        for (TypeDeclaration<?> t : enclosingTypes(use)) {
            Optional<FieldDeclaration> fd = t.getFieldByName(name);
            if (fd.isPresent()) {
                for (VariableDeclarator v : fd.get().getVariables()) {
                    if (v.getNameAsString().equals(name)) {
                        if (v.getInitializer().isPresent()) {
                            return v.getInitializer();
                        }
                        List<AssignExpr> assigns = new ArrayList<>();
                        for (AssignExpr a : t.findAll(AssignExpr.class)) {
                            if (targets(a, name)) {
                                assigns.add(a);
                            }
                        }
                        return assigns.size() == 1 ? Optional.of(assigns.get(0).getValue()) : Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A local variable or parameter visible at a use. */
    private record Local(Node decl, VariableDeclarator var, Parameter param, Node scope) {
    }

    private Optional<Local> local(String name, Node use) {
        Node child = use;
        Node n = use.getParentNode().orElse(null);
        while (n != null && !(n instanceof TypeDeclaration) && !(n instanceof ObjectCreationExpr oce
                && oce.getAnonymousClassBody().isPresent() && child instanceof BodyDeclaration)) {
            if (n instanceof BlockStmt block) {
                int limit = block.getStatements().indexOf(child);
                for (int i = (limit < 0 ? block.getStatements().size() : limit) - 1; i >= 0; i--) {
                    Statement s = block.getStatement(i);
                    if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr vde) {
                        for (VariableDeclarator v : vde.getVariables()) {
                            if (v.getNameAsString().equals(name)) {
                                return Optional.of(new Local(vde, v, null, block));
                            }
                        }
                    }
                }
            }
            if (n instanceof CallableDeclaration<?> cd) {
                for (Parameter p : cd.getParameters()) {
                    if (p.getNameAsString().equals(name)) {
                        return Optional.of(new Local(p, null, p, cd));
                    }
                }
            }
            if (n instanceof LambdaExpr le) {
                for (Parameter p : le.getParameters()) {
                    if (p.getNameAsString().equals(name)) {
                        return Optional.of(new Local(p, null, p, le));
                    }
                }
            }
            if (n instanceof com.github.javaparser.ast.stmt.ForEachStmt fe) {
                for (VariableDeclarator v : fe.getVariable().getVariables()) {
                    if (v.getNameAsString().equals(name)) {
                        return Optional.of(new Local(fe, null, null, fe));
                    }
                }
            }
            if (n instanceof com.github.javaparser.ast.stmt.CatchClause cc
                    && cc.getParameter().getNameAsString().equals(name)) {
                return Optional.of(new Local(cc, null, cc.getParameter(), cc));
            }
            if (n instanceof com.github.javaparser.ast.stmt.TryStmt ts) {
                for (Expression r : ts.getResources()) {
                    if (r instanceof VariableDeclarationExpr vde) {
                        for (VariableDeclarator v : vde.getVariables()) {
                            if (v.getNameAsString().equals(name)) {
                                return Optional.of(new Local(vde, v, null, ts));
                            }
                        }
                    }
                }
            }
            if (n instanceof com.github.javaparser.ast.stmt.ForStmt fs) {
                for (Expression i : fs.getInitialization()) {
                    if (i instanceof VariableDeclarationExpr vde) {
                        for (VariableDeclarator v : vde.getVariables()) {
                            if (v.getNameAsString().equals(name)) {
                                return Optional.of(new Local(vde, null, null, fs));
                            }
                        }
                    }
                }
            }
            child = n;
            n = n.getParentNode().orElse(null);
        }
        return Optional.empty();
    }

    private JavaValue localValue(Local l, Node use, int depth) {
        if (l.param() != null) {
            Optional<AnnotationExpr> value = annotation(l.param(), "Value");
            if (value.isPresent()) {
                String text = annotationText(value.get());
                if (text != null) {
                    return placeholders(text, simpleName(l.param().getType()), l.param(), evidence(l.param()),
                            depth + 1);
                }
            }
            return unknownAt(use);
        }
        if (l.var() == null) {
            return unknownAt(use);
        }
        Node callable = l.var().findAncestor(CallableDeclaration.class).map(c -> (Node) c)
                .or(() -> l.var().findAncestor(LambdaExpr.class).map(c -> (Node) c)).orElse(l.scope());
        List<AssignExpr> assigns = new ArrayList<>();
        for (AssignExpr a : callable.findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr ne && ne.getNameAsString().equals(l.var().getNameAsString())
                    && a.getOperator() == AssignExpr.Operator.ASSIGN) {
                assigns.add(a);
            }
        }
        Expression source;
        if (l.var().getInitializer().isPresent() && assigns.isEmpty()) {
            source = l.var().getInitializer().get();
        } else if (l.var().getInitializer().isEmpty() && assigns.size() == 1) {
            source = assigns.get(0).getValue();
        } else {
            return unknownAt(use);
        }
        return coerce(resolve(source, depth + 1), simpleName(l.var().getType())).through(evidence(l.var()));
    }

    /** Types enclosing a node, innermost first. */
    private static List<TypeDeclaration<?>> enclosingTypes(Node n) {
        List<TypeDeclaration<?>> out = new ArrayList<>();
        Node c = n;
        while (c != null) {
            if (c instanceof TypeDeclaration<?> t) {
                out.add(t);
            }
            c = c.getParentNode().orElse(null);
        }
        return out;
    }

    /**
     * A field or enum constant named {@code name} of a type, or of its repository supertypes; null when the type
     * has no such member.
     */
    private JavaValue memberOf(TypeRef owner, String name, int depth, int superDepth) {
        TypeDeclaration<?> t = owner.decl();
        JavaResolver r = resolverFor(owner.file());
        if (t instanceof EnumDeclaration e) {
            for (EnumConstantDeclaration c : e.getEntries()) {
                if (c.getNameAsString().equals(name)) {
                    return JavaValue.constant(e.getNameAsString(), name, c, owner.path());
                }
            }
        }
        Optional<FieldDeclaration> fd = t.getFieldByName(name);
        if (fd.isPresent()) {
            for (VariableDeclarator v : fd.get().getVariables()) {
                if (v.getNameAsString().equals(name)) {
                    return r.fieldValue(owner, fd.get(), v, depth + 1);
                }
            }
        }
        if (t instanceof RecordDeclaration rd) {
            for (Parameter p : rd.getParameters()) {
                if (p.getNameAsString().equals(name)) {
                    return r.recordComponent(owner, rd, p, depth + 1);
                }
            }
        }
        if (superDepth < 4 && t instanceof ClassOrInterfaceDeclaration cid) {
            List<ClassOrInterfaceType> supers = new ArrayList<>(cid.getExtendedTypes());
            supers.addAll(cid.getImplementedTypes());
            for (ClassOrInterfaceType s : supers) {
                Optional<TypeRef> st = types.find(s.getNameWithScope(), owner.file());
                if (st.isPresent() && st.get().decl() != t) {
                    JavaValue v = memberOf(st.get(), name, depth + 1, superDepth + 1);
                    if (v != null) {
                        return v;
                    }
                }
            }
        }
        return null;
    }

    private JavaValue staticImport(String name, int depth) {
        CompilationUnit cu = file.java().orElse(null);
        if (cu == null) {
            return null;
        }
        for (ImportDeclaration i : cu.getImports()) {
            if (!i.isStatic()) {
                continue;
            }
            String in = i.getNameAsString();
            String typeName;
            if (i.isAsterisk()) {
                typeName = in;
            } else if (in.endsWith("." + name)) {
                typeName = in.substring(0, in.length() - name.length() - 1);
            } else {
                continue;
            }
            Optional<TypeRef> t = types.find(typeName, file);
            if (t.isPresent()) {
                JavaValue v = memberOf(t.get(), name, depth + 1, 0);
                if (v != null) {
                    return v;
                }
            } else if (!i.isAsterisk()) {
                String simple = typeName.substring(typeName.lastIndexOf('.') + 1);
                return libraryConstant(simple, name, null);
            }
        }
        return null;
    }

    /** The value of a field, in the file that declares it. */
    JavaValue fieldValue(TypeRef owner, FieldDeclaration fd, VariableDeclarator v, int depth) {
        Evidence at = evidence(v);
        String type = simpleName(v.getType());
        Optional<AnnotationExpr> value = annotation(fd, "Value");
        if (value.isPresent()) {
            String text = annotationText(value.get());
            return text == null ? unknownAt(v) : placeholders(text, type, v, at, depth + 1);
        }
        String prefix = fd.isStatic() ? null : propertiesPrefix(owner);
        if (prefix != null) {
            return bound(prefix + "." + kebab(v.getNameAsString()), type, v, at,
                    v.getInitializer().map(i -> resolve(i, depth + 1)).orElse(null), durationUnit(fd), depth);
        }
        if (v.getInitializer().isPresent()) {
            if (!fd.isFinal() && assignedOutsideDeclaration(owner.decl(), v.getNameAsString())) {
                return unknownAt(v);
            }
            return coerce(resolve(v.getInitializer().get(), depth + 1), type).through(at);
        }
        // a final field set once in a constructor
        List<AssignExpr> assigns = new ArrayList<>();
        for (ConstructorDeclaration c : owner.decl().getConstructors()) {
            for (AssignExpr a : c.findAll(AssignExpr.class)) {
                if (targets(a, v.getNameAsString())) {
                    assigns.add(a);
                }
            }
        }
        if (assigns.size() == 1) {
            return coerce(resolve(assigns.get(0).getValue(), depth + 1), type).through(at);
        }
        return unknownAt(v);
    }

    private static boolean targets(AssignExpr a, String name) {
        Expression t = a.getTarget();
        return t instanceof NameExpr ne && ne.getNameAsString().equals(name)
                || t instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr
                && fa.getNameAsString().equals(name);
    }

    private static boolean assignedOutsideDeclaration(TypeDeclaration<?> t, String name) {
        for (AssignExpr a : t.findAll(AssignExpr.class)) {
            if (targets(a, name)) {
                return true;
            }
        }
        return false;
    }

    private JavaValue recordComponent(TypeRef owner, RecordDeclaration rd, Parameter p, int depth) {
        String prefix = propertiesPrefix(owner);
        if (prefix == null) {
            return unknownAt(p);
        }
        JavaValue def = annotation(p, "DefaultValue").map(a -> {
            String s = annotationText(a);
            return s == null ? null : JavaValue.string(s, p, owner.path());
        }).orElse(null);
        return bound(prefix + "." + kebab(p.getNameAsString()), simpleName(p.getType()), p, evidence(p), def,
                durationUnit(p), depth);
    }

    /** The property prefix of a {@code @ConfigurationProperties} class, including nested classes' paths. */
    private String propertiesPrefix(TypeRef owner) {
        TypeDeclaration<?> t = owner.decl();
        Optional<AnnotationExpr> cp = annotation(t, "ConfigurationProperties");
        if (cp.isPresent()) {
            String p = annotationMember(cp.get(), "prefix");
            if (p == null) {
                p = annotationText(cp.get());
            }
            return p == null ? null : p;
        }
        Node parent = t.getParentNode().orElse(null);
        if (parent instanceof TypeDeclaration<?> outer) {
            String outerPrefix = propertiesPrefix(new TypeRef(outer, owner.file()));
            if (outerPrefix == null) {
                return null;
            }
            for (FieldDeclaration f : outer.getFields()) {
                if (simpleName(f.getElementType()).equals(t.getNameAsString())) {
                    return outerPrefix + "." + kebab(f.getVariable(0).getNameAsString());
                }
            }
        }
        return null;
    }

    private Double durationUnit(NodeWithAnnotations<?> n) {
        return annotation(n, "DurationUnit").map(a -> {
            String s = a instanceof SingleMemberAnnotationExpr sm ? sm.getMemberValue().toString() : a.toString();
            String unit = s.substring(s.lastIndexOf('.') + 1).replaceAll("[^A-Z]", "");
            return CHRONO_UNITS.get(unit);
        }).orElse(null);
    }

    /** A value bound from a Spring property, with the code's own default when no file sets it. */
    private JavaValue bound(String key, String type, Node at, Evidence atEvidence, JavaValue codeDefault,
                            Double unitMillis, int depth) {
        List<ConfigLookup.ConfigValue> values = config.lookup(key);
        if (values.isEmpty()) {
            if (codeDefault != null && codeDefault.isKnown()) {
                return coerce(codeDefault, type, unitMillis).through(atEvidence).withProperty(key);
            }
            return JavaValue.env(key, "property", null, at, file.path()).withProperty(key);
        }
        return fromConfig(key, values, type, unitMillis, at, depth).withProperty(key);
    }

    private JavaValue fromConfig(String key, List<ConfigLookup.ConfigValue> values, String type, Double unitMillis,
                                 Node at, int depth) {
        List<JavaValue> all = new ArrayList<>();
        for (ConfigLookup.ConfigValue cv : values) {
            JavaValue v = cv.value() == null ? JavaValue.unknown(at, file.path())
                    : Placeholders.has(cv.value()) ? placeholders(cv.value(), type, at, null, depth + 1)
                    : JavaValue.string(cv.value(), at, file.path());
            v = coerce(v, type, unitMillis).through(cv.at()).withProfile(cv.profile());
            all.add(v);
        }
        return all.get(0).withVariants(all.subList(1, all.size()));
    }

    /**
     * A string with {@code ${key:default}} placeholders: each key is looked up in the configuration (all profiles);
     * an unset key is a property or environment variable with the placeholder's default as its fallback.
     */
    private JavaValue placeholders(String text, String type, Node at, Evidence atEvidence, int depth) {
        if (depth > MAX_DEPTH) {
            return unknownAt(at);
        }
        if (text.startsWith("#{")) {
            return unknownAt(at);
        }
        if (!Placeholders.has(text)) {
            JavaValue v = coerce(JavaValue.string(text, at, file.path()), type);
            return atEvidence == null ? v : v.through(atEvidence);
        }
        List<Placeholders.Part> parts = Placeholders.parse(text);
        if (parts.size() == 1 && parts.get(0).isPlaceholder()) {
            Placeholders.Part p = parts.get(0);
            JavaValue v = placeholder(p, type, at, depth);
            return atEvidence == null ? v : v.through(atEvidence);
        }
        StringBuilder b = new StringBuilder();
        JavaValue env = null;
        for (Placeholders.Part p : parts) {
            if (!p.isPlaceholder()) {
                b.append(p.literal());
                continue;
            }
            JavaValue v = placeholder(p, "String", at, depth);
            if (v.is(Kind.ENV)) {
                env = env == null ? v : env;
                if (v.fallback() == null) {
                    b = null;
                    break;
                }
            }
            String t = v.is(Kind.ENV) ? v.fallback().text() : v.text();
            if (t == null) {
                b = null;
                break;
            }
            b.append(t);
        }
        JavaValue out;
        if (env != null) {
            out = JavaValue.env(env.variable(), env.envKind(),
                    b == null ? null : JavaValue.string(b.toString(), at, file.path()), at, file.path());
        } else if (b == null) {
            out = unknownAt(at);
        } else {
            out = coerce(JavaValue.string(b.toString(), at, file.path()), type);
        }
        return atEvidence == null ? out : out.through(atEvidence);
    }

    private JavaValue placeholder(Placeholders.Part p, String type, Node at, int depth) {
        List<ConfigLookup.ConfigValue> values = config.lookup(p.key());
        if (!values.isEmpty()) {
            return fromConfig(p.key(), values, type, null, at, depth).withProperty(p.key());
        }
        JavaValue def = p.defaultValue() == null ? null : placeholders(p.defaultValue(), type, at, null, depth + 1);
        String kind = p.key().matches("[A-Z][A-Z0-9_]*") ? "env" : "property";
        if (def != null && def.is(Kind.ENV)) {
            // ${A:${B:x}}: the first variable names it, the innermost literal is the fallback
            return JavaValue.env(p.key(), kind, def.fallback(), at, file.path()).withProperty(p.key());
        }
        return JavaValue.env(p.key(), kind, def != null && def.isKnown() ? def : null, at, file.path())
                .withProperty(p.key());
    }

    // ---- field access and calls ----------------------------------------------------------------------------

    private JavaValue fieldAccess(FieldAccessExpr f, int depth) {
        String name = f.getNameAsString();
        Expression scope = f.getScope();
        if (scope instanceof ThisExpr) {
            for (TypeDeclaration<?> t : enclosingTypes(f)) {
                JavaValue v = memberOf(new TypeRef(t, file), name, depth, 0);
                if (v != null) {
                    return v;
                }
            }
            return unknownAt(f);
        }
        String scopeText = scopeText(scope);
        if (scope instanceof NameExpr ne && local(ne.getNameAsString(), f).isEmpty()
                && !isFieldName(ne.getNameAsString(), f) || scope instanceof FieldAccessExpr
                && Character.isUpperCase(((FieldAccessExpr) scope).getNameAsString().charAt(0))) {
            Optional<TypeRef> t = types.find(scopeText, file);
            if (t.isPresent()) {
                JavaValue v = memberOf(t.get(), name, depth, 0);
                return v != null ? v : unknownAt(f);
            }
            String simple = scopeText.substring(scopeText.lastIndexOf('.') + 1);
            if (!simple.isEmpty() && Character.isUpperCase(simple.charAt(0))) {
                JavaValue lib = libraryConstant(simple, name, f);
                if (lib != null) {
                    return lib;
                }
            }
        }
        if (name.equals("length")) {
            JavaValue arr = resolve(scope, depth + 1);
            if (arr.is(Kind.ARRAY)) {
                return JavaValue.number(arr.items().size(), NumType.INT, f, file.path());
            }
        }
        // obj.field of a repository type
        Optional<TypeRef> owner = typeOfExpression(scope).flatMap(tn -> types.find(tn, file));
        if (owner.isPresent()) {
            JavaValue v = memberOf(owner.get(), name, depth, 0);
            if (v != null) {
                return v;
            }
        }
        return unknownAt(f);
    }

    private boolean isFieldName(String name, Node use) {
        for (TypeDeclaration<?> t : enclosingTypes(use)) {
            if (t.getFieldByName(name).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private JavaValue libraryConstant(String type, String name, Node at) {
        String path = file.path();
        switch (type + "." + name) {
            case "Integer.MAX_VALUE":
                return JavaValue.number(Integer.MAX_VALUE, NumType.INT, at, path);
            case "Integer.MIN_VALUE":
                return JavaValue.number(Integer.MIN_VALUE, NumType.INT, at, path);
            case "Long.MAX_VALUE":
                return JavaValue.number(Long.MAX_VALUE, NumType.LONG, at, path);
            case "Short.MAX_VALUE":
                return JavaValue.number(Short.MAX_VALUE, NumType.INT, at, path);
            default:
                break;
        }
        if (name.equals(name.toUpperCase(Locale.ROOT)) && Character.isLetter(name.charAt(0))) {
            return JavaValue.constant(type, name, at, path);
        }
        return null;
    }

    private JavaValue call(MethodCallExpr m, int depth) {
        String name = m.getNameAsString();
        NodeList<Expression> args = m.getArguments();
        Expression scope = m.getScope().orElse(null);
        String scopeText = scopeText(scope);
        String path = file.path();
        JavaValue builtIn = builtIn(m, name, args, scope, scopeText, depth);
        if (builtIn != null) {
            return builtIn;
        }
        // a method of this class or a static method of a repository class, without arguments
        if (args.isEmpty() && (scope == null || scope instanceof ThisExpr)) {
            for (TypeDeclaration<?> t : enclosingTypes(m)) {
                JavaValue v = returnedBy(new TypeRef(t, file), name, depth);
                if (v != null) {
                    return v;
                }
            }
        }
        if (args.isEmpty() && scope != null) {
            Optional<TypeRef> owner = Optional.empty();
            if (scope instanceof NameExpr ne && local(ne.getNameAsString(), m).isEmpty()
                    && !isFieldName(ne.getNameAsString(), m) && Character.isUpperCase(scopeText.charAt(0))) {
                owner = types.find(scopeText, file);
            }
            if (owner.isEmpty()) {
                owner = typeOfExpression(scope).flatMap(tn -> types.find(tn, file));
            }
            if (owner.isPresent()) {
                JavaValue v = getter(owner.get(), name, depth);
                if (v != null) {
                    return v;
                }
            }
        }
        return JavaValue.unknown(m, path);
    }

    /** What a getter, record accessor or constant-returning method of a repository type gives. */
    private JavaValue getter(TypeRef owner, String method, int depth) {
        JavaValue v = returnedBy(owner, method, depth);
        if (v != null) {
            return v;
        }
        String field = null;
        if (method.startsWith("get") && method.length() > 3) {
            field = decapitalize(method.substring(3));
        } else if (method.startsWith("is") && method.length() > 2) {
            field = decapitalize(method.substring(2));
        } else if (owner.decl() instanceof RecordDeclaration) {
            field = method;
        }
        if (field != null) {
            // Lombok @Getter/@Data or a record: the field itself
            return memberOf(owner, field, depth + 1, 0);
        }
        return null;
    }

    private JavaValue returnedBy(TypeRef owner, String method, int depth) {
        for (MethodDeclaration md : owner.decl().getMethodsByName(method)) {
            if (!md.getParameters().isEmpty() || md.getBody().isEmpty()) {
                continue;
            }
            List<ReturnStmt> returns = md.getBody().get().findAll(ReturnStmt.class);
            if (returns.size() == 1 && returns.get(0).getExpression().isPresent()) {
                JavaResolver r = resolverFor(owner.file());
                JavaValue v = r.resolve(returns.get(0).getExpression().get(), depth + 1);
                return v.isKnown() ? v.through(r.evidence(md)) : v;
            }
            return unknownAt(md);
        }
        return null;
    }

    private JavaValue builtIn(MethodCallExpr m, String name, NodeList<Expression> args, Expression scope,
                              String scopeText, int depth) {
        String path = file.path();
        switch (scopeText) {
            case "Duration" -> {
                Double unit = switch (name) {
                    case "ofMillis" -> 1.0;
                    case "ofSeconds" -> 1000.0;
                    case "ofMinutes" -> 60_000.0;
                    case "ofHours" -> 3_600_000.0;
                    case "ofDays" -> 86_400_000.0;
                    case "ofNanos" -> 1e-6;
                    default -> null;
                };
                if (unit != null && !args.isEmpty()) {
                    return scaled(resolve(args.get(0), depth + 1), unit, m).asMillis();
                }
                if (name.equals("parse") && args.size() == 1) {
                    JavaValue s = resolve(args.get(0), depth + 1);
                    Double ms = s.is(Kind.STRING) ? parseDuration(s.string(), null) : null;
                    return ms == null ? unknownAt(m) : s.withNumber(ms, NumType.LONG).asMillis();
                }
                return null;
            }
            case "DataSize" -> {
                Double unit = switch (name) {
                    case "ofBytes" -> 1.0;
                    case "ofKilobytes" -> 1024.0;
                    case "ofMegabytes" -> 1024.0 * 1024;
                    case "ofGigabytes" -> 1024.0 * 1024 * 1024;
                    default -> null;
                };
                if (unit != null && !args.isEmpty()) {
                    return scaled(resolve(args.get(0), depth + 1), unit, m);
                }
                if (name.equals("parse") && args.size() == 1) {
                    JavaValue s = resolve(args.get(0), depth + 1);
                    Double b = s.is(Kind.STRING) ? parseDataSize(s.string()) : null;
                    return b == null ? unknownAt(m) : s.withNumber(b, NumType.LONG);
                }
                return null;
            }
            case "System" -> {
                if (name.equals("getenv") && args.size() == 1) {
                    JavaValue k = resolve(args.get(0), depth + 1);
                    return k.is(Kind.STRING) ? JavaValue.env(k.string(), "env", null, m, path) : unknownAt(m);
                }
                if (name.equals("getProperty") && !args.isEmpty()) {
                    JavaValue k = resolve(args.get(0), depth + 1);
                    JavaValue def = args.size() > 1 ? resolve(args.get(1), depth + 1) : null;
                    return k.is(Kind.STRING) ? JavaValue.env(k.string(), "system-property",
                            def != null && def.isLiteral() ? def : null, m, path) : unknownAt(m);
                }
                if (name.equals("currentTimeMillis") || name.equals("nanoTime")) {
                    return unknownAt(m);
                }
                return null;
            }
            case "Integer", "Long", "Short", "Double", "Float", "Byte" -> {
                if ((name.startsWith("parse") || name.equals("valueOf") || name.equals("decode")) && !args.isEmpty()) {
                    return cast(toNumber(resolve(args.get(0), depth + 1), m), scopeText);
                }
                if ((name.equals("getInteger") || name.equals("getLong")) && !args.isEmpty()) {
                    JavaValue k = resolve(args.get(0), depth + 1);
                    JavaValue def = args.size() > 1 ? resolve(args.get(1), depth + 1) : null;
                    return k.is(Kind.STRING) ? JavaValue.env(k.string(), "system-property",
                            def != null && def.isLiteral() ? def : null, m, path) : unknownAt(m);
                }
                if ((name.equals("max") || name.equals("min")) && args.size() == 2) {
                    return minMax(name, args, m, depth);
                }
                return null;
            }
            case "Boolean" -> {
                if ((name.equals("parseBoolean") || name.equals("valueOf")) && args.size() == 1) {
                    JavaValue v = resolve(args.get(0), depth + 1);
                    Boolean b = v.asBoolean();
                    if (v.is(Kind.ENV)) {
                        return v.withFallback(b == null ? null : JavaValue.bool(b, m, path));
                    }
                    return b == null ? unknownAt(m) : JavaValue.bool(b, m, path);
                }
                if (name.equals("getBoolean") && args.size() == 1) {
                    JavaValue k = resolve(args.get(0), depth + 1);
                    return k.is(Kind.STRING) ? JavaValue.env(k.string(), "system-property",
                            JavaValue.bool(false, m, path), m, path) : unknownAt(m);
                }
                return null;
            }
            case "String" -> {
                if (name.equals("valueOf") && args.size() == 1) {
                    JavaValue v = resolve(args.get(0), depth + 1);
                    String t = javaText(v);
                    return t == null ? v : JavaValue.string(t, m, path);
                }
                if (name.equals("format") && !args.isEmpty()) {
                    return format(args, m, depth);
                }
                if (name.equals("join") && args.size() >= 2) {
                    JavaValue sep = resolve(args.get(0), depth + 1);
                    List<String> parts = new ArrayList<>();
                    for (int i = 1; i < args.size(); i++) {
                        JavaValue v = resolve(args.get(i), depth + 1);
                        if (v.is(Kind.ARRAY)) {
                            parts.addAll(v.texts());
                        } else if (v.text() != null) {
                            parts.add(v.text());
                        } else {
                            return unknownAt(m);
                        }
                    }
                    return sep.is(Kind.STRING) ? JavaValue.string(String.join(sep.string(), parts), m, path)
                            : unknownAt(m);
                }
                return null;
            }
            case "Math" -> {
                if ((name.equals("max") || name.equals("min")) && args.size() == 2) {
                    return minMax(name, args, m, depth);
                }
                if (name.equals("toIntExact") && args.size() == 1) {
                    return cast(resolve(args.get(0), depth + 1), "int");
                }
                return null;
            }
            case "List", "Set", "Arrays", "Stream", "Collections", "ImmutableList", "ImmutableSet" -> {
                if (Set.of("of", "asList", "singletonList", "singleton", "copyOf").contains(name)) {
                    if (args.size() == 1) {
                        JavaValue single = resolve(args.get(0), depth + 1);
                        if (single.is(Kind.ARRAY)) {
                            return single;
                        }
                    }
                    return arrayOf(args, m, depth);
                }
                return null;
            }
            case "Objects" -> {
                if ((name.equals("requireNonNullElse") || name.equals("toString")) && args.size() == 2) {
                    return orElse(resolve(args.get(0), depth + 1), resolve(args.get(1), depth + 1));
                }
                if (name.equals("requireNonNull") && !args.isEmpty()) {
                    return resolve(args.get(0), depth + 1);
                }
                return null;
            }
            case "SystemPropertyUtil" -> {
                if (!args.isEmpty()) {
                    JavaValue k = resolve(args.get(0), depth + 1);
                    JavaValue def = args.size() > 1 ? resolve(args.get(1), depth + 1) : null;
                    return k.is(Kind.STRING) ? JavaValue.env(k.string(), "system-property",
                            def != null && def.isLiteral() ? def : null, m, path) : unknownAt(m);
                }
                return null;
            }
            case "StringUtils" -> {
                if ((name.equals("defaultIfBlank") || name.equals("defaultIfEmpty") || name.equals("defaultString"))
                        && args.size() == 2) {
                    return orElse(resolve(args.get(0), depth + 1), resolve(args.get(1), depth + 1));
                }
                return null;
            }
            default -> {
                // handled below
            }
        }
        if (scope instanceof FieldAccessExpr fa && fa.getScope().toString().equals("TimeUnit")
                && TIME_UNITS.containsKey(fa.getNameAsString()) && args.size() == 1) {
            double from = TIME_UNITS.get(fa.getNameAsString());
            Double to = switch (name) {
                case "toMillis" -> 1.0;
                case "toSeconds" -> 1000.0;
                case "toMinutes" -> 60_000.0;
                case "toNanos" -> 1e-6;
                case "toMicros" -> 1e-3;
                case "toHours" -> 3_600_000.0;
                default -> null;
            };
            if (to != null) {
                JavaValue v = scaled(resolve(args.get(0), depth + 1), from / to, m);
                if (v.is(Kind.NUMBER)) {
                    v = v.withNumber(Math.floor(v.number()), NumType.LONG);
                }
                return to == 1.0 ? v.asMillis() : v;
            }
        }
        if (scope != null && args.isEmpty()) {
            switch (name) {
                case "toMillis" -> {
                    JavaValue v = resolve(scope, depth + 1);
                    return v.isMillis() ? v : null;
                }
                case "getSeconds", "toSeconds" -> {
                    JavaValue v = resolve(scope, depth + 1);
                    return v.isMillis() && v.is(Kind.NUMBER)
                            ? JavaValue.number(Math.floor(v.number() / 1000), NumType.LONG, m, path) : null;
                }
                case "toBytes", "intValue", "longValue", "trim", "toString", "strip" -> {
                    JavaValue v = resolve(scope, depth + 1);
                    if (!v.isKnown()) {
                        return null;
                    }
                    return name.equals("intValue") ? cast(v, "int") : name.equals("longValue") ? cast(v, "long") : v;
                }
                case "toUpperCase", "toLowerCase" -> {
                    JavaValue v = resolve(scope, depth + 1);
                    if (v.is(Kind.STRING)) {
                        return JavaValue.string(name.equals("toUpperCase") ? v.string().toUpperCase(Locale.ROOT)
                                : v.string().toLowerCase(Locale.ROOT), m, path);
                    }
                    return null;
                }
                default -> {
                }
            }
        }
        if (scope != null && name.equals("split") && args.size() == 1) {
            JavaValue s = resolve(scope, depth + 1);
            if (s.is(Kind.ENV)) {
                return s;
            }
            if (s.is(Kind.STRING)) {
                List<JavaValue> items = new ArrayList<>();
                for (String part : s.string().split(",")) {
                    items.add(JavaValue.string(part.trim(), m, path));
                }
                JavaValue arr = JavaValue.array(items, m, path);
                for (Evidence e : s.via()) {
                    arr = arr.through(e);
                }
                return arr;
            }
            return null;
        }
        if (scope != null && name.equals("toArray")) {
            JavaValue s = resolve(scope, depth + 1);
            return s.isKnown() ? s : null;
        }
        if (scope instanceof MethodCallExpr inner && (name.equals("orElse") || name.equals("orElseGet"))
                && args.size() == 1 && inner.getNameAsString().startsWith("ofNullable")
                && inner.getArguments().size() == 1) {
            Expression alt = args.get(0);
            if (alt instanceof LambdaExpr le && le.getExpressionBody().isPresent()) {
                alt = le.getExpressionBody().get();
            }
            return orElse(resolve(inner.getArguments().get(0), depth + 1), resolve(alt, depth + 1));
        }
        if (scope instanceof MethodCallExpr inner && inner.getNameAsString().equals("getenv")
                && inner.getArguments().isEmpty() && !args.isEmpty()
                && (name.equals("get") || name.equals("getOrDefault"))) {
            JavaValue k = resolve(args.get(0), depth + 1);
            JavaValue def = args.size() > 1 ? resolve(args.get(1), depth + 1) : null;
            return k.is(Kind.STRING) ? JavaValue.env(k.string(), "env", def != null && def.isLiteral() ? def : null,
                    m, path) : unknownAt(m);
        }
        if ((name.equals("getProperty") || name.equals("getRequiredProperty")) && !args.isEmpty() && scope != null
                && isEnvironment(scope)) {
            JavaValue k = resolve(args.get(0), depth + 1);
            if (!k.is(Kind.STRING)) {
                return unknownAt(m);
            }
            Expression defExpr = args.size() == 2 && !(args.get(1) instanceof ClassExpr) ? args.get(1)
                    : args.size() == 3 ? args.get(2) : null;
            String target = args.size() >= 2 && args.get(1) instanceof ClassExpr ce ? simpleName(ce.getType())
                    : "String";
            JavaValue def = defExpr == null ? null : resolve(defExpr, depth + 1);
            return bound(k.string(), target, m, null, def, null, depth);
        }
        return null;
    }

    private boolean isEnvironment(Expression scope) {
        String t = typeOfExpression(scope).orElse("");
        if (t.endsWith("Environment") || t.equals("PropertyResolver")) {
            return true;
        }
        String s = scopeText(scope) + (scope instanceof MethodCallExpr mc ? "." + mc.getNameAsString() + "()" : "");
        return s.equals("env") || s.equals("environment") || s.endsWith(".env") || s.endsWith(".environment")
                || s.endsWith("getEnvironment()");
    }

    private JavaValue orElse(JavaValue primary, JavaValue fallback) {
        if (primary.is(Kind.ENV) && primary.fallback() == null) {
            return primary.withFallback(fallback.effective());
        }
        return primary.isKnown() && !primary.is(Kind.NULL) ? primary : fallback;
    }

    private JavaValue minMax(String name, NodeList<Expression> args, Node at, int depth) {
        Double a = resolve(args.get(0), depth + 1).asNumber();
        Double b = resolve(args.get(1), depth + 1).asNumber();
        if (a == null || b == null) {
            return unknownAt(at);
        }
        return JavaValue.number(name.equals("max") ? Math.max(a, b) : Math.min(a, b), NumType.LONG, at, file.path());
    }

    private JavaValue format(NodeList<Expression> args, Node at, int depth) {
        JavaValue fmt = resolve(args.get(0), depth + 1);
        if (!fmt.is(Kind.STRING)) {
            return unknownAt(at);
        }
        StringBuilder b = new StringBuilder();
        Matcher mt = Pattern.compile("%[-#+ 0,(]*\\d*(?:\\.\\d+)?([sdfxXbc%n])").matcher(fmt.string());
        int last = 0;
        int arg = 1;
        while (mt.find()) {
            b.append(fmt.string(), last, mt.start());
            last = mt.end();
            String conv = mt.group(1);
            if (conv.equals("%")) {
                b.append('%');
                continue;
            }
            if (conv.equals("n")) {
                b.append('\n');
                continue;
            }
            if (arg >= args.size()) {
                return unknownAt(at);
            }
            String t = javaText(resolve(args.get(arg++), depth + 1));
            if (t == null) {
                return unknownAt(at);
            }
            b.append(t);
        }
        b.append(fmt.string().substring(last));
        return JavaValue.string(b.toString(), at, file.path());
    }

    private JavaValue scaled(JavaValue v, double factor, Node at) {
        if (v.is(Kind.ENV)) {
            JavaValue f = v.fallback();
            Double n = f == null ? null : f.asNumber();
            return v.withFallback(n == null ? null : JavaValue.number(n * factor, NumType.LONG, at, file.path()));
        }
        Double n = v.asNumber();
        if (n == null) {
            return unknownAt(at);
        }
        return v.withNumber(n * factor, NumType.LONG);
    }

    private JavaValue toNumber(JavaValue v, Node at) {
        if (v.is(Kind.ENV)) {
            JavaValue f = v.fallback();
            Double n = f == null ? null : f.asNumber();
            return v.withFallback(n == null ? null : JavaValue.number(n, NumType.INT, at, file.path()));
        }
        Double n = v.asNumber();
        return n == null ? unknownAt(at) : v.withNumber(n, NumType.INT);
    }

    // ---- conversions --------------------------------------------------------------------------------------

    private JavaValue coerce(JavaValue v, String type) {
        return coerce(v, type, null);
    }

    /** A configuration string as the target type reads it: numbers, durations, data sizes, booleans, lists. */
    private JavaValue coerce(JavaValue v, String type, Double durationUnitMillis) {
        if (type == null || v == null) {
            return v;
        }
        if (v.is(Kind.ENV)) {
            JavaValue f = v.fallback();
            return f == null ? v : v.withFallback(coerce(f, type, durationUnitMillis));
        }
        if (!v.is(Kind.STRING)) {
            return v;
        }
        String s = v.string().trim();
        if (NUMERIC_TYPES.contains(type)) {
            try {
                double d = Double.parseDouble(s.replace("_", ""));
                NumType t = type.equalsIgnoreCase("long") ? NumType.LONG
                        : type.equalsIgnoreCase("double") || type.equalsIgnoreCase("float") ? NumType.DOUBLE
                        : NumType.INT;
                return v.withNumber(d, t);
            } catch (NumberFormatException e) {
                return v;
            }
        }
        if (type.equals("Duration")) {
            Double ms = parseDuration(s, durationUnitMillis);
            return ms == null ? v : v.withNumber(ms, NumType.LONG).asMillis();
        }
        if (type.equals("DataSize")) {
            Double b = parseDataSize(s);
            return b == null ? v : v.withNumber(b, NumType.LONG);
        }
        if (type.equals("boolean") || type.equals("Boolean")) {
            Boolean b = v.asBoolean();
            return b == null ? v : JavaValue.bool(b, v.node(), v.path()).withProfile(v.profile()).withVariants(
                    v.variants()).withProperty(v.property());
        }
        return v;
    }

    /** Spring Boot's duration strings: {@code 30s}, {@code 500ms}, {@code PT30S}; plain numbers in the unit. */
    static Double parseDuration(String s, Double unitMillis) {
        Matcher m = DURATION.matcher(s);
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            String u = m.group(2) == null ? null : m.group(2).toLowerCase(Locale.ROOT);
            double f = u == null ? (unitMillis == null ? 1.0 : unitMillis) : switch (u) {
                case "ns" -> 1e-6;
                case "us" -> 1e-3;
                case "ms" -> 1.0;
                case "s" -> 1000.0;
                case "m" -> 60_000.0;
                case "h" -> 3_600_000.0;
                default -> 86_400_000.0;
            };
            return n * f;
        }
        Matcher iso = ISO_DURATION.matcher(s.trim());
        if (iso.matches() && s.length() > 1) {
            double ms = 0;
            ms += iso.group(1) == null ? 0 : Double.parseDouble(iso.group(1)) * 86_400_000.0;
            ms += iso.group(2) == null ? 0 : Double.parseDouble(iso.group(2)) * 3_600_000.0;
            ms += iso.group(3) == null ? 0 : Double.parseDouble(iso.group(3)) * 60_000.0;
            ms += iso.group(4) == null ? 0 : Double.parseDouble(iso.group(4)) * 1000.0;
            return ms;
        }
        return null;
    }

    static Double parseDataSize(String s) {
        Matcher m = DATA_SIZE.matcher(s);
        if (!m.matches()) {
            return null;
        }
        double n = Double.parseDouble(m.group(1));
        String u = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        return n * switch (u) {
            case "KB" -> 1024.0;
            case "MB" -> 1024.0 * 1024;
            case "GB" -> 1024.0 * 1024 * 1024;
            case "TB" -> 1024.0 * 1024 * 1024 * 1024;
            default -> 1.0;
        };
    }

    // ---- types of expressions -----------------------------------------------------------------------------

    /**
     * The declared type (simple name, no generics) of an expression where the code shows it: a local variable's or
     * parameter's declared type, a field's, {@code new T()}, a cast, a method of the same class.
     */
    public Optional<String> typeOfExpression(Expression e) {
        if (e instanceof EnclosedExpr en) {
            return typeOfExpression(en.getInner());
        }
        if (e instanceof CastExpr c) {
            return Optional.of(simpleName(c.getType()));
        }
        if (e instanceof ObjectCreationExpr o) {
            return Optional.of(o.getType().getNameAsString());
        }
        if (e instanceof StringLiteralExpr) {
            return Optional.of("String");
        }
        if (e instanceof NameExpr n) {
            Optional<Local> l = local(n.getNameAsString(), n);
            if (l.isPresent()) {
                if (l.get().param() != null) {
                    return declared(l.get().param().getType());
                }
                if (l.get().var() != null) {
                    Type t = l.get().var().getType();
                    if (t.isVarType() && l.get().var().getInitializer().isPresent()) {
                        return typeOfExpression(l.get().var().getInitializer().get());
                    }
                    return declared(t);
                }
                if (l.get().decl() instanceof com.github.javaparser.ast.stmt.ForEachStmt fe) {
                    return declared(fe.getVariable().getElementType());
                }
                return Optional.empty();
            }
            return fieldType(n.getNameAsString(), n);
        }
        if (e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
            return fieldType(f.getNameAsString(), f);
        }
        if (e instanceof MethodCallExpr m && (m.getScope().isEmpty() || m.getScope().get() instanceof ThisExpr)) {
            for (TypeDeclaration<?> t : enclosingTypes(m)) {
                for (MethodDeclaration md : t.getMethodsByName(m.getNameAsString())) {
                    if (md.getParameters().size() == m.getArguments().size()) {
                        return declared(md.getType());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> fieldType(String name, Node use) {
        for (TypeDeclaration<?> t : enclosingTypes(use)) {
            Optional<FieldDeclaration> fd = t.getFieldByName(name);
            if (fd.isPresent()) {
                return declared(fd.get().getElementType());
            }
            if (t instanceof RecordDeclaration rd) {
                for (Parameter p : rd.getParameters()) {
                    if (p.getNameAsString().equals(name)) {
                        return declared(p.getType());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> declared(Type t) {
        if (t == null || t.isVarType() || t.isUnknownType()) {
            return Optional.empty();
        }
        return Optional.of(t.isArrayType() ? simpleName(t) + "[]" : simpleName(t));
    }

    /** {@code java.util.List<Foo>} → {@code List}; arrays keep no brackets. */
    public static String simpleName(Type t) {
        Type e = t;
        while (e.isArrayType()) {
            e = e.asArrayType().getComponentType();
        }
        if (e.isClassOrInterfaceType()) {
            return e.asClassOrInterfaceType().getNameAsString();
        }
        return e.asString();
    }

    // ---- annotations -------------------------------------------------------------------------------------

    public static Optional<AnnotationExpr> annotation(NodeWithAnnotations<?> n, String simpleName) {
        for (AnnotationExpr a : n.getAnnotations()) {
            String an = a.getNameAsString();
            if (an.equals(simpleName) || an.endsWith("." + simpleName)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The string of an annotation's single value ({@code @Value("x")}, {@code @X(value = "x")}), if literal. */
    public static String annotationText(AnnotationExpr a) {
        Expression v = annotationValue(a, "value");
        if (v == null) {
            return null;
        }
        if (v instanceof StringLiteralExpr s) {
            return s.asString();
        }
        if (v instanceof TextBlockLiteralExpr t) {
            return t.asString();
        }
        return null;
    }

    public static String annotationMember(AnnotationExpr a, String member) {
        Expression v = annotationValue(a, member);
        return v instanceof StringLiteralExpr s ? s.asString() : null;
    }

    /** The expression of an annotation member ({@code value} is also the single member), or null. */
    public static Expression annotationValue(AnnotationExpr a, String member) {
        if (a instanceof SingleMemberAnnotationExpr s) {
            return member.equals("value") ? s.getMemberValue() : null;
        }
        if (a instanceof NormalAnnotationExpr n) {
            for (MemberValuePair p : n.getPairs()) {
                if (p.getNameAsString().equals(member)) {
                    return p.getValue();
                }
            }
        }
        return null;
    }

    static String kebab(String camel) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    b.append('-');
                }
                b.append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String decapitalize(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    // ---- patterns ---------------------------------------------------------------------------------------------

    /**
     * A string expression as a pattern: known parts verbatim, unknown parts as {@code {name}} placeholders named
     * after the variable or getter they come from ({@code "/topic/room." + roomId} → {@code /topic/room.{roomId}}).
     * Null when the expression has no known part.
     */
    public String pattern(Expression e) {
        JavaValue v = resolve(e);
        if (v.is(Kind.STRING)) {
            return v.string();
        }
        if (v.is(Kind.ENV) && v.fallback() != null && v.fallback().is(Kind.STRING)) {
            return v.fallback().string();
        }
        List<String> parts = new ArrayList<>();
        boolean[] known = {false};
        collectPattern(e, parts, known, 0);
        return known[0] ? String.join("", parts) : null;
    }

    private void collectPattern(Expression e, List<String> parts, boolean[] known, int depth) {
        if (e instanceof EnclosedExpr en) {
            collectPattern(en.getInner(), parts, known, depth);
            return;
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS && depth < 12) {
            collectPattern(b.getLeft(), parts, known, depth + 1);
            collectPattern(b.getRight(), parts, known, depth + 1);
            return;
        }
        if (e instanceof MethodCallExpr m && m.getNameAsString().equals("format") && m.getScope().isPresent()
                && m.getScope().get().toString().equals("String") && !m.getArguments().isEmpty()) {
            JavaValue fmt = resolve(m.getArguments().get(0));
            if (fmt.is(Kind.STRING)) {
                Matcher mt = Pattern.compile("%[sd]").matcher(fmt.string());
                int last = 0;
                int arg = 1;
                while (mt.find()) {
                    parts.add(fmt.string().substring(last, mt.start()));
                    last = mt.end();
                    if (arg < m.getArguments().size()) {
                        collectPattern(m.getArguments().get(arg++), parts, known, depth + 1);
                    } else {
                        parts.add("{param}");
                    }
                }
                parts.add(fmt.string().substring(last));
                known[0] = true;
                return;
            }
        }
        JavaValue v = resolve(e);
        String t = v.is(Kind.ENV) ? null : javaText(v);
        if (t != null && (v.isLiteral())) {
            parts.add(t);
            known[0] |= !t.isEmpty();
            return;
        }
        parts.add("{" + hintName(e) + "}");
    }

    /** A placeholder name for an unknown expression: its variable, field or getter name. */
    public static String hintName(Expression e) {
        if (e instanceof NameExpr n) {
            return n.getNameAsString();
        }
        if (e instanceof FieldAccessExpr f) {
            return f.getNameAsString();
        }
        if (e instanceof MethodCallExpr m) {
            String n = m.getNameAsString();
            if (Set.of("asText", "textValue", "asInt", "asLong", "intValue", "longValue", "getAsString", "strip",
                    "toLowerCase", "toUpperCase").contains(n) && m.getScope().isPresent()) {
                return hintName(m.getScope().get());
            }
            if (Set.of("get", "path", "getString", "optString", "getParameter", "getFirst", "getAttribute",
                    "getHeader").contains(n) && m.getArguments().size() >= 1
                    && m.getArgument(0) instanceof StringLiteralExpr key && key.asString().matches("[A-Za-z_]\\w*")) {
                return key.asString();
            }
            if ((n.equals("toString") || n.equals("valueOf") || n.equals("trim")) && m.getScope().isPresent()
                    && !(m.getScope().get() instanceof NameExpr ne && Character.isUpperCase(
                    ne.getNameAsString().charAt(0)))) {
                return hintName(m.getScope().get());
            }
            if (n.equals("valueOf") && m.getArguments().size() == 1) {
                return hintName(m.getArguments().get(0));
            }
            if (n.startsWith("get") && n.length() > 3) {
                return decapitalize(n.substring(3));
            }
            return n;
        }
        if (e instanceof EnclosedExpr en) {
            return hintName(en.getInner());
        }
        if (e instanceof CastExpr c) {
            return hintName(c.getExpression());
        }
        return "param";
    }
}
