package io.wsmemory.detectors.nettysocketio;

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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * netty-socketio (com.corundumstudio.socketio), a Socket.IO server on Netty: {@code Configuration} settings with
 * the library's defaults, transports, origin, the authorization listener or a connect listener as auth, events from
 * {@code addEventListener}/{@code @OnEvent} (in) and {@code sendEvent} (out) with payload classes' fields, rooms,
 * namespaces, Redisson and Hazelcast store factories as adapters.
 */
public final class NettySocketIoDetector implements Detector {

    static final String LIB = "netty-socketio";
    private static final LibraryDefaults DEFAULTS = LibraryDefaults.load(NettySocketIoDetector.class,
            "defaults.json");
    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("nettysocketio",
            "netty-socketio Socket.IO servers in Java", Set.of(Language.JAVA),
            List.of("com.corundumstudio.socketio"));

    private final ConcurrentLinkedQueue<NettySocketIoFileScan> findings = new ConcurrentLinkedQueue<>();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Java files, and Spring XML bean files that configure the server. */
    @Override
    public boolean accepts(io.wsmemory.core.source.SourceFile file) {
        if (file.fileName().endsWith(".xml")) {
            return file.contains("com.corundumstudio.socketio");
        }
        return file.language() == Language.JAVA && file.containsAny(DESCRIPTOR.keywords());
    }

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        NettySocketIoFileScan f = new NettySocketIoFileScan(file, context.sources()).scan();
        if (!f.isEmpty()) {
            findings.add(f);
        }
    }

    @Override
    public void finish(RepoContext ctx) {
        List<NettySocketIoFileScan> all = new ArrayList<>(findings);
        all.sort(Comparator.comparing(f -> f.path));
        List<NettySocketIoFileScan> main = all.stream().filter(f -> !f.path.contains("/test/")).toList();
        Evidence server = null;
        for (NettySocketIoFileScan f : main) {
            for (Evidence e : f.servers) {
                server = server == null ? e : server;
                ctx.emit(Fact.of(Kinds.LIBRARY, LIB).value("unknown").library(LIB).source(Source.INFERRED)
                        .confidence(Confidence.MEDIUM).evidence(e).attr("role", "server").attr("language", "java")
                        .build());
            }
        }
        boolean configured = false;
        for (NettySocketIoFileScan f : main) {
            for (NettySocketIoFileScan.Server s : f.configurations) {
                configured = true;
                configuration(ctx, s);
            }
        }
        boolean listeners = main.stream().anyMatch(f -> !f.events.isEmpty() || !f.rooms.isEmpty()
                || !f.namespaces.isEmpty());
        if (server == null && !configured && !listeners) {
            return;
        }
        if (!configured && server != null) {
            NettySocketIoFileScan.Server bare = new NettySocketIoFileScan.Server(server, Map.of(), null, null, null,
                    null, null);
            configuration(ctx, bare);
        }
        boolean anyAuth = false;
        for (NettySocketIoFileScan f : main) {
            for (NettySocketIoFileScan.Auth a : f.auths) {
                anyAuth = true;
                ctx.emit(Fact.of(Kinds.AUTH, a.mechanism()).value(a.phase()).library(LIB)
                        .confidence(a.mechanism().equals("token") ? Confidence.MEDIUM : Confidence.HIGH)
                        .evidence(a.at()).attr("carrier", a.carrier()).build());
            }
            for (NettySocketIoFileScan.Room r : f.rooms) {
                ctx.emit(Fact.of(Kinds.ROOM, r.pattern()).value(r.action()).library(LIB).evidence(r.at()).build());
            }
            f.namespaces.forEach((n, at) -> ctx.emit(Fact.of(Kinds.NAMESPACE, n).value("").library(LIB)
                    .evidence(at).build()));
        }
        Evidence anchor = server;
        if (anchor == null) {
            anchor = main.stream().flatMap(f -> f.configurations.stream()).map(NettySocketIoFileScan.Server::at)
                    .findFirst().orElse(null);
        }
        if (!anyAuth && anchor != null) {
            ctx.emit(Fact.of(Kinds.AUTH, "none").value("none").library(LIB).source(Source.DEFAULT)
                    .confidence(Confidence.MEDIUM).evidence(anchor)
                    .attr("note", "no AuthorizationListener: netty-socketio accepts every handshake").build());
        }
        for (NettySocketIoFileScan f : main) {
            for (NettySocketIoFileScan.Envelope e : f.envelopes) {
                ctx.emit(Fact.of(Kinds.ENVELOPE, e.field()).value("discriminator").library(LIB).evidence(e.at())
                        .attr("event", e.event()).attr("values", e.values()).build());
            }
        }
        if (anchor != null) {
            ctx.emit(Fact.of(Kinds.SERIALIZATION, "json").value("Jackson (netty-socketio JsonSupport)").library(LIB)
                    .source(Source.DEFAULT).evidence(anchor).build());
        }
        events(ctx, main);
    }

    private void configuration(RepoContext ctx, NettySocketIoFileScan.Server s) {
        Map<String, Opt> o = s.options();
        for (Map.Entry<String, Opt> e : o.entrySet()) {
            Opt v = e.getValue();
            if (v.value() == null) {
                continue;
            }
            String unit = switch (e.getKey()) {
                case "payload.max", "http.maxContent" -> "bytes";
                case "path", "port", "compression" -> null;
                default -> "ms";
            };
            Fact.Builder b = v.apply(Fact.of(Kinds.SETTING, e.getKey()).value(v.value()).unit(unit).library(LIB))
                    .attr("role", "server");
            if (e.getKey().equals("connect.timeout")) {
                b.attr("option", "firstDataTimeout");
            }
            ctx.emit(b.build());
        }
        for (LibraryDefaults.Entry d : DEFAULTS.entries()) {
            if (!o.containsKey(d.key())) {
                DEFAULTS.lookup(d.key(), "2.0").ifPresent(c -> ctx.emit(Fact.of(Kinds.SETTING, d.key())
                        .value(c.value()).unit(d.unit()).library(LIB).source(Source.DEFAULT).evidence(s.at())
                        .attr("role", "server").attr("default", DEFAULTS.label()).attr("option", d.option())
                        .build()));
            }
        }
        if (s.transports() == null) {
            ctx.emit(Fact.of(Kinds.TRANSPORT, "websocket").value("primary").library(LIB).source(Source.DEFAULT)
                    .evidence(s.at()).attr("role", "server").build());
            ctx.emit(Fact.of(Kinds.TRANSPORT, "polling").value("fallback").library(LIB).source(Source.DEFAULT)
                    .evidence(s.at()).attr("role", "server").build());
        } else {
            boolean ws = false;
            boolean polling = false;
            for (String t : s.transports()) {
                ws |= t.toUpperCase(Locale.ROOT).contains("WEBSOCKET");
                polling |= t.toUpperCase(Locale.ROOT).contains("POLLING");
            }
            if (ws) {
                ctx.emit(Fact.of(Kinds.TRANSPORT, "websocket").value("primary").library(LIB)
                        .evidence(s.transportsAt()).attr("role", "server").build());
            }
            if (polling) {
                ctx.emit(Fact.of(Kinds.TRANSPORT, "polling").value(ws ? "fallback" : "primary").library(LIB)
                        .evidence(s.transportsAt()).attr("role", "server").build());
            }
        }
        Opt origin = s.origin();
        if (origin == null) {
            ctx.emit(Fact.of(Kinds.ORIGIN, "any").value("").library(LIB).source(Source.DEFAULT).evidence(s.at())
                    .attr("role", "server").attr("note", "no setOrigin: the request's Origin is echoed back").build());
        } else if (origin.value() != null || origin.source() == Source.ENV) {
            String v = origin.value() == null ? "" : origin.value();
            ctx.emit(origin.apply(Fact.of(Kinds.ORIGIN, v.equals("*") ? "any" : "allow-list").value(v).library(LIB))
                    .attr("role", "server").build());
        }
        if (s.store() != null) {
            String key = s.store().contains("Redisson") ? "redisson" : s.store().contains("Hazelcast") ? "hazelcast"
                    : s.store().contains("Memory") ? null : "custom";
            if (key != null) {
                ctx.emit(Fact.of(Kinds.ADAPTER, key).value(s.store()).library(LIB).evidence(s.storeAt()).build());
            }
        }
    }

    private void events(RepoContext ctx, List<NettySocketIoFileScan> main) {
        Map<String, List<NettySocketIoFileScan.Event>> byName = new TreeMap<>();
        for (NettySocketIoFileScan f : main) {
            for (NettySocketIoFileScan.Event e : f.events) {
                byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
            }
        }
        for (Map.Entry<String, List<NettySocketIoFileScan.Event>> e : byName.entrySet()) {
            boolean in = false;
            boolean out = false;
            String inPayload = null;
            String outPayload = null;
            List<Evidence> evidence = new ArrayList<>();
            e.getValue().sort(Comparator.comparing(NettySocketIoFileScan.Event::outbound)); // handlers first
            for (NettySocketIoFileScan.Event u : e.getValue()) {
                if (u.outbound()) {
                    out = true;
                    outPayload = outPayload == null ? u.payload() : outPayload;
                } else {
                    in = true;
                    inPayload = inPayload == null ? u.payload() : inPayload;
                }
                evidence.add(u.at());
            }
            String payload = inPayload != null && outPayload != null && !inPayload.equals(outPayload)
                    ? "in " + inPayload + "; out " + outPayload : inPayload != null ? inPayload : outPayload;
            String name = e.getKey();
            int colon = name.indexOf(':');
            if (payload != null && (payload.contains("byte[]") || payload.contains("ByteBuffer"))) {
                ctx.emit(Fact.of(Kinds.SERIALIZATION, "binary").value(payload.contains("ByteBuffer") ? "ByteBuffer"
                        : "byte[]").library(LIB).evidence(evidence.get(0)).build());
            }
            ctx.emit(Fact.of(Kinds.EVENT, name).value(in && out ? "both" : in ? "in" : "out").library(LIB)
                    .evidence(evidence).attr("payload", payload)
                    .attr("domain", colon > 0 ? name.substring(0, colon) : null).build());
        }
    }
}
