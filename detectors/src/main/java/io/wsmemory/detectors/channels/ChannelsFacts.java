package io.wsmemory.detectors.channels;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.knowledge.LibraryDefaults;
import io.wsmemory.detectors.channels.ChannelsFindings.AuthUse;
import io.wsmemory.detectors.channels.ChannelsFindings.Consumer;
import io.wsmemory.detectors.channels.ChannelsFindings.InEvent;
import io.wsmemory.detectors.channels.ChannelsFindings.Layer;
import io.wsmemory.detectors.channels.ChannelsFindings.LayerSend;
import io.wsmemory.detectors.channels.ChannelsFindings.Opt;
import io.wsmemory.detectors.channels.ChannelsFindings.OriginCheck;
import io.wsmemory.detectors.channels.ChannelsFindings.OutMessage;
import io.wsmemory.detectors.channels.ChannelsFindings.Room;
import io.wsmemory.detectors.channels.ChannelsFindings.Route;
import io.wsmemory.detectors.channels.ChannelsFindings.Router;
import io.wsmemory.detectors.channels.ChannelsFindings.ServerRun;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the findings of every file into facts once the whole repository is known: routes meet the consumers they
 * name, channel-layer message types meet the methods they reach, settings modules say which channel layer carries
 * the groups, and command lines with {@code INSTALLED_APPS} say which server (daphne, uvicorn) runs the
 * application and with which heartbeat.
 */
final class ChannelsFacts {

    static final String LIB = "django-channels";
    private static final LibraryDefaults DAPHNE = LibraryDefaults.load(ChannelsFacts.class, "daphne-defaults.json");
    private static final LibraryDefaults UVICORN = LibraryDefaults.load(ChannelsFacts.class, "uvicorn-defaults.json");
    private static final LibraryDefaults REDIS_LAYER =
            LibraryDefaults.load(ChannelsFacts.class, "channels-redis-defaults.json");
    private static final Map<String, String> DAPHNE_OPTIONS = Map.of("--ping-interval", "ping.interval",
            "--ping-timeout", "ping.timeout", "--websocket-connect-timeout", "handshake.timeout", "--port", "port");
    private static final Map<String, String> UVICORN_OPTIONS = Map.of("--ws-ping-interval", "ping.interval",
            "--ws-ping-timeout", "ping.timeout", "--ws-max-size", "payload.max", "--port", "port");

    private final List<ChannelsFindings> all;
    private final RepoContext ctx;
    private final List<Consumer> consumers = new ArrayList<>();
    private final List<Router> routers = new ArrayList<>();

    ChannelsFacts(List<ChannelsFindings> all, RepoContext ctx) {
        this.all = all;
        this.ctx = ctx;
        for (ChannelsFindings f : all) {
            consumers.addAll(f.consumers);
            routers.addAll(f.routers);
        }
    }

