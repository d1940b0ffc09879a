package io.wsmemory.core.resolve.go;

import io.wsmemory.core.parse.SyntaxNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Go type expression as written, with the file it is written in (whose imports give qualified names a meaning):
 * enough to follow a variable to its struct declaration and read the fields and their tags.
 */
public final class GoType {

    /** A field of a struct type: its name, type, tags and declaration. Embedded fields have their type's name. */
    public record Field(String name, GoType type, Map<String, String> tags, SyntaxNode node, boolean embedded) {
    }

    private final SyntaxNode node;
    private final GoResolver scope;

    GoType(SyntaxNode node, GoResolver scope) {
        this.node = node;
        this.scope = scope;
    }

    public SyntaxNode node() {
        return node;
    }

    public GoResolver scope() {
        return scope;
    }

    public String text() {
        return node.text();
    }

    /** The type's name without pointer and package: {@code Message} for {@code *model.Message}; null if unnamed. */
    public String name() {
        return GoSyntax.typeName(node);
    }

    /** The package alias of a qualified type ({@code websocket} for {@code *websocket.Conn}), or null. */
    public String packageAlias() {
        return GoSyntax.typePackage(node);
    }

    /** The import path of a qualified type, or null for a type of this package or a builtin. */
    public String importPath() {
        String alias = packageAlias();
        if (alias == null) {
            return null;
        }
        GoFile.Import i = scope.goFile().importOf(alias);
        return i == null ? null : i.path();
    }

    /** The type without pointers and parentheses. */
    public GoType base() {
        SyntaxNode n = node;
        while (n != null && (n.is("pointer_type") || n.is("parenthesized_type"))) {
            n = n.namedChild(0);
        }
        return n == null || n == node ? this : new GoType(n, scope);
    }

    /** The element of a slice, array, channel, map (its value) or pointer; null for other types. */
    public GoType elem() {
        SyntaxNode n = node;
        while (n != null && n.is("parenthesized_type")) {
            n = n.namedChild(0);
        }
        if (n == null) {
            return null;
        }
        SyntaxNode e = switch (n.type()) {
            case "slice_type", "array_type", "implicit_length_array_type" -> n.field("element");
            case "channel_type" -> n.field("value");
            case "map_type" -> n.field("value");
            case "pointer_type" -> n.namedChild(0);
            default -> null;
        };
        if (e == null) {
            GoType d = declared();
            if (d != null && d.node != node && !d.node.is("struct_type")) {
                return d.elem();
            }
            return null;
        }
        return new GoType(e, scope);
    }

    /** The key of a map type, or null. */
    public GoType key() {
        GoType b = base();
        if (b.node.is("map_type")) {
            SyntaxNode k = b.node.field("key");
            return k == null ? null : new GoType(k, b.scope);
        }
        GoType d = declared();
        return d != null && d.node != node && d.node.is("map_type") ? d.key() : null;
    }

    public boolean isMap() {
        GoType b = base();
        if (b.node.is("map_type")) {
            return true;
        }
        GoType d = declared();
        return d != null && d.node != b.node && d.node.is("map_type");
    }

    public boolean isSliceOrArray() {
        GoType b = base();
        return b.node.is("slice_type") || b.node.is("array_type");
    }

    public boolean isChannel() {
        return base().node.is("channel_type");
    }

    public boolean isStruct() {
        GoType d = declared();
        return d != null && d.node.is("struct_type");
    }

    /**
     * The definition behind a named type of this repository ({@code struct_type}, {@code map_type}, ... node with
     * the file it is declared in); the type itself when it is not a name; null for a name the repository does
     * not declare.
     */
    public GoType declared() {
        GoType b = base();
        String name = b.name();
        if (name == null) {
            return b;
        }
        GoResolver.Located<SyntaxNode> spec = b.scope.typeDeclaration(b.packageAlias(), name);
        if (spec == null) {
            return null;
        }
        SyntaxNode t = spec.item().field("type");
        return t == null ? null : new GoType(t, spec.scope());
    }

    /** The file and type spec a named type is declared in, or null. */
    public GoResolver.Located<SyntaxNode> declaration() {
        GoType b = base();
        String name = b.name();
        return name == null ? null : b.scope.typeDeclaration(b.packageAlias(), name);
    }

    /** The fields of a struct type (named or literal), in order; embedded structs are listed, not flattened. */
    public List<Field> fields() {
        GoType d = declared();
        List<Field> out = new ArrayList<>();
        if (d == null || !d.node.is("struct_type")) {
            return out;
        }
        for (SyntaxNode list : d.node.namedChildren()) {
            if (!list.is("field_declaration_list")) {
                continue;
            }
            for (SyntaxNode fd : list.namedChildren()) {
                if (!fd.is("field_declaration")) {
                    continue;
                }
                SyntaxNode type = fd.field("type");
                Map<String, String> tags = GoSyntax.tags(fd.field("tag"));
                List<SyntaxNode> names = new ArrayList<>();
                for (SyntaxNode c : fd.namedChildren()) {
                    if (c.is("field_identifier")) {
                        names.add(c);
                    }
                }
                GoType ft = type == null ? null : new GoType(type, d.scope);
                if (names.isEmpty() && type != null) {
                    out.add(new Field(GoSyntax.typeName(type), ft, tags, fd, true));
                }
                for (SyntaxNode n : names) {
                    out.add(new Field(n.text(), ft, tags, fd, false));
                }
            }
        }
        return out;
    }

    /** A field by name, looking into embedded structs too; null when absent. */
    public Field field(String name) {
        return field(name, 0);
    }

    private Field field(String name, int depth) {
        if (depth > 4) {
            return null;
        }
        List<Field> fs = fields();
        for (Field f : fs) {
            if (!f.embedded() && f.name().equals(name)) {
                return f;
            }
        }
        for (Field f : fs) {
            if (f.embedded() && f.type() != null) {
                Field inner = f.type().field(name, depth + 1);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** A short spelling for payload descriptions: {@code string}, {@code []Item}, {@code map[string]any}. */
    public String shortText() {
        String t = node.text().replaceAll("\\s+", " ");
        t = t.replace("interface{}", "any").replace("interface {}", "any");
        t = t.replaceAll("\\*", "");
        t = t.replaceAll("\\b[a-z][A-Za-z0-9_]*\\.", "");
        return t;
    }

    @Override
    public String toString() {
        return node.text();
    }
}
