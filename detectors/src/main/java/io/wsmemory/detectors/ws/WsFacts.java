package io.wsmemory.detectors.ws;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.knowledge.LibraryDefaults;
import io.wsmemory.detectors.js.JsOption;
import io.wsmemory.detectors.js.NestJsFiles;
import io.wsmemory.detectors.ws.WsFindings.Side;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Facts of raw WebSocket code once every file is read: defaults for the declared versions, merged messages. */
final class WsFacts {

    private static final LibraryDefaults SERVER = LibraryDefaults.load(WsFacts.class, "ws-server-defaults.json");
    private static final LibraryDefaults CLIENT = LibraryDefaults.load(WsFacts.class, "ws-client-defaults.json");
    private static final LibraryDefaults PLADARIA =
            LibraryDefaults.load(WsFacts.class, "reconnecting-websocket-defaults.json");
    private static final LibraryDefaults JOEWALNES =
            LibraryDefaults.load(WsFacts.class, "reconnecting-websocket-legacy-defaults.json");

    private static final Map<String, String> SERVER_SETTINGS = Map.of(
            "port", "port", "path", "path", "maxPayload", "payload.max", "perMessageDeflate", "compression");
    private static final Map<String, String[]> WRAPPER_OPTIONS = Map.of(
            "minReconnectionDelay", new String[] {"reconnect", "delay.min"},
            "maxReconnectionDelay", new String[] {"reconnect", "delay.max"},
            "maxRetries", new String[] {"reconnect", "attempts"},
            "connectionTimeout", new String[] {"setting", "connect.timeout"},
            "reconnectInterval", new String[] {"reconnect", "delay.min"},
            "maxReconnectInterval", new String[] {"reconnect", "delay.max"},
            "maxReconnectAttempts", new String[] {"reconnect", "attempts"},
            "timeoutInterval", new String[] {"setting", "handshake.timeout"});

    private final List<WsFindings> all;
    private final RepoContext ctx;
    private final boolean usesWs;

    WsFacts(List<WsFindings> all, RepoContext ctx) {
        this.all = all;
        this.ctx = ctx;
        this.usesWs = all.stream().anyMatch(f -> !f.servers.isEmpty()
                || f.clients.stream().anyMatch(WsFindings.Client::node)
                || f.libraries.stream().anyMatch(l -> l.id().equals("ws")));
    }

    private String messageLibrary() {
        return usesWs ? "ws" : "websocket";
    }

    void emit() {
        boolean anyAuth = all.stream().anyMatch(f -> !f.auths.isEmpty());
        for (WsFindings f : all) {
            for (WsFindings.LibraryUse l : f.libraries) {
                String role = l.role() != null ? l.role() : f.servers.isEmpty() ? "client" : "server";
                ctx.emit(Fact.of(Kinds.LIBRARY, l.id()).value("unknown").library(l.id()).evidence(l.at())
                        .attr("role", role).attr("via", "import").build());
            }
            for (WsFindings.Server s : f.servers) {
                server(f, s);
            }
            for (WsFindings.Client c : f.clients) {
                client(c);
            }
            for (WsFindings.Auth a : f.auths) {
                ctx.emit(Fact.of(Kinds.AUTH, a.mechanism()).value(a.phase()).library("ws").evidence(a.at())
                        .attr("carrier", a.carrier()).build());
            }
            for (WsFindings.Setting s : f.settings) {
                Fact.Builder b = Fact.of(s.kind(), s.key()).value(s.value()).unit(s.unit()).source(s.source())
                        .confidence(s.source() == Source.INFERRED ? Confidence.MEDIUM : Confidence.HIGH)
                        .library(s.role().equals("server") ? "ws" : null).evidence(s.evidence())
                        .attr("role", s.role()).attr("note", s.note());
                ctx.emit(b.build());
            }
        }
        if (!anyAuth && all.stream().anyMatch(f -> !f.servers.isEmpty())) {
            WsFindings.Server first = all.stream().flatMap(f -> f.servers.stream()).findFirst().orElseThrow();
            ctx.emit(Fact.of(Kinds.AUTH, "none").value("none").library("ws").source(Source.INFERRED)
                    .confidence(Confidence.MEDIUM).evidence(first.at())
                    .attr("note", "no verifyClient and no check in an upgrade listener").build());
        }
        envelopes();
        events();
        serializations();
    }

