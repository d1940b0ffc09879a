package io.wsmemory.core.resolve.java;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.resolve.java.JavaTypes.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of a message payload class: the fields of a POJO, a Lombok class or a record (inherited fields of
 * repository superclasses first), their types, JSON names ({@code @JsonProperty}), and their Bean Validation
 * constraints ({@code @NotNull}, {@code @Size(max = 500)}, ...).
 */
public final class JavaPayloads {

    private static final Set<String> CONSTRAINTS = Set.of("NotNull", "NotBlank", "NotEmpty", "Size", "Min", "Max",
            "Pattern", "Email", "Positive", "PositiveOrZero", "Negative", "NegativeOrZero", "Past", "Future",
            "PastOrPresent", "FutureOrPresent", "DecimalMin", "DecimalMax", "Digits", "Length", "Range", "URL",
            "AssertTrue", "AssertFalse", "Null", "UUID", "Valid");
    private static final Set<String> REQUIRED = Set.of("NotNull", "NotBlank", "NotEmpty");
    private static final Set<String> WRAPPERS = Set.of("Message", "Mono", "Flux", "Optional", "ResponseEntity",
            "CompletableFuture", "ListenableFuture", "Payload");
    private static final int MAX_FIELDS = 25;
    private static final int MAX_TEXT = 240;

