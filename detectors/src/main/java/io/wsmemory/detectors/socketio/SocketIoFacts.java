package io.wsmemory.detectors.socketio;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.knowledge.LibraryDefaults;
import io.wsmemory.core.knowledge.LibraryDefaults.Choice;
import io.wsmemory.detectors.js.JsOption;
import io.wsmemory.detectors.js.NestJsFiles;
import io.wsmemory.detectors.socketio.Findings.Side;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the findings of every file into facts once the whole repository is known: versions pick the defaults,
 * events seen on both sides get one direction, and findings made only from conventional names are kept when the
 * repository depends on Socket.IO.
 */
final class SocketIoFacts {

    static final String SERVER_LIB = "socket.io";
    static final String CLIENT_LIB = "socket.io-client";
    private static final LibraryDefaults SERVER_DEFAULTS =
            LibraryDefaults.load(SocketIoFacts.class, "server-defaults.json");
    private static final LibraryDefaults CLIENT_DEFAULTS =
            LibraryDefaults.load(SocketIoFacts.class, "client-defaults.json");

    /** Server options that are settings: option → fact key. */
    private static final Map<String, String> SERVER_SETTINGS = Map.of(
            "pingInterval", "ping.interval",
            "pingTimeout", "ping.timeout",
            "maxHttpBufferSize", "payload.max",
            "connectTimeout", "handshake.timeout",
            "upgradeTimeout", "upgrade.timeout",
            "perMessageDeflate", "compression",
            "path", "path");
    private static final Map<String, String> CLIENT_RECONNECT = Map.of(
            "reconnection", "enabled",
            "reconnectionAttempts", "attempts",
            "reconnectionDelay", "delay.min",
            "reconnectionDelayMax", "delay.max",
            "randomizationFactor", "jitter");
    private static final Map<String, String> CLIENT_SETTINGS = Map.of(
            "timeout", "handshake.timeout",
            "path", "path",
            "ackTimeout", "send.timeLimit");

    private final List<Findings> all;
    private final RepoContext ctx;
    private final boolean repoUsesSocketIo;

    SocketIoFacts(List<Findings> all, RepoContext ctx) {
        this.all = all;
        this.ctx = ctx;
        boolean declared = ctx.facts().stream().anyMatch(f -> Kinds.LIBRARY.equals(f.kind())
                && (SERVER_LIB.equals(f.key()) || CLIENT_LIB.equals(f.key())));
        boolean imported = all.stream().anyMatch(f -> !f.libraries.isEmpty() || !f.servers.isEmpty()
                || !f.clients.isEmpty());
        this.repoUsesSocketIo = declared || imported;
    }

    void emit() {
        if (!repoUsesSocketIo) {
            return;
        }
        for (Findings f : all) {
            for (Findings.LibraryUse l : f.libraries) {
                ctx.emit(Fact.of(Kinds.LIBRARY, l.id()).value("unknown").library(l.id()).evidence(l.at())
                        .attr("role", l.role()).attr("language", languageOf(f.path)).attr("via", "import").build());
            }
        }
        boolean anyServer = false;
        for (Findings f : all) {
            for (Findings.Server s : f.servers) {
                if (!s.options().isEmpty() || s.port() == null || isConstruction(s)) {
                    anyServer |= server(f, s);
                } else {
                    port(s.port(), "server");
                }
            }
        }
        for (Findings f : all) {
            for (Findings.Client c : f.clients) {
                client(f, c);
            }
        }
        namespaces(anyServer);
        auth(anyServer);
        events();
        rooms();
        adapters();
        for (Findings f : all) {
            for (Findings.Sticky s : f.stickies) {
                ctx.emit(Fact.of(Kinds.STICKY, s.key()).value(s.value()).library(SERVER_LIB).evidence(s.at()).build());
            }
        }
        serializations();
    }

    /** One fact per format; binary payloads seen in several places name every type seen. */
    private void serializations() {
        Map<String, List<Findings.Serialization>> byKey = new TreeMap<>();
        for (Findings f : all) {
            for (Findings.Serialization s : f.serializations) {
                byKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
            }
        }
        byKey.forEach((key, list) -> {
            Set<String> values = new LinkedHashSet<>();
            List<Evidence> evidence = new ArrayList<>();
            list.sort(java.util.Comparator.comparing(Findings.Serialization::at));
            for (Findings.Serialization s : list) {
                values.add(s.value());
                evidence.add(s.at());
            }
            Source source = list.get(0).source();
            ctx.emit(Fact.of(Kinds.SERIALIZATION, key).value(String.join("; ", values)).library(SERVER_LIB)
                    .source(source).confidence(source == Source.INFERRED ? Confidence.MEDIUM : Confidence.HIGH)
                    .evidence(evidence).build());
        });
    }

