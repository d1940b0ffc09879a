package io.wsmemory.core.resolve.python;

import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of a message class of the repository: a pydantic model, a dataclass, a TypedDict, a DRF serializer or a
 * marshmallow schema, with each field's type, whether it is required, its constraints and, for pydantic
 * {@code Literal["join"]} fields, the constant it must hold. Also finds where a function body validates input with
 * such a class ({@code Model(**data)}, {@code Model.model_validate(data)}, {@code Serializer(data=data)},
 * {@code Schema().load(data)}).
 */
public final class PySchemas {

    private static final Query VALIDATIONS = Query.of("python-validations", """
            (call function: (_) @callee arguments: (argument_list) @args) @call
            """);
    private static final Set<String> VALIDATE_METHODS = Set.of("model_validate", "model_validate_json", "parse_obj",
            "parse_raw", "validate", "validate_python", "validate_json", "load", "loads", "construct");
    private static final Set<String> CONSTRAINTS = Set.of("min_length", "max_length", "ge", "gt", "le", "lt",
            "pattern", "regex", "min_items", "max_items", "multiple_of", "max_value", "min_value", "allow_blank",
            "choices", "max_digits");
    private static final Map<String, String> DRF_TYPES = Map.ofEntries(
            Map.entry("CharField", "str"), Map.entry("EmailField", "str"), Map.entry("SlugField", "str"),
            Map.entry("URLField", "str"), Map.entry("UUIDField", "uuid"), Map.entry("IntegerField", "int"),
            Map.entry("FloatField", "float"), Map.entry("DecimalField", "decimal"),
            Map.entry("BooleanField", "bool"), Map.entry("DateTimeField", "datetime"),
            Map.entry("DateField", "date"), Map.entry("ListField", "list"), Map.entry("DictField", "dict"),
            Map.entry("JSONField", "json"), Map.entry("ChoiceField", "choice"),
            Map.entry("PrimaryKeyRelatedField", "id"), Map.entry("Str", "str"), Map.entry("String", "str"),
            Map.entry("Int", "int"), Map.entry("Integer", "int"), Map.entry("Float", "float"),
            Map.entry("Bool", "bool"), Map.entry("Boolean", "bool"), Map.entry("Email", "str"),
            Map.entry("UUID", "uuid"), Map.entry("DateTime", "datetime"), Map.entry("List", "list"),
            Map.entry("Dict", "dict"), Map.entry("Nested", "object"), Map.entry("Raw", "any"),
            Map.entry("Url", "str"), Map.entry("URL", "str"), Map.entry("Number", "number"));

    /** One field of a message class. {@code literal} is the constant of a {@code Literal["x"]} type, else null. */
    public record Field(String name, String type, boolean required, List<String> constraints, String literal) {
        public String describe() {
            return name + (required ? "" : "?") + ": " + type
                    + (constraints.isEmpty() ? "" : " " + String.join(" ", constraints));
        }
    }

    /** A message class: its library ({@code pydantic}, {@code dataclass}, ...), name and fields. */
    public record Shape(String library, String name, List<Field> fields, SyntaxNode node, String path) {
        public String describe() {
            List<String> parts = new ArrayList<>();
            for (Field f : fields) {
                parts.add(f.describe());
            }
            return library + ": {" + String.join(", ", parts) + "}";
        }

        public List<String> required() {
            List<String> out = new ArrayList<>();
            for (Field f : fields) {
                if (f.required()) {
                    out.add(f.name());
                }
            }
            return out;
        }

        /** The field names, as payloads print them: {@code {type, room, text}}. */
        public String payload() {
            List<String> names = new ArrayList<>();
            for (Field f : fields) {
                names.add(f.name());
            }
            return "{" + String.join(", ", names) + "}";
        }

        /** The field that holds a constant ({@code type: Literal["join"]}), or null. */
        public Field literalField() {
            for (Field f : fields) {
                if (f.literal() != null) {
                    return f;
                }
            }
            return null;
        }
    }

