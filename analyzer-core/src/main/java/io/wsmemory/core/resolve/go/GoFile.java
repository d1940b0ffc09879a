package io.wsmemory.core.resolve.go;

import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The package-level bindings of one Go file: its package, imports, constants (with their iota and the implicit
 * repetition of a const group), variables, functions, methods and types. Built once per file with one query and
 * shared through {@link ParsedFile#attachment}; calls are indexed by callee name on first request.
 */
public final class GoFile {

    private static final Query INDEX = Query.load(GoFile.class, "index.scm");
    private static final Query CALLS = Query.load(GoFile.class, "calls.scm");
    private static final Query FIELDS = Query.load(GoFile.class, "fields.scm");

    /** Where the file sets a field: a keyed element, an assignment, or an address handed to a call. */
    public record FieldSite(String field, String how, SyntaxNode node) {
    }

    /** An import: the name it is used under in this file, and its path. */
    public record Import(String alias, String path, SyntaxNode node) {
    }

    /**
     * A package-level constant or variable. {@code value} is its expression (for a constant without one, the
     * repeated expression of the group), {@code iota} its index in the const group, {@code type} its declared type.
     */
    public record Binding(String name, boolean constant, SyntaxNode nameNode, SyntaxNode value, SyntaxNode type,
                          int iota, String path) {
    }

    /** A function or method declaration; {@code receiver} is the receiver's type name, or null for a function. */
    public record Func(String name, String receiver, SyntaxNode node, String path) {
        public SyntaxNode body() {
            return node.field("body");
        }

        public SyntaxNode parameters() {
            return node.field("parameters");
        }
    }

    private final ParsedFile file;
    private String packageName = "";
    private final Map<String, Import> imports = new LinkedHashMap<>();
    private final Map<String, Binding> bindings = new HashMap<>();
    private final Map<String, Func> functions = new HashMap<>();
    private final Map<String, List<Func>> methods = new HashMap<>();
    private final Map<String, SyntaxNode> types = new HashMap<>();
    private Map<String, List<SyntaxNode>> calls;
    private Map<String, List<FieldSite>> fieldSites;

    private GoFile(ParsedFile file) {
        this.file = file;
        SyntaxTree tree = file.tree();
        if (tree == null) {
            return;
        }
        for (QueryMatch m : INDEX.matches(tree.root())) {
            if (m.has("package")) {
                packageName = m.text("package");
            } else if (m.has("import")) {
                readImport(m.node("import"), m.node("import.path"));
            } else if (m.has("const")) {
                readConsts(m.node("const"));
            } else if (m.has("var")) {
                readVars(m.node("var"));
            } else if (m.has("fn")) {
                functions.putIfAbsent(m.text("fn.name"), new Func(m.text("fn.name"), null, m.node("fn"), path()));
            } else if (m.has("method")) {
                SyntaxNode decl = m.node("method");
                String name = m.text("method.name");
                methods.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(new Func(name, receiverType(decl), decl, path()));
            } else if (m.has("type")) {
                types.putIfAbsent(m.text("type.name"), m.node("type"));
            }
        }
    }

    public static GoFile of(ParsedFile file) {
        return file.attachment(GoFile.class, GoFile::new);
    }

    public ParsedFile parsed() {
        return file;
    }

    public String path() {
        return file.path();
    }

    public String packageName() {
        return packageName;
    }

    public boolean isTest() {
        return file.path().endsWith("_test.go");
    }

    public Map<String, Import> imports() {
        return imports;
    }

    public Import importOf(String alias) {
        return imports.get(alias);
    }

    /** The name this file uses for an import path ({@code websocket}, an alias), or null when not imported. */
    public String aliasOf(String importPath) {
        for (Import i : imports.values()) {
            if (i.path().equals(importPath)) {
                return i.alias();
            }
        }
        return null;
    }

    /** True when the file imports a path that equals or starts with one of {@code prefixes}. */
    public Import importMatching(String... prefixes) {
        for (Import i : imports.values()) {
            for (String p : prefixes) {
                if (i.path().equals(p) || i.path().startsWith(p + "/")) {
                    return i;
                }
            }
        }
        return null;
    }

    public Binding binding(String name) {
        return bindings.get(name);
    }

    public Map<String, Binding> bindings() {
        return Collections.unmodifiableMap(bindings);
    }

    public Func function(String name) {
        return functions.get(name);
    }

    public Map<String, Func> functions() {
        return Collections.unmodifiableMap(functions);
    }

    public List<Func> methods(String name) {
        return methods.getOrDefault(name, List.of());
    }

    public Map<String, List<Func>> methods() {
        return Collections.unmodifiableMap(methods);
    }

    /** A {@code type_spec} or {@code type_alias} of this file. */
    public SyntaxNode type(String name) {
        return types.get(name);
    }

    public Map<String, SyntaxNode> types() {
        return Collections.unmodifiableMap(types);
    }

    /** The calls of this file whose callee is named {@code name} ({@code name(...)} or {@code x.name(...)}). */
    public synchronized List<SyntaxNode> calls(String name) {
        if (calls == null && !mentions(name)) {
            return List.of();
        }
        if (calls == null) {
            calls = new HashMap<>();
            SyntaxTree tree = file.tree();
            if (tree != null) {
                for (QueryMatch m : CALLS.matches(tree.root())) {
                    calls.computeIfAbsent(m.text("callee"), k -> new ArrayList<>()).add(m.node("call"));
                }
            }
        }
        return calls.getOrDefault(name, List.of());
    }

    /** The places this file sets a field named {@code name} (keyed element, {@code x.name = ...}, {@code &x.name}). */
    public synchronized List<FieldSite> fieldSites(String name) {
        if (fieldSites == null && !mentions(name)) {
            return List.of();
        }
        if (fieldSites == null) {
            fieldSites = new HashMap<>();
            SyntaxTree tree = file.tree();
            if (tree != null) {
                for (QueryMatch m : FIELDS.matches(tree.root())) {
                    String how = m.has("kv") ? "kv" : m.has("assign") ? "assign" : "ref";
                    String key = m.text("key");
                    fieldSites.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new FieldSite(key, how, m.node(how)));
                }
            }
        }
        return fieldSites.getOrDefault(name, List.of());
    }

    /** A byte-level check before a whole-file query: does the file's text contain {@code text} at all. */
    public boolean mentions(String text) {
        try {
            return file.file().contains(text);
        } catch (RuntimeException e) {
            return true;
        }
    }

    private void readImport(SyntaxNode spec, SyntaxNode pathNode) {
        String p = GoSyntax.stringValue(pathNode);
        if (p == null) {
            return;
        }
        SyntaxNode name = spec.field("name");
        String alias = name == null ? defaultAlias(p) : name.text();
        if (alias.equals("_") || alias.equals(".")) {
            return;
        }
        imports.putIfAbsent(alias, new Import(alias, p, spec));
    }

    /**
     * The package name an import path is used under when the file gives none: its last element, without a major
     * version element ({@code /v9}), a {@code .vN} suffix (gopkg.in) or a {@code go-} / {@code .go} / {@code -go}
     * decoration ({@code github.com/redis/go-redis/v9} → {@code redis}, {@code github.com/nats-io/nats.go} →
     * {@code nats}).
     */
    public static String defaultAlias(String importPath) {
        String[] parts = importPath.split("/");
        String last = parts[parts.length - 1];
        if (last.matches("v\\d+") && parts.length > 1) {
            last = parts[parts.length - 2];
        }
        last = last.replaceFirst("\\.v\\d+$", "");
        if (last.startsWith("go-") && last.length() > 3) {
            last = last.substring(3);
        }
        if (last.endsWith(".go") || last.endsWith("-go")) {
            last = last.substring(0, last.length() - 3);
        }
        return last.replace('-', '_').replace('.', '_');
    }

    private void readConsts(SyntaxNode decl) {
        int iota = 0;
        SyntaxNode prevValue = null;
        SyntaxNode prevType = null;
        for (SyntaxNode spec : decl.namedChildren()) {
            if (!spec.is("const_spec")) {
                continue;
            }
            SyntaxNode value = spec.field("value");
            SyntaxNode type = spec.field("type");
            if (value == null) {
                value = prevValue;
                type = type == null ? prevType : type;
            } else {
                prevValue = value;
                prevType = type;
            }
            List<SyntaxNode> exprs = value == null ? List.of() : value.namedChildren();
            List<SyntaxNode> names = GoSyntax.leadingIdentifiers(spec);
            for (int i = 0; i < names.size(); i++) {
                SyntaxNode n = names.get(i);
                SyntaxNode e = i < exprs.size() ? exprs.get(i) : null;
                bindings.putIfAbsent(n.text(), new Binding(n.text(), true, n, e, type, iota, path()));
            }
            iota++;
        }
    }

    private void readVars(SyntaxNode decl) {
        List<SyntaxNode> specs = new ArrayList<>();
        for (SyntaxNode c : decl.namedChildren()) {
            if (c.is("var_spec")) {
                specs.add(c);
            } else if (c.is("var_spec_list")) {
                for (SyntaxNode s : c.namedChildren()) {
                    if (s.is("var_spec")) {
                        specs.add(s);
                    }
                }
            }
        }
        for (SyntaxNode spec : specs) {
            SyntaxNode value = spec.field("value");
            SyntaxNode type = spec.field("type");
            List<SyntaxNode> exprs = value == null ? List.of() : value.namedChildren();
            List<SyntaxNode> names = GoSyntax.leadingIdentifiers(spec);
            for (int i = 0; i < names.size(); i++) {
                SyntaxNode n = names.get(i);
                SyntaxNode e = exprs.size() == names.size() ? exprs.get(i) : null;
                bindings.putIfAbsent(n.text(), new Binding(n.text(), false, n, e, type, 0, path()));
            }
        }
    }

    /** The type name of a method's receiver: {@code Hub} for {@code (h *Hub)} or {@code (h Hub[T])}. */
    static String receiverType(SyntaxNode method) {
        SyntaxNode recv = method.field("receiver");
        if (recv == null) {
            return null;
        }
        for (SyntaxNode p : recv.namedChildren()) {
            if (p.is("parameter_declaration")) {
                return GoSyntax.typeName(p.field("type"));
            }
        }
        return null;
    }
}
