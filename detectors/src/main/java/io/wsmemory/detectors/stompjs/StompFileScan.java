package io.wsmemory.detectors.stompjs;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.js.JsFile;
import io.wsmemory.core.resolve.js.JsResolver;
import io.wsmemory.core.resolve.js.JsSyntax;
import io.wsmemory.core.resolve.js.JsValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one JavaScript, TypeScript or HTML file for STOMP clients: {@code <script src>} tags that load a STOMP or
 * SockJS bundle (CDN or WebJar, version from the URL), imports, client constructions and their options, settings
 * assigned later ({@code client.reconnectDelay = 0}, {@code stomp.heartbeat.outgoing = 20000}), subscriptions and
 * publications, CONNECT headers with credentials, JSON bodies.
 */
final class StompFileScan {

    private static final Query QUERY = Query.load(StompFileScan.class, "stompjs.scm");
    private static final Pattern SCRIPT_SRC = Pattern.compile("<script\\b[^>]*\\bsrc\\s*=\\s*[\"']([^\"']+)[\"']",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STOMPJS_URL = Pattern.compile("@stomp/stompjs(?:@([\\w.\\-]+))?");
    private static final Pattern LEGACY_URL = Pattern.compile(
            "(?:stomp\\.js/|stomp-websocket/|stompjs@|stompjs/|stomp-js/)([\\d][\\w.\\-]*)");
    private static final Pattern LEGACY_FILE = Pattern.compile("(?:^|/)stomp(?:js)?(?:[.-][\\d.]+)?(?:\\.min)?\\.js");
    private static final Pattern WEBSTOMP_URL = Pattern.compile("webstomp-client(?:@|/)([\\d][\\w.\\-]*)?");
    private static final Pattern SOCKJS_URL = Pattern.compile("sockjs-client(?:@|/)([\\d][\\w.\\-]*)");
    private static final Pattern SOCKJS_FILE = Pattern.compile("(?:^|/)sockjs(?:[.-][\\d.]+)?(?:\\.min)?\\.js");
    private static final Pattern URL_PATH = Pattern.compile("^(?:[a-zA-Z]+:|\\{[^}]*\\})?//[^/]*(/[^?#]*)?");
    private static final Map<String, String> MODULES = Map.of("@stomp/stompjs", "@stomp/stompjs",
            "@stomp/rx-stomp", "@stomp/rx-stomp", "stompjs", "stompjs", "webstomp-client", "webstomp-client",
            "sockjs-client", "sockjs-client", "@stomp/ng2-stompjs", "@stomp/ng2-stompjs");

    private final ParsedFile file;
    private final SourceSet sources;
    private final StompFindings out;
    private final Set<String> receivers = new LinkedHashSet<>();
    private final Set<String> sockJsVars = new LinkedHashSet<>();
    private final Map<String, Integer> clientByReceiver = new HashMap<>();
    private JsResolver resolver;
    private Evidence sockJsAt;
    private StompFindings.Value sockJsPath;

    StompFileScan(ParsedFile file, SourceSet sources) {
        this.file = file;
        this.sources = sources;
        this.out = new StompFindings(file.path());
    }

    StompFindings scan() {
        String name = file.path().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            scriptTags();
        }
        SyntaxTree tree = file.tree();
        if (tree == null) {
            return out;
        }
        resolver = new JsResolver(file, sources);
        JsFile js = resolver.jsFile();
        for (Map.Entry<String, String> m : MODULES.entrySet()) {
            if (js.importsModule(m.getKey())) {
                out.libraries.add(new StompFindings.Library(m.getValue(), "unknown", importSite(js, m.getKey()),
                        "import"));
            }
        }
        List<QueryMatch> matches = QUERY.matches(tree.root());
        for (QueryMatch m : matches) {
            if (m.has("new")) {
                construction(m, js);
            }
        }
        for (QueryMatch m : matches) {
            if (m.has("call") && Set.of("over", "client").contains(m.text("method"))) {
                legacy(m);
            }
        }
        for (QueryMatch m : matches) {
            if (m.has("assign")) {
                assignment(m);
            }
        }
        for (QueryMatch m : matches) {
            if (m.has("call") && !Set.of("over", "client").contains(m.text("method"))) {
                call(m);
            }
        }
        if (sockJsAt != null && out.clients.isEmpty() && !out.messages.isEmpty()) {
            out.clients.add(new StompFindings.Client("sockjs-client", false, sockJsAt, Map.of(), sockJsPath,
                    sockJsAt, browser()));
        }
        return out;
    }

