package io.wsmemory.detectors.monitoring;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.SyntaxNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a Python module's top level says: imported names, module aliases and string constants. */
public final class PySource {

    /** A string value and the places it was defined at. */
    public record Str(String value, List<Evidence> via) {
    }

    private final ParsedFile file;
    /** local name → module.member ({@code Counter} → {@code prometheus_client.Counter}). */
    private final Map<String, String> names = new HashMap<>();
    /** local name → module ({@code pc} → {@code prometheus_client}). */
    private final Map<String, String> modules = new HashMap<>();
    private final Map<String, SyntaxNode> constants = new HashMap<>();

    public PySource(ParsedFile file) {
        this.file = file;
        if (file.tree() == null) {
            return;
        }
        for (SyntaxNode stmt : file.tree().root().namedChildren()) {
            topLevel(stmt);
        }
    }

    private void topLevel(SyntaxNode stmt) {
        switch (stmt.type()) {
            case "import_from_statement" -> {
                SyntaxNode module = stmt.field("module_name");
                if (module == null) {
                    return;
                }
                for (SyntaxNode c : stmt.namedChildren()) {
                    if (c.equals(module)) {
                        continue;
                    }
                    if (c.is("dotted_name")) {
                        names.put(c.text(), module.text() + "." + c.text());
                    } else if (c.is("aliased_import")) {
                        SyntaxNode n = c.field("name");
                        SyntaxNode a = c.field("alias");
                        if (n != null && a != null) {
                            names.put(a.text(), module.text() + "." + n.text());
                        }
                    }
                }
            }
            case "import_statement" -> {
                for (SyntaxNode c : stmt.namedChildren()) {
                    if (c.is("dotted_name")) {
                        modules.put(c.text(), c.text());
                    } else if (c.is("aliased_import")) {
                        SyntaxNode n = c.field("name");
                        SyntaxNode a = c.field("alias");
                        if (n != null && a != null) {
                            modules.put(a.text(), n.text());
                        }
                    }
                }
            }
            case "expression_statement" -> {
                SyntaxNode a = stmt.namedChild(0);
                if (a != null && a.is("assignment")) {
                    SyntaxNode left = a.field("left");
                    SyntaxNode right = a.field("right");
                    if (left != null && right != null && left.is("identifier")) {
                        constants.putIfAbsent(left.text(), right);
                    }
                }
            }
            case "if_statement", "try_statement", "decorated_definition" -> {
            }
            default -> {
            }
        }
    }

    /** The expression a module-level name is assigned, or null. */
    public SyntaxNode assigned(String name) {
        return constants.get(name);
    }

    /**
     * What a callee stands for, as {@code module.member}: {@code Counter} imported from prometheus_client, or
     * {@code pc.Counter} with {@code pc} the module; null for anything else.
     */
    public String qualified(SyntaxNode fn) {
        if (fn.is("identifier")) {
            return names.get(fn.text());
        }
        if (fn.is("attribute")) {
            SyntaxNode obj = fn.field("object");
            SyntaxNode attr = fn.field("attribute");
            if (obj == null || attr == null) {
                return null;
            }
            String module = modules.get(obj.text());
            if (module == null && obj.is("attribute")) {
                module = modules.containsKey(obj.text()) ? modules.get(obj.text()) : null;
            }
            if (module == null) {
                String dotted = obj.text();
                String head = dotted.contains(".") ? dotted.substring(0, dotted.indexOf('.')) : dotted;
                if (modules.containsKey(head) && modules.get(head).equals(head)) {
                    module = dotted; // import a.b; a.b.C
                }
            }
            return module == null ? null : module + "." + attr.text();
        }
        return null;
    }

    /** A string expression: literals (no f-string holes), implicit concatenation, {@code +}, module constants. */
    public Str string(SyntaxNode expr) {
        return string(expr, 0);
    }

    private Str string(SyntaxNode expr, int depth) {
        if (expr == null || depth > 8) {
            return null;
        }
        switch (expr.type()) {
            case "string" -> {
                String s = literal(expr);
                return s == null ? null : new Str(s, List.of());
            }
            case "concatenated_string" -> {
                StringBuilder b = new StringBuilder();
                for (SyntaxNode c : expr.namedChildren()) {
                    String s = literal(c);
                    if (s == null) {
                        return null;
                    }
                    b.append(s);
                }
                return new Str(b.toString(), List.of());
            }
            case "parenthesized_expression" -> {
                return string(expr.namedChild(0), depth + 1);
            }
            case "binary_operator" -> {
                SyntaxNode op = expr.field("operator");
                if (op == null || !op.text().equals("+")) {
                    return null;
                }
                Str l = string(expr.field("left"), depth + 1);
                Str r = string(expr.field("right"), depth + 1);
                if (l == null || r == null) {
                    return null;
                }
                List<Evidence> via = new ArrayList<>(l.via());
                via.addAll(r.via());
                return new Str(l.value() + r.value(), via);
            }
            case "identifier" -> {
                SyntaxNode def = constants.get(expr.text());
                Str s = def == null ? null : string(def, depth + 1);
                if (s == null) {
                    return null;
                }
                List<Evidence> via = new ArrayList<>();
                via.add(file.evidence(def));
                via.addAll(s.via());
                return new Str(s.value(), via);
            }
            default -> {
                return null;
            }
        }
    }

    /** The value of a plain string literal; null for f-strings with holes and bytes. */
    public static String literal(SyntaxNode n) {
        if (n == null || !n.is("string")) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        boolean raw = false;
        for (SyntaxNode c : n.children()) {
            switch (c.type()) {
                case "string_start" -> {
                    String prefix = c.text().replaceAll("[\"']", "").toLowerCase(java.util.Locale.ROOT);
                    if (prefix.contains("b")) {
                        return null;
                    }
                    raw = prefix.contains("r");
                }
                case "string_content" -> b.append(c.text());
                case "escape_sequence" -> b.append(c.text());
                case "interpolation" -> {
                    return null;
                }
                default -> {
                }
            }
        }
        return raw ? b.toString() : Strings.unescape(b.toString());
    }
}
