package io.wsmemory.detectors.monitoring.health;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.detectors.monitoring.JavaStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Health endpoints in Java web code: Spring MVC/WebFlux ({@code @GetMapping("/health")}, {@code @RequestMapping}
 * with a GET or no method, under a class-level {@code @RequestMapping} prefix; functional {@code GET("/health")}
 * routes), JAX-RS ({@code @GET @Path("/health")} under a class {@code @Path}), Micronaut ({@code @Get("/health")}
 * under {@code @Controller("/api")}).
 */
final class JavaHealth {

    private JavaHealth() {
    }

    static void read(ParsedFile file, SourceSet sources, List<HealthRoute> out) {
        Optional<CompilationUnit> parsed = file.java();
        if (parsed.isEmpty()) {
            return;
        }
        CompilationUnit cu = parsed.get();
        JavaStrings strings = new JavaStrings(file, cu, sources);
        boolean spring = imports(cu, "org.springframework");
        boolean jaxrs = imports(cu, "javax.ws.rs") || imports(cu, "jakarta.ws.rs");
        boolean micronaut = imports(cu, "io.micronaut");
        for (MethodDeclaration md : cu.findAll(MethodDeclaration.class)) {
            List<String> paths = null;
            Node at = null;
            String framework = null;
            for (AnnotationExpr a : md.getAnnotations()) {
                String n = a.getNameAsString();
                if (spring && (n.equals("GetMapping") || n.equals("RequestMapping") && getOrAny(a))) {
                    paths = paths(strings, a, "value", "path");
                    at = a;
                    framework = "spring";
                } else if (jaxrs && n.equals("Path") && md.getAnnotationByName("GET").isPresent()) {
                    paths = paths(strings, a, "value");
                    at = a;
                    framework = "jax-rs";
                } else if (micronaut && (n.equals("Get") || n.equals("Head"))) {
                    paths = paths(strings, a, "value", "uri");
                    at = a;
                    framework = "micronaut";
                }
            }
            if (paths == null) {
                continue;
            }
            List<String> prefixes = classPrefixes(strings, md, spring, jaxrs, micronaut);
            if (prefixes == null) {
                continue;
            }
            for (String prefix : prefixes) {
                for (String p : paths) {
                    String norm = HealthPaths.normalise(prefix + "/" + p);
                    if (norm != null && HealthPaths.isHealth(norm)) {
                        out.add(HealthRoute.of(norm, framework, "GET", file.evidence(JavaStrings.line(at))));
                    }
                }
            }
        }
        if (imports(cu, "org.springframework.web.reactive.function.server")
                || imports(cu, "org.springframework.web.servlet.function")) {
            for (MethodCallExpr call : cu.findAll(MethodCallExpr.class)) {
                if ((call.getNameAsString().equals("GET") || call.getNameAsString().equals("HEAD"))
                        && call.getArguments().size() >= 1) {
                    JavaStrings.Str s = strings.string(call.getArgument(0));
                    String norm = s == null ? null : HealthPaths.normalise(s.value());
                    if (norm != null && s.value().startsWith("/") && HealthPaths.isHealth(norm)) {
                        out.add(HealthRoute.of(norm, "spring", call.getNameAsString(),
                                file.evidence(JavaStrings.line(call))));
                    }
                }
            }
        }
    }

    /** A {@code @RequestMapping} without {@code method}, or whose methods include GET or HEAD. */
    private static boolean getOrAny(AnnotationExpr a) {
        if (a instanceof NormalAnnotationExpr n) {
            for (MemberValuePair p : n.getPairs()) {
                if (p.getNameAsString().equals("method")) {
                    String v = p.getValue().toString();
                    return v.contains("GET") || v.contains("HEAD");
                }
            }
        }
        return true;
    }

    /** The paths of a mapping annotation: its value or named members; "" when it names none; null when unreadable. */
    private static List<String> paths(JavaStrings strings, AnnotationExpr a, String... members) {
        Expression v = null;
        if (a instanceof SingleMemberAnnotationExpr s) {
            v = s.getMemberValue();
        } else if (a instanceof NormalAnnotationExpr n) {
            for (MemberValuePair p : n.getPairs()) {
                for (String m : members) {
                    if (p.getNameAsString().equals(m)) {
                        v = p.getValue();
                    }
                }
            }
        }
        if (v == null) {
            return List.of("");
        }
        List<String> out = new ArrayList<>();
        List<Expression> items = v instanceof ArrayInitializerExpr arr ? arr.getValues() : List.of(v);
        for (Expression e : items) {
            JavaStrings.Str s = strings.string(e);
            if (s == null) {
                return null;
            }
            out.add(s.value());
        }
        return out.isEmpty() ? List.of("") : out;
    }

    private static List<String> classPrefixes(JavaStrings strings, MethodDeclaration md, boolean spring,
                                              boolean jaxrs, boolean micronaut) {
        Optional<Node> parent = md.getParentNode();
        if (parent.isEmpty() || !(parent.get() instanceof TypeDeclaration<?> type)) {
            return List.of("");
        }
        for (AnnotationExpr a : type.getAnnotations()) {
            String n = a.getNameAsString();
            if (spring && n.equals("RequestMapping") || jaxrs && n.equals("Path")
                    || micronaut && n.equals("Controller")) {
                return paths(strings, a, "value", "path");
            }
        }
        return List.of("");
    }

    private static boolean imports(CompilationUnit cu, String prefix) {
        return cu.getImports().stream().anyMatch(i -> i.getNameAsString().startsWith(prefix));
    }
}
