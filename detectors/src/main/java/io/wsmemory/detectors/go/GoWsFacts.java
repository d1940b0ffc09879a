package io.wsmemory.detectors.go;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.knowledge.LibraryDefaults;
import io.wsmemory.core.knowledge.LibraryDefaults.Choice;
import io.wsmemory.detectors.go.GoFindings.Opt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the findings of every Go file into facts once the whole repository is known: the declared version picks
 * the defaults, settings the code never sets get the library's, and "no authentication" is said only when nothing
 * in the repository checks a credential.
 */
public final class GoWsFacts {

    private final String library;
    private final List<GoFindings> all;
    private final RepoContext ctx;
    private final LibraryDefaults serverDefaults;
    private final LibraryDefaults clientDefaults;

    public GoWsFacts(String library, List<GoFindings> all, RepoContext ctx, LibraryDefaults serverDefaults,
                     LibraryDefaults clientDefaults) {
        this.library = library;
        this.all = all;
        this.ctx = ctx;
        this.serverDefaults = serverDefaults;
        this.clientDefaults = clientDefaults;
    }

    public void emit() {
        boolean anyServer = all.stream().anyMatch(f -> !f.servers.isEmpty() || !f.upgrades.isEmpty());
        boolean anyClient = all.stream().anyMatch(f -> !f.clients.isEmpty());
        boolean anyUse = all.stream().anyMatch(f -> !f.libraries.isEmpty());
        if (!anyUse) {
            return;
        }
        for (GoFindings f : all) {
            for (GoFindings.LibraryUse l : f.libraries) {
                boolean clientFile = !f.clients.isEmpty() && f.servers.isEmpty() && f.upgrades.isEmpty();
                String role = clientFile || !anyServer && anyClient ? "client" : "server";
                ctx.emit(Fact.of(Kinds.LIBRARY, library).value("unknown").library(library).evidence(l.at())
                        .attr("role", role).attr("language", "go").attr("via", "import").build());
            }
        }
        servers();
        clients();
        Set<String> setKeys = new java.util.HashSet<>();
        for (GoFindings f : all) {
            for (GoFindings.Setting s : f.settings) {
                setKeys.add(s.key() + "/" + s.role());
                ctx.emit(setting(s.key(), s.opt(), s.role()).attr("context", s.context()).build());
            }
            for (Evidence up : f.upgrades) {
                ctx.emit(Fact.of(Kinds.TRANSPORT, "websocket").value("primary").library(library).evidence(up)
                        .build());
            }
            for (GoFindings.Route rt : f.routes) {
                ctx.emit(setting("path", rt.path(), "server").build());
            }
            for (GoFindings.Origin o : f.origins) {
                ctx.emit(Fact.of(Kinds.ORIGIN, o.key()).value(o.opt().value()).library(library)
                        .source(o.opt().source()).confidence(o.opt().confidence()).evidence(o.opt().evidence())
                        .attr("role", "server").attr("variable", o.opt().variable()).build());
            }
        }
        if (anyServer && !setKeys.contains("payload.max/server")) {
            Evidence at = firstServer();
            if (at != null) {
                serverDefaults.lookup("payload.max", version(at.path())).ifPresent(c ->
                        ctx.emit(defaulted(Kinds.SETTING, c, at, "server")));
            }
        }
        auth();
        serialization();
        events();
        for (GoFindings f : all) {
            for (GoFindings.Envelope e : f.envelopes) {
                ctx.emit(Fact.of(Kinds.ENVELOPE, e.field()).value(e.role()).library(library)
                        .confidence(Confidence.MEDIUM).evidence(e.at()).attr("type", e.type()).build());
            }
            for (GoFindings.Room rm : f.rooms) {
                ctx.emit(Fact.of(Kinds.ROOM, rm.pattern()).value(rm.action()).library(library)
                        .source(Source.INFERRED).confidence(Confidence.LOW).evidence(rm.at()).build());
            }
        }
        if (anyServer) {
            brokers();
        }
    }

    private void events() {
        Map<String, List<GoFindings.Event>> byName = new LinkedHashMap<>();
        for (GoFindings f : all) {
            for (GoFindings.Event e : f.events) {
                byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
            }
        }
        for (Map.Entry<String, List<GoFindings.Event>> e : byName.entrySet()) {
            List<GoFindings.Event> es = e.getValue();
            boolean in = es.stream().anyMatch(x -> x.direction().equals("in"));
            boolean out = es.stream().anyMatch(x -> x.direction().equals("out"));
            String direction = in && out ? "both" : in ? "in" : "out";
            List<Evidence> ev = new ArrayList<>();
            String payload = null;
            String validation = null;
            String code = null;
            String type = null;
            boolean unnamed = false;
            for (GoFindings.Event x : es) {
                if (x.at() != null && !ev.contains(x.at())) {
                    ev.add(x.at());
                }
                payload = payload == null || payload.isEmpty() ? x.payload() : payload;
                validation = validation == null ? x.validation() : validation;
                code = code == null ? x.code() : code;
                type = type == null ? x.type() : type;
                unnamed |= x.unnamed();
            }
            ctx.emit(Fact.of(Kinds.EVENT, e.getKey()).value(direction).library(library)
                    .source(unnamed ? Source.INFERRED : Source.EXPLICIT)
                    .confidence(unnamed ? Confidence.LOW : Confidence.MEDIUM).evidence(ev)
                    .attr("payload", payload).attr("validation", validation).attr("code", code)
                    .attr("type", type).attr("unnamed", unnamed ? "true" : null).build());
        }
    }

