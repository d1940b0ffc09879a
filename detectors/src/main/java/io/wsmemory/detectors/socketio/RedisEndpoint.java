package io.wsmemory.detectors.socketio;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.js.JsResolver;
import io.wsmemory.core.resolve.js.JsSyntax;
import io.wsmemory.core.resolve.js.JsValue;
import io.wsmemory.detectors.js.JsOption;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis server behind an adapter, read from the adapter's arguments or the clients handed to it:
 * {@code {host, port}}, a {@code redis://} URL, {@code new Redis(port, host)}, {@code createClient({url})},
 * {@code client.duplicate()}. A client built without arguments talks to localhost:6379, the clients' default.
 */
public final class RedisEndpoint {

    private static final int MAX_DEPTH = 4;

    private RedisEndpoint() {
    }

    public static JsOption of(JsResolver resolver, ParsedFile file, List<SyntaxNode> args) {
        if (args.isEmpty()) {
            return null;
        }
        SyntaxNode first = JsSyntax.unwrap(args.get(0));
        return first == null ? null : endpoint(resolver, file, first, resolver.resolve(first), 0);
    }

    private static JsOption endpoint(JsResolver r, ParsedFile file, SyntaxNode n, JsValue v, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (v.is(JsValue.Kind.OBJECT)) {
            if (v.has("host") || v.has("port") || v.has("url")) {
                return fromHostPort(file, n, v.get("host"), v.get("port"), v.get("url"));
            }
            if (v.has("socket")) {
                JsValue s = v.get("socket");
                return fromHostPort(file, n, s.get("host"), s.get("port"), v.get("url"));
            }
            JsValue.Member pub = v.properties().get("pubClient");
            if (pub != null) {
                JsValue pv = pub.value();
                return endpoint(r, file, pv.node() == null ? n : pv.node(), pv, depth + 1);
            }
            return null;
        }
        if (v.effective().is(JsValue.Kind.STRING)) {
            return fromUrl(file, n, v);
        }
        SyntaxNode def = v.node();
        if (def == null || def.tree() != n.tree()) {
            return null;
        }
        if (def.is("call_expression") || def.is("new_expression")) {
            SyntaxNode fn = def.is("call_expression") ? def.field("function") : def.field("constructor");
            String callee = fn == null ? "" : fn.text();
            List<SyntaxNode> args = JsSyntax.arguments(def.field("arguments"));
            if (callee.endsWith(".duplicate") && fn.field("object") != null) {
                SyntaxNode base = fn.field("object");
                return endpoint(r, file, base, r.resolve(base), depth + 1);
            }
            if (callee.endsWith("Redis") || callee.endsWith("createClient") || callee.endsWith("Cluster")) {
                if (args.isEmpty()) {
                    return new JsOption("localhost:6379", null, Source.DEFAULT, Confidence.MEDIUM, null,
                            List.of(file.evidence(def)), true);
                }
                JsValue first = r.resolve(args.get(0));
                if (first.effective().is(JsValue.Kind.NUMBER)) {
                    JsValue host = args.size() > 1 ? r.resolve(args.get(1)) : null;
                    return fromHostPort(file, def, host, first, null);
                }
                return endpoint(r, file, args.get(0), first, depth + 1);
            }
        }
        return null;
    }

    private static JsOption fromHostPort(ParsedFile file, SyntaxNode at, JsValue host, JsValue port, JsValue url) {
        if (url != null && url.effective().is(JsValue.Kind.STRING)) {
            return fromUrl(file, at, url);
        }
        String h = host != null && host.effective().is(JsValue.Kind.STRING) ? host.effective().string() : null;
        String p = port != null && port.effective().is(JsValue.Kind.NUMBER) ? port.effective().text() : null;
        if (h == null && p == null) {
            return null;
        }
        JsValue env = host != null && host.is(JsValue.Kind.ENV) ? host : port != null && port.is(JsValue.Kind.ENV)
                ? port : null;
        List<Evidence> ev = new ArrayList<>();
        ev.add(file.evidence(at));
        if (host != null) {
            ev.addAll(host.via());
        }
        String value = (h == null ? "localhost" : h) + ":" + (p == null ? "6379" : p);
        return new JsOption(value, null, env != null ? Source.ENV : Source.EXPLICIT,
                env != null ? Confidence.MEDIUM : Confidence.HIGH, env == null ? null : env.variable(), ev, true);
    }

    private static JsOption fromUrl(ParsedFile file, SyntaxNode at, JsValue url) {
        String s = url.effective().string();
        try {
            URI u = URI.create(s);
            if (u.getHost() == null) {
                return null;
            }
            String value = u.getHost() + ":" + (u.getPort() < 0 ? 6379 : u.getPort());
            List<Evidence> ev = new ArrayList<>();
            ev.add(file.evidence(at));
            ev.addAll(url.via());
            return new JsOption(value, null, url.source(), url.confidence(), url.variable(), ev, true);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
