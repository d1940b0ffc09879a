package io.wsmemory.detectors.gorilla;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.go.GoFile;
import io.wsmemory.core.resolve.go.GoResolver.Located;
import io.wsmemory.core.resolve.go.GoSyntax;
import io.wsmemory.core.resolve.go.GoValue;
import io.wsmemory.detectors.go.GoFindings;
import io.wsmemory.detectors.go.GoFindings.Opt;
import io.wsmemory.detectors.go.GoOrigins;
import io.wsmemory.detectors.go.GoShared;
import io.wsmemory.detectors.go.GoWsFileScan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one Go file for gorilla/websocket: {@code Upgrader} and {@code Dialer} constructions and their fields
 * (also when set after construction), the CheckOrigin policy, connection limits and deadlines, frame types, and
 * the upgrade call whose route and authentication the shared scan follows.
 */
final class GorillaFileScan extends GoWsFileScan {

    static final String IMPORT = "github.com/gorilla/websocket";
    private static final Query QUERY = Query.load(GorillaFileScan.class, "gorilla.scm");
    private static final Map<String, String> UPGRADER_FIELDS = Map.of(
            "ReadBufferSize", "buffer.read",
            "WriteBufferSize", "buffer.write",
            "HandshakeTimeout", "handshake.timeout",
            "EnableCompression", "compression");
    private static final Map<String, String> DIALER_FIELDS = Map.of(
            "ReadBufferSize", "buffer.read",
            "WriteBufferSize", "buffer.write",
            "HandshakeTimeout", "handshake.timeout",
            "EnableCompression", "compression");

    private String alias;

    GorillaFileScan(ParsedFile parsed, GoShared shared) {
        super(parsed, shared);
    }

    @Override
    protected String libraryImport() {
        return IMPORT;
    }

    @Override
    protected List<String> pingMarkers() {
        return List.of("PingMessage");
    }

    @Override
    protected List<String> serverMarkers() {
        return List.of("Upgrader", ".Upgrade(");
    }

    @Override
    protected List<String> clientMarkers() {
        return List.of("Dialer", ".Dial(", ".DialContext(");
    }

    @Override
    protected void scanLibrary(SyntaxNode root) {
        GoFile.Import imp = g.importMatching(IMPORT);
        if (imp == null || !imp.path().equals(IMPORT)) {
            upgraderFieldsElsewhere(root);
            return;
        }
        alias = imp.alias();
        out.libraries.add(new GoFindings.LibraryUse(null, evidence(imp.node())));
        List<QueryMatch> matches = QUERY.matches(root);
        List<QueryMatch> sets = new ArrayList<>();
        for (QueryMatch m : matches) {
            if (m.has("lit")) {
                if (!alias.equals(m.text("lit.pkg"))) {
                    continue;
                }
                if (m.text("lit.type").equals("Upgrader")) {
                    upgrader(m.node("lit"), m.node("lit.body"));
                } else {
                    dialer(m.node("lit"), m.node("lit.body"), false);
                }
            } else if (m.has("zero")) {
                if (!alias.equals(m.text("zero.pkg"))) {
                    continue;
                }
                if (m.text("zero.type").equals("Upgrader")) {
                    upgrader(m.node("zero"), null);
                } else {
                    dialer(m.node("zero"), null, false);
                }
            } else if (m.has("set")) {
                sets.add(m);
            } else if (m.has("conn")) {
                conn(m.node("conn"), m.text("conn.method"), m.node("conn.recv"));
            }
        }
        for (QueryMatch m : sets) {
            assigned(m);
        }
        pingTickers(root);
    }

    // ---- Upgrader ------------------------------------------------------------------------------------------

    private void upgrader(SyntaxNode lit, SyntaxNode body) {
        Map<String, Opt> settings = new LinkedHashMap<>();
        Opt origin = null;
        String originKey = null;
        GoValue v = body == null ? null : r.resolve(lit);
        if (v != null) {
            for (Map.Entry<String, GoValue.Element> e : v.fields().entrySet()) {
                String key = UPGRADER_FIELDS.get(e.getKey());
                Evidence at = evidence(e.getValue().keyNode());
                if (key != null) {
                    Opt o = setting(key, e.getValue().value(), at);
                    if (o != null) {
                        settings.put(key, o);
                    }
                } else if (e.getKey().equals("CheckOrigin")) {
                    SyntaxNode valueNode = e.getValue().keyNode().field("value");
                    GoOrigins.Policy p = GoOrigins.checkOrigin(r, valueNode, at);
                    if (p != null) {
                        origin = p.opt();
                        originKey = p.key();
                        if (p.sameHost() != null) {
                            out.origins.add(new GoFindings.Origin("same-origin", p.sameHost()));
                        }
                    }
                }
            }
        }
        out.servers.add(new GoFindings.Server(evidence(lit), settings, origin, originKey, variableOf(lit)));
    }

