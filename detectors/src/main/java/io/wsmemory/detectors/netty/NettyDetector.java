package io.wsmemory.detectors.netty;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.knowledge.LibraryDefaults;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.Language;
import io.wsmemory.detectors.spring.Opt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Netty's WebSocket codec in Java: server protocol handlers and hand-rolled handshakers with their frame limits,
 * handshake timeouts and paths (library defaults where the code sets none), client handshakers, permessage-deflate
 * handlers, idle handlers as heartbeats, frame serialization and JSON envelopes, rooms as keyed channel groups,
 * credential checks at the upgrade; no Origin check unless the code makes one.
 */
public final class NettyDetector implements Detector {

    static final String LIB = "netty-websocket";
    private static final LibraryDefaults DEFAULTS = LibraryDefaults.load(NettyDetector.class, "netty-defaults.json");
    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("netty",
            "Netty WebSocket codec (io.netty.handler.codec.http.websocketx) servers and clients in Java",
            Set.of(Language.JAVA),
            List.of("websocketx", "WebSocketServerProtocolHandler", "WebSocketServerHandshaker",
                    "WebSocketClientHandshaker", "TextWebSocketFrame", "WebSocketFrame", "FullHttpRequest",
                    "HandshakeComplete", "ChannelGroup"));

    private final ConcurrentLinkedQueue<NettyFindings> findings = new ConcurrentLinkedQueue<>();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    private static final java.util.regex.Pattern CREDENTIAL_WORDS = java.util.regex.Pattern.compile(
            "(?i)authori[sz]ation|token|jwt|api.?key|cookie|\\borigin\\b");

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        String text = file.file().text();
        boolean webSocket = text.contains("WebSocket") || text.contains("websocket");
        if (!webSocket && !CREDENTIAL_WORDS.matcher(text).find()) {
            return; // a plain HTTP handler or channel group that checks nothing: not worth a parse
        }
        NettyFindings f = new NettyFileScan(file, context.sources()).scan();
        if (!f.isEmpty()) {
            findings.add(f);
        }
    }

    @Override
    public void finish(RepoContext ctx) {
        List<NettyFindings> all = new ArrayList<>(findings);
        all.sort(Comparator.comparing(f -> f.path));
        List<NettyFindings> main = all.stream().filter(f -> !f.test).toList();
        boolean anyConstruction = main.stream().anyMatch(f -> !f.constructions.isEmpty());
        if (!anyConstruction) {
            return;
        }
        Evidence firstServer = null;
        boolean anyAuth = false;
        Evidence originCheck = null;
        for (NettyFindings f : main) {
            for (NettyFindings.Construction c : f.constructions) {
                construction(ctx, c);
                if (c.server() && c.type().equals("WebSocketServerProtocolHandler") && firstServer == null) {
                    firstServer = c.at();
                }
            }
            anyAuth |= !f.auths.isEmpty();
            originCheck = originCheck == null ? f.originCheck : originCheck;
        }
        if (firstServer == null) {
            for (NettyFindings f : main) {
                for (NettyFindings.Construction c : f.constructions) {
                    if (c.server() && firstServer == null) {
                        firstServer = c.at();
                    }
                }
            }
        }
        for (NettyFindings f : main) {
            for (NettyFindings.Compression c : f.compressions) {
                ctx.emit(Fact.of(Kinds.SETTING, "compression").value("true").library(LIB).evidence(c.at())
                        .attr("role", c.server() ? "server" : "client").attr("extension", "permessage-deflate")
                        .build());
            }
            for (NettyFindings.Setting s : f.settings) {
                if (s.value().value() == null) {
                    continue;
                }
                String unit = s.key().equals("payload.max") ? "bytes" : "ms";
                ctx.emit(s.value().apply(Fact.of(Kinds.SETTING, s.key()).value(s.value().value()).unit(unit)
                        .library(LIB)).attr("role", s.server() ? "server" : "client").attr("option", s.option())
                        .build());
            }
            for (NettyFindings.Serialization s : f.serializations) {
                ctx.emit(Fact.of(Kinds.SERIALIZATION, s.key()).value(s.value()).library(LIB).evidence(s.at())
                        .build());
            }
            for (NettyFindings.Auth a : f.auths) {
                ctx.emit(Fact.of(Kinds.AUTH, a.mechanism()).value(a.phase()).library(LIB)
                        .confidence(a.mechanism().equals("token") ? Confidence.MEDIUM : Confidence.HIGH)
                        .evidence(a.at()).attr("carrier", a.carrier()).build());
            }
            for (NettyFindings.Room r : f.rooms) {
                ctx.emit(Fact.of(Kinds.ROOM, r.pattern()).value(r.action()).library(LIB).evidence(r.at())
                        .attr("via", "ChannelGroup").build());
            }
            for (NettyFindings.ClientType c : f.clientTypes) {
                ctx.emit(Fact.of(Kinds.CLIENT_TYPE, c.key()).value(c.value()).library(LIB).evidence(c.at()).build());
            }
        }
        events(ctx, main);
        if (firstServer != null) {
            if (originCheck != null) {
                ctx.emit(Fact.of(Kinds.ORIGIN, "allow-list").value("").library(LIB).confidence(Confidence.LOW)
                        .evidence(originCheck).attr("note", "the code reads the Origin header").build());
            } else {
                ctx.emit(Fact.of(Kinds.ORIGIN, "any").value("").library(LIB).source(Source.DEFAULT)
                        .evidence(firstServer).attr("note", "Netty performs no Origin check").build());
            }
            if (!anyAuth) {
                ctx.emit(Fact.of(Kinds.AUTH, "none").value("none").library(LIB).source(Source.DEFAULT)
                        .confidence(Confidence.MEDIUM).evidence(firstServer)
                        .attr("note", "no handler reads a credential before or at the upgrade").build());
            }
        }
    }

    private void construction(RepoContext ctx, NettyFindings.Construction c) {
        String role = c.server() ? "server" : "client";
        ctx.emit(Fact.of(Kinds.LIBRARY, LIB).value("unknown").library(LIB).source(Source.INFERRED)
                .confidence(Confidence.MEDIUM).evidence(c.at()).attr("role", role).attr("language", "java").build());
        if (c.server()) {
            ctx.emit(Fact.of(Kinds.TRANSPORT, "websocket").value("primary").library(LIB).evidence(c.at())
                    .attr("role", role).build());
        }
        Map<String, Opt> o = c.options();
        Opt path = o.get("path");
        if (path != null && path.value() != null) {
            ctx.emit(path.apply(Fact.of(Kinds.SETTING, "path").value(path.value()).library(LIB)).attr("role", role)
                    .attr("subprotocols", text(o.get("subprotocols"))).attr("tls", text(o.get("tls"))).build());
        } else if (path == null && c.type().equals("WebSocketServerProtocolHandler")) {
            defaulted(ctx, "path", c.at(), role);
        }
        for (String key : List.of("payload.max", "handshake.timeout")) {
            Opt v = o.get(key);
            if (key.equals("handshake.timeout") && !c.timeoutApplies()) {
                continue;
            }
            if (v != null && v.value() != null) {
                ctx.emit(v.apply(Fact.of(Kinds.SETTING, key).value(v.value())
                        .unit(key.equals("payload.max") ? "bytes" : "ms").library(LIB)).attr("role", role).build());
            } else if (v == null) {
                defaulted(ctx, key, c.at(), role);
            }
        }
    }

    private static String text(Opt o) {
        return o == null || o.value() == null || o.value().equals("null") ? null : o.value();
    }

    private void defaulted(RepoContext ctx, String key, Evidence at, String role) {
        DEFAULTS.lookup(key, "4.2").ifPresent(c -> ctx.emit(Fact.of(Kinds.SETTING, key).value(c.value())
                .unit(c.entry().unit()).library(LIB).source(Source.DEFAULT).evidence(at).attr("role", role)
                .attr("default", DEFAULTS.label()).attr("option", c.entry().option()).build()));
    }

    private void events(RepoContext ctx, List<NettyFindings> main) {
        Map<String, List<NettyFindings.Event>> byName = new TreeMap<>();
        Map<String, List<Evidence>> envelope = new TreeMap<>();
        for (NettyFindings f : main) {
            for (NettyFindings.Event e : f.events) {
                byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
                if (e.field() != null && !e.outbound()) {
                    envelope.computeIfAbsent(e.field(), k -> new ArrayList<>()).add(e.at());
                }
            }
        }
        for (Map.Entry<String, List<NettyFindings.Event>> e : byName.entrySet()) {
            boolean in = false;
            boolean out = false;
            String payload = null;
            boolean unnamed = false;
            String field = null;
            String code = null;
            List<Evidence> evidence = new ArrayList<>();
            for (NettyFindings.Event u : e.getValue()) {
                code = code == null ? u.code() : code;
                in |= !u.outbound();
                out |= u.outbound();
                payload = payload == null ? u.payload() : payload;
                unnamed |= u.field() == null;
                field = field == null ? u.field() : field;
                evidence.add(u.at());
            }
            ctx.emit(Fact.of(Kinds.EVENT, e.getKey()).value(in && out ? "both" : in ? "in" : "out").library(LIB)
                    .evidence(evidence).attr("payload", payload).attr("field", field).attr("code", code)
                    .attr("unnamed", unnamed ? "true" : null).build());
        }
        for (Map.Entry<String, List<Evidence>> e : envelope.entrySet()) {
            ctx.emit(Fact.of(Kinds.ENVELOPE, e.getKey()).value("discriminator").library(LIB).evidence(e.getValue())
                    .build());
        }
    }
}
