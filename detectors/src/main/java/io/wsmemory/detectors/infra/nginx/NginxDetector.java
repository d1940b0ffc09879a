package io.wsmemory.detectors.infra.nginx;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.infra.Durations;
import io.wsmemory.detectors.infra.InfraEvidence;
import io.wsmemory.detectors.infra.nginx.NginxConfig.Directive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * nginx configuration: sticky upstreams ({@code ip_hash}, {@code hash ... [consistent]}, {@code sticky}), the
 * locations that proxy WebSockets (the {@code Upgrade}/{@code Connection} headers, or a WebSocket-looking path
 * without them) and the proxy timeouts that govern idle WebSocket connections.
 *
 * <p>Facts: {@code sticky ip_hash|hash|cookie} valued {@code nginx 'DIRECTIVE' in upstream NAME} with
 * {@code attrs.lb=nginx, upstream, servers}; {@code setting path} (the location, {@code attrs.role=proxy},
 * {@code upgrade=true|false|partial}); {@code setting idle.timeout} in ms ({@code attrs.role=proxy},
 * {@code context=nginx proxy_read_timeout}), from the directive that applies to a WebSocket location, or nginx's
 * 60 s default ({@code source=default}) where none does.
 */
public final class NginxDetector implements Detector {

    static final long DEFAULT_READ_TIMEOUT_MS = 60_000;

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("infra-nginx",
            "nginx configuration: sticky upstreams, WebSocket proxy locations and their headers and timeouts",
            Set.of(), List.of("proxy_pass", "upstream", "proxy_set_header", "proxy_read_timeout"));

    private static final Pattern WS_PATH = Pattern.compile(
            "(?i)(^|[/^~*\\s(])(ws|wss|websockets?|socket\\.io|sockets?|sockjs|cable|signalr|stomp|graphql-ws|socket-io)"
                    + "([-_/$)\\s.]|$)");

    /** Defaults for locations of included fragments: they hold unless another file sets an outer timeout. */
    private final ConcurrentLinkedQueue<Fact> fragmentDefaults = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean outerTimeoutElsewhere = new AtomicBoolean();
    /** http-level timeouts of files without WebSocket locations: they reach the locations of included fragments. */
    private final ConcurrentLinkedQueue<Fact> outerTimeouts = new ConcurrentLinkedQueue<>();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void finish(RepoContext context) {
        if (outerTimeoutElsewhere.get()) {
            // an http- or server-level proxy_read_timeout in another file may be the one in force: the fragments'
            // WebSocket locations get those, not nginx's default
            if (!fragmentDefaults.isEmpty()) {
                List<Fact> outer = new ArrayList<>(outerTimeouts);
                outer.sort(Fact.ORDER);
                outer.forEach(context::emit);
            }
            return;
        }
        List<Fact> pending = new ArrayList<>(fragmentDefaults);
        pending.sort(Fact.ORDER);
        pending.forEach(context::emit);
    }

    @Override
    public boolean accepts(SourceFile file) {
        String n = InfraEvidence.lowerName(file);
        String p = InfraEvidence.lowerPath(file);
        boolean named = n.equals("nginx.conf") || n.endsWith(".conf") || n.endsWith(".nginx") || n.endsWith(".vhost")
                || n.matches(".*\\.conf\\.(template|tmpl|tpl|j2|erb|in|sample|example)")
                || n.matches("nginx[^/]*\\.(template|tmpl|tpl|j2|erb)")
                || p.contains("sites-available/") || p.contains("sites-enabled/")
                || p.contains("nginx/") && !n.contains(".");
        return named && !file.language().isCode() && file.containsAny(DESCRIPTOR.keywords());
    }

    @Override
    public void detect(ParsedFile parsed, DetectionContext context) {
        SourceFile file = parsed.file();
        List<Directive> top = NginxConfig.parse(untemplated(file.text()));
        if (!looksLikeNginx(top)) {
            return;
        }
        Scan scan = new Scan(file, context);
        scan.run(top);
        fragmentDefaults.addAll(scan.fragmentDefaults);
        outerTimeouts.addAll(scan.outerTimeouts);
        if (scan.setsOuterTimeout) {
            outerTimeoutElsewhere.set(true);
        }
    }