    /** The variable a construction is assigned to ({@code upgrader} for {@code var upgrader = websocket.Upgrader{}}). */
    private static String variableOf(SyntaxNode lit) {
        SyntaxNode n = lit;
        for (int i = 0; i < 4 && n != null; i++) {
            n = n.parent();
            if (n == null) {
                return null;
            }
            if (n.is("var_spec") || n.is("short_var_declaration") || n.is("assignment_statement")
                    || n.is("keyed_element")) {
                SyntaxNode name = n.is("var_spec") ? n.field("name") : n.is("keyed_element")
                        ? GoSyntax.unwrap(n.field("key")) : n.field("left");
                if (name == null) {
                    return null;
                }
                String t = name.text();
                int dot = t.lastIndexOf('.');
                return dot >= 0 ? t.substring(dot + 1) : t.split(",")[0].strip();
            }
        }
        return null;
    }

    /**
     * A file of the package that does not import the library but sets a field of its Upgrader
     * ({@code upgrader.CheckOrigin = ...} in main.go).
     */
    private void upgraderFieldsElsewhere(SyntaxNode root) {
        for (QueryMatch m : QUERY.matches(root)) {
            if (!m.has("set")) {
                continue;
            }
            io.wsmemory.core.resolve.go.GoType t = r.typeOf(m.node("set.target"));
            if (t != null && "Upgrader".equals(t.base().name()) && IMPORT.equals(t.base().importPath())) {
                assigned(m);
            }
        }
    }

    /** A field set after construction: {@code upgrader.CheckOrigin = func(...)}. */
    private void assigned(QueryMatch m) {
        String target = m.node("set.target").text();
        int dot = target.lastIndexOf('.');
        String var = dot >= 0 ? target.substring(dot + 1) : target;
        GoFindings.Server server = null;
        for (GoFindings.Server s : out.servers) {
            if (var.equals(s.varName())) {
                server = s;
            }
        }
        String field = m.text("set.field");
        Evidence at = evidence(m.node("set"));
        if (server == null && out.servers.size() == 1) {
            server = out.servers.get(0);
        }
        if (server == null) {
            // the construction is in another file of the package: applied when the scan finishes
            if (field.equals("CheckOrigin")) {
                GoOrigins.Policy p = GoOrigins.checkOrigin(r, m.node("set.value"), at);
                if (p != null) {
                    out.assignments.add(new GoFindings.Assignment(var, "origin", p.opt(), p.key(), p.sameHost()));
                }
            } else {
                Opt o = setting(UPGRADER_FIELDS.get(field), r.resolve(m.node("set.value")), at);
                if (o != null) {
                    out.assignments.add(new GoFindings.Assignment(var, UPGRADER_FIELDS.get(field), o, null, null));
                }
            }
            return;
        }
        Map<String, Opt> settings = new LinkedHashMap<>(server.settings());
        Opt origin = server.origin();
        String originKey = server.originKey();
        if (field.equals("CheckOrigin")) {
            GoOrigins.Policy p = GoOrigins.checkOrigin(r, m.node("set.value"), at);
            if (p == null) {
                return;
            }
            origin = p.opt();
            originKey = p.key();
            if (p.sameHost() != null) {
                out.origins.add(new GoFindings.Origin("same-origin", p.sameHost()));
            }
        } else {
            Opt o = setting(UPGRADER_FIELDS.get(field), r.resolve(m.node("set.value")), at);
            if (o == null) {
                return;
            }
            settings.put(UPGRADER_FIELDS.get(field), o);
        }
        out.servers.set(out.servers.indexOf(server),
                new GoFindings.Server(server.at(), settings, origin, originKey, server.varName()));
    }

