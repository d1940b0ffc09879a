package io.wsmemory.detectors.nestjs;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.knowledge.LibraryDefaults;
import io.wsmemory.detectors.js.JsOption;
import io.wsmemory.detectors.js.NestJsFiles;
import io.wsmemory.detectors.nestjs.NestFindings.Platform;
import io.wsmemory.detectors.socketio.SocketIoDetector;
import io.wsmemory.detectors.socketio.SocketIoNames;
import io.wsmemory.detectors.ws.WsDetector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Facts of a NestJS application once every file is read: the platform under the gateways (Socket.IO unless the
 * bootstrap installs {@code WsAdapter}), each gateway's settings with that library's defaults for the version the
 * manifests imply, events merged across handlers, replies and emits, rooms, authentication and adapters.
 */
final class NestFacts {

    static final String IO = "socket.io";
    static final String WS = "ws";
    private static final LibraryDefaults IO_DEFAULTS = LibraryDefaults.load(SocketIoDetector.class,
            "server-defaults.json");
    private static final LibraryDefaults WS_DEFAULTS = LibraryDefaults.load(WsDetector.class,
            "ws-server-defaults.json");
    private static final Map<String, String> IO_SETTINGS = Map.of(
            "pingInterval", "ping.interval",
            "pingTimeout", "ping.timeout",
            "maxHttpBufferSize", "payload.max",
            "connectTimeout", "handshake.timeout",
            "upgradeTimeout", "upgrade.timeout",
            "perMessageDeflate", "compression",
            "path", "path");
    private static final Map<String, String> WS_SETTINGS = Map.of(
            "path", "path",
            "maxPayload", "payload.max",
            "perMessageDeflate", "compression");
    private static final List<String> PHASES = List.of("handshake-middleware", "upgrade-request",
            "connection-handler", "first-message", "per-message");

    private final List<NestFindings> all;
    private final RepoContext ctx;

    NestFacts(List<NestFindings> all, RepoContext ctx) {
        this.all = all;
        this.ctx = ctx;
    }

    void emit() {
        if (all.isEmpty()) {
            return;
        }
        for (NestFindings f : all) {
            for (NestFindings.LibraryUse l : f.libraries) {
                ctx.emit(Fact.of(Kinds.LIBRARY, l.id()).value("unknown").library(l.id()).evidence(l.at())
                        .attr("role", "server").attr("language", "typescript").attr("via", "import").build());
            }
        }
        Platform applied = appliedPlatform();
        Map<String, JsOption> adapterOptions = new LinkedHashMap<>();
        JsOption listen = null;
        for (NestFindings f : all) {
            adapterOptions.putAll(f.adapterOptions);
            if (listen == null) {
                listen = f.listenPort;
            }
        }
        boolean io = false;
        boolean ws = false;
        Evidence firstGateway = null;
        for (NestFindings f : all) {
            for (NestFindings.Gateway g : f.gateways) {
                Platform p = platform(applied, f.path, g);
                if (p == Platform.WS) {
                    ws = true;
                    wsGateway(f.path, g, listen);
                } else {
                    io = true;
                    ioGateway(f.path, g, adapterOptions, listen);
                }
                if (firstGateway == null) {
                    firstGateway = g.at();
                }
            }
        }
        if (firstGateway != null) { // a gateway needs its platform package, declared or not where the scan looks
            if (io) {
                platformLibrary("nestjs-platform-socket.io", firstGateway);
            }
            if (ws) {
                platformLibrary("nestjs-platform-ws", firstGateway);
            }
        }
        Platform events = ws && !io || !io && applied == Platform.WS ? Platform.WS : Platform.SOCKET_IO;
        events(events);
        rooms(events == Platform.WS ? WS : IO);
        auth(firstGateway, events == Platform.WS ? WS : IO);
        adapters();
    }

    private void platformLibrary(String id, Evidence at) {
        ctx.emit(Fact.of(Kinds.LIBRARY, id).value("unknown").library(id).source(Source.INFERRED)
                .confidence(Confidence.MEDIUM).evidence(at).attr("role", "server").attr("language", "typescript")
                .attr("via", "gateway").build());
    }

    /** The platform the bootstrap installs ({@code useWebSocketAdapter}), else the one adapter classes extend. */
    private Platform appliedPlatform() {
        Platform byClass = Platform.UNKNOWN;
        for (NestFindings f : all) {
            for (NestFindings.AdapterUse u : f.adapterUses) {
                if (u.platform() == Platform.UNKNOWN) {
                    continue;
                }
                boolean call = u.at().snippet() != null && u.at().snippet().contains("useWebSocketAdapter");
                if (call) {
                    return u.platform();
                }
                if (byClass == Platform.UNKNOWN || u.platform() == Platform.WS) {
                    byClass = u.platform();
                }
            }
        }
        return byClass;
    }

