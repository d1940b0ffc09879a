package io.wsmemory.detectors.nestjs;

import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.js.JsFile;
import io.wsmemory.detectors.nestjs.NestClasses.ClassInfo;
import io.wsmemory.detectors.nestjs.NestClasses.Decorator;
import io.wsmemory.detectors.nestjs.NestClasses.Field;
import io.wsmemory.detectors.nestjs.NestClasses.Method;
import io.wsmemory.detectors.nestjs.NestClasses.Param;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The payload of a {@code @SubscribeMessage} handler: the {@code @MessageBody()} parameter (or the second parameter
 * of a handler without parameter decorators), written out from its DTO class or interface, with the
 * class-validator decorators of the DTO's fields as validation rules.
 */
final class NestDtos {

    private static final int MAX_TEXT = 200;
    private static final int MAX_BASES = 3;
    /** Decorators that say nothing about the value's shape or limits. */
    private static final Set<String> NOT_RULES = Set.of("IsOptional", "Type", "Expose", "Exclude", "Transform",
            "ApiProperty", "ApiPropertyOptional", "ApiHideProperty", "Field", "ValidateIf");

    /** A payload's text; validation and required fields when the DTO carries class-validator rules. */
    record Described(String payload, String validation, String required) {
        static final Described NONE = new Described(null, null, null);
    }

    private NestDtos() {
    }

    static Described ofHandler(NestTypes types, ParsedFile file, Method m) {
        List<Param> bodies = new ArrayList<>();
        boolean decorated = false;
        for (Param p : m.params()) {
            decorated |= !p.decorators().isEmpty();
            if (p.decorator("MessageBody") != null || p.decorator("Payload") != null) {
                bodies.add(p);
            }
        }
        if (bodies.isEmpty() && !decorated && m.params().size() > 1) {
            bodies.add(m.params().get(1)); // handle(client, data): Nest passes the socket, then the message
        }
        if (bodies.isEmpty()) {
            return Described.NONE;
        }
        Map<String, String> picked = new LinkedHashMap<>();
        for (Param p : bodies) {
            Decorator d = p.decorator("MessageBody");
            String property = d == null ? null : io.wsmemory.core.resolve.js.JsSyntax.stringValue(d.arg(0));
            if (property != null) {
                picked.put(property, p.typeText() == null ? "?" : p.typeText());
            }
        }
        if (!picked.isEmpty()) { // @MessageBody('roomId') roomId: string, @MessageBody('text') text: string
            List<String> parts = new ArrayList<>();
            picked.forEach((k, v) -> parts.add(k + ": " + v));
            return new Described(cut("{" + String.join(", ", parts) + "}"), null, null);
        }
        Param p = bodies.get(0);
        if (p.typeText() == null) {
            return new Described(p.name(), null, null);
        }
        Described outer = null;
        Optional<NestTypes.Found> dto = types.classNamed(file, p.typeName());
        if (dto.isPresent() && !dto.get().cls().fields.isEmpty()) {
            outer = fromClass(types, dto.get(), p.typeText());
            outer = new Described(substitute(outer.payload(), dto.get().cls().node, p.node()), outer.validation(),
                    outer.required());
        } else {
            Optional<NestTypes.FoundType> type = types.typeNamed(file, p.typeName());
            String fields = type.map(t -> typeFields(t.declaration())).orElse(null);
            if (fields != null) {
                outer = new Described(cut(substitute(p.typeText() + " " + fields, type.get().declaration(),
                        p.node())), null, null);
            }
        }
        if (outer == null) {
            outer = new Described(cut((p.name() == null ? "" : p.name() + ": ") + p.typeText()), null, null);
        }
        if (outer.validation() == null) {
            Described inner = typeArgumentDto(types, file, p.node());
            if (inner != null) {
                outer = new Described(outer.payload(), inner.validation(), inner.required());
            }
        }
        return outer;
    }

    /** {@code data: T} of {@code SocketMessage<T>} read as {@code data: CreateMessageRequest} for the type given. */
    private static String substitute(String text, SyntaxNode declaration, SyntaxNode param) {
        SyntaxNode tps = declaration.field("type_parameters");
        SyntaxNode type = param.field("type");
        SyntaxNode t = type == null ? null : type.namedChild(0);
        SyntaxNode args = t != null && t.is("generic_type") ? t.field("type_arguments") : null;
        if (tps == null || args == null) {
            return text;
        }
        List<SyntaxNode> names = tps.namedChildren();
        List<SyntaxNode> values = args.namedChildren();
        int brace = text.indexOf(" {");
        if (brace < 0) {
            return text;
        }
        String head = text.substring(0, brace);
        String body = text.substring(brace);
        for (int i = 0; i < names.size() && i < values.size(); i++) {
            SyntaxNode n = names.get(i).field("name");
            if (n != null) {
                body = body.replaceAll("\\b" + java.util.regex.Pattern.quote(n.text()) + "\\b",
                        java.util.regex.Matcher.quoteReplacement(values.get(i).text()));
            }
        }
        return head + body;
    }