    private void brokers() {
        Map<String, List<GoFindings.Broker>> byKey = new LinkedHashMap<>();
        for (GoFindings f : all) {
            for (GoFindings.Broker b : f.brokers) {
                byKey.computeIfAbsent(b.key(), k -> new ArrayList<>()).add(b);
            }
        }
        for (Map.Entry<String, List<GoFindings.Broker>> e : byKey.entrySet()) {
            if (e.getValue().stream().allMatch(b -> b.endpoint() != null)) {
                continue; // a client that never publishes or subscribes: a cache, not a broker
            }
            List<Evidence> ev = new ArrayList<>();
            java.util.LinkedHashSet<String> channels = new java.util.LinkedHashSet<>();
            Opt endpoint = null;
            String pkg = null;
            for (GoFindings.Broker b : e.getValue()) {
                if (endpoint == null && b.endpoint() != null) {
                    endpoint = b.endpoint();
                    ev.add(b.at());
                }
            }
            for (GoFindings.Broker b : e.getValue()) {
                if (b.at() != null && !ev.contains(b.at())) {
                    ev.add(b.at());
                }
                channels.addAll(b.channels());
                pkg = pkg == null ? b.pkg() : pkg;
            }
            if (endpoint != null) {
                ev.addAll(endpoint.evidence());
            }
            ctx.emit(Fact.of(Kinds.BROKER, e.getKey()).value(endpoint == null ? "" : endpoint.value())
                    .library(library).source(endpoint == null ? Source.EXPLICIT : endpoint.source())
                    .confidence(Confidence.MEDIUM).evidence(ev)
                    .attr("channels", channels.isEmpty() ? null : String.join(",", channels))
                    .attr("package", pkg).attr("variable", endpoint == null ? null : endpoint.variable()).build());
        }
    }

    private Evidence firstServer() {
        for (GoFindings f : all) {
            if (!f.servers.isEmpty()) {
                return f.servers.get(0).at();
            }
        }
        for (GoFindings f : all) {
            if (!f.upgrades.isEmpty()) {
                return f.upgrades.get(0);
            }
        }
        return null;
    }

    private void servers() {
        long count = all.stream().mapToLong(f -> f.servers.size()).sum();
        for (GoFindings f : all) {
            for (GoFindings.Server original : f.servers) {
                GoFindings.Server s = withAssignments(f, original);
                String version = version(f.path);
                String context = count > 1 ? (s.varName() != null ? s.varName() + " " : "") + s.at().location()
                        : null;
                RepoContextWithAttr out = new RepoContextWithAttr(ctx, context);
                for (Map.Entry<String, Opt> e : s.settings().entrySet()) {
                    out.emit(setting(e.getKey(), e.getValue(), "server").build());
                }
                for (LibraryDefaults.Entry d : serverDefaults.entries()) {
                    String kind = d.kind() == null ? Kinds.SETTING : d.kind();
                    if (!kind.equals(Kinds.SETTING) || d.key().equals("payload.max")
                            || s.settings().containsKey(d.key())) {
                        continue;
                    }
                    serverDefaults.lookup(d.key(), kind, version).ifPresent(c ->
                            out.emit(defaulted(kind, c, s.at(), "server")));
                }
                if (s.originKey() != null) {
                    Opt o = s.origin();
                    out.emit(Fact.of(Kinds.ORIGIN, s.originKey()).value(o.value()).library(library)
                            .source(o.source()).confidence(o.confidence()).evidence(o.evidence())
                            .attr("role", "server").attr("variable", o.variable()).build());
                } else {
                    for (LibraryDefaults.Entry d : serverDefaults.entries()) {
                        if (Kinds.ORIGIN.equals(d.kind())) {
                            serverDefaults.lookup(d.key(), Kinds.ORIGIN, version).ifPresent(c ->
                                    out.emit(defaulted(Kinds.ORIGIN, c, s.at(), "server")));
                        }
                    }
                }
            }
        }
    }

    /** Emits facts of one construction, naming it in {@code attrs.context} when the repository has several. */
    private record RepoContextWithAttr(RepoContext ctx, String context) {
        void emit(Fact f) {
            ctx.emit(context == null ? f : f.toBuilder().attr("context", context).build());
        }
    }

