package io.wsmemory.detectors.monitoring.loadtest;

import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import io.wsmemory.detectors.monitoring.Durations;
import io.wsmemory.detectors.monitoring.PySource;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Locust files that drive WebSocket clients (websocket-client, websockets, python-socketio, locust-plugins'
 * SocketIOUser): each user class is a {@code scenario} baseline (its {@code wait_time} and {@code host} in attrs);
 * a {@code LoadTestShape}'s {@code stages} give the peak users, spawn rate and run time.
 */
final class LocustFiles {

    static final String TOOL = "locust";
    private static final Pattern WS_CLIENT = Pattern.compile(
            "(?m)^\\s*(?:import|from)\\s+(?:websocket|websockets|socketio|locust_plugins\\.users\\.socketio)\\b"
                    + "|SocketIOUser|ws_connect\\s*\\(|create_connection\\s*\\(|WebSocketApp\\s*\\(|wss?://");

    private LocustFiles() {
    }

    /** Reads the file; true when it is a Locust file that drives WebSocket clients. */
    static boolean read(ParsedFile file, List<Baseline> out) {
        SyntaxTree tree = file.tree();
        String text = file.file().text();
        if (tree == null || !text.contains("locust") || !WS_CLIENT.matcher(text).find()) {
            return false;
        }
        PySource py = new PySource(file);
        boolean any = false;
        for (SyntaxNode stmt : tree.root().namedChildren()) {
            SyntaxNode cls = stmt.is("decorated_definition") ? stmt.field("definition") : stmt;
            if (cls == null || !cls.is("class_definition")) {
                continue;
            }
            SyntaxNode supers = cls.field("superclasses");
            if (supers == null) {
                continue;
            }
            String bases = supers.text();
            SyntaxNode body = cls.field("body");
            String name = cls.field("name") == null ? "?" : cls.field("name").text();
            if (bases.contains("LoadTestShape")) {
                shape(file, py, body, out);
            } else if (bases.matches(".*\\b\\w*User\\b.*") && imported(py, supers)) {
                if (text.contains("abstract = True") && body != null && body.text().contains("abstract = True")) {
                    continue;
                }
                Baseline b = Baseline.of(Baseline.SCENARIO, name, file.evidence(cls), TOOL);
                for (SyntaxNode s : body == null ? List.<SyntaxNode>of() : body.namedChildren()) {
                    SyntaxNode a = s.is("expression_statement") ? s.namedChild(0) : null;
                    if (a == null || !a.is("assignment") || a.field("left") == null || a.field("right") == null) {
                        continue;
                    }
                    String left = a.field("left").text();
                    if (left.equals("wait_time")) {
                        b.attr("wait", a.field("right").text().replaceAll("\\s+", " "));
                    } else if (left.equals("host")) {
                        PySource.Str h = py.string(a.field("right"));
                        b.attr("target", h == null ? null : h.value());
                    }
                }
                out.add(b);
                any = true;
            }
        }
        return any || text.contains("from locust") || text.contains("import locust");
    }

    /** A base class that is Locust's (imported from locust or locust_plugins) or a local subclass. */
    private static boolean imported(PySource py, SyntaxNode supers) {
        for (SyntaxNode c : supers.namedChildren()) {
            String q = py.qualified(c);
            if (q != null && (q.startsWith("locust.") || q.startsWith("locust_plugins."))) {
                return true;
            }
            if (c.text().startsWith("locust.")) {
                return true;
            }
        }
        return false;
    }

    private static void shape(ParsedFile file, PySource py, SyntaxNode body, List<Baseline> out) {
        if (body == null) {
            return;
        }
        for (SyntaxNode s : body.namedChildren()) {
            SyntaxNode a = s.is("expression_statement") ? s.namedChild(0) : null;
            if (a == null || !a.is("assignment") || a.field("left") == null
                    || !a.field("left").text().equals("stages") || a.field("right") == null
                    || !a.field("right").is("list")) {
                continue;
            }
            double users = -1;
            double spawn = -1;
            double end = -1;
            for (SyntaxNode stage : a.field("right").namedChildren()) {
                if (!stage.is("dictionary")) {
                    continue;
                }
                for (SyntaxNode pair : stage.namedChildren()) {
                    if (!pair.is("pair")) {
                        continue;
                    }
                    String k = PySource.literal(pair.field("key"));
                    SyntaxNode v = pair.field("value");
                    if (k == null || v == null || !(v.is("integer") || v.is("float"))) {
                        continue;
                    }
                    double n = Double.parseDouble(v.text().replace("_", ""));
                    switch (k) {
                        case "users" -> users = Math.max(users, n);
                        case "spawn_rate" -> spawn = Math.max(spawn, n);
                        case "duration" -> end = Math.max(end, n);
                        default -> {
                        }
                    }
                }
            }
            var at = file.evidence(a);
            if (users >= 0) {
                out.add(Baseline.of(Baseline.VUS, Durations.number(users), at, TOOL).attr("scenario", "LoadTestShape"));
            }
            if (spawn >= 0) {
                out.add(Baseline.of(Baseline.SPAWN_RATE, Durations.number(spawn), at, TOOL)
                        .attr("scenario", "LoadTestShape"));
            }
            if (end >= 0) {
                out.add(Baseline.of(Baseline.DURATION, Long.toString(Math.round(end * 1000)), at, TOOL)
                        .attr("scenario", "LoadTestShape"));
            }
        }
    }
}
