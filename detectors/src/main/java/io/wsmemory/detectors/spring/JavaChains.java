package io.wsmemory.detectors.spring;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fluent configuration in Java: the calls made on what a call (or a {@code new}) returns, whether chained
 * ({@code registry.addEndpoint("/ws").setAllowedOrigins("*").withSockJS()}) or through a local variable
 * ({@code var reg = registry.addEndpoint("/ws"); reg.withSockJS();}).
 */
public final class JavaChains {

    private JavaChains() {
    }

    /** The calls on the result of {@code start}, in source order. */
    public static List<MethodCallExpr> after(Expression start) {
        List<MethodCallExpr> out = new ArrayList<>();
        collect(start, out, 0);
        return out;
    }

    private static void collect(Expression start, List<MethodCallExpr> out, int depth) {
        Expression cur = start;
        while (cur.getParentNode().orElse(null) instanceof MethodCallExpr p && p.getScope().isPresent()
                && p.getScope().get() == cur) {
            out.add(p);
            cur = p;
        }
        if (depth > 2) {
            return;
        }
        Optional<String> var = variableHolding(cur);
        if (var.isEmpty()) {
            return;
        }
        Expression top = cur;
        Node scope = top.findAncestor(CallableDeclaration.class).map(c -> (Node) c)
                .or(() -> top.findAncestor(LambdaExpr.class).map(c -> (Node) c)).orElse(null);
        if (scope == null) {
            return;
        }
        for (MethodCallExpr m : scope.findAll(MethodCallExpr.class)) {
            if (m.getScope().isPresent() && m.getScope().get() instanceof NameExpr ne
                    && ne.getNameAsString().equals(var.get()) && !out.contains(m)) {
                out.add(m);
                collect(m, out, depth + 1);
            }
        }
    }

    /** The local variable an expression is stored in ({@code T x = expr;} or {@code x = expr;}). */
    public static Optional<String> variableHolding(Expression e) {
        Node p = e.getParentNode().orElse(null);
        while (p instanceof com.github.javaparser.ast.expr.CastExpr || p instanceof com.github.javaparser.ast.expr.EnclosedExpr) {
            p = p.getParentNode().orElse(null);
        }
        if (p instanceof VariableDeclarator v) {
            return Optional.of(v.getNameAsString());
        }
        if (p instanceof AssignExpr a && a.getTarget() instanceof NameExpr ne) {
            return Optional.of(ne.getNameAsString());
        }
        if (p instanceof AssignExpr a && a.getTarget() instanceof com.github.javaparser.ast.expr.FieldAccessExpr fa) {
            return Optional.of(fa.getNameAsString());
        }
        return Optional.empty();
    }

    /** Every call named {@code name} on the result of {@code new type(...)} in the node (bean factory methods). */
    public static List<MethodCallExpr> onNew(Node within, String type) {
        List<MethodCallExpr> out = new ArrayList<>();
        for (ObjectCreationExpr o : within.findAll(ObjectCreationExpr.class)) {
            if (o.getType().getNameAsString().equals(type)) {
                out.addAll(after(o));
            }
        }
        return out;
    }
}
