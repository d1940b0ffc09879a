package io.wsmemory.detectors.pysocketio;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.knowledge.LibraryDefaults;
import io.wsmemory.detectors.pysocketio.PySioFindings.Opt;
import io.wsmemory.detectors.pysocketio.PySioFindings.Side;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the findings of every Python file into Socket.IO facts once the repository is known: the declared version
 * of python-socketio (or Flask-SocketIO, which runs on it) picks the defaults, and events seen on both sides get
 * one direction.
 */
final class PySocketIoFacts {

    private static final LibraryDefaults SERVER_DEFAULTS =
            LibraryDefaults.load(PySocketIoFacts.class, "server-defaults.json");
    private static final LibraryDefaults CLIENT_DEFAULTS =
            LibraryDefaults.load(PySocketIoFacts.class, "client-defaults.json");
    private static final Map<String, String> SETTINGS = Map.of(
            "ping_interval", "ping.interval",
            "ping_timeout", "ping.timeout",
            "max_http_buffer_size", "payload.max");
    private static final Map<String, String> RECONNECT = Map.of(
            "reconnection", "enabled",
            "reconnection_attempts", "attempts",
            "reconnection_delay", "delay.min",
            "reconnection_delay_max", "delay.max",
            "randomization_factor", "jitter");

    private final List<PySioFindings> all;
    private final RepoContext ctx;

    PySocketIoFacts(List<PySioFindings> all, RepoContext ctx) {
        this.all = all;
        this.ctx = ctx;
    }

    void emit() {
        boolean any = all.stream().anyMatch(f -> !f.libraries.isEmpty() || !f.servers.isEmpty()
                || !f.clients.isEmpty());
        if (!any) {
            return;
        }
        libraries();
        boolean anyServer = false;
        for (PySioFindings f : all) {
            for (PySioFindings.Server s : f.servers) {
                server(f, s);
                anyServer = true;
            }
            for (PySioFindings.Client c : f.clients) {
                client(f, c);
            }
        }
        paths(anyServer);
        namespaces(anyServer);
        auth(anyServer);
        events();
        rooms();
        adapters();
    }

    private void libraries() {
        Map<String, PySioFindings.LibraryUse> first = new LinkedHashMap<>();
        for (PySioFindings f : all) {
            for (PySioFindings.LibraryUse l : f.libraries.values()) {
                first.putIfAbsent(l.id(), l);
            }
        }
        for (PySioFindings.LibraryUse l : first.values()) {
            ctx.emit(Fact.of(Kinds.LIBRARY, l.id()).value("unknown").library(l.id()).evidence(l.at())
                    .attr("role", l.role() == null ? "server" : l.role()).attr("language", "python")
                    .attr("via", "import").build());
        }
    }

    private String version(String library, String path) {
        String v = ctx.library(library, path).map(Fact::value).orElse(null);
        if (v == null && library.equals(PySocketIoFileScan.FLASK)) {
            LibraryDefaults.Version fv = LibraryDefaults.Version.parse(
                    ctx.library(PySocketIoFileScan.FLASK, path).map(Fact::value).orElse(null));
            v = ctx.library(PySocketIoFileScan.SIO, path).map(Fact::value).orElse(fv == null ? null
                    : fv.major() >= 5 ? "5" : "4"); // Flask-SocketIO 5 runs on python-socketio 5
        }
        return v;
    }

    // ---- servers and clients ---------------------------------------------------------------------------------

    private void server(PySioFindings f, PySioFindings.Server s) {
        String library = s.library();
        String version = version(library.equals(PySocketIoFileScan.FLASK) ? PySocketIoFileScan.FLASK
                : PySocketIoFileScan.SIO, f.path);
        Map<String, Opt> o = s.options();
        for (Map.Entry<String, String> e : SETTINGS.entrySet()) {
            Opt v = o.get(e.getKey());
            if (v != null && v.value() != null && !(v.source() == Source.ENV && v.value().isEmpty())) {
                Fact.Builder b = Fact.of(Kinds.SETTING, e.getValue()).value(v.value()).library(library)
                        .source(v.source()).confidence(v.confidence()).evidence(v.evidence()).attr("role", "server")
                        .attr("variable", v.variable()).attr("option", e.getKey());
                b.unit(e.getValue().equals("payload.max") ? "bytes" : "ms");
                ctx.emit(b.build());
            }
        }
        for (LibraryDefaults.Entry d : SERVER_DEFAULTS.entries()) {
            if (d.key().equals("path")) {
                continue; // the path belongs to the ASGI/WSGI app, reported with it
            }
            Opt set = o.get(d.option());
            if (set == null || set.value() == null) {
                SERVER_DEFAULTS.lookup(d.key(), version).ifPresent(c -> ctx.emit(defaulted(Kinds.SETTING, c, library,
                        s.at(), "server")));
            }
        }
        transports(o.get("transports"), s.at(), library, "server");
        origin(o.get("cors_allowed_origins"), s, library);
        Opt serializer = o.get("serializer");
        if (serializer != null && "msgpack".equals(serializer.value())) {
            ctx.emit(Fact.of(Kinds.SERIALIZATION, "msgpack").value("serializer='msgpack'").library(library)
                    .source(serializer.source()).evidence(serializer.evidence()).build());
        } else if (serializer == null || "default".equals(serializer.value())) {
            ctx.emit(Fact.of(Kinds.SERIALIZATION, "json").value("socket.io default parser").library(library)
                    .source(Source.DEFAULT).evidence(s.at()).build());
        }
    }

