package io.wsmemory.detectors.nestjs;

import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import io.wsmemory.core.source.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes of one TypeScript file as NestJS sees them: their decorators, base class, fields (constructor
 * parameter properties included), constructor parameters and methods with their decorated parameters. Built once
 * per file and shared through {@link ParsedFile#attachment}.
 */
final class NestClasses {

    private static final Query CLASSES = Query.load(NestClasses.class, "classes.typescript.scm");

    /** {@code @Name(args)} or {@code @Name}: the name is the last segment of a dotted callee. */
    record Decorator(String name, List<SyntaxNode> args, SyntaxNode node) {
        SyntaxNode arg(int i) {
            return i < args.size() ? args.get(i) : null;
        }
    }

    /** A parameter: its position, name, type as written and the bare type name (generic arguments dropped). */
    record Param(int index, String name, String typeText, String typeName, List<Decorator> decorators,
                 SyntaxNode node, boolean optional, boolean property) {
        Decorator decorator(String name) {
            return find(decorators, name);
        }
    }

    /** A field, or a constructor parameter declared {@code private}, {@code readonly}, .... */
    record Field(String name, String typeText, String typeName, List<Decorator> decorators, SyntaxNode node,
                 SyntaxNode value, boolean optional) {
        Decorator decorator(String name) {
            return find(decorators, name);
        }
    }

    /** A method; {@code kind} is {@code method}, {@code get}, {@code set} or {@code constructor}. */
    record Method(String name, String kind, List<Decorator> decorators, List<Param> params, SyntaxNode node,
                  SyntaxNode body) {
        Decorator decorator(String name) {
            return find(decorators, name);
        }

        Param param(String name) {
            for (Param p : params) {
                if (p.name() != null && p.name().equals(name)) {
                    return p;
                }
            }
            return null;
        }
    }

    static final class ClassInfo {
        final String name;
        final SyntaxNode node;
        final List<Decorator> decorators;
        final String superName;
        final SyntaxNode superNode;
        final List<String> implemented;
        final Map<String, Field> fields = new LinkedHashMap<>();
        final Map<String, Method> methods = new LinkedHashMap<>();
        final List<Param> constructorParams = new ArrayList<>();

        ClassInfo(String name, SyntaxNode node, List<Decorator> decorators, String superName, SyntaxNode superNode,
                  List<String> implemented) {
            this.name = name;
            this.node = node;
            this.decorators = decorators;
            this.superName = superName;
            this.superNode = superNode;
            this.implemented = implemented;
        }

        Decorator decorator(String n) {
            return find(decorators, n);
        }

        Field field(String n) {
            return fields.get(n);
        }

        Method method(String n) {
            return methods.get(n);
        }

        /** The method whose definition holds {@code n}, or null (field initialisers, the class itself). */
        Method methodAt(SyntaxNode n) {
            for (Method m : methods.values()) {
                if (m.node().encloses(n)) {
                    return m;
                }
            }
            return null;
        }
    }

    private final List<ClassInfo> classes = new ArrayList<>();

    private NestClasses(ParsedFile file) {
        SyntaxTree tree = file.tree();
        if (tree == null || tree.language() == Language.JAVASCRIPT) {
            return;
        }
        for (QueryMatch m : CLASSES.matches(tree.root())) {
            classes.add(read(m.node("class"), m.text("class.name"), m.node("class.body")));
        }
    }

    static NestClasses of(ParsedFile file) {
        return file.attachment(NestClasses.class, NestClasses::new);
    }

    List<ClassInfo> all() {
        return classes;
    }

    ClassInfo named(String name) {
        for (ClassInfo c : classes) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The innermost class whose body holds {@code n}. */
    ClassInfo enclosing(SyntaxNode n) {
        ClassInfo best = null;
        for (ClassInfo c : classes) {
            if (c.node.encloses(n) && (best == null || c.node.startByte() >= best.node.startByte())) {
                best = c;
            }
        }
        return best;
    }

    private static ClassInfo read(SyntaxNode cls, String name, SyntaxNode body) {
        List<Decorator> decorators = new ArrayList<>();
        SyntaxNode parent = cls.parent();
        if (parent != null && parent.is("export_statement")) {
            for (SyntaxNode c : parent.namedChildren()) {
                if (c.is("decorator")) {
                    decorators.add(decorator(c));
                }
            }
        }
        String superName = null;
        SyntaxNode superNode = null;
        List<String> implemented = new ArrayList<>();
        for (SyntaxNode c : cls.namedChildren()) {
            if (c.is("decorator")) {
                decorators.add(decorator(c));
            } else if (c.is("class_heritage")) {
                for (SyntaxNode h : c.namedChildren()) {
                    if (h.is("extends_clause")) {
                        SyntaxNode v = h.field("value");
                        if (v != null) {
                            superNode = v;
                            superName = v.is("call_expression") ? null : lastSegment(v.text());
                        }
                    } else if (h.is("implements_clause")) {
                        for (SyntaxNode t : h.namedChildren()) {
                            implemented.add(typeName(t));
                        }
                    }
                }
            }
        }
        ClassInfo info = new ClassInfo(name, cls, decorators, superName, superNode, implemented);
        List<Decorator> pending = new ArrayList<>();
        for (SyntaxNode m : body.namedChildren()) {
            switch (m.type()) {
                case "decorator" -> pending.add(decorator(m));
                case "method_definition" -> {
                    Method method = method(m, pending);
                    pending = new ArrayList<>();
                    if (method.kind().equals("constructor")) {
                        info.constructorParams.addAll(method.params());
                        for (Param p : method.params()) {
                            if (p.property() && p.name() != null) {
                                info.fields.put(p.name(), new Field(p.name(), p.typeText(), p.typeName(),
                                        p.decorators(), p.node(), null, p.optional()));
                            }
                        }
                    }
                    info.methods.putIfAbsent(method.name(), method);
                }
                case "public_field_definition" -> {
                    pending = new ArrayList<>();
                    SyntaxNode n = m.field("name");
                    if (n == null) {
                        continue;
                    }
                    List<Decorator> ds = new ArrayList<>();
                    for (SyntaxNode c : m.namedChildren()) {
                        if (c.is("decorator")) {
                            ds.add(decorator(c));
                        }
                    }
                    SyntaxNode type = m.field("type");
                    String typeText = type == null ? null : typeText(type);
                    info.fields.put(n.text(), new Field(n.text(), typeText, type == null ? null
                            : typeName(type.namedChild(0)), ds, m, m.field("value"), m.text().contains("?:")));
                }
                case "comment" -> {
                }
                default -> pending = new ArrayList<>();
            }
        }
        return info;
    }

    private static Method method(SyntaxNode m, List<Decorator> decorators) {
        SyntaxNode nameNode = m.field("name");
        String name = nameNode == null ? "" : nameNode.text();
        String kind = "method";
        for (SyntaxNode c : m.children()) {
            if (c.equals(nameNode)) {
                break;
            }
            if (c.text().equals("get") || c.text().equals("set")) {
                kind = c.text();
            }
        }
        if (name.equals("constructor")) {
            kind = "constructor";
        }
        List<Param> params = new ArrayList<>();
        SyntaxNode ps = m.field("parameters");
        if (ps != null) {
            int i = 0;
            for (SyntaxNode p : ps.namedChildren()) {
                if (p.is("required_parameter") || p.is("optional_parameter")) {
                    params.add(param(i++, p));
                }
            }
        }
        return new Method(name, kind, List.copyOf(decorators), params, m, m.field("body"));
    }

    private static Param param(int index, SyntaxNode p) {
        SyntaxNode pattern = p.field("pattern");
        SyntaxNode type = p.field("type");
        List<Decorator> ds = new ArrayList<>();
        boolean property = false;
        for (SyntaxNode c : p.children()) {
            if (c.is("decorator")) {
                ds.add(decorator(c));
            } else if (c.is("accessibility_modifier") || c.text().equals("readonly")) {
                property = true;
            }
        }
        String name = pattern != null && pattern.is("identifier") ? pattern.text() : null;
        return new Param(index, name, type == null ? null : typeText(type), type == null ? null
                : typeName(type.namedChild(0)), ds, p, p.is("optional_parameter"), property);
    }

    private static Decorator decorator(SyntaxNode d) {
        SyntaxNode e = d.namedChild(0);
        if (e == null) {
            return new Decorator("", List.of(), d);
        }
        if (e.is("call_expression")) {
            SyntaxNode fn = e.field("function");
            SyntaxNode args = e.field("arguments");
            List<SyntaxNode> list = new ArrayList<>();
            if (args != null) {
                for (SyntaxNode a : args.namedChildren()) {
                    if (!a.is("comment")) {
                        list.add(a);
                    }
                }
            }
            return new Decorator(fn == null ? "" : lastSegment(fn.text()), list, d);
        }
        return new Decorator(lastSegment(e.text()), List.of(), d);
    }

    /** {@code : Foo<Bar>} → {@code Foo<Bar>}, without the colon and with blanks squashed. */
    static String typeText(SyntaxNode annotation) {
        return annotation.text().replaceFirst("^\\s*:\\s*", "").replaceAll("\\s+", " ").trim();
    }

    /** The bare name of a type: {@code Socket} for {@code Socket<A, B>}, {@code WebSocket} for {@code ws.WebSocket}. */
    static String typeName(SyntaxNode t) {
        if (t == null) {
            return null;
        }
        return switch (t.type()) {
            case "type_identifier", "identifier" -> t.text();
            case "generic_type" -> {
                SyntaxNode n = t.field("name");
                yield n == null ? null : lastSegment(n.text());
            }
            case "nested_type_identifier" -> lastSegment(t.text());
            default -> null;
        };
    }

    private static String lastSegment(String dotted) {
        int dot = dotted.lastIndexOf('.');
        return dot < 0 ? dotted.trim() : dotted.substring(dot + 1).trim();
    }

    private static Decorator find(List<Decorator> ds, String name) {
        for (Decorator d : ds) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }
}
