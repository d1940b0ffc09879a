package io.wsmemory.detectors.go;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import io.wsmemory.core.resolve.go.GoFile;
import io.wsmemory.core.resolve.go.GoResolver;
import io.wsmemory.core.resolve.go.GoResolver.Located;
import io.wsmemory.core.resolve.go.GoSyntax;
import io.wsmemory.core.resolve.go.GoValue;
import io.wsmemory.core.resolve.go.GoWorkspace;
import io.wsmemory.detectors.go.GoFindings.Opt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading one Go file for a WebSocket library: what every Go WebSocket server shares (deadlines, ping tickers,
 * the route and the authentication in front of the upgrade, serialization, messages, rooms, brokers), with the
 * library's own constructions read by a subclass.
 */
public abstract class GoWsFileScan {

    private static final Query GO = Query.load(GoWsFileScan.class, "go.scm");
    private static final Query CALLS = Query.load(GoWsFileScan.class, "calls.scm");

    protected final ParsedFile parsed;
    protected final GoResolver r;
    protected final GoFile g;
    protected final GoFindings out;
    protected final GoShared shared;
    private final List<GoMessages.Site> messageSites = new ArrayList<>();

    protected GoWsFileScan(ParsedFile parsed, GoShared shared) {
        this.parsed = parsed;
        this.shared = shared;
        GoWorkspace ws = shared.workspace();
        this.g = ws.file(parsed);
        this.r = GoResolver.of(ws, g);
        this.out = new GoFindings(parsed.path());
    }

    public final GoFindings scan() {
        SyntaxTree tree = parsed.tree();
        if (tree == null) {
            return out;
        }
        scanLibrary(tree.root());
        GoMessages.scan(this);
        GoRooms.scan(this, "Conn");
        GoBrokers.scan(this);
        return out;
    }

    /** The library's own constructions and calls. */
    protected abstract void scanLibrary(SyntaxNode root);

    /** The import path of the library. */
    protected abstract String libraryImport();

    /** Text that shows a ping being sent ({@code PingMessage}, {@code .Ping(}). */
    protected abstract List<String> pingMarkers();

    List<GoMessages.Site> messageSites() {
        return messageSites;
    }

    /** A typed value read ({@code ReadJSON(&msg)}) or written ({@code WriteJSON(msg)}). */
    protected void typedMessage(SyntaxNode call, SyntaxNode value, boolean read) {
        messageSites.add(new GoMessages.Site(call, value, read, false));
    }

    /** Bytes read (the variable they land in) or written (the expression). */
    protected void rawMessage(SyntaxNode call, SyntaxNode value, boolean read) {
        messageSites.add(new GoMessages.Site(call, value, read, true));
    }

    /** The variable the n-th result of a call is assigned to ({@code _, data, err := c.ReadMessage()}). */
    protected static SyntaxNode assignedResult(SyntaxNode call, int index) {
        SyntaxNode list = call.parent();
        SyntaxNode stmt = list == null ? null : list.parent();
        if (stmt == null || !(stmt.is("short_var_declaration") || stmt.is("assignment_statement"))) {
            return null;
        }
        SyntaxNode left = stmt.field("left");
        if (left == null || index >= left.namedChildCount()) {
            return null;
        }
        SyntaxNode n = left.namedChild(index);
        return n != null && n.is("identifier") && !n.text().equals("_") ? n : null;
    }

    public GoResolver resolver() {
        return r;
    }

    public GoFile goFile() {
        return g;
    }

    public GoFindings findings() {
        return out;
    }

    public GoShared shared() {
        return shared;
    }

    protected Evidence evidence(SyntaxNode n) {
        return parsed.evidence(n);
    }

    // ---- settings shared by the libraries ------------------------------------------------------------------

    protected void readLimit(SyntaxNode call, SyntaxNode arg) {
        GoValue v = r.resolve(arg);
        if (v.effective().is(GoValue.Kind.NUMBER) && !v.isDuration()) {
            String text = v.text();
            if (text.equals("-1") || text.equals("0")) {
                out.settings.add(new GoFindings.Setting("payload.max", new Opt("unlimited", "bytes", v.source(),
                        v.confidence(), v.variable(), withVia(evidence(call), v)), role(call), null));
                return;
            }
            out.settings.add(new GoFindings.Setting("payload.max", Opt.of(v, "bytes", evidence(call)), role(call),
                    null));
        }
    }

    /** {@code SetReadDeadline(time.Now().Add(d))}: the pong wait when a pong handler renews it, else idle time. */
    protected void readDeadline(SyntaxNode call, SyntaxNode arg) {
        GoValue d = deadline(arg, 0);
        if (d == null || d.millis() == null) {
            return;
        }
        SyntaxNode decl = GoSyntax.enclosingDeclaration(call);
        boolean pong = decl != null && decl.text().contains("SetPongHandler");
        out.settings.add(new GoFindings.Setting(pong ? "ping.timeout" : "idle.timeout",
                Opt.of(d, "ms", evidence(call)), role(call), null));
    }