    private void origin(Opt cors, PySioFindings.Server s, String library) {
        if (cors == null) {
            ctx.emit(Fact.of(Kinds.ORIGIN, "same-origin").value("").library(library).source(Source.DEFAULT)
                    .confidence(Confidence.MEDIUM).evidence(s.at()).attr("role", "server")
                    .attr("note", "no cors_allowed_origins: python-engineio accepts only the request's own host")
                    .build());
            return;
        }
        String v = cors.value();
        String key;
        if (v == null) {
            key = "allow-list";
            v = "";
        } else if (v.equals("*") || cors.items() != null && cors.items().contains("*")) {
            key = "any";
        } else if (cors.items() != null && cors.items().isEmpty()) {
            key = "any";
            v = "";
        } else if (v.equals("None")) {
            key = "same-origin";
            v = "";
        } else {
            key = "allow-list";
        }
        ctx.emit(Fact.of(Kinds.ORIGIN, key).value(v).library(library).source(cors.source())
                .confidence(cors.confidence()).evidence(cors.evidence()).attr("role", "server")
                .attr("variable", cors.variable()).build());
    }

    private void transports(Opt t, Evidence at, String library, String role) {
        if (t == null || t.items() == null) {
            ctx.emit(Fact.of(Kinds.TRANSPORT, "websocket").value("primary").library(library).source(Source.DEFAULT)
                    .evidence(at).attr("role", role).build());
            ctx.emit(Fact.of(Kinds.TRANSPORT, "polling").value("fallback").library(library).source(Source.DEFAULT)
                    .evidence(at).attr("role", role).build());
            return;
        }
        Set<String> items = new LinkedHashSet<>(t.items());
        boolean ws = items.contains("websocket");
        for (String i : items) {
            if (i.equals("?")) {
                continue;
            }
            String value = i.equals("websocket") || !ws && i.equals(items.iterator().next()) ? "primary" : "fallback";
            ctx.emit(Fact.of(Kinds.TRANSPORT, i).value(value).library(library).source(t.source())
                    .confidence(t.confidence()).evidence(t.evidence()).attr("role", role).build());
        }
    }

    private void client(PySioFindings f, PySioFindings.Client c) {
        String version = version(PySocketIoFileScan.SIO, f.path);
        Map<String, Opt> o = c.options();
        for (Map.Entry<String, String> e : RECONNECT.entrySet()) {
            Opt v = o.get(e.getKey());
            if (v != null && v.value() != null) {
                String value = v.value();
                if (e.getValue().startsWith("delay")) {
                    try {
                        value = PySocketIoFileScan.ms(Double.parseDouble(value));
                    } catch (NumberFormatException ex) {
                        continue;
                    }
                }
                if (e.getValue().equals("attempts") && "0".equals(value)) {
                    value = "unlimited";
                }
                Fact.Builder b = Fact.of(Kinds.RECONNECT, e.getValue()).value(value).library(PySocketIoFileScan.SIO)
                        .source(v.source()).confidence(v.confidence()).evidence(v.evidence()).attr("role", "client")
                        .attr("variable", v.variable());
                if (e.getValue().startsWith("delay")) {
                    b.unit("ms");
                }
                ctx.emit(b.build());
            }
        }
        boolean disabled = o.get("reconnection") != null && "false".equals(o.get("reconnection").value());
        for (LibraryDefaults.Entry d : CLIENT_DEFAULTS.entries()) {
            if (o.get(d.option()) != null || disabled) {
                continue;
            }
            String kind = d.kind() == null ? Kinds.SETTING : d.kind();
            CLIENT_DEFAULTS.lookup(d.key(), kind, version).ifPresent(ch -> ctx.emit(defaulted(kind, ch,
                    PySocketIoFileScan.SIO, c.at(), "client")));
        }
        ctx.emit(Fact.of(Kinds.CLIENT_TYPE, "server").value(f.path).attr("app", "python-socketio client")
                .library(PySocketIoFileScan.SIO).confidence(Confidence.MEDIUM).evidence(c.at()).build());
    }