    private Platform platform(Platform applied, String path, NestFindings.Gateway g) {
        if (applied != Platform.UNKNOWN) {
            return applied;
        }
        boolean wsDeclared = ctx.library("nestjs-platform-ws", path).isPresent();
        boolean ioDeclared = ctx.library("nestjs-platform-socket.io", path).isPresent();
        if (wsDeclared && !ioDeclared) {
            return Platform.WS;
        }
        if (!ioDeclared && g.hint() == Platform.WS) {
            return Platform.WS;
        }
        return Platform.SOCKET_IO;
    }

    // ---- Socket.IO gateways ------------------------------------------------------------------------------

    private void ioGateway(String path, NestFindings.Gateway g, Map<String, JsOption> adapterOptions,
                           JsOption listen) {
        Map<String, JsOption> o = new LinkedHashMap<>(g.options());
        o.putAll(adapterOptions);
        String[] version = ioVersion(path);
        for (Map.Entry<String, String> e : IO_SETTINGS.entrySet()) {
            JsOption v = o.get(e.getKey());
            if (v != null && v.value() != null && !v.value().equals("<function>")) {
                String value = e.getValue().equals("compression") && "<object>".equals(v.value()) ? "true"
                        : v.value();
                if (!value.equals("<object>")) {
                    ctx.emit(setting(e.getValue(), value, v, IO).build());
                }
            }
        }
        for (LibraryDefaults.Entry d : IO_DEFAULTS.entries()) {
            if (o.get(d.option()) == null) {
                IO_DEFAULTS.lookup(d.key(), version[0]).ifPresent(c -> ctx.emit(defaulted(c, IO, g.at(),
                        version[1])));
            }
        }
        port(g, listen, IO);
        transports(o.get("transports"), g.at());
        origin(o, g, version[0]);
        namespace(o.get("namespace"), g);
        JsOption parser = o.get("parser");
        if (parser == null) {
            ctx.emit(Fact.of(Kinds.SERIALIZATION, "json").value("socket.io default parser").library(IO)
                    .source(Source.DEFAULT).evidence(g.at()).build());
        } else if (parser.value() != null && parser.value().contains("msgpack")) {
            ctx.emit(Fact.of(Kinds.SERIALIZATION, "msgpack").value(parser.value()).library(IO)
                    .evidence(parser.evidence()).build());
        }
    }

    /** The Socket.IO version behind the defaults: declared, else the one the NestJS platform package ships. */
    private String[] ioVersion(String path) {
        Optional<Fact> declared = ctx.library(IO, path);
        if (declared.isPresent()) {
            return new String[] {declared.get().value(), null};
        }
        Optional<Fact> platform = ctx.library("nestjs-platform-socket.io", path);
        if (platform.isPresent()) {
            LibraryDefaults.Version v = LibraryDefaults.Version.parse(platform.get().value());
            if (v != null && v.major() >= 5) { // Nest 8 moved to Socket.IO 4; Nest 5 to 7 shipped Socket.IO 2.1+
                return new String[] {v.major() >= 8 ? "4" : "2.2",
                        "@nestjs/platform-socket.io " + platform.get().value()};
            }
        }
        return new String[] {null, null};
    }

    private void transports(JsOption t, Evidence at) {
        if (t == null || t.items() == null) {
            ctx.emit(Fact.of(Kinds.TRANSPORT, "websocket").value("primary").library(IO).source(Source.DEFAULT)
                    .evidence(at).attr("role", "server").build());
            ctx.emit(Fact.of(Kinds.TRANSPORT, "polling").value("fallback").library(IO).source(Source.DEFAULT)
                    .evidence(at).attr("role", "server").build());
            return;
        }
        Set<String> items = new LinkedHashSet<>();
        for (String i : t.items()) {
            if (i != null) {
                items.add(i);
            }
        }
        boolean hasWs = items.contains("websocket");
        for (String i : items) {
            String value = i.equals("websocket") || !hasWs && i.equals(items.iterator().next()) ? "primary"
                    : "fallback";
            ctx.emit(Fact.of(Kinds.TRANSPORT, i).value(value).library(IO).source(t.source())
                    .confidence(t.confidence()).evidence(t.evidence()).attr("role", "server").build());
        }
    }