    private static boolean isConstruction(Findings.Server s) {
        return s.port() != null && s.at().snippet() != null && !s.at().snippet().contains(".listen(");
    }

    // ---- servers ---------------------------------------------------------------------------------------------

    private boolean server(Findings f, Findings.Server s) {
        String version = version(SERVER_LIB, f.path);
        Map<String, JsOption> o = s.options();
        for (Map.Entry<String, String> e : SERVER_SETTINGS.entrySet()) {
            JsOption v = o.get(e.getKey());
            if (v != null && v.value() != null) {
                String value = e.getValue().equals("compression") && "<object>".equals(v.value()) ? "true" : v.value();
                ctx.emit(setting(e.getValue(), value, v, "server").build());
            }
        }
        for (LibraryDefaults.Entry d : SERVER_DEFAULTS.entries()) {
            if (o.get(d.option()) == null) {
                SERVER_DEFAULTS.lookup(d.key(), version).ifPresent(c -> ctx.emit(defaulted(Kinds.SETTING, c,
                        SERVER_LIB, s.at(), "server")));
            }
        }
        if (s.port() != null) {
            port(s.port(), "server");
        }
        transports(o.get("transports"), s.at(), SERVER_LIB, "server");
        origin(o, s, version);
        if (o.get("parser") == null) {
            ctx.emit(Fact.of(Kinds.SERIALIZATION, "json").value("socket.io default parser").library(SERVER_LIB)
                    .source(Source.DEFAULT).evidence(s.at()).build());
        }
        JsOption recovery = o.get("connectionStateRecovery");
        if (recovery != null) {
            JsOption max = o.get("connectionStateRecovery.maxDisconnectionDuration");
            ctx.emit(Fact.of(Kinds.RECONNECT, "recovery")
                    .value(max != null && max.value() != null ? max.value() : "120000").unit("ms").library(SERVER_LIB)
                    .source(max != null ? max.source() : Source.DEFAULT).evidence(recovery.evidence())
                    .attr("role", "server").attr("option", "connectionStateRecovery").build());
        }
        return true;
    }

    private void origin(Map<String, JsOption> o, Findings.Server s, String version) {
        JsOption cors = o.get("cors.origin");
        if (cors == null && o.get("cors") != null && "<object>".equals(o.get("cors").value())) {
            cors = null;
        }
        JsOption origins = o.get("origins");
        JsOption opt = cors != null ? cors : origins;
        int major = major(version);
        if (opt == null) {
            String value = major > 0 && major < 3 ? "*:*" : "";
            ctx.emit(Fact.of(Kinds.ORIGIN, "any").value(value).library(SERVER_LIB).source(Source.DEFAULT)
                    .confidence(Confidence.MEDIUM).evidence(s.at()).attr("role", "server")
                    .attr("note", major > 0 && major < 3 ? "Socket.IO 2 default origins *:*"
                            : "no cors option: Socket.IO 3+ does not check the Origin of WebSocket upgrades")
                    .build());
            return;
        }
        String v = opt.value();
        String key;
        if (v == null || "<function>".equals(v)) {
            key = "allow-list";
            v = v == null ? "" : "custom function";
        } else if (v.equals("*") || v.equals("true") || v.equals("*:*")) {
            key = "any";
        } else if (v.isEmpty() && opt.source() == Source.ENV) {
            key = "allow-list";
        } else {
            key = "allow-list";
        }
        ctx.emit(Fact.of(Kinds.ORIGIN, key).value(v).library(SERVER_LIB).source(opt.source())
                .confidence(opt.confidence()).evidence(opt.evidence()).attr("role", "server")
                .attr("variable", opt.variable()).build());
    }

