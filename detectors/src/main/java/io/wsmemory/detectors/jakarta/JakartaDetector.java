package io.wsmemory.detectors.jakarta;

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
import io.wsmemory.core.resolve.java.ConfigLookup;
import io.wsmemory.core.source.Language;
import io.wsmemory.detectors.spring.Opt;
import io.wsmemory.detectors.spring.SpringConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Jakarta WebSocket (JSR-356, {@code javax.websocket} before Jakarta EE 9) in Java: {@code @ServerEndpoint} paths
 * (under the servlet context path), {@code @OnMessage(maxMessageSize)}, session and container limits, configurators'
 * {@code modifyHandshake} as upgrade auth and {@code checkOrigin} as the origin policy (accept-all by default),
 * encoders and decoders as serialization, {@code @OnMessage} envelopes as events, rooms kept as session maps,
 * {@code @ClientEndpoint} clients.
 */
public final class JakartaDetector implements Detector {

    static final String LIB = "jakarta-websocket";
    private static final LibraryDefaults TOMCAT = LibraryDefaults.load(JakartaDetector.class,
            "tomcat-defaults.json");
    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("jakarta",
            "Jakarta / javax WebSocket (JSR-356) server and client endpoints in Java",
            Set.of(Language.JAVA), List.of("jakarta.websocket", "javax.websocket", "ServerEndpoint",
                    "ClientEndpoint", "ServerEndpointExporter"));