    private void paths(boolean anyServer) {
        boolean found = false;
        for (PySioFindings f : all) {
            for (PySioFindings.AppPath p : f.paths) {
                found = true;
                Opt v = p.path();
                ctx.emit(Fact.of(Kinds.SETTING, "path").value(v.value()).library(PySocketIoFileScan.SIO)
                        .source(v.source()).confidence(v.confidence()).evidence(v.evidence()).attr("role", "server")
                        .attr("variable", v.variable()).build());
            }
        }
        if (!found && anyServer) {
            for (PySioFindings f : all) {
                for (PySioFindings.Server s : f.servers) {
                    Opt path = s.options().get("path");
                    if (path != null && path.value() != null && !path.value().isEmpty()) {
                        String p = "/" + path.value().replaceAll("^/+|/+$", "");
                        ctx.emit(Fact.of(Kinds.SETTING, "path").value(p).library(s.library()).source(path.source())
                                .confidence(path.confidence()).evidence(path.evidence()).attr("role", "server")
                                .build());
                    } else {
                        SERVER_DEFAULTS.lookup("path", version(s.library(), f.path)).ifPresent(c ->
                                ctx.emit(defaulted(Kinds.SETTING, c, s.library(), s.at(), "server")));
                    }
                    return;
                }
            }
        }
    }

    // ---- namespaces, auth ------------------------------------------------------------------------------------

    private void namespaces(boolean anyServer) {
        boolean defaultUsed = false;
        Evidence first = null;
        for (PySioFindings f : all) {
            for (PySioFindings.Namespace n : f.namespaces) {
                ctx.emit(Fact.of(Kinds.NAMESPACE, n.name()).value("").library(libraryOf(f)).evidence(n.at())
                        .build());
            }
            for (PySioFindings.Event e : f.events) {
                if (e.side() == Side.SERVER && !e.emit() && e.namespace() == null) {
                    defaultUsed = true;
                }
            }
            if (first == null && f.connectHandler != null) {
                first = f.connectHandler;
                defaultUsed = true;
            }
            if (first == null) {
                for (PySioFindings.Event e : f.events) {
                    if (e.side() == Side.SERVER && !e.emit() && e.namespace() == null) {
                        first = e.at();
                        break;
                    }
                }
            }
        }
        if (anyServer && defaultUsed && first != null) {
            ctx.emit(Fact.of(Kinds.NAMESPACE, "/").value("").library(serverLibrary()).source(Source.DEFAULT)
                    .evidence(first).build());
        }
    }

    private void auth(boolean anyServer) {
        boolean found = false;
        for (PySioFindings f : all) {
            for (PySioFindings.Auth a : f.auths) {
                if ("client".equals(a.note())) {
                    continue;
                }
                found = true;
                ctx.emit(Fact.of(Kinds.AUTH, a.mechanism()).value(a.phase()).library(libraryOf(f))
                        .confidence(a.mechanism().equals("token") ? Confidence.MEDIUM : Confidence.HIGH)
                        .evidence(a.at()).attr("carrier", a.carrier()).build());
            }
        }
        if (!found && !anyServer) {
            for (PySioFindings f : all) {
                for (PySioFindings.Auth a : f.auths) {
                    ctx.emit(Fact.of(Kinds.AUTH, a.mechanism()).value(a.phase()).library(PySocketIoFileScan.SIO)
                            .confidence(Confidence.LOW).evidence(a.at()).attr("carrier", a.carrier())
                            .attr("role", "client").attr("note", "credential sent by the client; the server that "
                                    + "checks it is not in this repository").build());
                }
            }
        }
        if (!found && anyServer) {
            Evidence at = null;
            for (PySioFindings f : all) {
                if (at == null && f.connectHandler != null) {
                    at = f.connectHandler;
                }
            }
            for (PySioFindings f : all) {
                if (at == null && !f.servers.isEmpty()) {
                    at = f.servers.get(0).at();
                }
            }
            ctx.emit(Fact.of(Kinds.AUTH, "none").value("none").library(serverLibrary()).source(Source.INFERRED)
                    .confidence(Confidence.MEDIUM).evidence(at)
                    .attr("note", "no credential check that refuses the connection in a connect handler").build());
        }
    }

    // ---- events, rooms, adapters -----------------------------------------------------------------------------

