package io.wsmemory.detectors.stompjs;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * STOMP clients in JavaScript and HTML: {@code @stomp/stompjs} clients ({@code new StompJs.Client({...})}) and the
 * legacy {@code stomp.js}/{@code webstomp} clients ({@code Stomp.over(new SockJS(url))}), loaded from npm or from a
 * CDN or WebJar {@code <script src>} (the version read from the URL); broker URL, SockJS fallback, reconnect delay and
 * heart-beats with the library's defaults, subscriptions and publications as destinations and events (server view),
 * CONNECT headers carrying credentials, JSON bodies.
 */
public final class StompJsDetector implements Detector {

    static final LibraryDefaults DEFAULTS = LibraryDefaults.load(StompJsDetector.class, "stompjs-defaults.json");
    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("stompjs",
            "STOMP browser and Node clients (@stomp/stompjs, stomp.js, webstomp-client) with SockJS",
            Set.of(Language.JAVASCRIPT, Language.TYPESCRIPT, Language.TSX),
            List.of("stomp", "Stomp", "STOMP", "SockJS", "sockjs"));

    private final ConcurrentLinkedQueue<StompFindings> findings = new ConcurrentLinkedQueue<>();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        StompFindings f = new StompFileScan(file, context.sources()).scan();
        if (!f.isEmpty()) {
            findings.add(f);
        }
    }

    @Override
    public void finish(RepoContext ctx) {
        List<StompFindings> all = new ArrayList<>(findings);
        all.sort(Comparator.comparing(f -> f.path));
        boolean serverAuth = ctx.facts().stream().anyMatch(f -> Kinds.AUTH.equals(f.kind()));
        for (StompFindings f : all) {
            for (StompFindings.Library l : f.libraries) {
                ctx.emit(Fact.of(Kinds.LIBRARY, l.id()).value(l.version()).library(l.id())
                        .source(l.version().equals("unknown") ? Source.INFERRED : Source.EXPLICIT)
                        .evidence(l.at()).attr("role", "client").attr("language", "javascript")
                        .attr("via", l.via()).build());
            }
            for (StompFindings.Client c : f.clients) {
                client(ctx, f, c);
            }
            for (StompFindings.Message m : f.messages) {
                ctx.emit(Fact.of(Kinds.EVENT, m.destination()).value(m.publish() ? "in" : "out").library(m.library())
                        .evidence(m.at()).attr("role", "client").build());
                ctx.emit(Fact.of(Kinds.DESTINATION, m.destination()).value(kind(m.destination(), m.publish()))
                        .library(m.library()).evidence(m.at()).attr("role", "client").build());
            }
            for (StompFindings.Json j : f.json) {
                ctx.emit(Fact.of(Kinds.SERIALIZATION, "json").value("JSON.stringify").library(j.library())
                        .evidence(j.at()).attr("role", "client").build());
            }
            if (!serverAuth) {
                for (StompFindings.Credential c : f.credentials) {
                    ctx.emit(Fact.of(Kinds.AUTH, c.mechanism()).value("stomp-connect").library(c.library())
                            .confidence(Confidence.LOW).evidence(c.at()).attr("carrier", "header")
                            .attr("role", "client").attr("note", "credential sent in the STOMP CONNECT headers by the "
                                    + "client; no server check is in the repository").build());
                }
            }
        }
    }

    private void client(RepoContext ctx, StompFindings f, StompFindings.Client c) {
        String lib = c.library();
        if (c.browser()) {
            ctx.emit(Fact.of(Kinds.CLIENT_TYPE, "browser").value(lib).library(lib).evidence(c.at()).build());
        }
        if (c.path() != null) {
            ctx.emit(c.path().apply(Fact.of(Kinds.SETTING, "path").value(c.path().value()).library(lib))
                    .attr("role", "client").build());
        }
        if (c.sockJs() != null) {
            ctx.emit(Fact.of(Kinds.TRANSPORT, "sockjs").value("fallback").library(lib).evidence(c.sockJs())
                    .attr("role", "client").build());
        }
        StompFindings.Value reconnect = c.options().get("reconnectDelay");
        if (c.modern()) {
            if (reconnect == null) {
                ctx.emit(Fact.of(Kinds.RECONNECT, "enabled").value("true").library(lib).source(Source.DEFAULT)
                        .evidence(c.at()).attr("default", DEFAULTS.label()).build());
                defaulted(ctx, Kinds.RECONNECT, "delay.min", lib, c.at(), false);
            } else if (reconnect.value() != null) {
                boolean on = !reconnect.value().equals("0");
                ctx.emit(reconnect.apply(Fact.of(Kinds.RECONNECT, "enabled").value(Boolean.toString(on))
                        .library(lib)).build());
                if (on) {
                    ctx.emit(reconnect.apply(Fact.of(Kinds.RECONNECT, "delay.min").value(reconnect.value())
                            .unit("ms").library(lib)).attr("strategy", "fixed").build());
                }
            }
        }
        for (String key : List.of("heartbeat.incoming", "heartbeat.outgoing")) {
            StompFindings.Value v = c.options().get(key);
            if (v != null && v.value() != null) {
                ctx.emit(v.apply(Fact.of(Kinds.SETTING, key).value(v.value()).unit("ms").library(lib))
                        .attr("role", "client").build());
            } else if (v == null) {
                defaulted(ctx, Kinds.SETTING, key, lib, c.at(), true);
            }
        }
    }

    private void defaulted(RepoContext ctx, String kind, String key, String lib, Evidence at, boolean role) {
        DEFAULTS.lookup(key, kind, "7.0").ifPresent(ch -> {
            Fact.Builder b = Fact.of(kind, key).value(ch.value()).unit(ch.entry().unit()).library(lib)
                    .source(Source.DEFAULT).evidence(at).attr("default", lib).attr("option", ch.entry().option());
            if (role) {
                b.attr("role", "client");
            }
            ctx.emit(b.build());
        });
    }

    /** Broker, user or application destination, by the conventional prefixes. */
    static String kind(String dest, boolean publish) {
        if (dest.startsWith("/user/")) {
            return "user";
        }
        for (String p : List.of("/topic", "/queue", "/exchange", "/amq", "/temp-queue")) {
            if (dest.startsWith(p + "/") || dest.startsWith(p + ".") || dest.equals(p)) {
                return "broker";
            }
        }
        return publish ? "app" : "app";
    }
}