    protected void writeDeadline(SyntaxNode call, SyntaxNode arg) {
        GoValue d = deadline(arg, 0);
        if (d == null || d.millis() == null) {
            return;
        }
        out.settings.add(new GoFindings.Setting("write.timeout", Opt.of(d, "ms", evidence(call)), role(call), null));
    }

    /** The duration of {@code time.Now().Add(d)}, directly or through a local; null for anything else. */
    protected GoValue deadline(SyntaxNode arg, int depth) {
        SyntaxNode a = GoSyntax.unwrap(arg);
        if (a == null || depth > 3) {
            return null;
        }
        if (a.is("identifier")) {
            Located<SyntaxNode> def = r.definition(a);
            return def == null || !def.scope().path().equals(r.path()) ? null : deadline(def.item(), depth + 1);
        }
        if (a.is("call_expression") && "Add".equals(GoSyntax.calleeName(a))) {
            SyntaxNode op = GoSyntax.calleeOperand(a);
            List<SyntaxNode> args = GoSyntax.arguments(a);
            if (op != null && op.text().replaceAll("\\s", "").endsWith("time.Now()") && args.size() == 1) {
                GoValue v = r.resolve(args.get(0));
                return v.isDuration() || v.is(GoValue.Kind.ENV) && v.millis() != null ? v : null;
            }
        }
        return null;
    }

    /** Tickers in functions that send pings: {@code ping.interval}. */
    protected void pingTickers(SyntaxNode root) {
        for (QueryMatch m : GO.matches(root)) {
            if (!m.has("tick")) {
                continue;
            }
            SyntaxNode call = m.node("tick");
            if (m.text("tick.fn").equals("After") && (call.ancestor("communication_case") == null
                    || call.ancestor("for_statement") == null)) {
                continue; // a one-off timeout, not a period
            }
            SyntaxNode decl = GoSyntax.enclosingDeclaration(call);
            if (decl == null || !sendsPings(decl)) {
                continue;
            }
            SyntaxNode paced = pacedCode(call, decl);
            if (paced != null && !sendsPings(paced)) {
                continue; // another timer of the function (a file poll, a flush)
            }
            GoValue v = r.resolve(m.node("tick.period"));
            if (v.millis() == null) {
                continue;
            }
            out.settings.add(new GoFindings.Setting("ping.interval", Opt.of(v, "ms", evidence(call)), role(call),
                    null));
        }
    }

    /**
     * The code a timer paces: the select case that receives from {@code t.C} (or the body of {@code for range
     * t.C}), or the case of {@code case <-time.After(d)}; null when it cannot be told.
     */
    private static SyntaxNode pacedCode(SyntaxNode timer, SyntaxNode decl) {
        SyntaxNode comm = timer.ancestor("communication_case");
        if (comm != null && decl.encloses(comm)) {
            return comm;
        }
        SyntaxNode v = assignedResult(timer, 0);
        if (v == null) {
            return null;
        }
        String channel = v.text() + ".C";
        SyntaxNode[] found = {null};
        decl.walk(x -> found[0] == null, x -> {
            if (x.is("communication_case")) {
                SyntaxNode c = x.field("communication");
                if (c != null && c.text().replaceAll("\\s", "").endsWith("<-" + channel)) {
                    found[0] = x;
                }
            } else if (x.is("for_statement")) {
                for (SyntaxNode k : x.namedChildren()) {
                    if (k.is("range_clause") && k.field("right") != null
                            && k.field("right").text().equals(channel)) {
                        found[0] = x.field("body");
                    }
                }
            }
        });
        return found[0];
    }