    private boolean usesChannels() {
        for (ChannelsFindings f : all) {
            if (f.importAt != null || !f.routers.isEmpty() || !f.consumers.isEmpty()) {
                return true;
            }
            for (Layer l : f.layers) {
                if (l.backend().startsWith("channels")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** WebSocket routes or consumers: without them Channels serves only HTTP here, and says nothing to remember. */
    private boolean servesWebSockets() {
        for (ChannelsFindings f : all) {
            if (!f.routers.isEmpty() || !f.consumers.isEmpty() || !f.looseRoutes.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    void emit() {
        if (!usesChannels()) {
            return;
        }
        library();
        if (!servesWebSockets()) {
            return;
        }
        routing();
        auth();
        serialization();
        events();
        rooms();
        layers();
        servers();
    }

    private void library() {
        for (ChannelsFindings f : all) {
            if (f.importAt != null) {
                ctx.emit(Fact.of(Kinds.LIBRARY, LIB).value("unknown").library(LIB).evidence(f.importAt)
                        .attr("role", "server").attr("language", "python").attr("via", "import").build());
                return;
            }
        }
    }

    // ---- routing, origin, auth -------------------------------------------------------------------------------

    private void routing() {
        for (Router r : routers) {
            ctx.emit(Fact.of(Kinds.TRANSPORT, "websocket").value("primary").library(LIB).evidence(r.websocketAt())
                    .build());
            if (r.origins().isEmpty()) {
                ctx.emit(Fact.of(Kinds.ORIGIN, "any").value("").library(LIB).source(Source.DEFAULT)
                        .confidence(Confidence.MEDIUM).evidence(r.websocketAt()).attr("role", "server")
                        .attr("note", "no AllowedHostsOriginValidator or OriginValidator around the websocket "
                                + "routes: Channels does not check the Origin header").build());
            }
            for (OriginCheck o : r.origins()) {
                Opt v = o.origins();
                ctx.emit(Fact.of(Kinds.ORIGIN, o.key()).value(v.value()).library(LIB).source(v.source())
                        .confidence(v.confidence()).evidence(v.evidence()).attr("role", "server")
                        .attr("variable", v.variable()).attr("note", o.note()).build());
            }
            paths(r.routes());
        }
        if (routers.isEmpty()) {
            List<Route> loose = new ArrayList<>();
            for (ChannelsFindings f : all) {
                loose.addAll(f.looseRoutes);
            }
            paths(loose);
            Evidence at = !loose.isEmpty() ? loose.get(0).at() : consumers.isEmpty() ? null : consumers.get(0).at();
            if (at != null) {
                ctx.emit(Fact.of(Kinds.TRANSPORT, "websocket").value("primary").library(LIB).evidence(at)
                        .confidence(Confidence.MEDIUM).build());
            }
        }
    }

    private void paths(List<Route> routes) {
        for (Route route : routes) {
            if (route.path() == null || route.path().isEmpty()) {
                continue;
            }
            String consumer = route.consumer() == null ? null
                    : route.consumer().substring(route.consumer().lastIndexOf('.') + 1);
            ctx.emit(Fact.of(Kinds.SETTING, "path").value(route.path()).library(LIB).evidence(route.at())
                    .attr("role", "server").attr("context", consumer).build());
            ctx.emit(Fact.of(Kinds.NAMESPACE, route.path()).value("").library(LIB).evidence(route.at())
                    .attr("consumer", consumer).build());
        }
    }

    private void auth() {
        boolean any = false;
        Evidence userCheck = null;
        for (Consumer c : consumers) {
            if (userCheck == null && c.userCheck() != null) {
                userCheck = c.userCheck();
            }
        }
        for (Router r : routers) {
            for (AuthUse a : r.auths()) {
                any = true;
                List<Evidence> ev = new ArrayList<>(a.at());
                if (a.mechanism().equals("session-cookie") && userCheck != null) {
                    ev.add(userCheck);
                }
                emitAuth(a, ev);
            }
        }
        for (Consumer c : consumers) {
            for (AuthUse a : c.auths()) {
                any = true;
                emitAuth(a, a.at());
            }
        }
        if (!any && userCheck != null && routers.isEmpty()) {
            any = true;
            ctx.emit(Fact.of(Kinds.AUTH, "session-cookie").value("upgrade-request").library(LIB)
                    .confidence(Confidence.MEDIUM).evidence(userCheck).attr("carrier", "cookie")
                    .attr("note", "consumers check scope[\"user\"]; the router that installs the session "
                            + "middleware is not in the scan").build());
        }
        if (!any) {
            for (Router r : routers) {
                ctx.emit(Fact.of(Kinds.AUTH, "none").value("none").library(LIB).source(Source.INFERRED)
                        .confidence(Confidence.MEDIUM).evidence(r.websocketAt())
                        .attr("note", "no authentication middleware around the websocket routes and no "
                                + "credential check in the consumers' connect()").build());
            }
        }
    }

    private void emitAuth(AuthUse a, List<Evidence> ev) {
        ctx.emit(Fact.of(Kinds.AUTH, a.mechanism()).value(a.phase()).library(LIB).confidence(a.confidence())
                .evidence(ev).attr("carrier", a.carrier()).attr("note", a.note()).build());
    }

    private void serialization() {
        for (Consumer c : consumers) {
            if (c.serialization() != null) {
                ctx.emit(Fact.of(Kinds.SERIALIZATION, c.serialization()).value(c.serializationWhy()).library(LIB)
                        .evidence(c.serializationAt()).build());
            }
        }
    }

    // ---- events ----------------------------------------------------------------------------------------------

    /** Everything known about one event name, gathered across consumers and channel-layer messages. */
    private static final class Acc {
        final List<Evidence> in = new ArrayList<>();
        final List<Evidence> out = new ArrayList<>();
        String inPayload;
        String outPayload;
        String validation;
        String required;
        String code;
        String layer;
        Confidence confidence = Confidence.LOW;

        void raise(Confidence c) {
            if (c.compareTo(confidence) > 0) {
                confidence = c;
            }
        }
    }

    private void events() {
        Map<String, Acc> events = new TreeMap<>();
        Map<String, String> envelopes = new LinkedHashMap<>();
        for (Consumer c : consumers) {
            for (ChannelsFindings.Envelope e : c.envelopes()) {
                ctx.emit(Fact.of(Kinds.ENVELOPE, e.key()).value("discriminator").library(LIB).evidence(e.at())
                        .build());
            }
            for (InEvent e : c.inbound()) {
                Acc a = events.computeIfAbsent(e.name(), k -> new Acc());
                a.in.add(e.at());
                if (a.inPayload == null) {
                    a.inPayload = "{" + String.join(", ", e.payload()) + "}";
                }
                if (a.validation == null && e.validation() != null) {
                    a.validation = e.validation();
                    a.required = e.required();
                }
                a.raise(Confidence.HIGH);
            }
        }
        // channel-layer messages reach a method named after their type; what it sends the client is an event
        Set<OutMessage> used = new HashSet<>();
        Map<String, List<Evidence>> layerTypes = new TreeMap<>();
        Map<String, List<String>> layerPayloads = new TreeMap<>();
        for (ChannelsFindings f : all) {
            for (LayerSend s : f.layerSends) {
                layerTypes.computeIfAbsent(s.type(), k -> new ArrayList<>()).add(s.at());
                layerPayloads.putIfAbsent(s.type(), s.payload());
            }
        }
        for (Map.Entry<String, List<Evidence>> t : layerTypes.entrySet()) {
            String handler = t.getKey().replace('.', '_');
            for (Consumer c : consumers) {
                if (!c.methods().contains(handler)) {
                    continue;
                }
                Set<String> reach = c.reach(handler);
                for (OutMessage m : c.outbound()) {
                    if (m.method() == null || !reach.contains(m.method())) {
                        continue;
                    }
                    used.add(m);
                    String name = m.name() != null ? m.name() : t.getKey();
                    Acc a = events.computeIfAbsent(name, k -> new Acc());
                    a.out.addAll(t.getValue());
                    a.out.add(m.at());
                    List<String> keys = m.relaysLayerType() && m.keys().size() <= 1
                            ? layerPayloads.get(t.getKey()) : m.keys();
                    if (a.outPayload == null && !keys.isEmpty()) {
                        a.outPayload = "{" + String.join(", ", keys) + "}";
                    }
                    if (m.code() != null && a.code == null) {
                        a.code = m.code();
                    }
                    if (!name.equals(t.getKey())) {
                        a.layer = t.getKey();
                    }
                    a.raise(Confidence.MEDIUM);
                }
            }
        }
        Set<String> handlers = new HashSet<>();
        for (String t : layerTypes.keySet()) {
            handlers.add(t.replace('.', '_'));
        }
        for (Consumer c : consumers) {
            Set<String> inNames = new HashSet<>();
            for (InEvent e : c.inbound()) {
                inNames.add(e.name());
            }
            Map<String, List<OutMessage>> byFirstKey = new LinkedHashMap<>();
            for (OutMessage m : c.outbound()) {
                if (used.contains(m) || m.relaysLayerType()) {
                    continue;
                }
                if (m.name() != null || m.code() != null) {
                    String name = m.name() != null ? m.name() : m.codeName() != null ? m.codeName() : m.code();
                    Acc a = events.computeIfAbsent(name, k -> new Acc());
                    a.out.add(m.at());
                    if (a.outPayload == null) {
                        a.outPayload = "{" + String.join(", ", m.keys()) + "}";
                    }
                    if (m.code() != null && a.code == null) {
                        a.code = m.code();
                    }
                    a.raise(m.name() != null ? Confidence.HIGH : Confidence.MEDIUM);
                    continue;
                }
                if (handlers.contains(m.method())) {
                    continue;
                }
                String k = m.firstKey();
                if (k != null && !ConsumerScan.isGenericKey(k) && ConsumerScan.isName(k)) {
                    byFirstKey.computeIfAbsent(k, x -> new ArrayList<>()).add(m);
                }
            }
            // replies told apart only by their first key: {"join": id}, {"leave": id}, {"error": code}
            for (Map.Entry<String, List<OutMessage>> e : byFirstKey.entrySet()) {
                boolean reply = inNames.contains(e.getKey());
                if (!reply && byFirstKey.size() < 2) {
                    continue;
                }
                Acc a = events.computeIfAbsent(e.getKey(), k -> new Acc());
                for (OutMessage m : e.getValue()) {
                    a.out.add(m.at());
                }
                if (a.outPayload == null) {
                    a.outPayload = "{" + String.join(", ", e.getValue().get(0).keys()) + "}";
                }
                a.raise(reply ? Confidence.MEDIUM : Confidence.LOW);
            }
        }
        for (Map.Entry<String, Acc> e : events.entrySet()) {
            Acc a = e.getValue();
            boolean in = !a.in.isEmpty();
            boolean out = !a.out.isEmpty();
            String direction = in && out ? "both" : in ? "in" : "out";
            List<Evidence> ev = new ArrayList<>(a.in);
            ev.addAll(a.out);
            String payload = in && out && a.inPayload != null && a.outPayload != null
                    ? "in " + a.inPayload + "; out " + a.outPayload
                    : in ? a.inPayload : a.outPayload;
            ctx.emit(Fact.of(Kinds.EVENT, e.getKey()).value(direction).library(LIB).confidence(a.confidence)
                    .evidence(ev).attr("payload", payload).attr("validation", a.validation)
                    .attr("required", a.required).attr("code", a.code).attr("layer", a.layer).build());
        }
    }

    // ---- rooms, layers ---------------------------------------------------------------------------------------

    private List<String> roomPatterns() {
        Set<String> out = new TreeSet<>();
        for (ChannelsFindings f : all) {
            for (Room r : f.rooms) {
                out.add(r.pattern());
            }
        }
        return new ArrayList<>(out);
    }

    private void rooms() {
        Map<String, List<Evidence>> byKey = new TreeMap<>();
        for (ChannelsFindings f : all) {
            for (Room r : f.rooms) {
                byKey.computeIfAbsent(r.pattern() + "\u0000" + r.action(), k -> new ArrayList<>()).add(r.at());
            }
        }
        for (Map.Entry<String, List<Evidence>> e : byKey.entrySet()) {
            String[] parts = e.getKey().split("\u0000", 2);
            List<Evidence> ev = new ArrayList<>(e.getValue());
            ev.sort(null);
            ctx.emit(Fact.of(Kinds.ROOM, parts[0]).value(parts[1]).library(LIB).evidence(ev)
                    .confidence(parts[0].contains("{") ? Confidence.MEDIUM : Confidence.HIGH).build());
        }
    }

    private void layers() {
        List<Layer> layers = new ArrayList<>();
        for (ChannelsFindings f : all) {
            layers.addAll(f.layers);
        }
        boolean several = layers.stream().map(l -> l.backendAt().path()).distinct().count() > 1
                || layers.stream().filter(l -> l.alias().equals("default")).count() > 1;
        String channels = String.join(",", roomPatterns());
        boolean redisLibrary = false;
        for (Layer l : layers) {
            String b = l.backend();
            String context = several ? l.backendAt().path() : null;
            String alias = l.alias().equals("default") ? null : l.alias();
            if (b.contains("InMemoryChannelLayer")) {
                ctx.emit(Fact.of(Kinds.FINDING, "WS-INMEMORY-LAYER").value("warning").library(LIB)
                        .evidence(l.backendAt()).attr("context", context).attr("alias", alias)
                        .attr("note", "InMemoryChannelLayer: groups and layer messages stay inside one process; "
                                + "a second instance or worker does not see them").build());
                continue;
            }
            String adapter;
            String broker;
            if (b.startsWith("channels_redis") || b.contains("Redis")) {
                adapter = "redis";
                broker = "redis";
                redisLibrary |= b.startsWith("channels_redis");
            } else if (b.contains("rabbitmq") || b.contains("Rabbitmq")) {
                adapter = "amqp";
                broker = "rabbitmq";
            } else if (b.contains("postgres") || b.contains("Postgres")) {
                adapter = "postgres";
                broker = null;
            } else {
                continue;
            }
            Fact.Builder af = Fact.of(Kinds.ADAPTER, adapter).value(b).library(LIB).evidence(l.backendAt())
                    .attr("context", context).attr("alias", alias);
            if (b.contains("PubSub")) {
                af.attr("pubsub", "true");
            }
            Opt groupExpiry = l.config().get("group_expiry");
            if (groupExpiry != null) {
                af.attr("group_expiry", seconds(groupExpiry.value()));
            }
            ctx.emit(af.build());
            if (broker != null) {
                brokerFact(l, broker, b, channels, context);
            }
            if (adapter.equals("redis") && !b.contains("PubSub")) {
                layerSetting(l, "capacity", "send.queue", null, context);
                layerSetting(l, "expiry", "send.timeLimit", "ms", context);
            }
        }
        if (redisLibrary) {
            for (Layer l : layers) {
                if (l.backend().startsWith("channels_redis")) {
                    ctx.emit(Fact.of(Kinds.LIBRARY, "channels-redis").value("unknown").library("channels-redis")
                            .evidence(l.backendAt()).attr("role", "server").attr("language", "python")
                            .attr("via", "settings").build());
                    break;
                }
            }
        }
    }

    private void brokerFact(Layer l, String broker, String backend, String channels, String context) {
        if (l.hosts().isEmpty()) {
            if (broker.equals("redis")) {
                ctx.emit(Fact.of(Kinds.BROKER, "redis").value("localhost:6379").library(LIB).source(Source.DEFAULT)
                        .confidence(Confidence.MEDIUM).evidence(l.backendAt()).attr("channels", channels)
                        .attr("via", backend).attr("context", context).build());
            }
            return;
        }
        List<String> values = new ArrayList<>();
        List<Evidence> ev = new ArrayList<>();
        String variable = null;
        Source source = Source.EXPLICIT;
        Confidence confidence = Confidence.HIGH;
        for (Opt h : l.hosts()) {
            if (!h.value().isEmpty()) {
                values.add(h.value());
            }
            for (Evidence e : h.evidence()) {
                if (!ev.contains(e)) {
                    ev.add(e);
                }
            }
            if (h.source() == Source.ENV) {
                source = Source.ENV;
                variable = variable == null ? h.variable() : variable;
            }
            confidence = confidence.min(h.confidence());
        }
        ctx.emit(Fact.of(Kinds.BROKER, broker).value(String.join(",", values)).library(LIB).source(source)
                .confidence(confidence).evidence(ev).attr("variable", variable).attr("channels", channels)
                .attr("via", backend).attr("context", context).build());
    }

    private void layerSetting(Layer l, String option, String key, String unit, String context) {
        Opt o = l.config().get(option);
        if (o != null) {
            String value = "ms".equals(unit) ? seconds(o.value()) : o.value();
            Fact.Builder b = Fact.of(Kinds.SETTING, key).value(value).library("channels-redis").source(o.source())
                    .confidence(o.confidence()).evidence(o.evidence()).attr("role", "server")
                    .attr("context", context == null ? "channel-layer" : "channel-layer " + context)
                    .attr("option", option).attr("variable", o.variable());
            if (unit != null) {
                b.unit(unit);
            }
            ctx.emit(b.build());
            return;
        }
        String version = ctx.library("channels-redis", l.backendAt().path()).map(Fact::value).orElse(null);
        REDIS_LAYER.lookup(key, version).ifPresent(c -> {
            Fact.Builder b = Fact.of(Kinds.SETTING, key).value(c.value()).library("channels-redis")
                    .source(Source.DEFAULT).confidence(c.confidence()).evidence(l.backendAt())
                    .attr("role", "server")
                    .attr("context", context == null ? "channel-layer" : "channel-layer " + context)
                    .attr("option", option).attr("default", c.basisLabel());
            if (c.entry().unit() != null) {
                b.unit(c.entry().unit());
            }
            ctx.emit(b.build());
        });
    }

    // ---- servers ---------------------------------------------------------------------------------------------

    private void servers() {
        List<ServerRun> runs = new ArrayList<>();
        Set<String> apps = new LinkedHashSet<>();
        Evidence appsAt = null;
        for (ChannelsFindings f : all) {
            runs.addAll(f.servers);
            apps.addAll(f.installedApps);
            if (appsAt == null && f.installedAppsAt != null && (f.installedApps.contains("daphne")
                    || f.installedApps.contains("channels"))) {
                appsAt = f.installedAppsAt;
            }
        }
        Evidence routerAt = routers.isEmpty() ? null : routers.get(0).routerAt();
        Optional<Fact> channels = ctx.library(LIB, routerAt == null ? "" : routerAt.path());
        LibraryDefaults.Version version = channels.map(f -> LibraryDefaults.Version.parse(f.value())).orElse(null);
        boolean runserverIsDaphne = apps.contains("daphne")
                || apps.contains("channels") && (version == null || version.major() < 4);
        Map<String, List<ServerRun>> byLibrary = new LinkedHashMap<>();
        for (ServerRun run : runs) {
            String library = switch (run.server()) {
                case "daphne" -> "daphne";
                case "runserver" -> runserverIsDaphne ? "daphne" : null;
                case "uvicorn" -> "uvicorn";
                default -> null;
            };
            if (library != null) {
                byLibrary.computeIfAbsent(library, k -> new ArrayList<>()).add(run);
            }
        }
        if (runs.isEmpty() && apps.contains("daphne") && appsAt != null) {
            byLibrary.put("daphne", List.of(new ServerRun("runserver", Map.of(), appsAt)));
        }
        for (Map.Entry<String, List<ServerRun>> e : byLibrary.entrySet()) {
            boolean daphne = e.getKey().equals("daphne");
            server(e.getValue(), e.getKey(), daphne ? DAPHNE : UVICORN, daphne ? DAPHNE_OPTIONS : UVICORN_OPTIONS,
                    routerAt);
        }
    }

    private void server(List<ServerRun> runs, String library, LibraryDefaults defaults, Map<String, String> keys,
                        Evidence routerAt) {
        Set<String> set = new HashSet<>();
        for (ServerRun run : runs) {
            set.addAll(explicitOptions(run, library, keys));
        }
        String version = ctx.library(library, runs.get(0).at().path()).map(Fact::value).orElse(null);
        boolean onlyRunserver = runs.stream().allMatch(r -> r.server().equals("runserver"));
        for (LibraryDefaults.Entry d : defaults.entries()) {
            if (set.contains(d.key())) {
                continue;
            }
            defaults.lookup(d.key(), version).ifPresent(c -> {
                List<Evidence> ev = new ArrayList<>();
                if (routerAt != null) {
                    ev.add(routerAt);
                }
                for (ServerRun run : runs) {
                    ev.add(run.at());
                }
                Fact.Builder b = Fact.of(Kinds.SETTING, d.key()).value(c.value()).library(library)
                        .source(Source.DEFAULT).confidence(c.confidence()).evidence(ev).attr("role", "server")
                        .attr("option", d.option()).attr("default", c.basisLabel())
                        .attr("context", onlyRunserver ? "manage.py runserver" : null);
                if (d.unit() != null) {
                    b.unit(d.unit());
                }
                ctx.emit(b.build());
            });
        }
    }

    /** The options a command line sets; returns the keys it set. */
    private Set<String> explicitOptions(ServerRun run, String library, Map<String, String> keys) {
        Set<String> set = new HashSet<>();
        for (Map.Entry<String, Opt> o : run.options().entrySet()) {
            String key = keys.get(o.getKey());
            if (key == null) {
                continue;
            }
            Opt v = o.getValue();
            if (v.source() == Source.ENV && v.value().isEmpty()) {
                continue; // $PORT with no fallback says nothing certain
            }
            String value = switch (key) {
                case "ping.interval", "ping.timeout", "handshake.timeout" -> seconds(v.value());
                default -> v.value();
            };
            if (value == null) {
                continue;
            }
            set.add(key);
            Fact.Builder b = Fact.of(Kinds.SETTING, key).value(value).library(library).source(v.source())
                    .confidence(v.confidence()).evidence(v.evidence()).attr("role", "server")
                    .attr("option", o.getKey()).attr("variable", v.variable());
            String unit = key.equals("payload.max") ? "bytes" : key.equals("port") ? null : "ms";
            if (unit != null) {
                b.unit(unit);
            }
            ctx.emit(b.build());
        }
        return set;
    }

    /** Seconds as written (20, 2.5) to milliseconds; null when not a number. */
    static String seconds(String s) {
        try {
            double d = Double.parseDouble(s.trim());
            return LibraryDefaultsFormat.number(d * 1000);
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    /** Number formatting as facts print it. */
    static final class LibraryDefaultsFormat {
        private LibraryDefaultsFormat() {
        }

        static String number(double n) {
            if (n == Math.rint(n) && Math.abs(n) < 1e18) {
                return Long.toString((long) n);
            }
            return new java.math.BigDecimal(Double.toString(n)).stripTrailingZeros().toPlainString();
        }
    }
}