    /**
     * {@code cors: {origin: [...]}} lists origins; {@code cors: true}, {@code '*'} or options without an origin let
     * any origin in (the cors package's default); no cors at all: Socket.IO 3+ checks no Origin on upgrades.
     */
    private void origin(Map<String, JsOption> o, NestFindings.Gateway g, String version) {
        LibraryDefaults.Version parsed = LibraryDefaults.Version.parse(version);
        if (parsed != null && parsed.major() < 3) {
            originV2(o.get("origins"), g);
            return;
        }
        JsOption origin = o.get("cors.origin");
        JsOption cors = o.get("cors");
        if (origin == null && cors != null && cors.value() != null && !cors.value().equals("false")
                && !cors.value().isEmpty()) {
            ctx.emit(Fact.of(Kinds.ORIGIN, "any").value("*").library(IO).source(cors.source())
                    .confidence(cors.confidence()).evidence(cors.evidence()).attr("role", "server")
                    .attr("note", "cors without an origin: the cors package allows every origin").build());
            return;
        }
        if (origin == null) {
            ctx.emit(Fact.of(Kinds.ORIGIN, "any").value("").library(IO).source(Source.DEFAULT)
                    .confidence(Confidence.MEDIUM).evidence(g.at()).attr("role", "server")
                    .attr("note", "no cors option: Socket.IO 3+ does not check the Origin of WebSocket upgrades")
                    .build());
            return;
        }
        String v = origin.value();
        String key = v != null && (v.equals("*") || v.equals("true")) ? "any" : "allow-list";
        if ("<function>".equals(v)) {
            v = "custom function";
        }
        ctx.emit(Fact.of(Kinds.ORIGIN, key).value(v == null ? "" : v).library(IO).source(origin.source())
                .confidence(origin.confidence()).evidence(origin.evidence()).attr("role", "server")
                .attr("variable", origin.variable()).build());
    }

    /** Socket.IO 2 checks {@code origins} ({@code *:*} unless set) and knows no {@code cors} option. */
    private void originV2(JsOption origins, NestFindings.Gateway g) {
        if (origins == null || origins.value() == null) {
            ctx.emit(Fact.of(Kinds.ORIGIN, "any").value("*:*").library(IO).source(Source.DEFAULT)
                    .confidence(Confidence.MEDIUM).evidence(g.at()).attr("role", "server")
                    .attr("note", "Socket.IO 2 default origins *:*; it has no cors option").build());
            return;
        }
        String v = origins.value();
        String key = v.equals("*:*") || v.equals("*") ? "any" : "allow-list";
        ctx.emit(Fact.of(Kinds.ORIGIN, key).value(v.equals("<function>") ? "custom function" : v).library(IO)
                .source(origins.source()).confidence(origins.confidence()).evidence(origins.evidence())
                .attr("role", "server").attr("variable", origins.variable()).build());
    }

    /** The gateway's namespace; Socket.IO prefixes a name without a slash with one. */
    private void namespace(JsOption ns, NestFindings.Gateway g) {
        if (ns == null || ns.value() == null || ns.value().startsWith("<")) {
            ctx.emit(Fact.of(Kinds.NAMESPACE, "/").value("").library(IO).source(ns == null ? Source.DEFAULT
                    : Source.INFERRED).confidence(ns == null ? Confidence.HIGH : Confidence.LOW).evidence(g.at())
                    .attr("gateway", g.className()).build());
            return;
        }
        String name = ns.value();
        boolean regex = ns.evidence().get(0).snippet() != null && ns.evidence().get(0).snippet()
                .matches(".*namespace\\s*:\\s*/.*");
        if (regex) {
            name = "/" + name + "/";
        } else if (!name.startsWith("/")) {
            name = "/" + name;
        }
        ctx.emit(Fact.of(Kinds.NAMESPACE, name).value("").library(IO).source(ns.source())
                .confidence(ns.confidence()).evidence(ns.evidence()).attr("gateway", g.className())
                .attr("variable", ns.variable()).build());
    }

    private void port(NestFindings.Gateway g, JsOption listen, String library) {
        JsOption p = g.port();
        String note = null;
        if (p == null || "0".equals(p.value())) {
            p = listen;
            note = "the HTTP server's port: the gateway has none of its own";
        }
        if (p == null || p.value() == null || p.source() == Source.ENV && p.value().isEmpty()) {
            return;
        }
        ctx.emit(Fact.of(Kinds.SETTING, "port").value(p.value()).library(library).source(p.source())
                .confidence(p.confidence()).evidence(p.evidence()).attr("role", "server")
                .attr("variable", p.variable()).attr("note", note).build());
    }

    // ---- ws gateways -------------------------------------------------------------------------------------