    private void transports(JsOption t, Evidence at, String library, String role) {
        if (t == null || t.items() == null) {
            ctx.emit(Fact.of(Kinds.TRANSPORT, "websocket").value("primary").library(library).source(Source.DEFAULT)
                    .evidence(at).attr("role", role).build());
            ctx.emit(Fact.of(Kinds.TRANSPORT, "polling").value("fallback").library(library).source(Source.DEFAULT)
                    .evidence(at).attr("role", role).build());
            return;
        }
        Set<String> items = new LinkedHashSet<>();
        for (String i : t.items()) {
            if (i != null) {
                items.add(i);
            }
        }
        boolean ws = items.contains("websocket");
        for (String i : items) {
            String value = i.equals("websocket") || !ws && i.equals(items.iterator().next()) ? "primary" : "fallback";
            ctx.emit(Fact.of(Kinds.TRANSPORT, i).value(value).library(library).source(t.source())
                    .confidence(t.confidence()).evidence(t.evidence()).attr("role", role).build());
        }
    }

    private void port(JsOption p, String role) {
        if (p.value() == null) {
            return;
        }
        if (p.source() == Source.ENV && p.value().isEmpty()) {
            return; // PORT from the environment with no literal fallback says nothing certain
        }
        ctx.emit(Fact.of(Kinds.SETTING, "port").value(p.value()).library(SERVER_LIB).source(p.source())
                .confidence(p.confidence()).evidence(p.evidence()).attr("role", role)
                .attr("variable", p.variable()).build());
    }

    // ---- clients ---------------------------------------------------------------------------------------------

    private void client(Findings f, Findings.Client c) {
        String version = version(CLIENT_LIB, f.path);
        Map<String, JsOption> o = c.options();
        for (Map.Entry<String, String> e : CLIENT_RECONNECT.entrySet()) {
            JsOption v = o.get(e.getKey());
            if (v != null && v.value() != null) {
                Fact.Builder b = Fact.of(Kinds.RECONNECT, e.getValue()).value(v.value()).library(CLIENT_LIB)
                        .source(v.source()).confidence(v.confidence()).evidence(v.evidence()).attr("role", "client")
                        .attr("variable", v.variable());
                if (e.getValue().startsWith("delay")) {
                    b.unit("ms");
                }
                ctx.emit(b.build());
            }
        }
        for (Map.Entry<String, String> e : CLIENT_SETTINGS.entrySet()) {
            JsOption v = o.get(e.getKey());
            if (v != null && v.value() != null) {
                ctx.emit(setting(e.getValue(), v.value(), v, "client").library(CLIENT_LIB).build());
            }
        }
        boolean disabled = o.get("reconnection") != null && "false".equals(o.get("reconnection").value());
        for (LibraryDefaults.Entry d : CLIENT_DEFAULTS.entries()) {
            if (o.get(d.option()) != null || disabled && "reconnect".equals(d.kind())) {
                continue;
            }
            String kind = d.kind() == null ? Kinds.SETTING : d.kind();
            CLIENT_DEFAULTS.lookup(d.key(), kind, version).ifPresent(ch -> ctx.emit(defaulted(kind, ch, CLIENT_LIB,
                    c.at(), "client")));
        }
        JsOption transports = o.get("transports");
        if (transports != null) {
            transports(transports, c.at(), CLIENT_LIB, "client");
        }
        if (c.url() != null) {
            url(c);
        }
        ctx.emit(Fact.of(Kinds.CLIENT_TYPE, c.clientType()).value(f.path).attr("app", c.clientTypeWhy())
                .library(CLIENT_LIB).confidence(Confidence.MEDIUM).evidence(c.at()).attr("url", c.url()).build());
    }

    private void url(Findings.Client c) {
        try {
            java.net.URI u = java.net.URI.create(c.url().trim());
            String path = u.getPath();
            if (path != null && path.length() > 1) {
                ctx.emit(Fact.of(Kinds.NAMESPACE, path).value("").library(CLIENT_LIB).evidence(c.at())
                        .attr("role", "client").build());
            }
        } catch (IllegalArgumentException e) {
            // a URL built at run time: nothing certain to say
        }
    }

    // ---- namespaces, auth ------------------------------------------------------------------------------------

    private void namespaces(boolean anyServer) {
        Evidence first = null;
        for (Findings f : all) {
            for (Findings.Namespace n : f.namespaces) {
                ctx.emit(Fact.of(Kinds.NAMESPACE, n.name()).value("").library(SERVER_LIB).evidence(n.at()).build());
            }
            if (first == null && f.connectionHandler != null) {
                first = f.connectionHandler;
            }
        }
        if (anyServer && first != null) {
            ctx.emit(Fact.of(Kinds.NAMESPACE, "/").value("").library(SERVER_LIB).source(Source.DEFAULT)
                    .evidence(first).build());
        }
    }