    private void events() {
        Map<String, List<PySioFindings.Event>> byName = new TreeMap<>();
        Map<String, String> library = new LinkedHashMap<>();
        for (PySioFindings f : all) {
            for (PySioFindings.Event e : f.events) {
                byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
                library.putIfAbsent(e.name(), libraryOf(f));
            }
        }
        for (Map.Entry<String, List<PySioFindings.Event>> e : byName.entrySet()) {
            boolean in = false;
            boolean out = false;
            boolean ack = false;
            String validation = null;
            String required = null;
            String namespace = null;
            Map<String, String> payloads = new LinkedHashMap<>();
            List<PySioFindings.Event> uses = new ArrayList<>(e.getValue());
            uses.sort(java.util.Comparator.comparing((PySioFindings.Event u) -> u.side() != Side.SERVER)
                    .thenComparing(u -> u.emit()).thenComparing(PySioFindings.Event::at));
            List<Evidence> evidence = new ArrayList<>();
            for (PySioFindings.Event u : uses) {
                boolean inbound = u.side() == Side.SERVER ? !u.emit() : u.emit();
                in |= inbound;
                out |= !inbound;
                ack |= u.ack();
                if (validation == null && u.validation() != null) {
                    validation = u.validation();
                    required = u.required();
                }
                if (namespace == null && !"?".equals(u.namespace())) {
                    namespace = u.namespace();
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
            ctx.emit(Fact.of(Kinds.EVENT, name).value(direction).library(library.get(name)).evidence(evidence)
                    .attr("payload", payload).attr("ack", ack ? "true" : null).attr("namespace", namespace)
                    .attr("domain", colon > 0 ? name.substring(0, colon) : null).attr("validation", validation)
                    .attr("required", required).build());
        }
    }

    private void rooms() {
        Map<String, List<Evidence>> byKey = new TreeMap<>();
        Map<String, String> library = new LinkedHashMap<>();
        for (PySioFindings f : all) {
            for (PySioFindings.Room r : f.rooms) {
                String k = r.pattern() + "\u0000" + r.action();
                byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(r.at());
                library.putIfAbsent(k, libraryOf(f));
            }
        }
        for (Map.Entry<String, List<Evidence>> e : byKey.entrySet()) {
            String[] parts = e.getKey().split("\u0000", 2);
            List<Evidence> ev = new ArrayList<>(e.getValue());
            ev.sort(null);
            ctx.emit(Fact.of(Kinds.ROOM, parts[0]).value(parts[1]).library(library.get(e.getKey())).evidence(ev)
                    .confidence(parts[0].contains("{") ? Confidence.MEDIUM : Confidence.HIGH).build());
        }
    }

    private void adapters() {
        for (PySioFindings f : all) {
            for (PySioFindings.Adapter a : f.adapters) {
                String library = a.value().startsWith("flask") ? PySocketIoFileScan.FLASK : PySocketIoFileScan.SIO;
                if (!a.writeOnly()) { // a write-only manager emits from outside the server: a broker, not an adapter
                    ctx.emit(Fact.of(Kinds.ADAPTER, a.key()).value(a.value()).library(library).evidence(a.at())
                            .build());
                }
                Opt b = a.endpoint();
                if (a.broker() != null && b != null) {
                    ctx.emit(Fact.of(Kinds.BROKER, a.broker()).value(b.value()).library(library).source(b.source())
                            .confidence(b.confidence()).evidence(b.evidence()).attr("variable", b.variable())
                            .attr("via", a.value()).attr("write_only", a.writeOnly() ? "true" : null).build());
                }
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private String libraryOf(PySioFindings f) {
        if (f.libraries.containsKey(PySocketIoFileScan.FLASK)) {
            return PySocketIoFileScan.FLASK;
        }
        if (f.libraries.containsKey(PySocketIoFileScan.SIO)) {
            return PySocketIoFileScan.SIO;
        }
        return serverLibrary();
    }

    private String serverLibrary() {
        for (PySioFindings f : all) {
            for (PySioFindings.Server s : f.servers) {
                return s.library();
            }
        }
        return PySocketIoFileScan.SIO;
    }

    private static Fact defaulted(String kind, LibraryDefaults.Choice c, String library, Evidence at, String role) {
        Fact.Builder b = Fact.of(kind, c.entry().key()).value(c.value()).library(library).source(Source.DEFAULT)
                .confidence(c.confidence()).evidence(at).attr("role", role).attr("default", c.basisLabel())
                .attr("option", c.entry().option());
        if (c.entry().unit() != null) {
            b.unit(c.entry().unit());
        }
        return b.build();
    }
}
