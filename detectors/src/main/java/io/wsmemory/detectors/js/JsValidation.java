package io.wsmemory.detectors.js;

import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.js.JsResolver;
import io.wsmemory.core.resolve.js.JsSyntax;
import io.wsmemory.core.resolve.js.JsValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The schema a message handler validates its payload with: zod ({@code z.object({...}).parse(p)}), joi and yup
 * ({@code schema.validate(p)}), and JSON Schema objects given to ajv. Reads each field's type, constraints and
 * whether it is required.
 */
public final class JsValidation {

    private static final Query QUERY = Query.load(JsValidation.class, "validation.scm");
    private static final Set<String> OPTIONAL = Set.of("optional", "nullable", "nullish", "default", "catch");
    private static final Set<String> REQUIRED = Set.of("required", "exist", "defined", "nonNullable");
    private static final Set<String> TYPES = Set.of("string", "number", "boolean", "object", "array", "date",
            "bigint", "enum", "literal", "uuid", "any", "unknown", "union", "tuple", "record", "mixed", "alternatives",
            "binary", "int", "integer", "nativeEnum");

    /** A schema read from code: the library, one line per field, the required fields. */
    public record Schema(String library, List<String> fields, List<String> required) {
        public String describe() {
            return library + ": {" + String.join(", ", fields) + "}";
        }
    }

    private JsValidation() {
    }