    private boolean sendsPings(SyntaxNode decl) {
        String text = decl.text();
        for (String marker : pingMarkers()) {
            if (text.contains(marker)) {
                return true;
            }
        }
        for (QueryMatch m : CALLS.matches(decl)) {
            SyntaxNode op = m.node("call.operand");
            if (op != null && op.is("identifier") && g.importOf(op.text()) != null) {
                continue;
            }
            Located<SyntaxNode> fn = r.functionOf(m.node("call").field("function"));
            if (fn != null && !fn.item().equals(decl)) {
                String body = fn.item().text();
                for (String marker : pingMarkers()) {
                    if (body.contains(marker)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ---- the upgrade: route, authentication ----------------------------------------------------------------

    /** An upgrade (or accept) call: transport, where it is mounted, and what is checked before it. */
    protected void upgrade(SyntaxNode call) {
        Evidence up = evidence(call);
        out.upgrades.add(up);
        List<GoRoutes.Registration> regs = shared.routes().find(r, call);
        for (GoRoutes.Registration reg : regs) {
            GoValue pv = reg.pathValue();
            Evidence at = reg.scope().evidence(reg.call());
            List<Evidence> ev = new ArrayList<>();
            ev.add(at);
            ev.addAll(pv.via());
            out.routes.add(new GoFindings.Route(new Opt(reg.path(), null, pv.source(), pv.confidence(),
                    pv.variable(), List.copyOf(ev)), at));
        }
        sendQueue(call);
        SyntaxNode handler = call.ancestor("func_literal");
        SyntaxNode decl = GoSyntax.enclosingDeclaration(call);
        SyntaxNode scope = handler != null && decl != null && decl.encloses(handler) && isRouteArgument(handler)
                ? handler : decl;
        boolean found = false;
        GoAuth.Result before = new GoAuth.Result();
        GoAuth.scan(r, scope, call, before);
        found |= emitAuth(before, null);
        boolean anyMiddleware = false;
        for (GoRoutes.Registration reg : regs) {
            for (Located<SyntaxNode> mw : reg.middleware()) {
                GoAuth.Result res = new GoAuth.Result();
                GoAuth.scanMiddleware(mw, res);
                anyMiddleware |= mw.scope().functionOf(mw.item()) != null
                        || GoSyntax.unwrap(mw.item()).is("func_literal");
                found |= emitAuth(res, mw.scope().evidence(mw.item()));
            }
        }
        if (!found) {
            GoAuth.Result after = new GoAuth.Result();
            GoAuth.scanAfter(r, scope, call, after);
            if (!after.isEmpty()) {
                for (Map.Entry<String, List<Evidence>> e : after.mechanisms().entrySet()) {
                    out.auths.add(new GoFindings.Auth(e.getKey(), "connection-handler", after.carriers(e.getKey()),
                            List.copyOf(e.getValue())));
                }
                found = true;
            }
        }
        if (!found && !regs.isEmpty() && !anyMiddleware && GoAuth.mentionsNothing(r, scope)) {
            out.unauthenticated.add(up);
        }
    }

    /** {@code &Client{conn: conn, send: make(chan []byte, 256)}} in the handler: the per-client send queue. */
    private void sendQueue(SyntaxNode upgrade) {
        SyntaxNode decl = GoSyntax.enclosingFunction(upgrade);
        if (decl == null) {
            return;
        }
        decl.walk(x -> !x.is("func_literal") || x.equals(decl), x -> {
            if (x.is("call_expression") && "make".equals(GoSyntax.calleeName(x))) {
                List<SyntaxNode> a = GoSyntax.arguments(x);
                SyntaxNode el = x.parent();
                if (a.size() == 2 && a.get(0).is("channel_type") && el != null && el.is("literal_element")) {
                    GoValue n = r.resolve(a.get(1));
                    if (n.is(GoValue.Kind.NUMBER) && !n.isDuration()) {
                        out.settings.add(new GoFindings.Setting("send.queue", Opt.of(n, "messages", evidence(x))
                                .withConfidence(Confidence.LOW), "server", null));
                    }
                }
            }
        });
    }

    private static boolean isRouteArgument(SyntaxNode lit) {
        SyntaxNode p = lit.parent();
        return p != null && p.is("argument_list");
    }

    private boolean emitAuth(GoAuth.Result res, Evidence hook) {
        if (res.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, List<Evidence>> e : res.mechanisms().entrySet()) {
            List<Evidence> ev = new ArrayList<>();
            if (hook != null) {
                ev.add(hook);
            }
            ev.addAll(e.getValue());
            out.auths.add(new GoFindings.Auth(e.getKey(), "upgrade-request", res.carriers(e.getKey()),
                    List.copyOf(ev)));
        }
        return true;
    }

    /** Client when the code around a node dials and does not upgrade, else server. */
    protected String role(SyntaxNode n) {
        SyntaxNode decl = GoSyntax.enclosingDeclaration(n);
        String text = decl == null ? "" : decl.text();
        if ((text.contains(".Dial(") || text.contains(".DialContext(") || text.contains("websocket.Dial("))
                && !text.contains("Upgrade(") && !text.contains("Accept(")) {
            return "client";
        }
        return shared.packageRole(r, serverMarkers(), clientMarkers());
    }

    protected abstract List<String> serverMarkers();

    protected abstract List<String> clientMarkers();

    protected static List<Evidence> withVia(Evidence use, GoValue v) {
        List<Evidence> ev = new ArrayList<>();
        ev.add(use);
        ev.addAll(v.via());
        return List.copyOf(ev);
    }

    protected static Confidence min(Confidence a, Confidence b) {
        return a.min(b);
    }
}