    static final String TEMPLATE = "__template__";
    private static final Pattern TEMPLATE_LINE = Pattern.compile("(?m)^[ \\t]*(\\{\\{.*?\\}\\}|\\{%.*?%\\})[ \\t]*$");
    private static final Pattern TEMPLATE_ACTION = Pattern.compile("\\{\\{.*?\\}\\}|\\{%.*?%\\}");

    /**
     * nginx configuration written as a template (Go templates, Jinja, Helm): a line holding only an action
     * ({@code {{ if .Env.X }}}, {@code {% endif %}}) becomes blank, an action inside a directive a placeholder word,
     * so the directives around it read as nginx. Both branches of a condition are read.
     */
    static String untemplated(String text) {
        if (!text.contains("{{") && !text.contains("{%")) {
            return text;
        }
        String blanked = TEMPLATE_LINE.matcher(text).replaceAll("");
        return TEMPLATE_ACTION.matcher(blanked).replaceAll(TEMPLATE);
    }

    /** Another format that happens to say proxy_pass (or a prose file) has no nginx block directive at all. */
    private static boolean looksLikeNginx(List<Directive> top) {
        for (Directive d : top) {
            if (d.isBlock() && Set.of("http", "server", "upstream", "location", "stream", "events", "map")
                    .contains(d.name())) {
                return true;
            }
            if (!d.isBlock() && d.name().startsWith("proxy_")) {
                return true; // an include snippet
            }
        }
        return false;
    }

    private static final class Scan {
        private final SourceFile file;
        private final DetectionContext ctx;
        /** Whether the file is a whole configuration (it has the http block), not a fragment included elsewhere. */
        private boolean whole;
        private boolean setsOuterTimeout;
        private final List<Fact> fragmentDefaults = new ArrayList<>();
        private final List<Fact> outerTimeouts = new ArrayList<>();
        private int webSocketLocations;
        /** Timeout directives that apply to WebSocket locations, with the locations they apply to. */
        private final Map<Directive, List<String>> timeouts = new LinkedHashMap<>();

        Scan(SourceFile file, DetectionContext ctx) {
            this.file = file;
            this.ctx = ctx;
        }

        void run(List<Directive> top) {
            List<List<Directive>> chain = new ArrayList<>();
            chain.add(top);
            whole = hasAny(top, "http");
            setsOuterTimeout = outerTimeout(top, 0);
            walk(top, chain, false);
            if (!hasAny(top, "location") && !hasAny(top, "server") && upgradeHeaders(chain).equals("true")) {
                // a snippet meant for inclusion in WebSocket locations
                for (String name : List.of("proxy_read_timeout", "proxy_send_timeout")) {
                    Directive d = last(top, name);
                    if (d != null) {
                        timeouts.computeIfAbsent(d, k -> new ArrayList<>());
                    }
                }
            }
            if (webSocketLocations == 0) {
                List<Directive> outer = new ArrayList<>();
                for (Directive d : top) {
                    if (d.isBlock() && d.name().equals("http")) {
                        outer.addAll(d.block());
                    }
                }
                if (!hasAny(top, "server") && !hasAny(top, "location")) {
                    outer.addAll(top);
                }
                for (String name : List.of("proxy_read_timeout", "proxy_send_timeout")) {
                    Directive d = last(outer, name);
                    Long ms = d == null ? null : Durations.nginx(d.arg(0));
                    if (ms != null) {
                        outerTimeouts.add(Fact.of(Kinds.SETTING, "idle.timeout").value(Long.toString(ms)).unit("ms")
                                .confidence(Confidence.MEDIUM).evidence(InfraEvidence.at(file, d.line()))
                                .attr("role", "proxy").attr("lb", "nginx").attr("context", "nginx " + d.name())
                                .build());
                    }
                }
            }
            for (Map.Entry<Directive, List<String>> e : timeouts.entrySet()) {
                Directive d = e.getKey();
                Long ms = Durations.nginx(d.arg(0));
                if (ms == null) {
                    continue;
                }
                ctx.emit(Fact.of(Kinds.SETTING, "idle.timeout").value(Long.toString(ms)).unit("ms")
                        .evidence(InfraEvidence.at(file, d.line()))
                        .attr("role", "proxy").attr("lb", "nginx").attr("context", "nginx " + d.name())
                        .attr("location", String.join(",", e.getValue())).build());
            }
        }