    private void auth(boolean anyServer) {
        boolean found = false;
        for (Findings f : all) {
            for (Findings.Auth a : f.auths) {
                if (a.side() == Side.CLIENT) {
                    continue;
                }
                found = true;
                ctx.emit(Fact.of(Kinds.AUTH, a.mechanism()).value(a.phase()).library(SERVER_LIB)
                        .confidence(a.mechanism().equals("token") ? Confidence.MEDIUM : Confidence.HIGH)
                        .evidence(a.at()).attr("carrier", a.carrier()).build());
            }
        }
        if (!found && !anyServer) { // only the client is here: what it sends is all the repository shows
            for (Findings f : all) {
                for (Findings.Auth a : f.auths) {
                    ctx.emit(Fact.of(Kinds.AUTH, a.mechanism()).value(a.phase()).library(CLIENT_LIB)
                            .confidence(Confidence.LOW).evidence(a.at()).attr("carrier", a.carrier())
                            .attr("role", "client").attr("note", "credential sent by the client; the server that "
                                    + "checks it is not in this repository").build());
                }
            }
        }
        if (!found && anyServer) {
            Evidence at = null;
            for (Findings f : all) {
                if (at == null && f.connectionHandler != null && f.side != Side.CLIENT) {
                    at = f.connectionHandler;
                }
            }
            if (at == null) {
                for (Findings f : all) {
                    if (at == null && !f.servers.isEmpty()) {
                        at = f.servers.get(0).at();
                    }
                }
            }
            ctx.emit(Fact.of(Kinds.AUTH, "none").value("none").library(SERVER_LIB).source(Source.INFERRED)
                    .confidence(Confidence.MEDIUM).evidence(at)
                    .attr("note", "no io.use middleware, allowRequest or credential check on connection").build());
        }
    }

    // ---- events and rooms ------------------------------------------------------------------------------------

    private void events() {
        Map<String, List<Findings.Event>> byName = new TreeMap<>();
        Set<String> nest = NestJsFiles.serverEvents(ctx);
        for (Findings f : all) {
            for (Findings.Event e : f.events) {
                Side side = side(f, e.side());
                if (side == null || side == Side.CLIENT && nest.contains(e.name())) {
                    continue; // a NestJS gateway's event, already reported from the server's side
                }
                byName.computeIfAbsent(e.name(), k -> new ArrayList<>())
                        .add(new Findings.Event(e.name(), side, e.emit(), e.at(), e.payload(), e.ack(),
                                e.description(), e.weak(), e.validation(), e.required()));
            }
        }
        for (Map.Entry<String, List<Findings.Event>> e : byName.entrySet()) {
            boolean in = false;
            boolean out = false;
            boolean ack = false;
            boolean strong = false;
            String description = null;
            String validation = null;
            String required = null;
            Map<String, String> payloads = new LinkedHashMap<>();
            List<Evidence> evidence = new ArrayList<>();
            e.getValue().sort(java.util.Comparator.comparing((Findings.Event u) -> u.side() != Side.SERVER)
                    .thenComparing(Findings.Event::at));
            for (Findings.Event u : e.getValue()) {
                boolean inbound = u.side() == Side.SERVER ? !u.emit() : u.emit();
                in |= inbound;
                out |= !inbound;
                ack |= u.ack();
                strong |= !u.weak();
                if (description == null && u.description() != null) {
                    description = u.description();
                }
                if (validation == null && u.validation() != null) {
                    validation = u.validation();
                    required = u.required();
                }
                if (u.payload() != null) {
                    payloads.putIfAbsent(inbound ? "in" : "out", u.payload());
                }
                evidence.add(u.at());
            }
            String direction = in && out ? "both" : in ? "in" : "out";
            String payload = payloads.size() == 2 ? "in " + payloads.get("in") + "; out " + payloads.get("out")
                    : payloads.values().stream().findFirst().orElse(null);
            String name = e.getKey();
            int colon = name.indexOf(':');
            ctx.emit(Fact.of(Kinds.EVENT, name).value(direction).library(SERVER_LIB)
                    .confidence(strong ? Confidence.HIGH : Confidence.MEDIUM).evidence(evidence)
                    .attr("payload", payload).attr("ack", ack ? "true" : null).attr("description", description)
                    .attr("domain", colon > 0 ? name.substring(0, colon) : null)
                    .attr("validation", validation).attr("required", required).build());
        }
    }

