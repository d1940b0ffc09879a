package io.wsmemory.detectors.monitoring.health;

import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.detectors.monitoring.GoSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Health endpoints in Go HTTP servers (net/http, gin, echo, chi, gorilla/mux, fiber, httprouter): a route call
 * whose path is a health path and that has a handler after it, in a file that imports an HTTP server package.
 * Route groups assigned in the same file ({@code v1 := r.Group("/api")}) prefix their routes.
 */
final class GoHealth {

    static final Query QUERY = Query.load(GoHealth.class, "health.go.scm");
    private static final List<String> SERVER_IMPORTS = List.of("net/http", "github.com/gin-gonic/gin",
            "github.com/labstack/echo", "github.com/go-chi/chi", "github.com/gorilla/mux", "github.com/gofiber/fiber",
            "github.com/julienschmidt/httprouter", "github.com/beego", "github.com/kataras/iris",
            "github.com/cloudwego/hertz", "github.com/valyala/fasthttp");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS", "CONNECT", "TRACE");

    private GoHealth() {
    }

    static void read(ParsedFile file, SourceSet sources, List<HealthRoute> out) {
        SyntaxTree tree = file.tree();
        if (tree == null) {
            return;
        }
        String text = file.file().text();
        if (SERVER_IMPORTS.stream().noneMatch(i -> text.contains("\"" + i))) {
            return;
        }
        GoSource go = new GoSource(file, sources);
        Map<String, String> groups = new HashMap<>();
        for (QueryMatch m : QUERY.matches(tree.root())) {
            String method = m.text("method");
            List<SyntaxNode> args = m.node("args").namedChildren();
            args.removeIf(a -> a.is("comment"));
            int pathIndex = -1;
            String path = null;
            for (int i = 0; i < args.size() && i < 2; i++) {
                GoSource.Str s = go.string(args.get(i));
                if (s == null) {
                    continue;
                }
                if (HTTP_METHODS.contains(s.value()) && i == 0) {
                    continue;
                }
                path = s.value();
                pathIndex = i;
                break;
            }
            if (path == null) {
                continue;
            }
            String prefix = groups.getOrDefault(m.text("recv"), "");
            if (method.equals("Group")) {
                SyntaxNode call = m.node("call");
                SyntaxNode parent = call.parent();
                if (parent != null && parent.is("expression_list")) {
                    parent = parent.parent();
                }
                if (parent != null && (parent.is("short_var_declaration") || parent.is("assignment_statement"))) {
                    SyntaxNode left = parent.field("left");
                    if (left != null && left.namedChildCount() == 1) {
                        groups.put(left.namedChild(0).text(), prefix + "/" + path);
                    }
                }
                continue;
            }
            boolean handler = args.size() > pathIndex + 1;
            if (method.equals("Path")) {
                SyntaxNode chained = m.node("call").parent();
                handler = chained != null && chained.is("selector_expression") && chained.field("field") != null
                        && chained.field("field").text().startsWith("Handler");
            }
            if (!handler) {
                continue;
            }
            String norm = HealthPaths.normalise(prefix.isEmpty() ? path : prefix + "/" + path);
            if (norm == null || !HealthPaths.isHealth(norm)) {
                continue;
            }
            String verb = switch (method) {
                case "GET", "Get" -> "GET";
                case "HEAD", "Head" -> "HEAD";
                default -> null;
            };
            out.add(HealthRoute.of(norm, "go", verb, file.evidence(args.get(pathIndex))));
        }
    }
}