        private void walk(List<Directive> block, List<List<Directive>> chain, boolean inLocation) {
            for (Directive d : block) {
                if (!d.isBlock()) {
                    continue;
                }
                List<List<Directive>> inner = new ArrayList<>(chain);
                inner.add(d.block());
                switch (d.name()) {
                    case "upstream" -> upstream(d);
                    case "location" -> {
                        location(d, inner);
                        walk(d.block(), inner, true);
                    }
                    case "if", "limit_except" -> {
                        // proxy_pass inside if is looked up by the location itself
                    }
                    default -> walk(d.block(), inner, inLocation);
                }
            }
        }

        private void upstream(Directive up) {
            String name = up.arg(0);
            List<String> servers = new ArrayList<>();
            for (Directive d : up.block()) {
                if (d.name().equals("server") && d.arg(0) != null) {
                    servers.add(d.arg(0));
                }
            }
            for (Directive d : up.block()) {
                String key = switch (d.name()) {
                    case "ip_hash" -> "ip_hash";
                    case "hash" -> d.args().isEmpty() ? null : "hash";
                    case "sticky" -> stickyKey(d);
                    default -> null;
                };
                if (key == null) {
                    continue;
                }
                Fact.Builder f = Fact.of(Kinds.STICKY, key)
                        .value("nginx '" + d.text() + "' in upstream " + name)
                        .evidence(InfraEvidence.at(file, d.line()))
                        .attr("lb", "nginx").attr("upstream", name).attr("servers", String.join(",", servers));
                if (key.equals("hash")) {
                    f.attr("hashKey", d.arg(0));
                }
                if (key.equals("cookie")) {
                    f.attr("cookie", cookieName(d));
                }
                ctx.emit(f.build());
            }
        }

        private static String stickyKey(Directive d) {
            String mode = d.arg(0);
            if (mode == null || mode.equals("cookie") || mode.equals("learn") || mode.startsWith("name=")
                    || mode.startsWith("expires=") || mode.startsWith("domain=") || mode.startsWith("path=")
                    || mode.equals("hash=md5") || mode.equals("hash=sha1") || mode.startsWith("hash=")) {
                return "cookie";
            }
            if (mode.equals("route")) {
                return "hash";
            }
            return null;
        }

        private static String cookieName(Directive d) {
            String mode = d.arg(0);
            if ("cookie".equals(mode)) {
                return d.arg(1);
            }
            for (String a : d.args()) {
                if (a.startsWith("name=")) {
                    return a.substring(5);
                }
                if (a.startsWith("lookup=$cookie_")) {
                    return a.substring("lookup=$cookie_".length());
                }
            }
            return "learn".equals(mode) ? null : "route"; // nginx-sticky-module's default name
        }