    /** The first schema a handler validates its input with, if its body calls one. */
    public static Optional<Schema> inHandler(JsResolver resolver, SyntaxNode handler) {
        Optional<SyntaxNode> fn = resolver.functionBehind(handler);
        if (fn.isEmpty()) {
            return Optional.empty();
        }
        for (QueryMatch m : QUERY.matches(fn.get())) {
            Optional<Schema> s = schemaOf(resolver, m.node("schema"), m.text("method"), m.node("first"));
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    private static Optional<Schema> schemaOf(JsResolver resolver, SyntaxNode schemaExpr, String method,
                                             SyntaxNode firstArg) {
        SyntaxNode n = JsSyntax.unwrap(schemaExpr);
        if (n != null && n.is("identifier")) { // the schema may be defined in another file of the repository
            JsValue v = resolver.resolve(n);
            if (v.node() != null && v.path() != null && v.node().tree() != n.tree()) {
                JsResolver there = resolver.resolverFor(v.path());
                return there == resolver ? Optional.empty() : builderSchema(there, v.node());
            }
        }
        SyntaxNode def = definition(resolver, schemaExpr);
        if (def == null) {
            return Optional.empty();
        }
        if (method.equals("validate") && def.text().startsWith("new Ajv") || def.text().startsWith("ajv")) {
            SyntaxNode json = definition(resolver, firstArg); // ajv.validate(schema, data)
            return json != null && json.is("object") ? jsonSchema(resolver, json) : Optional.empty();
        }
        return builderSchema(resolver, def);
    }

    /** What an identifier is bound to in its file, or the expression itself. */
    private static SyntaxNode definition(JsResolver resolver, SyntaxNode expr) {
        SyntaxNode n = JsSyntax.unwrap(expr);
        if (n == null) {
            return null;
        }
        if (n.is("identifier")) {
            JsValue v = resolver.resolve(n);
            SyntaxNode d = v.node();
            return d != null && d.tree() == n.tree() && d != n && !d.equals(n) ? d : null;
        }
        return n;
    }

    /** {@code z.object({...})}, {@code Joi.object({...})}, {@code yup.object().shape({...})}. */
    private static Optional<Schema> builderSchema(JsResolver resolver, SyntaxNode def) {
        SyntaxNode objectArg = null;
        String library = null;
        SyntaxNode x = def;
        while (x != null && x.is("call_expression")) {
            SyntaxNode fn = x.field("function");
            String name = JsSyntax.memberName(fn);
            List<SyntaxNode> args = JsSyntax.callArguments(x);
            if (("object".equals(name) || "shape".equals(name) || "keys".equals(name)) && !args.isEmpty()
                    && args.get(0).is("object")) {
                objectArg = args.get(0);
            }
            if (fn != null && fn.is("member_expression")) {
                SyntaxNode base = fn.field("object");
                if (base != null && base.is("identifier")) {
                    library = libraryOf(resolver, base.text());
                }
                x = base;
            } else {
                break;
            }
        }
        if (objectArg == null || library == null) {
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>();
        List<String> required = new ArrayList<>();
        boolean requiredByDefault = library.equals("zod") || library.equals("superstruct");
        for (SyntaxNode pair : objectArg.namedChildren()) {
            if (!pair.is("pair")) {
                continue;
            }
            SyntaxNode key = pair.field("key");
            SyntaxNode value = pair.field("value");
            if (key == null || value == null) {
                continue;
            }
            String name = JsSyntax.nameText(key);
            Field f = field(value);
            boolean isRequired = requiredByDefault ? !f.optional : f.required;
            fields.add(name + (isRequired ? "" : "?") + ": " + f.type + (f.constraints.isEmpty() ? ""
                    : " " + String.join(" ", f.constraints)));
            if (isRequired) {
                required.add(name);
            }
        }
        return fields.isEmpty() ? Optional.empty() : Optional.of(new Schema(library, fields, required));
    }

    private record Field(String type, List<String> constraints, boolean optional, boolean required) {
    }

    /** A field's builder chain, {@code z.string().min(1).max(500)}: type string, constraints min(1) max(500). */
    private static Field field(SyntaxNode value) {
        List<String> calls = new ArrayList<>();
        SyntaxNode x = value;
        while (x != null && x.is("call_expression")) {
            SyntaxNode fn = x.field("function");
            String name = JsSyntax.memberName(fn);
            SyntaxNode args = x.field("arguments");
            String argText = args == null ? "()" : args.text().replaceAll("\\s+", " ");
            calls.add(0, name + (argText.equals("()") ? "" : argText));
            x = fn == null || !fn.is("member_expression") ? null : fn.field("object");
        }
        String type = "?";
        List<String> constraints = new ArrayList<>();
        boolean optional = false;
        boolean required = false;
        for (String c : calls) {
            String bare = c.contains("(") ? c.substring(0, c.indexOf('(')) : c;
            if (type.equals("?") && TYPES.contains(bare)) {
                type = bare.equals("int") || bare.equals("integer") ? "integer" : bare;
                if (bare.equals("enum") || bare.equals("literal")) {
                    constraints.add(c);
                }
            } else if (OPTIONAL.contains(bare)) {
                optional = true;
            } else if (REQUIRED.contains(bare)) {
                required = true;
            } else if (!bare.equals("describe") && !bare.equals("label") && !bare.equals("meta")) {
                constraints.add(c);
            }
        }
        return new Field(type, constraints, optional, required);
    }

    /** A JSON Schema object literal: properties with their types and limits, and its required list. */
    private static Optional<Schema> jsonSchema(JsResolver resolver, SyntaxNode obj) {
        JsValue schema = resolver.resolve(obj);
        JsValue props = schema.get("properties");
        if (!props.is(JsValue.Kind.OBJECT)) {
            return Optional.empty();
        }
        List<String> required = new ArrayList<>();
        for (JsValue r : schema.get("required").items()) {
            if (r.isLiteral()) {
                required.add(r.text());
            }
        }
        List<String> fields = new ArrayList<>();
        for (String name : props.properties().keySet()) {
            JsValue p = props.get(name);
            StringBuilder b = new StringBuilder(name + (required.contains(name) ? "" : "?") + ": ");
            JsValue type = p.get("type");
            b.append(type.isLiteral() ? type.text() : "?");
            for (String limit : List.of("minLength", "maxLength", "minimum", "maximum", "pattern", "format",
                    "enum", "maxItems")) {
                JsValue v = p.get(limit);
                if (v.isKnown()) {
                    b.append(' ').append(limit).append('(').append(v.text() == null ? "…" : v.text()).append(')');
                }
            }
            fields.add(b.toString());
        }
        return fields.isEmpty() ? Optional.empty() : Optional.of(new Schema("ajv", fields, required));
    }

    private static String libraryOf(JsResolver resolver, String identifier) {
        var imp = resolver.jsFile().importOf(identifier);
        String source = imp == null ? identifier : imp.source();
        return switch (source) {
            case "zod", "z" -> "zod";
            case "joi", "Joi", "@hapi/joi" -> "joi";
            case "yup" -> "yup";
            case "superstruct" -> "superstruct";
            default -> null;
        };
    }
}