    /** Fields set on a construction from other files of its package. */
    private GoFindings.Server withAssignments(GoFindings f, GoFindings.Server s) {
        String dir = dirOf(f.path);
        long serversInDir = all.stream().filter(x -> dirOf(x.path).equals(dir)).mapToLong(x -> x.servers.size()).sum();
        Map<String, Opt> settings = new LinkedHashMap<>(s.settings());
        Opt origin = s.origin();
        String originKey = s.originKey();
        for (GoFindings other : all) {
            if (other == f || !dirOf(other.path).equals(dir)) {
                continue;
            }
            for (GoFindings.Assignment a : other.assignments) {
                if (!a.varName().equals(s.varName()) && !(serversInDir == 1)) {
                    continue;
                }
                if (a.key().equals("origin")) {
                    origin = a.opt();
                    originKey = a.originKey();
                    if (a.sameHost() != null) {
                        ctx.emit(Fact.of(Kinds.ORIGIN, "same-origin").value("").library(library)
                                .source(a.sameHost().source()).confidence(a.sameHost().confidence())
                                .evidence(a.sameHost().evidence()).attr("role", "server").build());
                    }
                } else {
                    settings.put(a.key(), a.opt());
                }
            }
        }
        return new GoFindings.Server(s.at(), settings, origin, originKey, s.varName());
    }

    private static String dirOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private void clients() {
        for (GoFindings f : all) {
            for (GoFindings.Client c : f.clients) {
                String version = version(f.path);
                for (Map.Entry<String, Opt> e : c.settings().entrySet()) {
                    ctx.emit(setting(e.getKey(), e.getValue(), "client").build());
                }
                if (clientDefaults == null) {
                    continue;
                }
                for (LibraryDefaults.Entry d : clientDefaults.entries()) {
                    if (c.settings().containsKey(d.key())) {
                        continue;
                    }
                    if (d.option() != null && d.option().startsWith("DefaultDialer.") && !c.defaultDialer()) {
                        continue;
                    }
                    clientDefaults.lookup(d.key(), version).ifPresent(ch ->
                            ctx.emit(defaulted(Kinds.SETTING, ch, c.at(), "client")));
                }
            }
        }
    }

    private void auth() {
        boolean anyAuth = false;
        for (GoFindings f : all) {
            for (GoFindings.Auth a : f.auths) {
                anyAuth = true;
                ctx.emit(Fact.of(Kinds.AUTH, a.mechanism()).value(a.phase()).library(library)
                        .confidence(Confidence.MEDIUM).evidence(a.evidence()).attr("carrier", a.carrier()).build());
            }
        }
        if (anyAuth) {
            return;
        }
        boolean authMessage = all.stream().anyMatch(f -> f.events.stream().anyMatch(e -> e.direction().equals("in")
                && e.name().matches("(?i).*(auth|login|token|identify|credential).*")));
        if (authMessage) {
            return; // credentials may travel in a message: not "no authentication"
        }
        for (GoFindings f : all) {
            for (Evidence up : f.unauthenticated) {
                ctx.emit(Fact.of(Kinds.AUTH, "none").value("none").library(library).source(Source.INFERRED)
                        .confidence(Confidence.LOW).evidence(up)
                        .attr("note", "nothing checks a credential before the upgrade").build());
            }
        }
    }

    /** One fact per format, with every place that shows it; text frames carrying JSON are JSON. */
    private void serialization() {
        boolean json = all.stream().anyMatch(f -> f.serializations.stream().anyMatch(s -> s.key().equals("json")));
        Map<String, List<GoFindings.Serialization>> byKey = new LinkedHashMap<>();
        for (GoFindings f : all) {
            for (GoFindings.Serialization s : f.serializations) {
                if (json && s.key().equals("text")) {
                    continue;
                }
                byKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
            }
        }
        for (Map.Entry<String, List<GoFindings.Serialization>> e : byKey.entrySet()) {
            List<Evidence> ev = new ArrayList<>();
            for (GoFindings.Serialization s : e.getValue()) {
                if (!ev.contains(s.at())) {
                    ev.add(s.at());
                }
            }
            ctx.emit(Fact.of(Kinds.SERIALIZATION, e.getKey()).value(e.getValue().get(0).value()).library(library)
                    .evidence(ev).build());
        }
    }

    public String version(String path) {
        return ctx.library(library, path).map(Fact::value).orElse(null);
    }

    public Fact.Builder setting(String key, Opt v, String role) {
        Fact.Builder b = Fact.of(Kinds.SETTING, key).value(v.value()).library(library).source(v.source())
                .confidence(v.confidence()).evidence(v.evidence()).attr("role", role)
                .attr("variable", v.variable());
        if (v.unit() != null) {
            b.unit(v.unit());
        }
        return b;
    }

    public Fact defaulted(String kind, Choice c, Evidence at, String role) {
        Fact.Builder b = Fact.of(kind, c.entry().key()).value(c.value()).library(library).source(Source.DEFAULT)
                .confidence(c.confidence()).evidence(at).attr("role", role).attr("default", c.basisLabel())
                .attr("option", c.entry().option());
        if (c.entry().unit() != null) {
            b.unit(c.entry().unit());
        }
        return b.build();
    }

    public String library() {
        return library;
    }

    public List<GoFindings> findings() {
        return new ArrayList<>(all);
    }
}