    private void server(WsFindings f, WsFindings.Server s) {
        Map<String, JsOption> o = s.options();
        for (Map.Entry<String, String> e : SERVER_SETTINGS.entrySet()) {
            JsOption v = o.get(e.getKey());
            if (v == null || v.value() == null || v.value().startsWith("<function")) {
                continue;
            }
            if (e.getKey().equals("port") && v.source() == Source.ENV && v.value().isEmpty()) {
                continue;
            }
            String value = v.value().equals("<object>") ? "true" : v.value();
            ctx.emit(Fact.of(Kinds.SETTING, e.getValue()).value(value).unit(unit(e.getValue())).library("ws")
                    .source(v.source()).confidence(v.confidence()).evidence(v.evidence()).attr("role", "server")
                    .attr("variable", v.variable()).build());
        }
        String version = ctx.library("ws", f.path).map(Fact::value).orElse(null);
        for (LibraryDefaults.Entry d : SERVER.entries()) {
            if (o.get(d.option()) == null) {
                SERVER.lookup(d.key(), version).ifPresent(c -> ctx.emit(defaulted(Kinds.SETTING, c, "ws", s.at(),
                        "server")));
            }
        }
        if (f.origins.isEmpty()) {
            ctx.emit(Fact.of(Kinds.ORIGIN, "any").value("").library("ws").source(Source.DEFAULT)
                    .confidence(Confidence.MEDIUM).evidence(s.at()).attr("role", "server")
                    .attr("note", "ws never checks the Origin header; no verifyClient or upgrade check reads it")
                    .build());
        } else {
            for (WsFindings.Origin og : f.origins) {
                ctx.emit(Fact.of(Kinds.ORIGIN, og.key()).value(og.value()).library("ws").evidence(og.at())
                        .attr("role", "server").build());
            }
        }
        ctx.emit(Fact.of(Kinds.TRANSPORT, "websocket").value("primary").library("ws").source(Source.INFERRED)
                .evidence(s.at()).attr("role", "server").build());
    }

    private void client(WsFindings.Client c) {
        String library = c.wrapper() != null ? "reconnecting-websocket" : c.node() ? "ws" : "websocket";
        ctx.emit(Fact.of(Kinds.CLIENT_TYPE, c.kind()).value(c.at().path()).attr("app", c.why()).library(library)
                .confidence(Confidence.MEDIUM).evidence(c.at()).build());
        Map<String, JsOption> o = c.options();
        if (c.node()) {
            JsOption t = o.get("handshakeTimeout");
            if (t != null && t.value() != null) {
                ctx.emit(Fact.of(Kinds.SETTING, "handshake.timeout").value(t.value()).unit("ms").library("ws")
                        .source(t.source()).confidence(t.confidence()).evidence(t.evidence()).attr("role", "client")
                        .build());
            }
            JsOption p = o.get("maxPayload");
            if (p != null && p.value() != null) {
                ctx.emit(Fact.of(Kinds.SETTING, "payload.max").value(p.value()).unit("bytes").library("ws")
                        .source(p.source()).confidence(p.confidence()).evidence(p.evidence()).attr("role", "client")
                        .build());
            }
        }
        if (c.wrapper() == null) {
            return;
        }
        ctx.emit(Fact.of(Kinds.RECONNECT, "enabled").value("true").library(library).evidence(c.at())
                .attr("role", "client").attr("note", "a reconnecting wrapper").build());
        LibraryDefaults defaults = c.wrapper().equals("pladaria") ? PLADARIA : JOEWALNES;
        List<String> set = new ArrayList<>();
        for (Map.Entry<String, JsOption> e : o.entrySet()) {
            String[] target = WRAPPER_OPTIONS.get(e.getKey());
            JsOption v = e.getValue();
            if (target == null || v.value() == null) {
                continue;
            }
            set.add(target[1]);
            ctx.emit(Fact.of(target[0], target[1]).value(v.value()).unit(unit(target[1])).library(library)
                    .source(v.source()).confidence(v.confidence()).evidence(v.evidence()).attr("role", "client")
                    .build());
        }
        for (LibraryDefaults.Entry d : defaults.entries()) {
            if (!set.contains(d.key())) {
                String kind = d.kind() == null ? Kinds.SETTING : d.kind();
                defaults.lookup(d.key(), kind, null).ifPresent(ch -> ctx.emit(defaulted(kind, ch, library, c.at(),
                        "client")));
            }
        }
    }