    private final ConcurrentLinkedQueue<JakartaFindings> findings = new ConcurrentLinkedQueue<>();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        JakartaFindings f = new JakartaFileScan(file, context.sources()).scan();
        if (!f.isEmpty()) {
            findings.add(f);
        }
    }

    @Override
    public void finish(RepoContext ctx) {
        List<JakartaFindings> all = new ArrayList<>(findings);
        all.sort(Comparator.comparing(f -> f.path));
        List<JakartaFindings> main = all.stream().filter(f -> !f.test).toList();
        boolean servers = main.stream().anyMatch(f -> !f.endpoints.isEmpty());
        boolean clients = main.stream().anyMatch(f -> !f.clients.isEmpty());
        if (!servers && !clients) {
            return;
        }
        boolean springBoot = main.stream().anyMatch(f -> f.exporter);
        boolean anyAuth = main.stream().anyMatch(f -> !f.auths.isEmpty());
        Evidence originCheck = null;
        String originValue = null;
        for (JakartaFindings f : main) {
            if (f.originCheck != null && originCheck == null) {
                originCheck = f.originCheck;
                originValue = f.originValue;
            }
        }
        List<ConfigLookup.ConfigValue> contexts = SpringConfig.of(ctx.sources()).lookup("server.servlet.context-path");
        boolean payloadSet = main.stream().anyMatch(f -> f.settings.stream().anyMatch(s -> s.key().equals(
                "payload.max")));
        for (JakartaFindings f : main) {
            for (JakartaFindings.Endpoint e : f.endpoints) {
                endpoint(ctx, e, contexts, springBoot && !payloadSet);
                if (originCheck != null) {
                    boolean any = "true".equals(originValue);
                    ctx.emit(Fact.of(Kinds.ORIGIN, any ? "any" : "allow-list").value(any ? "" : "")
                            .library(LIB).confidence(any ? Confidence.HIGH : Confidence.MEDIUM).evidence(originCheck)
                            .attr("via", "Configurator.checkOrigin").attr("role", "server").build());
                } else {
                    ctx.emit(Fact.of(Kinds.ORIGIN, "any").value("").library(LIB).source(Source.DEFAULT)
                            .confidence(Confidence.MEDIUM).evidence(e.at()).attr("role", "server")
                            .attr("note", "no Configurator.checkOrigin: the container accepts every Origin").build());
                }
                if (!anyAuth) {
                    ctx.emit(Fact.of(Kinds.AUTH, "none").value("none").library(LIB).source(Source.DEFAULT)
                            .confidence(Confidence.MEDIUM).evidence(e.at())
                            .attr("note", "no configurator or @OnOpen reads a credential").build());
                }
            }
            for (JakartaFindings.Client c : f.clients) {
                ctx.emit(Fact.of(Kinds.LIBRARY, LIB).value("unknown").library(LIB).source(Source.INFERRED)
                        .confidence(Confidence.MEDIUM).evidence(c.at()).attr("role", "client")
                        .attr("language", "java").build());
                if (c.path() != null && c.path().value() != null) {
                    ctx.emit(c.path().apply(Fact.of(Kinds.SETTING, "path").value(c.path().value()).library(LIB))
                            .attr("role", "client").build());
                }
            }
            for (JakartaFindings.Setting s : f.settings) {
                if (s.value().value() == null) {
                    continue;
                }
                ctx.emit(s.value().apply(Fact.of(Kinds.SETTING, s.key()).value(s.value().value())
                        .unit(s.key().equals("payload.max") ? "bytes" : "ms").library(LIB))
                        .attr("role", "server").attr("option", s.option()).build());
            }
            for (JakartaFindings.Auth a : f.auths) {
                ctx.emit(Fact.of(Kinds.AUTH, a.mechanism()).value(a.phase()).library(LIB)
                        .confidence(a.mechanism().equals("token") ? Confidence.MEDIUM : Confidence.HIGH)
                        .evidence(a.at()).attr("carrier", a.carrier()).attr("via", a.via()).build());
            }
            for (JakartaFindings.Serialization s : f.serializations) {
                ctx.emit(Fact.of(Kinds.SERIALIZATION, s.key()).value(s.value()).library(LIB).evidence(s.at())
                        .build());
            }
            for (JakartaFindings.Room r : f.rooms) {
                ctx.emit(Fact.of(Kinds.ROOM, r.pattern()).value(r.action()).library(LIB).evidence(r.at()).build());
            }
        }
        events(ctx, main);
    }

    private void endpoint(RepoContext ctx, JakartaFindings.Endpoint e, List<ConfigLookup.ConfigValue> contexts,
                          boolean tomcatDefault) {
        ctx.emit(Fact.of(Kinds.LIBRARY, LIB).value("unknown").library(LIB).source(Source.INFERRED)
                .confidence(Confidence.MEDIUM).evidence(e.at()).attr("role", "server").attr("language", "java")
                .build());
        ctx.emit(Fact.of(Kinds.TRANSPORT, "websocket").value("primary").library(LIB).evidence(e.at())
                .attr("role", "server").build());
        Opt p = e.path();
        if (p != null && p.value() != null) {
            if (contexts.isEmpty() || contexts.stream().noneMatch(c -> c.profile() == null)) {
                ctx.emit(p.apply(Fact.of(Kinds.SETTING, "path").value(p.value()).library(LIB))
                        .attr("role", "server").attr("subprotocols", e.subprotocols()).build());
            }
            for (ConfigLookup.ConfigValue c : contexts) {
                String prefix = c.value() == null ? "" : c.value().strip();
                if (prefix.contains("${")) {
                    continue;
                }
                ctx.emit(p.apply(Fact.of(Kinds.SETTING, "path").value(join(prefix, p.value())).library(LIB))
                        .confidence(Confidence.MEDIUM).evidence(c.at()).attr("role", "server")
                        .attr("profile", c.profile()).attr("subprotocols", e.subprotocols()).build());
            }
        }
        if (e.maxMessageSize() != null && e.maxMessageSize().value() != null
                && !e.maxMessageSize().value().equals("-1")) {
            ctx.emit(e.maxMessageSize().apply(Fact.of(Kinds.SETTING, "payload.max")
                    .value(e.maxMessageSize().value()).unit("bytes").library(LIB)).attr("role", "server")
                    .attr("option", "@OnMessage.maxMessageSize").build());
        } else if (tomcatDefault) {
            TOMCAT.lookup("payload.max", "10.1").ifPresent(c -> ctx.emit(Fact.of(Kinds.SETTING, "payload.max")
                    .value(c.value()).unit("bytes").library(LIB).source(Source.DEFAULT).confidence(Confidence.MEDIUM)
                    .evidence(e.at()).attr("role", "server").attr("default", TOMCAT.label())
                    .attr("container", "tomcat").attr("option", c.entry().option()).build()));
        }
    }

    private static String join(String prefix, String path) {
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (!p.isEmpty() && !p.startsWith("/")) {
            p = "/" + p;
        }
        return path.startsWith("/") ? p + path : p + "/" + path;
    }

    private void events(RepoContext ctx, List<JakartaFindings> main) {
        Map<String, List<JakartaFindings.Event>> byName = new TreeMap<>();
        Map<String, List<Evidence>> envelope = new TreeMap<>();
        for (JakartaFindings f : main) {
            for (JakartaFindings.Event e : f.events) {
                byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
                if (e.field() != null && !e.outbound()) {
                    envelope.computeIfAbsent(e.field(), k -> new ArrayList<>()).add(e.at());
                }
            }
        }
        for (Map.Entry<String, List<JakartaFindings.Event>> e : byName.entrySet()) {
            boolean in = false;
            boolean out = false;
            String payload = null;
            boolean unnamed = false;
            String field = null;
            String code = null;
            List<Evidence> evidence = new ArrayList<>();
            for (JakartaFindings.Event u : e.getValue()) {
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
