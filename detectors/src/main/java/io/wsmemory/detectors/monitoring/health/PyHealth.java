package io.wsmemory.detectors.monitoring.health;

import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import io.wsmemory.detectors.monitoring.PySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Health endpoints in Python web apps: Flask, FastAPI, Sanic, Quart decorators ({@code @app.get("/health")},
 * blueprints and routers with a {@code url_prefix}/{@code prefix} in the same module), Django URL patterns
 * ({@code path("healthz/", view)}), aiohttp and Starlette routes. A call needs its view after the path.
 */
final class PyHealth {

    static final Query QUERY = Query.load(PyHealth.class, "health.python.scm");
    private static final Set<String> DECORATORS = Set.of("route", "get", "head", "api_route");
    private static final Set<String> DJANGO = Set.of("path", "re_path", "url");

    private PyHealth() {
    }

    static void read(ParsedFile file, List<HealthRoute> out) {
        SyntaxTree tree = file.tree();
        if (tree == null) {
            return;
        }
        PySource py = new PySource(file);
        String text = file.file().text();
        boolean django = text.contains("django");
        boolean aiohttp = text.contains("aiohttp");
        boolean starlette = text.contains("starlette") || text.contains("fastapi");
        for (QueryMatch m : QUERY.matches(tree.root())) {
            if (m.has("decorator")) {
                decorator(file, py, m, out);
            } else if (m.has("call") && !m.node("call").parent().is("decorator")) {
                call(file, py, m, django, aiohttp, starlette, out);
            }
        }
    }

    private static void decorator(ParsedFile file, PySource py, QueryMatch m, List<HealthRoute> out) {
        String method = m.text("method");
        if (!DECORATORS.contains(method)) {
            return;
        }
        List<SyntaxNode> args = m.node("args").namedChildren();
        String path = null;
        SyntaxNode at = null;
        for (SyntaxNode a : args) {
            if (a.is("keyword_argument")) {
                String k = a.field("name") == null ? "" : a.field("name").text();
                if ((k.equals("path") || k.equals("rule") || k.equals("uri")) && path == null) {
                    PySource.Str s = py.string(a.field("value"));
                    path = s == null ? null : s.value();
                    at = a;
                }
            } else if (path == null && at == null) {
                PySource.Str s = py.string(a);
                path = s == null ? null : s.value();
                at = a;
            }
        }
        if (path == null) {
            return;
        }
        String prefix = prefix(py, m.text("recv"));
        String norm = HealthPaths.normalise(prefix + path);
        if (norm == null || !HealthPaths.isHealth(norm)) {
            return;
        }
        out.add(HealthRoute.of(norm, "python", method.equals("route") || method.equals("api_route") ? null
                : method.toUpperCase(java.util.Locale.ROOT), file.evidence(at)));
    }

    /** The url_prefix / prefix of a Blueprint or APIRouter assigned at module level, else "". */
    private static String prefix(PySource py, String receiver) {
        SyntaxNode value = py.assigned(receiver);
        if (value == null || !value.is("call")) {
            return "";
        }
        SyntaxNode fn = value.field("function");
        String name = fn == null ? "" : fn.text();
        if (!name.endsWith("Blueprint") && !name.endsWith("APIRouter")) {
            return "";
        }
        SyntaxNode args = value.field("arguments");
        for (SyntaxNode a : args == null ? List.<SyntaxNode>of() : args.namedChildren()) {
            if (a.is("keyword_argument") && a.field("name") != null
                    && (a.field("name").text().equals("url_prefix") || a.field("name").text().equals("prefix"))) {
                PySource.Str s = py.string(a.field("value"));
                return s == null ? "" : s.value();
            }
        }
        return "";
    }

    private static void call(ParsedFile file, PySource py, QueryMatch m, boolean django, boolean aiohttp,
                             boolean starlette, List<HealthRoute> out) {
        String fn = m.text("fn");
        String name = fn.substring(fn.lastIndexOf('.') + 1);
        List<SyntaxNode> positional = new ArrayList<>();
        for (SyntaxNode a : m.node("args").namedChildren()) {
            if (!a.is("keyword_argument") && !a.is("comment")) {
                positional.add(a);
            }
        }
        int pathIndex;
        String framework;
        if (DJANGO.contains(name) && django && fn.equals(name)) {
            pathIndex = 0;
            framework = "django";
        } else if ((name.equals("add_get") || name.equals("add_head")) && aiohttp) {
            pathIndex = 0;
            framework = "aiohttp";
        } else if (name.equals("add_route") && aiohttp) {
            pathIndex = 1;
            framework = "aiohttp";
        } else if ((name.equals("get") || name.equals("head") || name.equals("route")) && aiohttp
                && fn.equals("web." + name)) {
            pathIndex = name.equals("route") ? 1 : 0;
            framework = "aiohttp";
        } else if (name.equals("Route") && starlette) {
            pathIndex = 0;
            framework = "starlette";
        } else if (name.equals("add_api_route") || name.equals("add_url_rule")) {
            pathIndex = 0;
            framework = "python";
        } else {
            return;
        }
        if (positional.size() <= pathIndex) {
            return;
        }
        boolean handler = positional.size() > pathIndex + 1 || hasKeyword(m.node("args"), "endpoint", "view_func",
                "handler");
        if (!handler) {
            return;
        }
        PySource.Str s = py.string(positional.get(pathIndex));
        if (s == null) {
            return;
        }
        String path = s.value();
        if (name.equals("re_path") || name.equals("url")) {
            path = fromRegex(path);
            if (path == null) {
                return;
            }
        }
        String norm = HealthPaths.normalise(path);
        if (norm == null || !HealthPaths.isHealth(norm)) {
            return;
        }
        out.add(HealthRoute.of(norm, framework, null, file.evidence(positional.get(pathIndex))));
    }

    private static boolean hasKeyword(SyntaxNode args, String... names) {
        for (SyntaxNode a : args.namedChildren()) {
            if (a.is("keyword_argument") && a.field("name") != null) {
                for (String n : names) {
                    if (a.field("name").text().equals(n)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** {@code ^healthz/?$} → {@code healthz}; null when the pattern is more than a fixed path. */
    static String fromRegex(String regex) {
        String p = regex.replaceAll("^\\^", "").replaceAll("\\$$", "").replaceAll("/\\?$", "/")
                .replace("\\/", "/").replace("\\.", ".");
        return p.matches("[A-Za-z0-9_./-]*") ? p : null;
    }
}