        private void location(Directive loc, List<List<Directive>> chain) {
            String proxyPass = findProxyPass(loc.block());
            if (proxyPass == null) {
                return;
            }
            String path = loc.args().isEmpty() ? "" : loc.args().get(loc.args().size() - 1);
            String modifier = loc.args().size() > 1 ? loc.args().get(0) : null;
            String upgrade = upgradeHeaders(chain);
            boolean includes = chain.stream().skip(1).anyMatch(b -> hasAny(b, "include"));
            boolean wsPath = WS_PATH.matcher(path).find() || WS_PATH.matcher(proxyPass).find();
            if (upgrade.equals("false") && (!wsPath || includes)) {
                return; // an ordinary HTTP location, or one whose headers may sit in an included file
            }
            Directive version = nearest(chain, "proxy_http_version");
            String upstream = upstreamName(proxyPass);
            if (!path.contains(TEMPLATE)) { // a path chosen at deploy time is no fact
                ctx.emit(Fact.of(Kinds.SETTING, "path").value(path)
                        .confidence(upgrade.equals("true") ? Confidence.HIGH : Confidence.LOW)
                        .evidence(InfraEvidence.at(file, loc.line()))
                        .attr("role", "proxy").attr("lb", "nginx").attr("upgrade", upgrade)
                        .attr("match", modifier).attr("upstream", upstream.contains(TEMPLATE) ? null : upstream)
                        .attr("httpVersion", version == null ? null : version.arg(0)).build());
            }
            if (!upgrade.equals("true")) {
                return;
            }
            webSocketLocations++;
            Directive read = nearest(chain, "proxy_read_timeout");
            if (read != null) {
                timeouts.computeIfAbsent(read, k -> new ArrayList<>()).add(path);
            } else {
                Fact d = Fact.of(Kinds.SETTING, "idle.timeout").value(Long.toString(DEFAULT_READ_TIMEOUT_MS))
                        .unit("ms").source(Source.DEFAULT).evidence(InfraEvidence.at(file, loc.line()))
                        .attr("role", "proxy").attr("lb", "nginx").attr("context", "nginx proxy_read_timeout")
                        .attr("location", path).build();
                if (whole) {
                    ctx.emit(d);
                } else {
                    fragmentDefaults.add(d);
                }
            }
            Directive send = nearest(chain, "proxy_send_timeout");
            if (send != null) {
                timeouts.computeIfAbsent(send, k -> new ArrayList<>()).add(path);
            }
        }

        /** A proxy_read_timeout outside any location: at the top of a fragment, in http or in server. */
        private static boolean outerTimeout(List<Directive> block, int depth) {
            for (Directive d : block) {
                if (!d.isBlock() && d.name().equals("proxy_read_timeout")) {
                    return true;
                }
                if (d.isBlock() && depth < 8 && (d.name().equals("http") || d.name().equals("server"))
                        && outerTimeout(d.block(), depth + 1)) {
                    return true;
                }
            }
            return false;
        }

        private static String upstreamName(String proxyPass) {
            String s = proxyPass.replaceFirst("^[a-z]+://", "");
            int slash = s.indexOf('/');
            return slash < 0 ? s : s.substring(0, slash);
        }

        private static String findProxyPass(List<Directive> block) {
            for (Directive d : block) {
                if (d.name().equals("proxy_pass") && d.arg(0) != null) {
                    return d.arg(0);
                }
                if (d.isBlock() && (d.name().equals("if") || d.name().equals("limit_except"))) {
                    String inner = findProxyPass(d.block());
                    if (inner != null) {
                        return inner;
                    }
                }
            }
            return null;
        }

        /**
         * Whether the proxy_set_header directives in force carry the upgrade: nginx inherits them from the
         * nearest enclosing level that has any.
         */
        private static String upgradeHeaders(List<List<Directive>> chain) {
            for (int i = chain.size() - 1; i >= 0; i--) {
                List<Directive> level = chain.get(i);
                if (!hasAny(level, "proxy_set_header")) {
                    continue;
                }
                boolean upgrade = false;
                boolean connection = false;
                for (Directive d : level) {
                    if (!d.name().equals("proxy_set_header") || d.args().size() < 2) {
                        continue;
                    }
                    String h = d.arg(0).toLowerCase(Locale.ROOT);
                    String v = d.arg(1).toLowerCase(Locale.ROOT);
                    if (h.equals("upgrade") && (v.contains("$http_upgrade") || v.equals("websocket")
                            || v.startsWith("$"))) {
                        upgrade = true;
                    }
                    if (h.equals("connection") && (v.contains("upgrade") || v.startsWith("$"))) {
                        connection = true;
                    }
                }
                return upgrade && connection ? "true" : upgrade || connection ? "partial" : "false";
            }
            return "false";
        }

        private static Directive nearest(List<List<Directive>> chain, String name) {
            for (int i = chain.size() - 1; i >= 0; i--) {
                Directive d = last(chain.get(i), name);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }

        private static Directive last(List<Directive> block, String name) {
            Directive found = null;
            for (Directive d : block) {
                if (!d.isBlock() && d.name().equals(name)) {
                    found = d;
                }
            }
            return found;
        }

        private static boolean hasAny(List<Directive> block, String name) {
            for (Directive d : block) {
                if (d.name().equals(name)) {
                    return true;
                }
            }
            return false;
        }
    }
}