    private static Opt setting(String key, GoValue v, Evidence at) {
        if (key.equals("compression")) {
            return v.effective().is(GoValue.Kind.BOOLEAN) ? Opt.of(v, null, at) : null;
        }
        if (key.equals("handshake.timeout")) {
            return v.millis() != null ? Opt.of(v, "ms", at) : null;
        }
        if (!v.effective().is(GoValue.Kind.NUMBER)) {
            return null;
        }
        if (v.text().equals("0")) {
            return null; // zero: the library's default applies
        }
        return Opt.of(v, "bytes", at);
    }

    // ---- Dialer --------------------------------------------------------------------------------------------

    private void dialer(SyntaxNode lit, SyntaxNode body, boolean isDefault) {
        Map<String, Opt> settings = new LinkedHashMap<>();
        if (body != null) {
            GoValue v = r.resolve(lit);
            for (Map.Entry<String, GoValue.Element> e : v.fields().entrySet()) {
                String key = DIALER_FIELDS.get(e.getKey());
                if (key != null) {
                    Opt o = setting(key, e.getValue().value(), evidence(e.getValue().keyNode()));
                    if (o != null) {
                        settings.put(key, o);
                    }
                }
            }
        }
        out.clients.add(new GoFindings.Client(evidence(lit), settings, isDefault));
    }

    // ---- connection calls ----------------------------------------------------------------------------------

    private void conn(SyntaxNode call, String method, SyntaxNode recv) {
        List<SyntaxNode> args = GoSyntax.arguments(call);
        switch (method) {
            case "Upgrade" -> {
                if (args.size() == 3) {
                    upgrade(call);
                }
            }
            case "SetReadLimit" -> {
                if (args.size() == 1) {
                    readLimit(call, args.get(0));
                }
            }
            case "SetReadDeadline" -> {
                if (args.size() == 1) {
                    readDeadline(call, args.get(0));
                }
            }
            case "SetWriteDeadline" -> {
                if (args.size() == 1) {
                    writeDeadline(call, args.get(0));
                }
            }
            case "ReadJSON", "WriteJSON" -> {
                if (args.size() == 1) {
                    out.serializations.add(new GoFindings.Serialization("json", call.field("function").text(),
                            evidence(call)));
                    typedMessage(call, args.get(0), method.equals("ReadJSON"));
                }
            }
            case "ReadMessage", "NextReader" -> {
                SyntaxNode data = assignedResult(call, 1);
                if (data != null) {
                    rawMessage(call, data, true);
                }
            }
            case "WriteMessage", "NextWriter" -> {
                if (!args.isEmpty()) {
                    frameType(call, args.get(0), args.size() > 1 ? args.get(1) : null);
                    String t = args.get(0).text();
                    if (method.equals("WriteMessage") && args.size() == 2 && !t.endsWith("PingMessage")
                            && !t.endsWith("PongMessage") && !t.endsWith("CloseMessage")) {
                        rawMessage(call, args.get(1), false);
                    }
                }
            }
            case "Dial", "DialContext" -> {
                String rt = recv.text().replaceAll("\\s", "");
                if (rt.equals(alias + ".DefaultDialer")) {
                    dialer(call, null, true);
                }
            }
            default -> {
            }
        }
    }

    /** Text or binary frames; JSON when the data written was marshalled. */
    private void frameType(SyntaxNode call, SyntaxNode type, SyntaxNode data) {
        String t = type.text();
        String key = t.endsWith("TextMessage") ? "text" : t.endsWith("BinaryMessage") ? "binary" : null;
        if (key == null) {
            GoValue v = r.resolve(type);
            if (v.is(GoValue.Kind.NUMBER)) {
                key = v.text().equals("1") ? "text" : v.text().equals("2") ? "binary" : null;
            }
        }
        if (key == null) {
            return;
        }
        if (data != null && marshalled(data)) {
            out.serializations.add(new GoFindings.Serialization("json", "json.Marshal", evidence(call)));
            return;
        }
        out.serializations.add(new GoFindings.Serialization(key, t, evidence(call)));
    }

    private boolean marshalled(SyntaxNode data) {
        SyntaxNode d = GoSyntax.unwrap(data);
        if (d.is("call_expression")) {
            return d.text().contains("Marshal(");
        }
        if (d.is("identifier")) {
            Located<SyntaxNode> def = r.definition(d);
            return def != null && def.item().text().contains("Marshal(");
        }
        return false;
    }

    static Source source(Opt o) {
        return o.source();
    }

    static Confidence confidence(Opt o) {
        return o.confidence();
    }
}