    /** Where a body validates a value: the schemas (several for a union) and the call. */
    public record Validation(List<Shape> shapes, SyntaxNode call, SyntaxNode input) {
    }

    private PySchemas() {
    }

    /** The shape of a class of the repository when it is a message class, else empty. */
    public static Optional<Shape> shape(PyResolver resolver, PyValue cls) {
        if (cls == null || !cls.is(PyValue.Kind.CLASS)) {
            return Optional.empty();
        }
        PyResolver there = resolver.resolverFor(cls.path());
        List<String> ancestors = there.ancestors(cls);
        String library = library(ancestors, cls.node());
        if (library == null) {
            return Optional.empty();
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        // fields of repository base classes first, as pydantic and dataclasses order them
        for (SyntaxNode b : PyFile.bases(cls.node())) {
            PyValue bv = there.resolve(b);
            if (bv.is(PyValue.Kind.CLASS) && !bv.node().equals(cls.node())) {
                shape(there, bv).ifPresent(s -> s.fields().forEach(f -> fields.put(f.name(), f)));
            }
        }
        SyntaxNode body = cls.node().field("body");
        for (SyntaxNode s : body == null ? List.<SyntaxNode>of() : body.namedChildren()) {
            if (!s.is("expression_statement") || s.namedChildCount() == 0 || !s.namedChild(0).is("assignment")) {
                continue;
            }
            SyntaxNode a = s.namedChild(0);
            SyntaxNode left = a.field("left");
            if (left == null || !left.is("identifier") || left.text().startsWith("_")
                    || left.text().equals("model_config") || left.text().equals("Meta")) {
                continue;
            }
            Field f = library.equals("drf") || library.equals("marshmallow")
                    ? declaredField(there, left.text(), a.field("right"), library)
                    : annotatedField(there, left.text(), a.field("type"), a.field("right"), library);
            if (f != null) {
                fields.put(f.name(), f);
            }
        }
        String name = cls.node().field("name") == null ? "" : cls.node().field("name").text();
        return Optional.of(new Shape(library, name, List.copyOf(fields.values()), cls.node(), cls.path()));
    }

    private static String library(List<String> ancestors, SyntaxNode cls) {
        for (String a : ancestors) {
            if (a.startsWith("pydantic") || a.equals("ninja.Schema") || a.startsWith("sqlmodel")
                    || a.endsWith(".BaseModel") && !a.startsWith("django")) {
                return "pydantic";
            }
            if (a.startsWith("rest_framework.serializers") || a.startsWith("rest_framework")
                    && a.endsWith("Serializer")) {
                return "drf";
            }
            if (a.startsWith("marshmallow")) {
                return "marshmallow";
            }
            if (a.endsWith("TypedDict")) {
                return "typeddict";
            }
        }
        for (SyntaxNode d : PySyntax.decorators(cls)) {
            String t = d.text();
            if (t.equals("dataclass") || t.startsWith("dataclass(") || t.startsWith("dataclasses.dataclass")
                    || t.startsWith("pydantic.dataclasses") || t.startsWith("attr.s") || t.startsWith("define")) {
                return "dataclass";
            }
        }
        return null;
    }

    private static Field annotatedField(PyResolver r, String name, SyntaxNode type, SyntaxNode value,
                                        String library) {
        if (type == null) {
            return null;
        }
        String t = type.text().replaceAll("\\s+", " ");
        List<String> constraints = new ArrayList<>();
        String literal = literalOf(t);
        boolean hasDefault = value != null;
        SyntaxNode v = PySyntax.unwrap(value);
        if (v != null && v.is("call")) {
            String callee = PySyntax.calleeName(v);
            if ("Field".equals(callee) || "field".equals(callee)) {
                List<SyntaxNode> args = PySyntax.positional(v);
                boolean ellipsis = !args.isEmpty() && args.get(0).is("ellipsis");
                hasDefault = !ellipsis && (!args.isEmpty() || PySyntax.keyword(v, "default") != null
                        || PySyntax.keyword(v, "default_factory") != null);
                constraints.addAll(constraints(r, v));
            }
        }
        // Annotated[str, Field(max_length=5)], constr(max_length=5): in the order written
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(\\w+)\\s*=\\s*([^,)\\]]+)").matcher(t);
        while (m.find()) {
            String c = m.group(1);
            if (CONSTRAINTS.contains(c) && constraints.stream().noneMatch(x -> x.startsWith(c + "="))) {
                constraints.add(c + "=" + m.group(2).trim());
            }
        }
        boolean required = library.equals("typeddict") ? !t.startsWith("NotRequired[") : !hasDefault;
        return new Field(name, simplifyType(t), required, constraints, literal);
    }

    private static Field declaredField(PyResolver r, String name, SyntaxNode value, String library) {
        SyntaxNode v = PySyntax.unwrap(value);
        if (v == null || !v.is("call")) {
            return null;
        }
        String callee = PySyntax.calleeName(v);
        String type = callee == null ? null : DRF_TYPES.get(callee);
        if (type == null) {
            if (callee != null && (callee.endsWith("Field") || callee.endsWith("Serializer"))) {
                type = callee.endsWith("Serializer") ? "object" : callee.replace("Field", "").toLowerCase();
            } else {
                return null;
            }
        }
        SyntaxNode req = PySyntax.keyword(v, "required");
        boolean required;
        if (library.equals("drf")) {
            boolean readOnly = "True".equals(text(PySyntax.keyword(v, "read_only")));
            if (readOnly) {
                return null; // output-only fields do not constrain what the client sends
            }
            required = req == null ? PySyntax.keyword(v, "default") == null : "True".equals(req.text());
        } else {
            required = req != null && "True".equals(req.text());
        }
        List<String> constraints = constraints(r, v);
        SyntaxNode validate = PySyntax.keyword(v, "validate");
        if (validate != null) {
            SyntaxNode val = PySyntax.unwrap(validate);
            if (val != null && val.is("call")) {
                String vc = PySyntax.calleeName(val);
                for (Map.Entry<String, SyntaxNode> e : PySyntax.keywords(val).entrySet()) {
                    SyntaxNode x = e.getValue().field("value");
                    constraints.add(("Length".equals(vc) ? e.getKey() + "_length" : e.getKey()) + "="
                            + (x == null ? "" : x.text()));
                }
            }
        }
        return new Field(name, type, required, constraints, null);
    }

    private static List<String> constraints(PyResolver r, SyntaxNode call) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, SyntaxNode> e : PySyntax.keywords(call).entrySet()) {
            if (!CONSTRAINTS.contains(e.getKey())) {
                continue;
            }
            SyntaxNode x = e.getValue().field("value");
            PyValue v = x == null ? null : r.resolve(x);
            String text = v != null && v.isLiteral() ? v.text() : x == null ? "" : x.text();
            out.add(e.getKey() + "=" + text);
        }
        return out;
    }

    private static String text(SyntaxNode n) {
        return n == null ? null : n.text();
    }

    /** The constant of {@code Literal["join"]} (also {@code typing.Literal}), or null. */
    static String literalOf(String type) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^(?:typing\\.|typing_extensions\\.)?Literal\\[\\s*['\"]([^'\"]+)['\"]\\s*]$").matcher(type);
        return m.find() ? m.group(1) : null;
    }

    /** The type as written, without {@code typing.}; {@code constr(...)} and kin are their base types. */
    private static String simplifyType(String t) {
        String s = t.replaceAll("typing\\.", "").replaceAll("pydantic\\.", "");
        java.util.regex.Matcher c = java.util.regex.Pattern.compile("^con(str|int|float|list|set|bytes|decimal)\\(.*\\)$")
                .matcher(s);
        if (c.find()) {
            return c.group(1);
        }
        java.util.regex.Matcher a = java.util.regex.Pattern.compile("^Annotated\\[\\s*([^,\\[\\]]+(?:\\[[^\\]]*])?)\\s*,.*]$")
                .matcher(s);
        return a.find() ? a.group(1).trim() : s;
    }

    /**
     * The first validation of input in {@code body}: the model class called with {@code **data}, or one of its
     * validating class methods, a serializer given {@code data=}, a marshmallow schema's {@code load}, a
     * {@code TypeAdapter(...).validate_python}; the union members of {@code Union[A, B]} / {@code A | B} adapters.
     */
    public static Optional<Validation> validationIn(PyResolver r, SyntaxNode body) {
        if (body == null) {
            return Optional.empty();
        }
        for (QueryMatch m : VALIDATIONS.matches(body)) {
            SyntaxNode call = m.node("call");
            SyntaxNode fn = m.node("callee");
            List<Shape> shapes = new ArrayList<>();
            SyntaxNode input = null;
            if (fn.is("identifier") || fn.is("attribute") && !VALIDATE_METHODS.contains(
                    fn.field("attribute").text())) {
                // Model(**data), Serializer(data=data)
                SyntaxNode args = call.field("arguments");
                boolean splat = false;
                for (SyntaxNode a : args == null ? List.<SyntaxNode>of() : args.namedChildren()) {
                    if (a.is("dictionary_splat") && a.namedChildCount() > 0) {
                        splat = true;
                        input = a.namedChild(0);
                    }
                }
                SyntaxNode data = PySyntax.keyword(call, "data");
                if (!splat && data == null) {
                    continue;
                }
                if (data != null) {
                    input = data;
                }
                shape(r, r.resolve(fn)).ifPresent(shapes::add);
            } else if (fn.is("attribute")) {
                String method = fn.field("attribute").text();
                SyntaxNode target = PySyntax.unwrap(fn.field("object"));
                List<SyntaxNode> args = PySyntax.positional(call);
                input = args.isEmpty() ? null : args.get(0);
                if (target != null && target.is("call")) {
                    String inner = PySyntax.calleeName(target);
                    List<SyntaxNode> targs = PySyntax.positional(target);
                    if ("TypeAdapter".equals(inner) || "parse_obj_as".equals(inner)) {
                        if (!targs.isEmpty()) {
                            unionMembers(r, targs.get(0), shapes);
                        }
                    } else {
                        shape(r, r.resolve(target.field("function"))).ifPresent(shapes::add); // Schema().load(x)
                    }
                } else if (target != null) {
                    shape(r, r.resolve(target)).ifPresent(shapes::add);
                }
            }
            if (!shapes.isEmpty()) {
                return Optional.of(new Validation(List.copyOf(shapes), call, input));
            }
        }
        return Optional.empty();
    }

    /** The classes of {@code Union[A, B]}, {@code A | B}, {@code Annotated[Union[...], Field(...)]} or a name bound to one. */
    public static void unionMembers(PyResolver r, SyntaxNode type, List<Shape> out) {
        SyntaxNode n = PySyntax.unwrap(type);
        if (n == null || out.size() > 50) {
            return;
        }
        if (n.is("binary_operator")) {
            unionMembers(r, n.field("left"), out);
            unionMembers(r, n.field("right"), out);
            return;
        }
        if (n.is("subscript")) {
            String base = PySyntax.dotted(n.field("value"));
            if (base != null && (base.endsWith("Union") || base.endsWith("Annotated"))) {
                for (SyntaxNode c : n.namedChildren()) {
                    if (c.equals(n.field("value"))) {
                        continue;
                    }
                    unionMembers(r, c, out);
                    if (base.endsWith("Annotated")) {
                        break;
                    }
                }
            }
            return;
        }
        if (n.is("identifier") || n.is("attribute")) {
            PyValue v = r.resolve(n);
            if (v.is(PyValue.Kind.CLASS)) {
                shape(r, v).ifPresent(out::add);
            } else if (v.node() != null && v.path() != null && !v.node().equals(n)) {
                unionMembers(r.resolverFor(v.path()), v.node(), out); // Message = Union[A, B]
            }
        }
    }
}
