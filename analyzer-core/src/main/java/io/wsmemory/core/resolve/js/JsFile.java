package io.wsmemory.core.resolve.js;

import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bindings of one JavaScript or TypeScript file: what it imports (ES modules and {@code require}), what it
 * declares, and what it exports (ES and CommonJS). Built once per file with one query and shared by detectors
 * through {@link ParsedFile#attachment}.
 */
public final class JsFile {

    private static final Query INDEX = Query.load(JsFile.class, "index.scm");
    private static final Query TYPES = Query.load(JsFile.class, "types.scm");

    /** A name bound by an import: {@code imported} is a name, {@code "default"} or {@code "*"} (the module). */
    public record Import(String local, String source, String imported, SyntaxNode node) {
    }

    /**
     * A declared name. {@code value} is the initialiser; {@code property} is set when the name comes out of an
     * object pattern ({@code const { a: b } = value} binds b to property a of value).
     */
    public record Declaration(String name, SyntaxNode declarator, SyntaxNode value, String property) {
    }

    /** An exported name: a local binding, an expression, or a re-export from another module. */
    public record Export(String name, String local, SyntaxNode value, String fromSource, String fromName) {
    }

    private final ParsedFile file;
    private final Map<String, Import> imports = new LinkedHashMap<>();
    private final Map<String, List<Declaration>> declarations = new HashMap<>();
    private final Map<String, SyntaxNode> functions = new HashMap<>();
    private final Map<String, Export> exports = new LinkedHashMap<>();
    private final java.util.Set<String> sources = new java.util.HashSet<>();
    private final Map<String, SyntaxNode> requires = new LinkedHashMap<>();
    private final Map<String, SyntaxNode> types = new LinkedHashMap<>();
    private final Map<String, SyntaxNode> enums = new HashMap<>();
    // Finding a scope climbs parents through JNI; a test file declaring `ws` in 500 blocks asks for each of them
    // once per use, so the answer is kept per declaration.
    private final Map<Declaration, Optional<SyntaxNode>> scopes = new IdentityHashMap<>();
    private SyntaxNode moduleExports;

    private JsFile(ParsedFile file) {
        this.file = file;
        SyntaxTree tree = file.tree();
        if (tree == null) {
            return;
        }
        for (QueryMatch m : INDEX.matches(tree.root())) {
            if (m.has("import")) {
                readImport(m.node("import"));
            } else if (m.has("decl")) {
                readDeclarator(m.node("decl"));
            } else if (m.has("fn")) {
                functions.putIfAbsent(m.text("fn.name"), m.node("fn"));
            } else if (m.has("export")) {
                readExport(m.node("export"));
            } else if (m.has("require")) {
                String src = JsSyntax.stringValue(m.node("require.source"));
                if (src != null) {
                    sources.add(src);
                    requires.putIfAbsent(src, m.node("require"));
                }
            } else if (m.has("assign")) {
                readAssignment(m.node("assign.left"), m.node("assign.right"));
            }
        }
        if (tree.language() != io.wsmemory.core.source.Language.JAVASCRIPT) {
            for (QueryMatch m : TYPES.matches(tree.root())) {
                if (m.has("type")) {
                    types.putIfAbsent(m.text("type.name"), m.node("type"));
                } else if (m.has("enum")) {
                    enums.putIfAbsent(m.text("enum.name"), m.node("enum"));
                }
            }
        }
    }

    /** The first {@code require("source")} call of each module the file requires, bound to a name or not. */
    public Map<String, SyntaxNode> requires() {
        return requires;
    }

    /** Every TypeScript type alias and interface declared in this file, by name. */
    public Map<String, SyntaxNode> typeDeclarations() {
        return java.util.Collections.unmodifiableMap(types);
    }

    /** A TypeScript type alias or interface declared in this file. */
    public SyntaxNode typeDeclaration(String name) {
        return types.get(name);
    }

    /** A TypeScript enum declared in this file. */
    public SyntaxNode enumDeclaration(String name) {
        return enums.get(name);
    }

    public static JsFile of(ParsedFile file) {
        return file.attachment(JsFile.class, JsFile::new);
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

    /**
     * True when the file imports or requires {@code source} (exactly, or a subpath {@code source/...}), type-only
     * imports included.
     */
    public boolean importsModule(String source) {
        for (String s : sources) {
            if (s.equals(source) || s.startsWith(source + "/")) {
                return true;
            }
        }
        for (Import i : imports.values()) {
            if (i.source().equals(source) || i.source().startsWith(source + "/")) {
                return true;
            }
        }
        return false;
    }

    public List<Declaration> declarations(String name) {
        return declarations.getOrDefault(name, List.of());
    }

    /** The scope {@code d} is declared in, computed once by {@code finder}. */
    public synchronized SyntaxNode scopeOf(Declaration d, Function<SyntaxNode, SyntaxNode> finder) {
        return scopes.computeIfAbsent(d, decl -> Optional.ofNullable(finder.apply(decl.declarator()))).orElse(null);
    }

    public SyntaxNode function(String name) {
        return functions.get(name);
    }

    public Map<String, Export> exports() {
        return exports;
    }

    /** The right-hand side of {@code module.exports = ...}, or null. */
    public SyntaxNode moduleExports() {
        return moduleExports;
    }

    private void readImport(SyntaxNode stmt) {
        SyntaxNode src = stmt.field("source");
        if (src == null) {
            return;
        }
        String source = JsSyntax.stringValue(src);
        if (source == null) {
            return;
        }
        sources.add(source); // type-only imports bind types: kept, so typed parameters can be read
        for (SyntaxNode c : stmt.namedChildren()) {
            if (!c.is("import_clause")) {
                continue;
            }
            for (SyntaxNode part : c.namedChildren()) {
                switch (part.type()) {
                    case "identifier" -> {
                        put(new Import(part.text(), source, "default", stmt));
                    }
                    case "namespace_import" -> {
                        SyntaxNode id = part.namedChild(0);
                        if (id != null) {
                            put(new Import(id.text(), source, "*", stmt));
                        }
                    }
                    case "named_imports" -> {
                        for (SyntaxNode spec : part.namedChildren()) {
                            if (!spec.is("import_specifier")) {
                                continue;
                            }
                            SyntaxNode name = spec.field("name");
                            SyntaxNode alias = spec.field("alias");
                            if (name != null) {
                                String imported = JsSyntax.nameText(name);
                                put(new Import(alias != null ? alias.text() : imported, source, imported, stmt));
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }

    private void put(Import i) {
        imports.putIfAbsent(i.local(), i);
    }

    private void readDeclarator(SyntaxNode decl) {
        SyntaxNode name = decl.field("name");
        SyntaxNode value = decl.field("value");
        if (name == null) {
            return;
        }
        String required = value == null ? null : JsSyntax.requiredModule(value);
        if (name.is("identifier")) {
            if (required != null) {
                put(new Import(name.text(), required, "*", decl));
            }
            declarations.computeIfAbsent(name.text(), k -> new ArrayList<>())
                    .add(new Declaration(name.text(), decl, value, null));
        } else if (name.is("object_pattern")) {
            for (SyntaxNode p : name.namedChildren()) {
                String local = null;
                String prop = null;
                if (p.is("shorthand_property_identifier_pattern")) {
                    local = p.text();
                    prop = local;
                } else if (p.is("pair_pattern")) {
                    SyntaxNode k = p.field("key");
                    SyntaxNode v = p.field("value");
                    if (k != null && v != null && v.is("identifier")) {
                        local = v.text();
                        prop = JsSyntax.nameText(k);
                    }
                } else if (p.is("object_assignment_pattern")) {
                    SyntaxNode left = p.field("left");
                    if (left != null && left.is("shorthand_property_identifier_pattern")) {
                        local = left.text();
                        prop = local;
                    }
                }
                if (local == null) {
                    continue;
                }
                if (required != null) {
                    put(new Import(local, required, prop, decl));
                }
                declarations.computeIfAbsent(local, k -> new ArrayList<>())
                        .add(new Declaration(local, decl, value, prop));
            }
        }
    }

    private void readExport(SyntaxNode stmt) {
        SyntaxNode source = stmt.field("source");
        String from = source == null ? null : JsSyntax.stringValue(source);
        SyntaxNode declaration = stmt.field("declaration");
        if (declaration != null) {
            if (declaration.is("lexical_declaration") || declaration.is("variable_declaration")) {
                for (SyntaxNode d : declaration.namedChildren()) {
                    SyntaxNode n = d.is("variable_declarator") ? d.field("name") : null;
                    if (n != null && n.is("identifier")) {
                        exports.put(n.text(), new Export(n.text(), n.text(), null, null, null));
                    }
                }
            } else {
                SyntaxNode n = declaration.field("name");
                if (n != null) {
                    exports.put(n.text(), new Export(n.text(), n.text(), null, null, null));
                }
            }
            return;
        }
        SyntaxNode value = stmt.field("value");
        if (value != null) {
            exports.put("default", new Export("default", null, value, null, null));
            return;
        }
        for (SyntaxNode c : stmt.namedChildren()) {
            if (c.is("export_clause")) {
                for (SyntaxNode spec : c.namedChildren()) {
                    SyntaxNode n = spec.field("name");
                    SyntaxNode a = spec.field("alias");
                    if (n == null) {
                        continue;
                    }
                    String local = JsSyntax.nameText(n);
                    String exported = a != null ? JsSyntax.nameText(a) : local;
                    exports.put(exported, from == null ? new Export(exported, local, null, null, null)
                            : new Export(exported, null, null, from, local));
                }
            } else if (c.is("identifier") && stmt.text().startsWith("export default")) {
                exports.put("default", new Export("default", c.text(), null, null, null));
            }
        }
    }

    private void readAssignment(SyntaxNode left, SyntaxNode right) {
        String target = left.text().replaceAll("\\s+", "");
        if (target.equals("module.exports")) {
            moduleExports = right;
            exports.put("default", new Export("default", null, right, null, null));
        } else if (target.startsWith("module.exports.") || target.startsWith("exports.")) {
            String name = target.substring(target.lastIndexOf('.') + 1);
            exports.put(name, new Export(name, null, right, null, null));
        }
    }
}
