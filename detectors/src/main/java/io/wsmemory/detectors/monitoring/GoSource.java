package io.wsmemory.detectors.monitoring;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.Language;
import io.wsmemory.core.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Go file's top level says: its imports by local name, and its string constants (also those of the other
 * files of its package folder, read when a name is not found in the file itself).
 */
public final class GoSource {

    /** A string value and the places it was defined at. */
    public record Str(String value, List<Evidence> via) {
    }

    private final ParsedFile file;
    private final SourceSet sources;
    private final Map<String, String> imports = new HashMap<>();
    private final Map<String, Definition> constants = new HashMap<>();
    private Map<String, Definition> packageConstants;

    private record Definition(ParsedFile file, SyntaxNode value) {
    }

    public GoSource(ParsedFile file, SourceSet sources) {
        this.file = file;
        this.sources = sources;
        SyntaxTree tree = file.tree();
        if (tree != null) {
            readTopLevel(file, tree.root(), imports, constants);
        }
    }

    /** The import path behind a package name used in the file, or null. */
    public String importPath(String local) {
        return imports.get(local);
    }

    private static void readTopLevel(ParsedFile f, SyntaxNode root, Map<String, String> imports,
                                     Map<String, Definition> constants) {
        for (SyntaxNode decl : root.namedChildren()) {
            switch (decl.type()) {
                case "import_declaration" -> decl.walk(n -> !n.is("import_spec"), n -> {
                    if (n.is("import_spec")) {
                        SyntaxNode path = n.field("path");
                        SyntaxNode name = n.field("name");
                        String p = path == null ? null : literal(path);
                        if (p != null) {
                            String local = name != null ? name.text() : p.substring(p.lastIndexOf('/') + 1);
                            if (local.matches("v\\d+") && p.contains("/")) { // gopkg.in/x.v2, module/v2
                                String head = p.substring(0, p.lastIndexOf('/'));
                                local = head.substring(head.lastIndexOf('/') + 1);
                            }
                            imports.put(local, p);
                        }
                    }
                });
                case "const_declaration", "var_declaration" -> decl.walk(
                        n -> n.is("const_declaration") || n.is("var_declaration") || n.is("var_spec_list"),
                        n -> {
                            if (n.is("const_spec") || n.is("var_spec")) {
                                spec(f, n, constants);
                            }
                        });
                default -> {
                }
            }
        }
    }

    private static void spec(ParsedFile f, SyntaxNode spec, Map<String, Definition> constants) {
        List<SyntaxNode> names = new ArrayList<>();
        SyntaxNode values = null;
        for (SyntaxNode c : spec.namedChildren()) {
            if (c.is("identifier")) {
                names.add(c);
            } else if (c.is("expression_list")) {
                values = c;
            }
        }
        if (values == null) {
            return;
        }
        List<SyntaxNode> vs = values.namedChildren();
        for (int i = 0; i < names.size() && i < vs.size(); i++) {
            constants.putIfAbsent(names.get(i).text(), new Definition(f, vs.get(i)));
        }
    }

    /** The string an expression evaluates to: literals, {@code +}, constants; null when unknown. */
    public Str string(SyntaxNode expr) {
        return string(file, expr, 0);
    }

    private Str string(ParsedFile in, SyntaxNode expr, int depth) {
        if (expr == null || depth > 8) {
            return null;
        }
        if (expr.is("literal_element") || expr.is("parenthesized_expression")) {
            return string(in, expr.namedChild(0), depth + 1);
        }
        String lit = literal(expr);
        if (lit != null) {
            return new Str(lit, List.of());
        }
        if (expr.is("binary_expression")) {
            SyntaxNode op = expr.field("operator");
            if (op == null || !op.text().equals("+")) {
                return null;
            }
            Str l = string(in, expr.field("left"), depth + 1);
            Str r = string(in, expr.field("right"), depth + 1);
            if (l == null || r == null) {
                return null;
            }
            List<Evidence> via = new ArrayList<>(l.via());
            via.addAll(r.via());
            return new Str(l.value() + r.value(), via);
        }
        if (expr.is("identifier")) {
            Definition d = constants.get(expr.text());
            if (d == null && in == file) {
                d = packageConstants().get(expr.text());
            }
            if (d == null) {
                return null;
            }
            Str s = d.file() == file ? string(file, d.value(), depth + 1) : new GoSource(d.file(), sources)
                    .string(d.file(), d.value(), depth + 1);
            if (s == null) {
                return null;
            }
            List<Evidence> via = new ArrayList<>(s.via());
            via.add(0, d.file().evidence(d.value()));
            return new Str(s.value(), via);
        }
        return null;
    }

    /** Constants of the other Go files in the same folder (one package), read once on demand. */
    private Map<String, Definition> packageConstants() {
        if (packageConstants == null) {
            packageConstants = new HashMap<>();
            String dir = file.file().directory();
            for (SourceFile f : sources.all()) {
                if (f.language() != Language.GO || f.path().equals(file.path()) || !f.directory().equals(dir)
                        || f.path().endsWith("_test.go")) {
                    continue;
                }
                try {
                    ParsedFile pf = sources.parsed(f);
                    SyntaxTree t = pf.tree();
                    if (t != null) {
                        readTopLevel(pf, t.root(), new HashMap<>(), packageConstants);
                    }
                } catch (RuntimeException e) {
                    // an unreadable sibling says nothing
                }
            }
        }
        return packageConstants;
    }

    /** The content of a Go string literal (interpreted or raw), else null. */
    public static String literal(SyntaxNode n) {
        if (n == null) {
            return null;
        }
        String t = n.text();
        if (n.is("interpreted_string_literal") && t.length() >= 2) {
            return Strings.unescape(t.substring(1, t.length() - 1));
        }
        if (n.is("raw_string_literal") && t.length() >= 2) {
            return t.substring(1, t.length() - 1);
        }
        return null;
    }
}
