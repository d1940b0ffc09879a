package io.wsmemory.detectors.coderws;

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
import io.wsmemory.detectors.go.GoShared;
import io.wsmemory.detectors.go.GoWsFileScan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one Go file for coder/websocket (imported as {@code github.com/coder/websocket}, or
 * {@code nhooyr.io/websocket} before v1.8.12): {@code Accept} with its options (origin patterns, compression),
 * {@code Dial}, read limits, pings and the context timeouts around writes and pings, {@code wsjson} and raw
 * messages, and the accept call whose route and authentication the shared scan follows.
 */
final class CoderFileScan extends GoWsFileScan {

    static final String IMPORT = "github.com/coder/websocket";
    static final String LEGACY_IMPORT = "nhooyr.io/websocket";
    private static final Query QUERY = Query.load(CoderFileScan.class, "coderws.scm");

    private String alias;
    private String importPath = IMPORT;
    private String jsonAlias;
    private String pbAlias;

    CoderFileScan(ParsedFile parsed, GoShared shared) {
        super(parsed, shared);
    }

    @Override
    protected String libraryImport() {
        return importPath;
    }

    @Override
    protected List<String> pingMarkers() {
        return List.of(".Ping(");
    }

    @Override
    protected List<String> serverMarkers() {
        return List.of(".Accept(");
    }

    @Override
    protected List<String> clientMarkers() {
        return List.of(".Dial(");
    }

    @Override
    protected void scanLibrary(SyntaxNode root) {
        GoFile.Import imp = g.imports().values().stream()
                .filter(i -> i.path().equals(IMPORT) || i.path().equals(LEGACY_IMPORT)).findFirst().orElse(null);
        GoFile.Import json = g.importMatching(IMPORT + "/wsjson", LEGACY_IMPORT + "/wsjson");
        GoFile.Import pb = g.importMatching(IMPORT + "/wspb", LEGACY_IMPORT + "/wspb");
        if (imp == null && json == null && pb == null) {
            return;
        }
        if (imp != null) {
            alias = imp.alias();
            importPath = imp.path();
            out.libraries.add(new GoFindings.LibraryUse(null, evidence(imp.node())));
        } else {
            out.libraries.add(new GoFindings.LibraryUse(null, evidence((json != null ? json : pb).node())));
        }
        jsonAlias = json == null ? null : json.alias();
        pbAlias = pb == null ? null : pb.alias();
        for (QueryMatch m : QUERY.matches(root)) {
            if (m.has("pkg")) {
                String a = m.text("pkg.alias");
                String fn = m.text("pkg.fn");
                List<SyntaxNode> args = GoSyntax.arguments(m.node("pkg"));
                if (a.equals(alias) && fn.equals("Accept") && args.size() >= 2) {
                    accept(m.node("pkg"), args.size() > 2 ? args.get(2) : null);
                } else if (a.equals(alias) && fn.equals("Dial") && args.size() >= 2) {
                    dial(m.node("pkg"), args.size() > 2 ? args.get(2) : null);
                } else if ((a.equals(jsonAlias) || a.equals(pbAlias)) && args.size() == 3) {
                    wsjson(m.node("pkg"), fn, args, a.equals(jsonAlias) ? "json" : "protobuf");
                }
            } else if (m.has("conn")) {
                SyntaxNode recv = m.node("conn.recv");
                if (recv.is("identifier") && (recv.text().equals(jsonAlias) || recv.text().equals(pbAlias)
                        || recv.text().equals(alias))) {
                    continue;
                }
                conn(m.node("conn"), m.text("conn.method"));
            }
        }
        pingTickers(root);
    }

    private void accept(SyntaxNode call, SyntaxNode opts) {
        upgrade(call);
        Map<String, Opt> settings = new LinkedHashMap<>();
        Opt origin = null;
        String originKey = null;
        GoValue o = opts == null ? null : r.resolve(opts);
        if (o != null && o.is(GoValue.Kind.STRUCT)) {
            for (Map.Entry<String, GoValue.Element> e : o.fields().entrySet()) {
                Evidence at = evidence(e.getValue().keyNode());
                GoValue v = e.getValue().value();
                switch (e.getKey()) {
                    case "OriginPatterns" -> {
                        List<String> patterns = new ArrayList<>();
                        for (GoValue item : v.items()) {
                            patterns.add(item.is(GoValue.Kind.STRING) ? item.string() : "?");
                        }
                        if (v.is(GoValue.Kind.ENV)) {
                            origin = Opt.of(v, null, at);
                            originKey = "allow-list";
                        } else if (!patterns.isEmpty()) {
                            boolean any = patterns.contains("*");
                            originKey = any ? "any" : "allow-list";
                            List<Evidence> ev = new ArrayList<>();
                            ev.add(at);
                            ev.addAll(v.via());
                            origin = new Opt(any ? "*" : String.join(",", patterns), null, Source.EXPLICIT,
                                    v.via().isEmpty() ? Confidence.HIGH : Confidence.MEDIUM, null, List.copyOf(ev));
                        }
                    }
                    case "InsecureSkipVerify" -> {
                        if (v.is(GoValue.Kind.BOOLEAN) && v.bool()) {
                            originKey = "any";
                            origin = new Opt("", null, Source.EXPLICIT, v.confidence(), null, withVia(at, v));
                        }
                    }
                    case "CompressionMode" -> {
                        String mode = GoSyntax.unwrap(e.getValue().keyNode().field("value")).text();
                        String value = mode.endsWith("CompressionDisabled") ? "false"
                                : mode.endsWith("ContextTakeover") ? "true" : null;
                        if (value != null) {
                            settings.put("compression", new Opt(value, null, Source.EXPLICIT, Confidence.HIGH, null,
                                    List.of(at)));
                        }
                    }
                    default -> {
                    }
                }
            }
            if ("any".equals(originKey) && o.has("InsecureSkipVerify") && o.has("OriginPatterns")) {
                GoValue skip = o.get("InsecureSkipVerify");
                if (!(skip.is(GoValue.Kind.BOOLEAN) && skip.bool())) {
                    originKey = "allow-list";
                }
            }
        }
        out.servers.add(new GoFindings.Server(evidence(call), settings, origin, originKey, null));
    }