    /** One field: its JSON name, its declared type, its constraints as written. */
    public record Field(String name, String type, List<String> constraints) {
        public boolean required() {
            for (String c : constraints) {
                String n = c.substring(1).replaceAll("\\(.*", "");
                if (REQUIRED.contains(n)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A payload type: its name, fields (empty for types outside the repository) and where it is declared. */
    public record Shape(String type, List<Field> fields, Evidence at, List<String> enumConstants) {

        /** {@code name:String, age:int}, or the type's name when its fields are not known. */
        public String describe() {
            if (!enumConstants.isEmpty()) {
                return cut(type + " (" + String.join("|", enumConstants) + ")");
            }
            if (fields.isEmpty()) {
                return type;
            }
            List<String> parts = new ArrayList<>();
            for (Field f : fields) {
                parts.add(f.name() + ":" + f.type());
            }
            return cut(String.join(", ", parts));
        }

        /** {@code bean-validation: {name: String @NotBlank @Size(max=50)}}, or null when nothing is constrained. */
        public String validation() {
            List<String> parts = new ArrayList<>();
            for (Field f : fields) {
                List<String> cs = new ArrayList<>();
                for (String c : f.constraints()) {
                    if (!c.equals("@Valid")) {
                        cs.add(c);
                    }
                }
                if (!cs.isEmpty()) {
                    parts.add(f.name() + ": " + f.type() + " " + String.join(" ", cs));
                }
            }
            return parts.isEmpty() ? null : cut("bean-validation: {" + String.join(", ", parts) + "}");
        }

        /** Fields that must be present, comma-separated; null when none. */
        public String required() {
            List<String> r = new ArrayList<>();
            for (Field f : fields) {
                if (f.required()) {
                    r.add(f.name());
                }
            }
            return r.isEmpty() ? null : String.join(",", r);
        }
    }

    private JavaPayloads() {
    }

    /** The payload a declared type stands for; wrappers such as {@code Message<T>} and {@code Mono<T>} unwrapped. */
    public static Optional<Shape> of(Type type, JavaResolver from) {
        Type t = unwrap(type);
        if (t == null || t.isVoidType()) {
            return Optional.empty();
        }
        String text = t.asString().replace(" ", "");
        String simple = JavaResolver.simpleName(t);
        if (t.isArrayType() || simple.equals("List") || simple.equals("Set") || simple.equals("Collection")) {
            return Optional.of(new Shape(shorten(text), List.of(), null, List.of()));
        }
        return ofName(simple, from).or(() -> Optional.of(new Shape(shorten(text), List.of(), null, List.of())));
    }

    /** The payload of a repository type named {@code simpleName}; empty when the repository does not declare it. */
    public static Optional<Shape> ofName(String simpleName, JavaResolver from) {
        Optional<TypeRef> ref = from.type(simpleName);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        TypeDeclaration<?> decl = ref.get().decl();
        Evidence at = ref.get().file().evidence(JavaResolver.line(decl));
        if (decl instanceof EnumDeclaration e) {
            List<String> names = new ArrayList<>();
            for (EnumConstantDeclaration c : e.getEntries()) {
                names.add(c.getNameAsString());
            }
            return Optional.of(new Shape(simpleName, List.of(), at, names));
        }
        List<Field> fields = new ArrayList<>();
        collect(ref.get(), from, fields, 0);
        return Optional.of(new Shape(simpleName, fields, at, List.of()));
    }

    private static void collect(TypeRef ref, JavaResolver from, List<Field> out, int depth) {
        TypeDeclaration<?> decl = ref.decl();
        if (depth < 3 && decl instanceof ClassOrInterfaceDeclaration c && !c.getExtendedTypes().isEmpty()) {
            ClassOrInterfaceType sup = c.getExtendedTypes(0);
            from.resolverFor(ref.file()).type(sup.getNameWithScope())
                    .ifPresent(s -> collect(s, from, out, depth + 1));
        }
        if (decl instanceof RecordDeclaration r) {
            for (Parameter p : r.getParameters()) {
                add(out, p.getNameAsString(), p.getType(), p);
            }
            return;
        }
        for (FieldDeclaration f : decl.getFields()) {
            if (f.isStatic() || f.isTransient() || JavaResolver.annotation(f, "JsonIgnore").isPresent()) {
                continue;
            }
            for (VariableDeclarator v : f.getVariables()) {
                add(out, v.getNameAsString(), v.getType(), f);
            }
        }
    }

    private static void add(List<Field> out, String name, Type type, NodeWithAnnotations<?> annotated) {
        if (out.size() >= MAX_FIELDS) {
            return;
        }
        String json = JavaResolver.annotation(annotated, "JsonProperty").map(JavaResolver::annotationText)
                .orElse(null);
        List<String> cs = new ArrayList<>();
        for (AnnotationExpr a : annotated.getAnnotations()) {
            String n = a.getNameAsString();
            n = n.substring(n.lastIndexOf('.') + 1);
            if (CONSTRAINTS.contains(n)) {
                cs.add(describe(a, n));
            }
        }
        out.add(new Field(json != null && !json.isEmpty() ? json : name, type.asString().replace(" ", ""), cs));
    }

    private static String describe(AnnotationExpr a, String name) {
        if (a instanceof SingleMemberAnnotationExpr s) {
            return "@" + name + "(" + s.getMemberValue() + ")";
        }
        if (a instanceof NormalAnnotationExpr n) {
            List<String> ps = new ArrayList<>();
            for (MemberValuePair p : n.getPairs()) {
                if (!p.getNameAsString().equals("message") && !p.getNameAsString().equals("groups")) {
                    ps.add(p.getNameAsString() + "=" + p.getValue());
                }
            }
            return ps.isEmpty() ? "@" + name : "@" + name + "(" + String.join(", ", ps) + ")";
        }
        return "@" + name;
    }

    /** {@code Message<Foo>} → {@code Foo}; other types as they are. */
    public static Type unwrap(Type t) {
        Type cur = t;
        for (int i = 0; i < 4 && cur != null && cur.isClassOrInterfaceType(); i++) {
            ClassOrInterfaceType c = cur.asClassOrInterfaceType();
            if (!WRAPPERS.contains(c.getNameAsString())) {
                break;
            }
            Optional<com.github.javaparser.ast.NodeList<Type>> args = c.getTypeArguments();
            if (args.isEmpty() || args.get().size() != 1) {
                return cur;
            }
            cur = args.get().get(0);
            if (cur.isWildcardType()) {
                return null;
            }
        }
        return cur;
    }

    private static String shorten(String s) {
        return s.replaceAll("\\b(?:[a-z_][\\w]*\\.)+([A-Z])", "$1");
    }

    private static String cut(String s) {
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT - 1) + "…" : s;
    }
}