    private void wsGateway(String path, NestFindings.Gateway g, JsOption listen) {
        Map<String, JsOption> o = g.options();
        for (Map.Entry<String, String> e : WS_SETTINGS.entrySet()) {
            JsOption v = o.get(e.getKey());
            if (v != null && v.value() != null && !v.value().startsWith("<function")) {
                String value = v.value().equals("<object>") ? "true" : v.value();
                ctx.emit(setting(e.getValue(), value, v, WS).build());
            }
        }
        String version = ctx.library(WS, path).map(Fact::value).orElse(null);
        String via = null;
        if (version == null) {
            Optional<Fact> platform = ctx.library("nestjs-platform-ws", path);
            LibraryDefaults.Version v = platform.map(f -> LibraryDefaults.Version.parse(f.value())).orElse(null);
            if (v != null) {
                version = v.major() >= 8 ? "8" : "7";
                via = "@nestjs/platform-ws " + platform.get().value();
            }
        }
        for (LibraryDefaults.Entry d : WS_DEFAULTS.entries()) {
            if (o.get(d.option()) == null) {
                String finalVia = via;
                WS_DEFAULTS.lookup(d.key(), version).ifPresent(c -> ctx.emit(defaulted(c, WS, g.at(), finalVia)));
            }
        }
        port(g, listen, WS);
        if (o.get("verifyClient") == null) {
            ctx.emit(Fact.of(Kinds.ORIGIN, "any").value("").library(WS).source(Source.DEFAULT)
                    .confidence(Confidence.MEDIUM).evidence(g.at()).attr("role", "server")
                    .attr("note", "ws never checks the Origin header and the gateway sets no verifyClient").build());
        }
        ctx.emit(Fact.of(Kinds.SERIALIZATION, "json").value("NestJS WsAdapter {event, data} messages").library(WS)
                .source(Source.DEFAULT).evidence(g.at()).build());
        ctx.emit(Fact.of(Kinds.ENVELOPE, "event").value("discriminator").library(WS).source(Source.DEFAULT)
                .evidence(g.at()).attr("note", "WsAdapter routes {event, data} to @SubscribeMessage(event)").build());
        ctx.emit(Fact.of(Kinds.ENVELOPE, "data").value("field").library(WS).source(Source.DEFAULT)
                .evidence(g.at()).build());
    }

    // ---- events, rooms, auth, adapters -------------------------------------------------------------------

    private void events(Platform platform) {
        String library = platform == Platform.WS ? WS : IO;
        Map<String, List<NestFindings.Event>> byName = new TreeMap<>();
        for (NestFindings f : all) {
            for (NestFindings.Event e : f.events) {
                if (platform == Platform.SOCKET_IO && (e.viaSend() || SocketIoNames.RESERVED_EVENTS.contains(e.name()))) {
                    continue;
                }
                byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
            }
        }
        for (Map.Entry<String, List<NestFindings.Event>> e : byName.entrySet()) {
            boolean in = false;
            boolean out = false;
            boolean ack = false;
            String description = null;
            String validation = null;
            String required = null;
            Map<String, String> payloads = new LinkedHashMap<>();
            List<Evidence> evidence = new ArrayList<>();
            List<NestFindings.Event> list = e.getValue();
            list.sort(java.util.Comparator.comparing(NestFindings.Event::out).thenComparing(NestFindings.Event::at));
            for (NestFindings.Event u : list) {
                in |= !u.out();
                out |= u.out();
                ack |= u.ack();
                if (description == null) {
                    description = u.description();
                }
                if (validation == null && u.validation() != null) {
                    validation = u.validation();
                    required = u.required();
                }
                if (u.payload() != null) {
                    payloads.putIfAbsent(u.out() ? "out" : "in", u.payload());
                }
                evidence.add(u.at());
            }
            String direction = in && out ? "both" : in ? "in" : "out";
            String payload = payloads.size() == 2 ? "in " + payloads.get("in") + "; out " + payloads.get("out")
                    : payloads.values().stream().findFirst().orElse(null);
            String name = e.getKey();
            int colon = name.indexOf(':');
            ctx.emit(Fact.of(Kinds.EVENT, name).value(direction).library(library).evidence(evidence)
                    .attr(NestJsFiles.FRAMEWORK, "nestjs").attr("payload", payload)
                    .attr("ack", ack && platform != Platform.WS ? "true" : null).attr("description", description)
                    .attr("domain", colon > 0 ? name.substring(0, colon) : null)
                    .attr("validation", validation).attr("required", required).build());
        }
    }