    private Evidence importSite(JsFile js, String module) {
        for (JsFile.Import i : js.imports().values()) {
            if (i.source().equals(module) || i.source().startsWith(module + "/")) {
                return file.evidence(i.node());
            }
        }
        SyntaxNode req = js.requires().get(module);
        return req != null ? file.evidence(req) : file.evidence(1);
    }

    private void scriptTags() {
        int lines = file.file().lineCount();
        for (int i = 1; i <= lines; i++) {
            String line = file.file().line(i);
            Matcher m = SCRIPT_SRC.matcher(line);
            while (m.find()) {
                String src = m.group(1);
                String lower = src.toLowerCase(Locale.ROOT);
                Matcher s = STOMPJS_URL.matcher(lower);
                Matcher l = LEGACY_URL.matcher(lower);
                Matcher w = WEBSTOMP_URL.matcher(lower);
                Matcher k = SOCKJS_URL.matcher(lower);
                if (s.find()) {
                    library("@stomp/stompjs", s.group(1), i);
                } else if (w.find()) {
                    library("webstomp-client", w.group(1), i);
                } else if (l.find()) {
                    library("stompjs", l.group(1), i);
                } else if (LEGACY_FILE.matcher(lower).find()) {
                    library("stompjs", null, i);
                } else if (k.find()) {
                    library("sockjs-client", k.group(1), i);
                } else if (SOCKJS_FILE.matcher(lower).find()) {
                    library("sockjs-client", null, i);
                }
            }
        }
    }

    private void library(String id, String version, int line) {
        String v = version == null || version.isEmpty() || version.equals("latest") ? "unknown" : version;
        out.libraries.add(new StompFindings.Library(id, v, file.evidence(line), "script src"));
    }

    // ---- constructions --------------------------------------------------------------------------------------