    private void envelopes() {
        boolean anyDiscriminator = all.stream().flatMap(f -> f.envelopes.stream())
                .anyMatch(WsFindings.Envelope::discriminator);
        if (!anyDiscriminator) {
            return; // fields of a message nobody dispatches on are a payload, not an envelope
        }
        Map<String, List<WsFindings.Envelope>> byField = new TreeMap<>();
        for (WsFindings f : all) {
            for (WsFindings.Envelope e : f.envelopes) {
                byField.computeIfAbsent(e.field(), k -> new ArrayList<>()).add(e);
            }
        }
        byField.forEach((field, list) -> {
            boolean discriminator = list.stream().anyMatch(WsFindings.Envelope::discriminator);
            if (!discriminator && list.size() < 2 && !isEnvelopeName(field)) {
                return; // a payload field seen once is not part of the common envelope
            }
            list.sort(Comparator.comparing((WsFindings.Envelope e) -> !e.discriminator())
                    .thenComparing(e -> e.side() != Side.SERVER).thenComparing(WsFindings.Envelope::at));
            List<Evidence> ev = list.stream().map(WsFindings.Envelope::at).toList();
            ctx.emit(Fact.of(Kinds.ENVELOPE, field).value(discriminator ? "discriminator" : "field")
                    .library(messageLibrary()).evidence(ev).build());
        });
    }

    private static boolean isEnvelopeName(String field) {
        return List.of("payload", "data", "id", "requestId", "correlationId", "version", "v", "ts", "timestamp",
                "meta", "seq").contains(field);
    }

    private void events() {
        Map<String, List<WsFindings.Event>> byName = new TreeMap<>();
        java.util.Set<String> nest = NestJsFiles.serverEvents(ctx);
        for (WsFindings f : all) {
            for (WsFindings.Event e : f.events) {
                if (e.side() == Side.CLIENT && nest.contains(e.name())) {
                    continue; // a NestJS gateway's event, already reported from the server's side
                }
                byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
            }
        }
        boolean anySocket = all.stream().anyMatch(f -> !f.servers.isEmpty() || !f.clients.isEmpty());
        byName.forEach((name, list) -> {
            boolean seen = list.stream().anyMatch(e -> !e.declaredOnly());
            if (!anySocket || !seen && list.stream().allMatch(WsFindings.Event::declaredOnly)) {
                return; // a declared type alone, in a repository with no WebSocket, or of unknown direction
            }
            list.sort(Comparator.comparing((WsFindings.Event e) -> e.declaredOnly())
                    .thenComparing(e -> e.side() != Side.SERVER).thenComparing(WsFindings.Event::at));
            boolean in = false;
            boolean out = false;
            Map<String, String> payloads = new LinkedHashMap<>();
            String declared = null;
            for (WsFindings.Event e : list) {
                if (e.declaredOnly()) {
                    declared = declared == null ? e.payload() : declared;
                    continue;
                }
                boolean inbound = e.side() == Side.SERVER ? !e.sent() : e.sent();
                in |= inbound;
                out |= !inbound;
                if (e.payload() != null) {
                    payloads.putIfAbsent(inbound ? "in" : "out", e.payload());
                }
            }
            String payload = payloads.size() == 2 ? "in " + payloads.get("in") + "; out " + payloads.get("out")
                    : payloads.values().stream().findFirst().orElse(declared);
            int sep = Math.max(name.indexOf(':'), name.indexOf('.'));
            ctx.emit(Fact.of(Kinds.EVENT, name).value(in && out ? "both" : in ? "in" : "out")
                    .library(messageLibrary()).evidence(list.stream().map(WsFindings.Event::at).toList())
                    .attr("payload", payload).attr("domain", sep > 0 ? name.substring(0, sep) : null).build());
        });
    }

    private void serializations() {
        Map<String, List<WsFindings.Serialization>> byKey = new TreeMap<>();
        for (WsFindings f : all) {
            for (WsFindings.Serialization s : f.serializations) {
                byKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
            }
        }
        byKey.forEach((key, list) -> {
            // a value written by a send says more than a JSON.parse on the receiving side
            list.sort(Comparator.comparing((WsFindings.Serialization s) -> s.value().equals("JSON.parse"))
                    .thenComparing(s -> s.side() != Side.SERVER).thenComparing(WsFindings.Serialization::at));
            ctx.emit(Fact.of(Kinds.SERIALIZATION, key).value(list.get(0).value()).library(messageLibrary())
                    .evidence(list.stream().map(WsFindings.Serialization::at).toList()).build());
        });
    }

    private static Fact defaulted(String kind, LibraryDefaults.Choice c, String library, Evidence at, String role) {
        return Fact.of(kind, c.entry().key()).value(c.value()).unit(c.entry().unit()).library(library)
                .source(Source.DEFAULT).confidence(c.confidence()).evidence(at).attr("role", role)
                .attr("default", c.basisLabel()).attr("option", c.entry().option()).build();
    }

    private static String unit(String key) {
        return switch (key) {
            case "payload.max" -> "bytes";
            case "delay.min", "delay.max", "connect.timeout", "handshake.timeout" -> "ms";
            default -> null;
        };
    }
}
