package io.wsmemory.core.resolve.python;

import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bindings of one Python module: what it imports, what it assigns at module level (also inside module-level
 * {@code if}/{@code try}/{@code with} blocks, marked conditional), and the functions and classes it defines. Built
 * once per file and shared by every detector through {@link ParsedFile#attachment}.
 */
public final class PyFile {

    private static final Query IMPORTS = Query.of("python-imports",
            "[(import_statement) (import_from_statement)] @import");

    /**
     * A name bound by an import. {@code module} is the dotted module as written (without the leading dots of a
     * relative import, counted in {@code level}); {@code name} is the imported member, or null when the binding is
     * the module itself ({@code import a.b as c}, or {@code import a.b} which binds {@code a}).
     */
    public record Import(String local, String module, String name, int level, SyntaxNode node) {
        /** The dotted name the binding stands for: {@code channels.auth.AuthMiddlewareStack}. */
        public String qualified() {
            String dots = ".".repeat(level);
            String base = dots + (module == null ? "" : module);
            if (name == null) {
                return base;
            }
            return base.isEmpty() || base.endsWith(".") ? base + name : base + "." + name;
        }
    }

    /** {@code from module import *}. */
    public record StarImport(String module, int level, SyntaxNode node) {
    }

    /** A module-level binding {@code name = value} (or {@code name: T = value}). */
    public record Assignment(String name, SyntaxNode statement, SyntaxNode value, boolean conditional) {
    }

    private static final Query LOCALS = Query.of("python-locals", """
            (assignment left: (identifier) @name right: (_) @value) @assign
            (assignment left: (pattern_list (identifier) @dynamic))
            (assignment left: (tuple_pattern (identifier) @dynamic))
            (augmented_assignment left: (identifier) @dynamic)
            (named_expression name: (identifier) @name value: (_) @value) @assign
            (for_statement left: (identifier) @dynamic)
            (for_statement left: (pattern_list (identifier) @dynamic))
            (for_statement left: (tuple_pattern (identifier) @dynamic))
            (for_in_clause left: (identifier) @dynamic)
            (for_in_clause left: (pattern_list (identifier) @dynamic))
            (as_pattern_target (identifier) @dynamic)
            """);
    private static final Query SELF_ATTRIBUTES = Query.of("python-self-attributes", """
            (assignment
              left: (attribute object: (identifier) @object attribute: (identifier) @name)
              right: (_) @value) @assign
            """);

    /**
     * A name bound inside a function (or a {@code self.name} bound in a class's methods). {@code value} is null
     * for names a loop, an unpacking, a {@code with} or an augmented assignment binds: those are not constants.
     */
    public record Local(String name, SyntaxNode statement, SyntaxNode value) {
        public boolean dynamic() {
            return value == null;
        }
    }

    private static final Query SCOPES = Query.of("python-scopes",
            "[(function_definition) (class_definition) (lambda)] @scope");

    /** A function, class or lambda of the file with its byte range. */
    private record Scope(String type, int start, int end, SyntaxNode node) {
    }

    private List<Scope> scopes;
    private final Map<Integer, Map<String, List<Local>>> localsCache = new HashMap<>();
    private final Map<Integer, Map<String, List<Local>>> selfCache = new HashMap<>();
    private final ParsedFile file;
    private final Map<String, Import> imports = new LinkedHashMap<>();
    private final List<StarImport> stars = new ArrayList<>();
    private final Map<String, List<Assignment>> assignments = new LinkedHashMap<>();
    private final Map<String, SyntaxNode> functions = new HashMap<>();
    private final Map<String, SyntaxNode> classes = new LinkedHashMap<>();

    private PyFile(ParsedFile file) {
        this.file = file;
        SyntaxTree tree = file.tree();
        if (tree == null) {
            return;
        }
        for (QueryMatch m : IMPORTS.matches(tree.root())) {
            readImport(m.node("import"));
        }
        readBlock(tree.root(), false);
    }

    public static PyFile of(ParsedFile file) {
        return file.attachment(PyFile.class, PyFile::new);
    }

    public ParsedFile file() {
        return file;
    }

    public Map<String, Import> imports() {
        return imports;
    }

    public Import importOf(String local) {
        return imports.get(local);
    }

    public List<StarImport> starImports() {
        return stars;
    }

    /** True when the file imports {@code module} or something under it ({@code channels} covers channels.auth). */
    public boolean importsModule(String module) {
        for (Import i : imports.values()) {
            if (i.level() == 0 && i.module() != null
                    && (i.module().equals(module) || i.module().startsWith(module + "."))) {
                return true;
            }
        }
        for (StarImport s : stars) {
            if (s.level() == 0 && s.module() != null
                    && (s.module().equals(module) || s.module().startsWith(module + "."))) {
                return true;
            }
        }
        return false;
    }

    /** Every module-level assignment of {@code name}, in source order. */
    public List<Assignment> assignments(String name) {
        return assignments.getOrDefault(name, List.of());
    }

    public Map<String, List<Assignment>> allAssignments() {
        return assignments;
    }

    /** The binding of a module-level name as the rest of the program sees it: the last unconditional one, else the first. */
    public Assignment binding(String name) {
        List<Assignment> all = assignments(name);
        if (all.isEmpty()) {
            return null;
        }
        Assignment last = null;
        for (Assignment a : all) {
            if (!a.conditional()) {
                last = a;
            }
        }
        return last != null ? last : all.get(0);
    }

    public SyntaxNode function(String name) {
        return functions.get(name);
    }

    public SyntaxNode classDefinition(String name) {
        return classes.get(name);
    }

    public Map<String, SyntaxNode> classes() {
        return classes;
    }

    /**
     * The innermost function, class or lambda of one of {@code types} around {@code node} (a node of this file),
     * found by byte ranges: tree-sitter finds a node's parent by descending from the root, so walking up through
     * parents costs more than this lookup in a large file.
     */
    public SyntaxNode enclosing(SyntaxNode node, String... types) {
        int s = node.startByte();
        int e = node.endByte();
        String t = node.type();
        Scope best = null;
        for (Scope sc : scopes()) {
            if (sc.start() > s) {
                break;
            }
            if (e > sc.end() || sc.start() == s && sc.end() == e && sc.type().equals(t)) {
                continue;
            }
            for (String type : types) {
                if (sc.type().equals(type)) {
                    best = sc; // sorted by start: a later one that still encloses is nested deeper
                    break;
                }
            }
        }
        return best == null ? null : best.node();
    }

    private synchronized List<Scope> scopes() {
        if (scopes == null) {
            List<Scope> l = new ArrayList<>();
            SyntaxTree tree = file.tree();
            if (tree != null) {
                for (QueryMatch m : SCOPES.matches(tree.root())) {
                    SyntaxNode n = m.node("scope");
                    l.add(new Scope(n.type(), n.startByte(), n.endByte(), n));
                }
            }
            l.sort(java.util.Comparator.comparingInt(Scope::start));
            scopes = List.copyOf(l);
        }
        return scopes;
    }

    /** The names a function (with the functions nested in it) binds, each with its bindings in source order. */
    public synchronized Map<String, List<Local>> locals(SyntaxNode function) {
        return localsCache.computeIfAbsent(function.startByte(), k -> {
            Map<String, List<Local>> out = new HashMap<>();
            for (QueryMatch m : LOCALS.matches(function)) {
                SyntaxNode name = m.node("name");
                if (name != null) {
                    out.computeIfAbsent(name.text(), x -> new ArrayList<>())
                            .add(new Local(name.text(), m.node("assign"), m.node("value")));
                } else if (m.node("dynamic") != null) {
                    SyntaxNode d = m.node("dynamic");
                    out.computeIfAbsent(d.text(), x -> new ArrayList<>()).add(new Local(d.text(), d, null));
                }
            }
            for (List<Local> l : out.values()) {
                l.sort(java.util.Comparator.comparingInt(x -> x.statement().startByte()));
            }
            return out;
        });
    }

    /** The {@code self.name = value} bindings in the methods of a class, by name, in source order. */
    public synchronized Map<String, List<Local>> selfAttributes(SyntaxNode classDef) {
        return selfCache.computeIfAbsent(classDef.startByte(), k -> {
            Map<String, List<Local>> out = new LinkedHashMap<>();
            for (QueryMatch m : SELF_ATTRIBUTES.matches(classDef)) {
                if (!"self".equals(m.text("object"))) {
                    continue;
                }
                SyntaxNode name = m.node("name");
                out.computeIfAbsent(name.text(), x -> new ArrayList<>())
                        .add(new Local(name.text(), m.node("assign"), m.node("value")));
            }
            return out;
        });
    }

    /** The assignments directly in a class body ({@code groups = [...]}), by name. */
    public static Map<String, SyntaxNode> classAttributes(SyntaxNode classDef) {
        Map<String, SyntaxNode> out = new LinkedHashMap<>();
        SyntaxNode body = classDef.field("body");
        if (body == null) {
            return out;
        }
        for (SyntaxNode s : body.namedChildren()) {
            if (s.is("expression_statement") && s.namedChildCount() > 0 && s.namedChild(0).is("assignment")) {
                SyntaxNode a = s.namedChild(0);
                SyntaxNode l = a.field("left");
                if (l != null && l.is("identifier")) {
                    out.put(l.text(), a);
                }
            }
        }
        return out;
    }

    /** The methods of a class by name (decorated ones included), in source order. */
    public static Map<String, SyntaxNode> methods(SyntaxNode classDef) {
        Map<String, SyntaxNode> out = new LinkedHashMap<>();
        SyntaxNode body = classDef.field("body");
        if (body == null) {
            return out;
        }
        for (SyntaxNode s : body.namedChildren()) {
            SyntaxNode d = PySyntax.definition(s);
            if (d != null && d.is("function_definition")) {
                SyntaxNode n = d.field("name");
                if (n != null) {
                    out.putIfAbsent(n.text(), d);
                }
            }
        }
        return out;
    }

    /** The base-class expressions of a class definition. */
    public static List<SyntaxNode> bases(SyntaxNode classDef) {
        List<SyntaxNode> out = new ArrayList<>();
        SyntaxNode sup = classDef.field("superclasses");
        if (sup != null) {
            for (SyntaxNode b : sup.namedChildren()) {
                if (!b.is("keyword_argument") && !b.is("comment")) {
                    out.add(b);
                }
            }
        }
        return out;
    }

    private void readBlock(SyntaxNode block, boolean conditional) {
        for (SyntaxNode s : block.namedChildren()) {
            switch (s.type()) {
                case "expression_statement" -> {
                    SyntaxNode a = s.namedChildCount() > 0 ? s.namedChild(0) : null;
                    if (a != null && a.is("assignment")) {
                        readAssignment(s, a, conditional);
                    }
                }
                case "function_definition" -> functions.putIfAbsent(name(s), s);
                case "class_definition" -> classes.putIfAbsent(name(s), s);
                case "decorated_definition" -> {
                    SyntaxNode d = s.field("definition");
                    if (d != null && d.is("function_definition")) {
                        functions.putIfAbsent(name(d), d);
                    } else if (d != null && d.is("class_definition")) {
                        classes.putIfAbsent(name(d), d);
                    }
                }
                case "if_statement", "try_statement", "with_statement" -> {
                    for (SyntaxNode c : s.namedChildren()) {
                        if (c.is("block")) {
                            readBlock(c, true);
                        } else if (c.is("elif_clause") || c.is("else_clause") || c.is("except_clause")
                                || c.is("finally_clause") || c.is("except_group_clause")) {
                            for (SyntaxNode cc : c.namedChildren()) {
                                if (cc.is("block")) {
                                    readBlock(cc, true);
                                }
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    private static String name(SyntaxNode def) {
        SyntaxNode n = def.field("name");
        return n == null ? "" : n.text();
    }

    private void readAssignment(SyntaxNode stmt, SyntaxNode a, boolean conditional) {
        List<String> names = new ArrayList<>();
        SyntaxNode cur = a;
        SyntaxNode right = null;
        while (cur != null && cur.is("assignment")) { // a = b = value binds both
            SyntaxNode l = cur.field("left");
            if (l != null && l.is("identifier")) {
                names.add(l.text());
            }
            right = cur.field("right");
            cur = right;
        }
        if (right == null) {
            return;
        }
        for (String n : names) {
            put(new Assignment(n, stmt, right, conditional));
        }
    }

    private void put(Assignment a) {
        assignments.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(a);
    }

    private void readImport(SyntaxNode stmt) {
        if (stmt.is("import_statement")) {
            for (SyntaxNode c : stmt.namedChildren()) {
                if (c.is("dotted_name")) {
                    String module = c.text().replaceAll("\\s+", "");
                    String first = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
                    imports.putIfAbsent(first, new Import(first, first, null, 0, stmt));
                    if (!first.equals(module)) {
                        imports.putIfAbsent(module, new Import(module, module, null, 0, stmt));
                    }
                } else if (c.is("aliased_import")) {
                    SyntaxNode n = c.field("name");
                    SyntaxNode alias = c.field("alias");
                    if (n != null && alias != null) {
                        imports.putIfAbsent(alias.text(), new Import(alias.text(),
                                n.text().replaceAll("\\s+", ""), null, 0, stmt));
                    }
                }
            }
            return;
        }
        SyntaxNode moduleNode = stmt.field("module_name");
        if (moduleNode == null) {
            return;
        }
        int level = 0;
        String module;
        if (moduleNode.is("relative_import")) {
            String t = moduleNode.text().replaceAll("\\s+", "");
            while (level < t.length() && t.charAt(level) == '.') {
                level++;
            }
            module = t.substring(level);
        } else {
            module = moduleNode.text().replaceAll("\\s+", "");
        }
        for (SyntaxNode c : stmt.namedChildren()) {
            if (c.equals(moduleNode)) {
                continue;
            }
            if (c.is("wildcard_import")) {
                stars.add(new StarImport(module, level, stmt));
            } else if (c.is("dotted_name")) {
                String n = c.text().replaceAll("\\s+", "");
                imports.putIfAbsent(n, new Import(n, module, n, level, stmt));
            } else if (c.is("aliased_import")) {
                SyntaxNode n = c.field("name");
                SyntaxNode alias = c.field("alias");
                if (n != null && alias != null) {
                    imports.putIfAbsent(alias.text(), new Import(alias.text(), module,
                            n.text().replaceAll("\\s+", ""), level, stmt));
                }
            }
        }
    }
}
