package io.wsmemory.detectors.monitoring;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Java string expressions read statically: literals, text blocks, {@code +}, and {@code static final} constants of
 * the same file or of a class named {@code Cls.NAME} whose file is in the repository.
 */
public final class JavaStrings {

    /** A string value and the places it was defined at. */
    public record Str(String value, List<Evidence> via) {
    }

    private final ParsedFile file;
    private final CompilationUnit cu;
    private final SourceSet sources;

    public JavaStrings(ParsedFile file, CompilationUnit cu, SourceSet sources) {
        this.file = file;
        this.cu = cu;
        this.sources = sources;
    }

    public Str string(Expression e) {
        return string(file, cu, e, 0);
    }

    private Str string(ParsedFile in, CompilationUnit unit, Expression e, int depth) {
        if (e == null || depth > 8) {
            return null;
        }
        if (e instanceof StringLiteralExpr s) {
            return new Str(s.asString(), List.of());
        }
        if (e instanceof TextBlockLiteralExpr t) {
            return new Str(t.asString(), List.of());
        }
        if (e instanceof EnclosedExpr en) {
            return string(in, unit, en.getInner(), depth + 1);
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            Str l = string(in, unit, b.getLeft(), depth + 1);
            Str r = string(in, unit, b.getRight(), depth + 1);
            if (l == null || r == null) {
                return null;
            }
            List<Evidence> via = new ArrayList<>(l.via());
            via.addAll(r.via());
            return new Str(l.value() + r.value(), via);
        }
        if (e instanceof NameExpr n) {
            return constant(in, unit, n.getNameAsString(), depth);
        }
        if (e instanceof FieldAccessExpr f && f.getScope() instanceof NameExpr owner) {
            String cls = owner.getNameAsString();
            if (unit.getTypes().stream().anyMatch(t -> t.getNameAsString().equals(cls))) {
                return constant(in, unit, f.getNameAsString(), depth);
            }
            for (SourceFile sf : sources.all()) {
                if (sf.fileName().equals(cls + ".java")) {
                    try {
                        ParsedFile pf = sources.parsed(sf);
                        Optional<CompilationUnit> other = pf.java();
                        if (other.isPresent()) {
                            Str s = constant(pf, other.get(), f.getNameAsString(), depth);
                            if (s != null) {
                                return s;
                            }
                        }
                    } catch (RuntimeException ex) {
                        // unreadable: unknown
                    }
                }
            }
        }
        return null;
    }

    private Str constant(ParsedFile in, CompilationUnit unit, String name, int depth) {
        for (FieldDeclaration fd : unit.findAll(FieldDeclaration.class)) {
            if (!fd.isFinal() && !isInterfaceField(fd)) {
                continue;
            }
            for (VariableDeclarator v : fd.getVariables()) {
                if (v.getNameAsString().equals(name) && v.getInitializer().isPresent()) {
                    Str s = string(in, unit, v.getInitializer().get(), depth + 1);
                    if (s == null) {
                        return null;
                    }
                    List<Evidence> via = new ArrayList<>();
                    via.add(in.evidence(line(v)));
                    via.addAll(s.via());
                    return new Str(s.value(), via);
                }
            }
        }
        return null;
    }

    private static boolean isInterfaceField(FieldDeclaration fd) {
        return fd.getParentNode().filter(p -> p instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c
                && c.isInterface()).isPresent();
    }

    public static int line(Node n) {
        return n.getBegin().map(p -> p.line).orElse(1);
    }
}