    private void construction(QueryMatch m, JsFile js) {
        String ctor = m.text("ctor");
        SyntaxNode node = m.node("new");
        SyntaxNode args = m.node("args");
        SyntaxNode first = args == null ? null : args.namedChild(0);
        if (ctor.equals("SockJS")) {
            sockJsAt = file.evidence(node);
            String v = holder(node);
            if (v != null) {
                sockJsVars.add(v);
            }
            if (first != null) {
                sockJsPath = path(first);
            }
            return;
        }
        boolean modern = ctor.equals("StompJs.Client") || ctor.equals("Stomp.Client") || ctor.equals("RxStomp")
                || ctor.equals("Client") && (js.importsModule("@stomp/stompjs") || file.file().text().contains("StompJs"))
                || ctor.equals("RxStomp") && js.importsModule("@stomp/rx-stomp");
        if (!modern) {
            return;
        }
        Map<String, StompFindings.Value> options = new LinkedHashMap<>();
        StompFindings.Value path = null;
        Evidence sockJs = null;
        if (first != null) {
            JsValue obj = resolver.resolve(first);
            for (Map.Entry<String, JsValue.Member> p : obj.properties().entrySet()) {
                String key = p.getKey();
                SyntaxNode keyNode = p.getValue().keyNode();
                switch (key) {
                    case "reconnectDelay" -> options.put("reconnectDelay", value(p.getValue().value(), keyNode));
                    case "heartbeatIncoming" -> options.put("heartbeat.incoming", value(p.getValue().value(), keyNode));
                    case "heartbeatOutgoing" -> options.put("heartbeat.outgoing", value(p.getValue().value(), keyNode));
                    case "brokerURL" -> {
                        SyntaxNode v = valueNode(keyNode);
                        path = v == null ? null : path(v);
                    }
                    case "webSocketFactory" -> {
                        SyntaxNode v = valueNode(keyNode);
                        if (v != null && v.text().contains("SockJS")) {
                            sockJs = file.evidence(v);
                            SyntaxNode url = sockJsUrl(v);
                            if (url != null && path == null) {
                                path = path(url);
                            }
                        } else if (v != null && sockJsAt != null && sockJsVars.stream().anyMatch(
                                x -> Pattern.compile("\\b" + Pattern.quote(x) + "\\b").matcher(v.text()).find())) {
                            sockJs = sockJsAt; // webSocketFactory: () => socket, with socket = new SockJS(url)
                            path = path == null ? sockJsPath : path;
                        }
                    }
                    case "connectHeaders" -> {
                        SyntaxNode v = valueNode(keyNode);
                        if (v != null) {
                            credentials(v, "@stomp/stompjs");
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        String holder = holder(node);
        int index = out.clients.size();
        out.clients.add(new StompFindings.Client("@stomp/stompjs", true, file.evidence(node), options, path, sockJs,
                browser()));
        if (holder != null) {
            receivers.add(holder);
            clientByReceiver.put(holder, index);
        }
        boolean imported = js.importsModule("@stomp/stompjs") || js.importsModule("@stomp/rx-stomp");
        if (!imported) {
            out.libraries.add(new StompFindings.Library("@stomp/stompjs", "unknown", file.evidence(node), "global"));
        }
    }

    private void legacy(QueryMatch m) {
        String recv = m.text("recv");
        if (!(recv.equals("Stomp") || recv.equals("webstomp") || recv.endsWith(".Stomp"))) {
            return;
        }
        SyntaxNode call = m.node("call");
        SyntaxNode args = m.node("args");
        SyntaxNode first = args == null ? null : args.namedChild(0);
        String lib = recv.equals("webstomp") ? "webstomp-client" : "stompjs";
        StompFindings.Value path = null;
        Evidence sockJs = null;
        if (first != null) {
            String t = first.text();
            if (t.contains("SockJS") || sockJsVars.contains(t)) {
                sockJs = sockJsAt != null ? sockJsAt : file.evidence(first);
                path = sockJsPath;
                if (t.contains("SockJS") && first.is("new_expression")) {
                    SyntaxNode a = first.field("arguments");
                    if (a != null && a.namedChild(0) != null) {
                        path = path(a.namedChild(0));
                    }
                }
            } else if (m.text("method").equals("client")) {
                path = path(first);
            }
        }
        String holder = holder(call);
        int index = out.clients.size();
        out.clients.add(new StompFindings.Client(lib, false, file.evidence(call), new LinkedHashMap<>(), path, sockJs,
                browser()));
        if (holder != null) {
            receivers.add(holder);
            clientByReceiver.put(holder, index);
        }
        if (out.libraries.stream().noneMatch(l -> l.id().equals(lib))) {
            out.libraries.add(new StompFindings.Library(lib, "unknown", file.evidence(call), "global"));
        }
    }

    /** The URL argument of the first {@code new SockJS(url)} inside a node. */
    private static SyntaxNode sockJsUrl(SyntaxNode n) {
        SyntaxNode[] found = {null};
        n.walk(x -> found[0] == null, x -> {
            if (found[0] == null && x.is("new_expression") && x.field("constructor") != null
                    && x.field("constructor").text().equals("SockJS") && x.field("arguments") != null) {
                found[0] = x.field("arguments").namedChild(0);
            }
        });
        return found[0];
    }

    private static SyntaxNode valueNode(SyntaxNode keyNode) {
        if (keyNode == null) {
            return null;
        }
        if (keyNode.is("pair")) {
            return keyNode.field("value");
        }
        SyntaxNode p = keyNode.parent();
        return p != null && p.is("pair") ? p.field("value") : null;
    }

    /** The name a construction is stored in: {@code const x = ...}, {@code x = ...}, {@code this.x = ...}. */
    private static String holder(SyntaxNode node) {
        SyntaxNode p = node.parent();
        while (p != null && (p.is("parenthesized_expression") || p.is("await_expression"))) {
            p = p.parent();
        }
        if (p == null) {
            return null;
        }
        if (p.is("variable_declarator") && p.field("name") != null) {
            return normal(p.field("name").text());
        }
        if (p.is("assignment_expression") && p.field("left") != null) {
            return normal(p.field("left").text());
        }
        if (p.is("public_field_definition") || p.is("field_definition")) {
            SyntaxNode n = p.field("property") != null ? p.field("property") : p.field("name");
            return n == null ? null : normal(n.text());
        }
        return null;
    }

    private static String normal(String receiver) {
        return receiver.startsWith("this.") ? receiver.substring(5) : receiver;
    }

    private StompFindings.Client clientOf(String receiver) {
        Integer i = clientByReceiver.get(normal(receiver));
        return i == null ? null : out.clients.get(i);
    }

    private boolean isReceiver(String recv) {
        String r = normal(recv);
        if (receivers.contains(r)) {
            return true;
        }
        String lower = r.toLowerCase(Locale.ROOT);
        return lower.contains("stomp") && !sockJsVars.contains(r);
    }

    private void assignment(QueryMatch m) {
        String obj = m.text("obj");
        String prop = m.text("prop");
        SyntaxNode value = m.node("value");
        String target = obj;
        String key = switch (prop) {
            case "reconnectDelay" -> "reconnectDelay";
            case "heartbeatIncoming" -> "heartbeat.incoming";
            case "heartbeatOutgoing" -> "heartbeat.outgoing";
            case "incoming", "outgoing" -> {
                if (!obj.endsWith(".heartbeat")) {
                    yield null;
                }
                target = obj.substring(0, obj.length() - ".heartbeat".length());
                yield "heartbeat." + prop;
            }
            default -> prop;
        };
        if (key == null) {
            return;
        }
        StompFindings.Client c = clientOf(target);
        if (c == null) {
            return;
        }
        switch (key) {
            case "brokerURL" -> replace(c, new StompFindings.Client(c.library(), c.modern(), c.at(), c.options(),
                    path(value), c.sockJs(), c.browser()));
            case "webSocketFactory" -> {
                if (value.text().contains("SockJS")) {
                    replace(c, new StompFindings.Client(c.library(), c.modern(), c.at(), c.options(), c.path(),
                            file.evidence(value), c.browser()));
                }
            }
            case "connectHeaders" -> credentials(value, c.library());
            default -> c.options().put(key, value(resolver.resolve(value), value));
        }
    }

    private void replace(StompFindings.Client old, StompFindings.Client updated) {
        int i = out.clients.indexOf(old);
        if (i >= 0) {
            out.clients.set(i, updated);
        }
    }

    // ---- calls ---------------------------------------------------------------------------------------------

    private void call(QueryMatch m) {
        String recv = m.text("recv");
        if (!isReceiver(recv)) {
            return;
        }
        StompFindings.Client c = clientOf(recv);
        String lib = c != null ? c.library() : out.clients.isEmpty() ? "@stomp/stompjs" : out.clients.get(0).library();
        String method = m.text("method");
        SyntaxNode call = m.node("call");
        SyntaxNode args = m.node("args");
        List<SyntaxNode> a = args == null ? List.of() : args.namedChildren();
        switch (method) {
            case "subscribe" -> {
                if (!a.isEmpty()) {
                    message(pattern(a.get(0)), false, a.get(0), lib);
                }
            }
            case "publish" -> {
                if (!a.isEmpty() && a.get(0).is("object")) {
                    for (SyntaxNode pair : a.get(0).namedChildren()) {
                        if (!pair.is("pair") || pair.field("key") == null) {
                            continue;
                        }
                        String k = JsSyntax.nameText(pair.field("key"));
                        SyntaxNode v = pair.field("value");
                        if (k.equals("destination") && v != null) {
                            message(pattern(v), true, v, lib);
                        } else if ((k.equals("body") || k.equals("binaryBody")) && v != null
                                && v.text().contains("JSON.stringify")) {
                            out.json.add(new StompFindings.Json(file.evidence(v), lib));
                        }
                    }
                }
            }
            case "send" -> {
                if (!a.isEmpty()) {
                    String dest = pattern(a.get(0));
                    if (dest != null && dest.startsWith("/")) {
                        message(dest, true, a.get(0), lib);
                        for (int i = 1; i < a.size(); i++) {
                            if (a.get(i).text().contains("JSON.stringify")) {
                                out.json.add(new StompFindings.Json(file.evidence(a.get(i)), lib));
                            }
                        }
                    }
                }
            }
            case "connect" -> {
                if (!a.isEmpty() && (a.get(0).is("object") || a.get(0).is("identifier"))) {
                    credentials(a.get(0), lib);
                }
            }
            default -> {
            }
        }
    }

    private void message(String dest, boolean publish, SyntaxNode at, String lib) {
        if (dest == null || dest.isEmpty() || !dest.startsWith("/") && !dest.startsWith("{")
                || dest.replaceAll("\\{[^}]*}", "").isEmpty()) {
            return; // nothing of the destination is known: an unnamed placeholder is no fact
        }
        out.messages.add(new StompFindings.Message(dest, publish, file.evidence(at), lib));
    }

    private void credentials(SyntaxNode headers, String lib) {
        SyntaxNode obj = headers;
        if (headers.is("identifier")) {
            JsValue v = resolver.resolve(headers);
            if (!v.is(JsValue.Kind.OBJECT)) {
                return;
            }
            obj = v.node();
            if (obj == null || !obj.is("object")) {
                return;
            }
        }
        for (SyntaxNode pair : obj.namedChildren()) {
            if (!pair.is("pair") || pair.field("key") == null) {
                continue;
            }
            String k = JsSyntax.nameText(pair.field("key")).toLowerCase(Locale.ROOT);
            String v = pair.field("value") == null ? "" : pair.field("value").text().toLowerCase(Locale.ROOT);
            String mechanism = null;
            if (k.contains("authorization") || k.contains("token") || k.contains("jwt") || k.equals("x-auth")) {
                mechanism = k.contains("jwt") || v.contains("jwt") || v.contains("bearer") ? "jwt" : "token";
            } else if (k.equals("passcode") || k.equals("login")) {
                mechanism = "basic";
            } else if (k.contains("api-key") || k.contains("apikey")) {
                mechanism = "api-key";
            }
            if (mechanism != null) {
                out.credentials.add(new StompFindings.Credential(mechanism, file.evidence(pair), lib));
                return;
            }
        }
    }

    // ---- values --------------------------------------------------------------------------------------------

    private StompFindings.Value value(JsValue v, SyntaxNode at) {
        List<Evidence> ev = new ArrayList<>();
        ev.add(file.evidence(at));
        ev.addAll(v.via());
        String text = v.is(JsValue.Kind.NUMBER) || v.is(JsValue.Kind.STRING) || v.is(JsValue.Kind.BOOLEAN)
                || v.is(JsValue.Kind.ENV) ? v.text() : null;
        return new StompFindings.Value(text, v.source(), v.confidence(), v.is(JsValue.Kind.ENV) ? v.variable() : null,
                ev);
    }

    /** The path of a broker or SockJS URL; a relative URL is its own path. */
    private StompFindings.Value path(SyntaxNode urlNode) {
        String url = pattern(urlNode);
        if (url == null) {
            return null;
        }
        String p;
        Matcher base = Pattern.compile("^\\{[^}]*}(/[^?#]*)$").matcher(url);
        if (url.startsWith("/")) {
            p = url;
        } else if (base.matches()) {
            p = base.group(1);
        } else {
            Matcher m = URL_PATH.matcher(url);
            if (!m.find()) {
                return null;
            }
            p = m.group(1) == null || m.group(1).isEmpty() ? "/" : m.group(1);
        }
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        JsValue v = resolver.resolve(urlNode);
        List<Evidence> ev = new ArrayList<>();
        ev.add(file.evidence(urlNode));
        ev.addAll(v.via());
        return new StompFindings.Value(p, v.is(JsValue.Kind.ENV) ? Source.ENV : Source.EXPLICIT,
                v.via().isEmpty() ? Confidence.HIGH : Confidence.MEDIUM, v.is(JsValue.Kind.ENV) ? v.variable() : null,
                ev);
    }

    /** A string expression with unknown parts as {@code {name}} placeholders. */
    private String pattern(SyntaxNode n) {
        SyntaxNode u = JsSyntax.unwrap(n);
        if (u == null) {
            return null;
        }
        String s = JsSyntax.stringValue(u);
        if (s != null) {
            return s;
        }
        if (u.is("template_string")) {
            String t = u.text();
            t = t.substring(1, t.length() - 1);
            StringBuilder b = new StringBuilder();
            int from = 0;
            for (SyntaxNode c : u.namedChildren()) {
                if (!c.is("template_substitution")) {
                    continue;
                }
                String sub = c.text();
                int at = t.indexOf(sub, from);
                if (at < 0) {
                    continue;
                }
                b.append(t, from, at);
                SyntaxNode inner = c.namedChild(0);
                String v = inner == null ? null : pattern(inner);
                b.append(v == null ? "{param}" : v);
                from = at + sub.length();
            }
            b.append(t.substring(from));
            return b.toString();
        }
        if (u.is("binary_expression") && u.field("operator") != null && u.field("operator").text().equals("+")) {
            String l = pattern(u.field("left"));
            String r = pattern(u.field("right"));
            return (l == null ? "{" + hint(u.field("left")) + "}" : l) + (r == null ? "{" + hint(u.field("right")) + "}"
                    : r);
        }
        JsValue v = resolver.resolve(u);
        if (v.is(JsValue.Kind.STRING)) {
            return v.string();
        }
        if (v.is(JsValue.Kind.ENV) && v.fallback() != null && v.fallback().is(JsValue.Kind.STRING)) {
            return v.fallback().string();
        }
        return "{" + hint(u) + "}";
    }

    private static String hint(SyntaxNode n) {
        if (n == null) {
            return "param";
        }
        if (n.is("identifier")) {
            return n.text();
        }
        if (n.is("member_expression") && n.field("property") != null) {
            return n.field("property").text();
        }
        if (n.is("call_expression") && n.field("function") != null) {
            return hint(n.field("function"));
        }
        return "param";
    }

    private boolean browser() {
        String p = file.path().toLowerCase(Locale.ROOT);
        String text = file.file().text();
        if (text.contains("require('ws')") || text.contains("require(\"ws\")") || text.contains("from 'ws'")
                || text.contains("from \"ws\"") || text.contains("global.WebSocket")
                || text.contains("Object.assign(global")) {
            return false;
        }
        return p.endsWith(".html") || p.endsWith(".htm") || p.endsWith(".vue") || p.endsWith(".jsx")
                || p.endsWith(".tsx") || p.endsWith(".svelte") || p.contains("static/") || p.contains("public/")
                || p.contains("webapp/") || p.contains("frontend") || p.contains("client") || text.contains("document.")
                || text.contains("window.") || text.contains("$(");
    }
}