    /** {@code SocketMessage<CreateMessageRequest>}: the rules of the DTO a wrapper type carries. */
    private static Described typeArgumentDto(NestTypes types, ParsedFile file, SyntaxNode param) {
        SyntaxNode type = param.field("type");
        SyntaxNode t = type == null ? null : type.namedChild(0);
        if (t == null || !t.is("generic_type")) {
            return null;
        }
        SyntaxNode args = t.field("type_arguments");
        SyntaxNode first = args == null ? null : args.namedChild(0);
        String name = NestClasses.typeName(first);
        Optional<NestTypes.Found> dto = types.classNamed(file, name);
        if (dto.isEmpty()) {
            return null;
        }
        Described d = fromClass(types, dto.get(), name);
        return d.validation() == null ? null : d;
    }

    private static Described fromClass(NestTypes types, NestTypes.Found dto, String shownType) {
        List<String> shape = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        List<String> required = new ArrayList<>();
        boolean validated = false;
        for (Map.Entry<ParsedFile, ClassInfo> level : hierarchy(types, dto)) {
            JsFile js = JsFile.of(level.getKey());
            for (Field f : level.getValue().fields.values()) {
                if (f.node().text().startsWith("static ")) {
                    continue;
                }
                List<String> constraints = new ArrayList<>();
                boolean optional = f.optional();
                for (Decorator d : f.decorators()) {
                    JsFile.Import imp = js.importOf(d.name());
                    boolean classValidator = imp != null && imp.source().equals("class-validator");
                    if (!classValidator) {
                        continue;
                    }
                    validated = true;
                    if (d.name().equals("IsOptional")) {
                        optional = true;
                    } else if (!NOT_RULES.contains(d.name())) {
                        constraints.add(d.name() + literalArgs(d));
                    }
                }
                String type = f.typeText() == null ? "?" : f.typeText();
                String name = f.name() + (optional ? "?" : "");
                shape.add(name + ": " + type);
                rules.add(name + ": " + type + (constraints.isEmpty() ? "" : " " + String.join(" ", constraints)));
                if (!optional) {
                    required.add(f.name());
                }
            }
        }
        String payload = cut(shownType + " {" + String.join(", ", shape) + "}");
        if (!validated) {
            return new Described(payload, null, null);
        }
        return new Described(payload, cut("class-validator: {" + String.join(", ", rules) + "}"),
                String.join(",", required));
    }

    /** The DTO and the classes it extends (base fields first), as far as the repository declares them. */
    private static List<Map.Entry<ParsedFile, ClassInfo>> hierarchy(NestTypes types, NestTypes.Found dto) {
        List<Map.Entry<ParsedFile, ClassInfo>> chain = new ArrayList<>();
        NestTypes.Found at = dto;
        for (int i = 0; at != null && i <= MAX_BASES; i++) {
            chain.add(0, Map.entry(at.file(), at.cls()));
            String base = at.cls().superName;
            at = base == null ? null : types.classNamed(at.file(), base).orElse(null);
        }
        return chain;
    }

    /** {@code MaxLength(500)}, {@code IsIn(['a', 'b'])}; option objects ({@code {message: ...}}) left out. */
    private static String literalArgs(Decorator d) {
        List<String> parts = new ArrayList<>();
        for (SyntaxNode a : d.args()) {
            if (a.is("object") || a.is("arrow_function") || a.is("function_expression")) {
                continue;
            }
            parts.add(a.text().replaceAll("\\s+", " "));
        }
        return parts.isEmpty() ? "" : "(" + String.join(", ", parts) + ")";
    }

    /** An interface or object type alias as {@code {field: type, ...}}. */
    static String typeFields(SyntaxNode decl) {
        SyntaxNode body = decl.is("interface_declaration") ? decl.field("body") : decl.field("value");
        if (body == null || !(body.is("object_type") || body.is("interface_body"))) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        for (SyntaxNode sig : body.namedChildren()) {
            if (!sig.is("property_signature")) {
                continue;
            }
            SyntaxNode name = sig.field("name");
            SyntaxNode type = sig.field("type");
            if (name != null) {
                String optional = sig.text().contains("?:") ? "?" : "";
                fields.add(name.text() + optional + (type == null ? "" : ": " + NestClasses.typeText(type)));
            }
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private static String cut(String s) {
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT - 1) + "…" : s;
    }
}