    private void dial(SyntaxNode call, SyntaxNode opts) {
        Map<String, Opt> settings = new LinkedHashMap<>();
        GoValue o = opts == null ? null : r.resolve(opts);
        if (o != null && o.has("CompressionMode")) {
            GoValue.Element e = o.fields().get("CompressionMode");
            String mode = GoSyntax.unwrap(e.keyNode().field("value")).text();
            String value = mode.endsWith("CompressionDisabled") ? "false"
                    : mode.endsWith("ContextTakeover") ? "true" : null;
            if (value != null) {
                settings.put("compression", Opt.literal(value, evidence(e.keyNode())));
            }
        }
        out.clients.add(new GoFindings.Client(evidence(call), settings, false));
    }

    private void wsjson(SyntaxNode call, String fn, List<SyntaxNode> args, String format) {
        out.serializations.add(new GoFindings.Serialization(format, call.field("function").text(), evidence(call)));
        boolean read = fn.equals("Read");
        if (format.equals("json")) {
            typedMessage(call, args.get(2), read);
        }
        contextTimeout(call, args.get(0), read ? "idle.timeout" : "write.timeout");
    }

    private void conn(SyntaxNode call, String method) {
        List<SyntaxNode> args = GoSyntax.arguments(call);
        switch (method) {
            case "SetReadLimit" -> {
                if (args.size() == 1) {
                    readLimit(call, args.get(0));
                }
            }
            case "Read" -> {
                if (args.size() == 1) {
                    SyntaxNode data = assignedResult(call, 1);
                    if (data != null) {
                        rawMessage(call, data, true);
                    }
                    contextTimeout(call, args.get(0), "idle.timeout");
                }
            }
            case "Write" -> {
                if (args.size() == 3) {
                    frameType(call, args.get(1), args.get(2));
                    rawMessage(call, args.get(2), false);
                    contextTimeout(call, args.get(0), "write.timeout");
                }
            }
            case "Writer" -> {
                if (args.size() == 2) {
                    frameType(call, args.get(1), null);
                }
            }
            case "Ping" -> {
                if (args.size() == 1) {
                    contextTimeout(call, args.get(0), "ping.timeout");
                }
            }
            default -> {
            }
        }
    }

    /** {@code ctx, cancel := context.WithTimeout(parent, d)} handed to a read, write or ping. */
    private void contextTimeout(SyntaxNode call, SyntaxNode ctxArg, String key) {
        SyntaxNode c = GoSyntax.unwrap(ctxArg);
        SyntaxNode def = c;
        if (c.is("identifier")) {
            Located<SyntaxNode> d = r.definition(c);
            def = d == null || !d.scope().path().equals(r.path()) ? null : GoSyntax.unwrap(d.item());
        }
        if (def == null || !def.is("call_expression") || !"WithTimeout".equals(GoSyntax.calleeName(def))) {
            return;
        }
        List<SyntaxNode> a = GoSyntax.arguments(def);
        if (a.size() != 2) {
            return;
        }
        GoValue d = r.resolve(a.get(1));
        if (d.millis() == null) {
            return;
        }
        out.settings.add(new GoFindings.Setting(key, Opt.of(d, "ms", evidence(call)), role(call), null));
    }

    private void frameType(SyntaxNode call, SyntaxNode type, SyntaxNode data) {
        String t = type.text();
        String key = t.endsWith("MessageText") ? "text" : t.endsWith("MessageBinary") ? "binary" : null;
        if (key == null) {
            return;
        }
        if (data != null) {
            SyntaxNode d = GoSyntax.unwrap(data);
            Located<SyntaxNode> def = d.is("identifier") ? r.definition(d) : null;
            String text = def != null ? def.item().text() : d.text();
            if (text.contains("Marshal(")) {
                out.serializations.add(new GoFindings.Serialization(
                        text.contains("proto.Marshal") ? "protobuf" : "json", "json.Marshal", evidence(call)));
                return;
            }
        }
        out.serializations.add(new GoFindings.Serialization(key, t, evidence(call)));
    }
}