    private void rooms() {
        Map<String, List<Evidence>> byKey = new TreeMap<>();
        for (Findings f : all) {
            if (f.side == Side.CLIENT) {
                continue;
            }
            for (Findings.Room r : f.rooms) {
                if (r.weak() && side(f, Side.UNKNOWN) != Side.SERVER) {
                    continue;
                }
                byKey.computeIfAbsent(r.pattern() + "\u0000" + r.action(), k -> new ArrayList<>()).add(r.at());
            }
        }
        for (Map.Entry<String, List<Evidence>> e : byKey.entrySet()) {
            String[] parts = e.getKey().split("\u0000", 2);
            ctx.emit(Fact.of(Kinds.ROOM, parts[0]).value(parts[1]).library(SERVER_LIB).evidence(e.getValue())
                    .confidence(parts[0].contains("{") ? Confidence.MEDIUM : Confidence.HIGH).build());
        }
    }

    private void adapters() {
        for (Findings f : all) {
            for (Findings.Adapter a : f.adapters) {
                ctx.emit(Fact.of(Kinds.ADAPTER, a.key()).value(a.pkg()).library(SERVER_LIB).evidence(a.at()).build());
                JsOption b = a.broker();
                if (b != null && b.value() != null) {
                    ctx.emit(Fact.of(Kinds.BROKER, "redis").value(b.value()).library(SERVER_LIB).source(b.source())
                            .confidence(b.confidence() == Confidence.HIGH && b.source() != Source.DEFAULT
                                    ? Confidence.HIGH : Confidence.MEDIUM)
                            .evidence(b.evidence()).attr("variable", b.variable()).attr("via", a.pkg()).build());
                }
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** The side of a finding; for files that import neither package, the side of the package they belong to. */
    private Side side(Findings f, Side observed) {
        if (observed != Side.UNKNOWN) {
            return observed;
        }
        boolean server = ctx.library(SERVER_LIB, f.path).isPresent();
        boolean client = ctx.library(CLIENT_LIB, f.path).isPresent();
        if (server && !client) {
            return Side.SERVER;
        }
        if (client && !server) {
            return Side.CLIENT;
        }
        String p = f.path.toLowerCase(java.util.Locale.ROOT);
        if (p.endsWith(".vue") || p.endsWith(".svelte") || p.endsWith(".jsx") || p.endsWith(".tsx")
                || p.contains("client") || p.contains("public/") || p.contains("frontend") || p.contains("components/")) {
            return Side.CLIENT;
        }
        return Side.SERVER;
    }

    private String version(String library, String path) {
        Optional<Fact> lib = ctx.library(library, path);
        return lib.map(Fact::value).orElse(null);
    }

    private static int major(String version) {
        LibraryDefaults.Version v = LibraryDefaults.Version.parse(version);
        return v == null ? 0 : v.major();
    }

    private static Fact.Builder setting(String key, String value, JsOption v, String role) {
        Fact.Builder b = Fact.of(Kinds.SETTING, key).value(value).library(SERVER_LIB).source(v.source())
                .confidence(v.confidence()).evidence(v.evidence()).attr("role", role).attr("variable", v.variable());
        String unit = unitOf(key);
        if (unit != null) {
            b.unit(unit);
        }
        return b;
    }

    private static Fact defaulted(String kind, Choice c, String library, Evidence at, String role) {
        Fact.Builder b = Fact.of(kind, c.entry().key()).value(c.value()).library(library).source(Source.DEFAULT)
                .confidence(c.confidence()).evidence(at).attr("role", role).attr("default", c.basisLabel())
                .attr("option", c.entry().option());
        if (c.entry().unit() != null) {
            b.unit(c.entry().unit());
        }
        return b.build();
    }

    private static String unitOf(String key) {
        return switch (key) {
            case "ping.interval", "ping.timeout", "handshake.timeout", "upgrade.timeout", "send.timeLimit" -> "ms";
            case "payload.max" -> "bytes";
            default -> null;
        };
    }

    private static String languageOf(String path) {
        return path.endsWith(".ts") || path.endsWith(".tsx") || path.endsWith(".mts") || path.endsWith(".cts")
                ? "typescript" : "javascript";
    }
}