    private void rooms(String library) {
        Map<String, List<Evidence>> byKey = new TreeMap<>();
        for (NestFindings f : all) {
            for (NestFindings.Room r : f.rooms) {
                byKey.computeIfAbsent(r.pattern() + "\u0000" + r.action(), k -> new ArrayList<>()).add(r.at());
            }
        }
        for (Map.Entry<String, List<Evidence>> e : byKey.entrySet()) {
            String[] parts = e.getKey().split("\u0000", 2);
            ctx.emit(Fact.of(Kinds.ROOM, parts[0]).value(parts[1]).library(library).evidence(e.getValue())
                    .confidence(parts[0].contains("{") ? Confidence.MEDIUM : Confidence.HIGH).build());
        }
    }

    /** One fact per mechanism: the earliest phase that checks it, with every place that does. */
    private void auth(Evidence firstGateway, String library) {
        Map<String, List<NestFindings.Auth>> byMechanism = new TreeMap<>();
        boolean unread = false;
        for (NestFindings f : all) {
            for (NestFindings.Auth a : f.auths) {
                byMechanism.computeIfAbsent(a.mechanism(), k -> new ArrayList<>()).add(a);
            }
            unread |= f.unreadCheck != null;
        }
        for (Map.Entry<String, List<NestFindings.Auth>> e : byMechanism.entrySet()) {
            List<NestFindings.Auth> list = e.getValue();
            list.sort(java.util.Comparator.comparingInt((NestFindings.Auth a) -> PHASES.indexOf(a.phase()))
                    .thenComparing(a -> a.at().get(0)));
            NestFindings.Auth first = list.get(0);
            List<Evidence> evidence = new ArrayList<>();
            Set<String> phases = new LinkedHashSet<>();
            Set<String> guards = new LinkedHashSet<>();
            for (NestFindings.Auth a : list) {
                evidence.addAll(a.at());
                phases.add(a.phase());
                if (a.guard() != null) {
                    guards.add(a.guard());
                }
            }
            ctx.emit(Fact.of(Kinds.AUTH, e.getKey()).value(first.phase()).library(library)
                    .confidence(e.getKey().equals("token") ? Confidence.MEDIUM : Confidence.HIGH).evidence(evidence)
                    .attr("carrier", first.carrier()).attr("guard", guards.isEmpty() ? null : String.join(",", guards))
                    .attr("phases", phases.size() > 1 ? String.join(",", phases) : null).build());
        }
        if (byMechanism.isEmpty() && !unread && firstGateway != null) {
            ctx.emit(Fact.of(Kinds.AUTH, "none").value("none").library(library).source(Source.INFERRED)
                    .confidence(Confidence.MEDIUM).evidence(firstGateway)
                    .attr("note", "no guard, handleConnection check or handshake middleware reads a credential")
                    .build());
        }
    }

    private void adapters() {
        for (NestFindings f : all) {
            for (NestFindings.Adapter a : f.adapters) {
                ctx.emit(Fact.of(Kinds.ADAPTER, a.key()).value(a.pkg()).library(IO).evidence(a.at()).build());
                JsOption b = a.broker();
                if (b != null && b.value() != null) {
                    ctx.emit(Fact.of(Kinds.BROKER, "redis").value(b.value()).library(IO).source(b.source())
                            .confidence(b.confidence() == Confidence.HIGH && b.source() != Source.DEFAULT
                                    ? Confidence.HIGH : Confidence.MEDIUM)
                            .evidence(b.evidence()).attr("variable", b.variable()).attr("via", a.pkg()).build());
                }
            }
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static Fact.Builder setting(String key, String value, JsOption v, String library) {
        Fact.Builder b = Fact.of(Kinds.SETTING, key).value(value).library(library).source(v.source())
                .confidence(v.confidence()).evidence(v.evidence()).attr("role", "server")
                .attr("variable", v.variable());
        String unit = switch (key) {
            case "ping.interval", "ping.timeout", "handshake.timeout", "upgrade.timeout" -> "ms";
            case "payload.max" -> "bytes";
            default -> null;
        };
        return unit == null ? b : b.unit(unit);
    }

    private static Fact defaulted(LibraryDefaults.Choice c, String library, Evidence at, String via) {
        Fact.Builder b = Fact.of(Kinds.SETTING, c.entry().key()).value(c.value()).library(library)
                .source(Source.DEFAULT).confidence(via == null ? c.confidence() : Confidence.MEDIUM).evidence(at)
                .attr("role", "server").attr("default", c.basisLabel() + (via == null ? "" : " via " + via))
                .attr("option", c.entry().option());
        if (c.entry().unit() != null) {
            b.unit(c.entry().unit());
        }
        return b.build();
    }
}
