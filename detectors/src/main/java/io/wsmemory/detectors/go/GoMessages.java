package io.wsmemory.detectors.go;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import io.wsmemory.core.resolve.go.GoFile;
import io.wsmemory.core.resolve.go.GoResolver;
import io.wsmemory.core.resolve.go.GoResolver.Located;
import io.wsmemory.core.resolve.go.GoSyntax;
import io.wsmemory.core.resolve.go.GoType;
import io.wsmemory.core.resolve.go.GoValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Messages on a Go WebSocket connection: the struct types read ({@code ReadJSON}, {@code json.Unmarshal} of what
 * was read) and written ({@code WriteJSON}, {@code json.Marshal} before a write, through wrappers and channels),
 * their envelope fields from json tags, the discriminator a {@code switch msg.Type} (or an {@code ==} chain, or a
 * map of handlers) dispatches on, each case as an event {@code in}, each construction with a discriminator value as
 * an event {@code out}; a struct with no discriminator is one event named after its type ({@code unnamed}).
 */
final class GoMessages {

    private static final Query Q = Query.load(GoMessages.class, "messages.scm");
    private static final Pattern DISCRIMINATOR = Pattern.compile(
            "(?i)type|event|action|kind|op|opcode|cmd|command|msg_?type|message_?type|method|event_?type|t|e");
    private static final Set<String> PAYLOAD_FIELDS = Set.of("data", "payload", "body", "content", "params", "args",
            "d", "p");

    /** A message site the library scan found: the call, the value read or written, raw bytes or a typed value. */
    record Site(SyntaxNode call, SyntaxNode value, boolean read, boolean raw) {
    }

    private record Use(GoType type, boolean in, Evidence at) {
    }

    private GoMessages() {
    }

    static void scan(GoWsFileScan s) {
        GoResolver r = s.resolver();
        List<Use> uses = new ArrayList<>();
        for (Site site : s.messageSites()) {
            Evidence at = r.evidence(site.call());
            if (site.read()) {
                if (!site.raw()) {
                    addType(uses, r.typeOf(strip(site.value())), true, at);
                } else {
                    for (Located<SyntaxNode> x : unmarshalTargets(r, site.value(), site.call())) {
                        addType(uses, x.scope().typeOf(x.item()), true, x.scope().evidence(x.item()));
                        s.findings().serializations.add(new GoFindings.Serialization("json", "json.Unmarshal",
                                x.scope().evidence(x.item())));
                    }
                }
            } else {
                outTypes(s, r, site.value(), at, 0, uses);
            }
        }
        Map<String, List<Use>> byType = new LinkedHashMap<>();
        for (Use u : uses) {
            Located<SyntaxNode> decl = u.type().declaration();
            if (decl == null) {
                continue;
            }
            String key = decl.scope().path() + ":" + decl.item().startByte();
            byType.computeIfAbsent(key, k -> new ArrayList<>()).add(u);
        }
        for (Map.Entry<String, List<Use>> e : byType.entrySet()) {
            boolean in = e.getValue().stream().anyMatch(Use::in);
            boolean out = e.getValue().stream().anyMatch(u -> !u.in());
            String claim = e.getKey() + (in ? ":in" : "") + (out ? ":out" : "");
            if (!s.shared().claim("message:" + claim)) {
                continue;
            }
            analyse(s, e.getValue(), in, out);
        }
    }

    private static void addType(List<Use> uses, GoType t, boolean in, Evidence at) {
        if (t == null) {
            return;
        }
        GoType b = t.base();
        if (b.isStruct() && b.name() != null) {
            uses.add(new Use(b, in, at));
        }
    }

    private static SyntaxNode strip(SyntaxNode v) {
        SyntaxNode n = GoSyntax.unwrap(v);
        if (n != null && n.is("unary_expression") && n.field("operator") != null
                && n.field("operator").text().equals("&")) {
            return n.field("operand");
        }
        return n;
    }

    /**
     * The targets of {@code json.Unmarshal(data, &x)} or {@code json.NewDecoder(r).Decode(&x)} for what was read,
     * in the function and one callee deep.
     */
    private static List<Located<SyntaxNode>> unmarshalTargets(GoResolver r, SyntaxNode data, SyntaxNode call) {
        List<Located<SyntaxNode>> out = new ArrayList<>();
        SyntaxNode decl = GoSyntax.enclosingFunction(call);
        if (decl == null || data == null) {
            return out;
        }
        String name = data.text();
        for (SyntaxNode target : decodes(decl, name)) {
            out.add(new Located<>(target, r));
        }
        if (!out.isEmpty()) {
            return out;
        }
        // handed to a handler: h.handleMessage(client, message)
        for (SyntaxNode c : callsWith(decl, name)) {
            Located<SyntaxNode> fn = r.functionOf(c.field("function"));
            if (fn == null) {
                continue;
            }
            List<SyntaxNode> args = GoSyntax.arguments(c);
            List<String> params = GoSyntax.parameterNames(fn.item());
            for (int i = 0; i < args.size() && i < params.size(); i++) {
                if (args.get(i).text().equals(name)) {
                    for (SyntaxNode target : decodes(fn.item(), params.get(i))) {
                        out.add(new Located<>(target, fn.scope()));
                    }
                }
            }
        }
        return out;
    }

    /** What a function decodes a variable into: Unmarshal(v, &x), NewDecoder(v).Decode(&x). */
    private static List<SyntaxNode> decodes(SyntaxNode fn, String var) {
        List<SyntaxNode> out = new ArrayList<>();
        fn.walk(x -> true, x -> {
            if (!x.is("call_expression")) {
                return;
            }
            String callee = GoSyntax.calleeName(x);
            List<SyntaxNode> args = GoSyntax.arguments(x);
            if ("Unmarshal".equals(callee) && args.size() == 2
                    && args.get(0).text().replaceAll("\\[\\]byte\\((.*)\\)", "$1").equals(var)) {
                out.add(strip(args.get(1)));
            } else if ("Decode".equals(callee) && args.size() == 1) {
                SyntaxNode op = GoSyntax.unwrap(GoSyntax.calleeOperand(x));
                if (op != null && op.is("call_expression") && "NewDecoder".equals(GoSyntax.calleeName(op))) {
                    List<SyntaxNode> a = GoSyntax.arguments(op);
                    if (a.size() == 1 && a.get(0).text().equals(var)) {
                        out.add(strip(args.get(0)));
                    }
                }
            }
        });
        return out;
    }

    private static List<SyntaxNode> callsWith(SyntaxNode decl, String name) {
        List<SyntaxNode> out = new ArrayList<>();
        Pattern token = Pattern.compile("(?<![A-Za-z0-9_.])" + Pattern.quote(name) + "(?![A-Za-z0-9_])");
        decl.walk(x -> true, x -> {
            if (x.is("call_expression")) {
                for (SyntaxNode a : GoSyntax.arguments(x)) {
                    if (a.is("identifier") && token.matcher(a.text()).matches()) {
                        out.add(x);
                        break;
                    }
                }
            }
        });
        return out;
    }

    /** The struct types a written value can have: through json.Marshal, wrapper parameters and channels. */
    private static void outTypes(GoWsFileScan s, GoResolver r, SyntaxNode expr, Evidence at, int depth,
                                 List<Use> uses) {
        SyntaxNode e = strip(expr);
        if (e == null || depth > 3) {
            return;
        }
        if (e.is("call_expression") && "Marshal".equals(GoSyntax.calleeName(e))) {
            List<SyntaxNode> a = GoSyntax.arguments(e);
            if (!a.isEmpty()) {
                s.findings().serializations.add(new GoFindings.Serialization("json", "json.Marshal", r.evidence(e)));
                outTypes(s, r, a.get(0), at, depth + 1, uses);
            }
            return;
        }
        if (e.is("composite_literal")) {
            inlineEvent(s, r, e, at);
        }
        GoType t = r.typeOf(e);
        if (t != null && t.base().isStruct()) {
            addType(uses, t, false, at);
            return;
        }
        if (!e.is("identifier")) {
            return;
        }
        if (r.isParameter(e)) {
            SyntaxNode fn = GoSyntax.enclosingFunction(e);
            int idx = GoSyntax.parameterNames(fn).indexOf(e.text());
            for (Located<SyntaxNode> call : callsOf(r, fn)) {
                List<SyntaxNode> args = GoSyntax.arguments(call.item());
                if (idx >= 0 && idx < args.size()) {
                    outTypes(s, call.scope(), args.get(idx), call.scope().evidence(call.item()), depth + 1, uses);
                }
            }
            return;
        }
        Located<SyntaxNode> def = r.definition(e);
        if (def == null) {
            return;
        }
        SyntaxNode d = GoSyntax.unwrap(def.item());
        if (d.is("call_expression") && d.text().contains("Marshal(")) {
            outTypes(s, def.scope(), d, at, depth, uses);
        } else if (d.is("unary_expression") && d.field("operator") != null
                && d.field("operator").text().equals("<-")) {
            String channel = lastName(d.field("operand"));
            if (channel == null) {
                return;
            }
            for (GoResolver p : def.scope().packageScopes()) {
                if (!p.goFile().mentions(channel + " <-")) {
                    continue;
                }
                for (QueryMatch m : s.shared().matches(p.goFile(), Q)) {
                    if (m.has("send") && channel.equals(lastName(m.node("send.channel")))) {
                        outTypes(s, p, m.node("send.value"), at, depth + 1, uses);
                    }
                }
            }
        }
    }

    /** Calls of a function declaration, or of the variable a func literal is assigned to. */
    private static List<Located<SyntaxNode>> callsOf(GoResolver r, SyntaxNode fn) {
        List<Located<SyntaxNode>> out = new ArrayList<>();
        if (fn == null) {
            return out;
        }
        if (fn.is("func_literal")) {
            SyntaxNode p = fn.parent();
            SyntaxNode spec = p == null ? null : p.parent();
            if (spec != null && (spec.is("var_spec") || spec.is("short_var_declaration"))) {
                SyntaxNode name = spec.is("var_spec") ? spec.field("name") : spec.field("left");
                if (name != null) {
                    String n = name.text().split(",")[0].strip();
                    for (GoResolver ps : r.packageScopes()) {
                        for (SyntaxNode c : ps.goFile().calls(n)) {
                            if (c.field("function").is("identifier")) {
                                out.add(new Located<>(c, ps));
                            }
                        }
                    }
                }
            }
            return out;
        }
        for (GoResolver.CallSite c : r.callSites(fn)) {
            out.add(new Located<>(c.call(), c.scope()));
        }
        return out;
    }

    private static String lastName(SyntaxNode n) {
        SyntaxNode x = GoSyntax.unwrap(n);
        if (x == null) {
            return null;
        }
        if (x.is("identifier")) {
            return x.text();
        }
        if (x.is("selector_expression")) {
            return x.field("field").text();
        }
        return null;
    }

    /** {@code conn.WriteJSON(map[string]any{"type": "welcome", ...})}: an event out named by the literal. */
    private static void inlineEvent(GoWsFileScan s, GoResolver r, SyntaxNode lit, Evidence at) {
        GoValue v = r.resolve(lit);
        if (!v.is(GoValue.Kind.STRUCT)) {
            return;
        }
        SyntaxNode type = lit.field("type");
        if (type == null || !(type.is("map_type") || type.text().endsWith(".H") || type.text().equals("H"))) {
            return;
        }
        for (Map.Entry<String, GoValue.Element> f : v.fields().entrySet()) {
            if (DISCRIMINATOR.matcher(f.getKey()).matches()) {
                GoValue name = f.getValue().value();
                if (name.is(GoValue.Kind.STRING) && !name.string().isEmpty()) {
                    List<String> payload = new ArrayList<>();
                    for (String k : v.fields().keySet()) {
                        if (!k.equals(f.getKey())) {
                            payload.add(k);
                        }
                    }
                    s.findings().events.add(new GoFindings.Event(name.string(), "out", at,
                            String.join(",", payload), false, null, null, null));
                    s.findings().envelopes.add(new GoFindings.Envelope(f.getKey(), "discriminator",
                            r.evidence(f.getValue().keyNode()), null));
                }
            }
        }
    }

    // ---- one message type ----------------------------------------------------------------------------------

    private static void analyse(GoWsFileScan s, List<Use> uses, boolean in, boolean out) {
        GoType t = uses.get(0).type();
        Located<SyntaxNode> decl = t.declaration();
        List<GoType.Field> fields = t.fields();
        if (fields.isEmpty() || decl == null) {
            return;
        }
        String typeName = t.name();
        GoType.Field disc = discriminator(fields);
        GoFindings f = s.findings();
        if (disc == null) {
            String payload = payload(fields);
            String validation = validation(fields);
            for (boolean dirIn : new boolean[] {true, false}) {
                if (dirIn ? !in : !out) {
                    continue;
                }
                Evidence at = uses.stream().filter(u -> u.in() == dirIn).map(Use::at).findFirst().orElse(null);
                f.events.add(new GoFindings.Event(typeName, dirIn ? "in" : "out", at, payload, true, null,
                        dirIn ? validation : null, typeName));
            }
            return;
        }
        List<GoResolver> scopes = searchScopes(s, decl, uses);
        int found = 0;
        if (in) {
            found += dispatch(s, scopes, t, disc);
        }
        if (out) {
            found += constructions(s, scopes, t, disc);
        }
        if (found == 0) {
            // a field named like a discriminator that nothing dispatches on or sets: one message of that type
            String payload = payload(fields);
            for (boolean dirIn : new boolean[] {true, false}) {
                if (dirIn ? !in : !out) {
                    continue;
                }
                Evidence at = uses.stream().filter(u -> u.in() == dirIn).map(Use::at).findFirst().orElse(null);
                f.events.add(new GoFindings.Event(typeName, dirIn ? "in" : "out", at, payload, true, null,
                        dirIn ? validation(fields) : null, typeName));
            }
            return;
        }
        for (GoType.Field fd : fields) {
            String json = jsonName(fd);
            if (json == null) {
                continue;
            }
            f.envelopes.add(new GoFindings.Envelope(json, fd == disc ? "discriminator" : "field",
                    decl.scope().evidence(fd.node()), typeName));
        }
    }

    private static List<GoResolver> searchScopes(GoWsFileScan s, Located<SyntaxNode> decl, List<Use> uses) {
        Set<String> seen = new LinkedHashSet<>();
        List<GoResolver> out = new ArrayList<>();
        for (GoResolver r : decl.scope().packageScopes()) {
            if (seen.add(r.path())) {
                out.add(r);
            }
        }
        for (GoResolver r : s.resolver().packageScopes()) {
            if (seen.add(r.path())) {
                out.add(r);
            }
        }
        String name = GoSyntax.typeName(decl.item().field("name"));
        String ip = s.resolver().workspace().importPath(decl.scope().directory());
        if (ip != null && name != null) {
            for (GoFile g : s.resolver().workspace().filesContaining("\"" + ip + "\"")) {
                if (seen.size() > 80) {
                    break;
                }
                if (seen.add(g.path()) && g.parsed().file().contains(name)) {
                    out.add(s.resolver().resolverFor(g.path()));
                }
            }
        }
        return out;
    }

    static GoType.Field discriminator(List<GoType.Field> fields) {
        for (GoType.Field f : fields) {
            String json = jsonName(f);
            if (json == null || f.type() == null) {
                continue;
            }
            String type = f.type().text();
            boolean scalar = type.equals("string") || type.matches("u?int\\d*") || type.matches("[A-Z]\\w*")
                    || type.matches("\\w+\\.[A-Z]\\w*") && !type.startsWith("json.") && !type.startsWith("time.");
            if (scalar && (DISCRIMINATOR.matcher(json).matches() || DISCRIMINATOR.matcher(f.name()).matches())) {
                return f;
            }
        }
        return null;
    }

    /** {@code switch msg.Type}, {@code msg.Type == X}, {@code handlers[msg.Type]} on a value of the type. */
    private static int dispatch(GoWsFileScan s, List<GoResolver> scopes, GoType t, GoType.Field disc) {
        int found = 0;
        for (GoResolver r : scopes) {
            if (!r.goFile().mentions("." + disc.name())) {
                continue;
            }
            for (QueryMatch m : s.shared().matches(r.goFile(), Q)) {
                if (m.has("switch") && m.text("switch.field").equals(disc.name())
                        && sameType(r, m.node("switch.operand"), t)) {
                    for (SyntaxNode c : m.node("switch").namedChildren()) {
                        if (!c.is("expression_case")) {
                            continue;
                        }
                        SyntaxNode values = c.field("value");
                        String[] payload = payloadInCase(r, c);
                        if (payload == null) {
                            payload = fieldsUsed(c, m.node("switch.operand").text(), t, disc);
                        }
                        for (SyntaxNode v : values == null ? List.<SyntaxNode>of() : values.namedChildren()) {
                            found += event(s, r, v, "in", t, payload);
                        }
                    }
                } else if (m.has("cmp") && m.text("cmp.field").equals(disc.name())
                        && sameType(r, m.node("cmp.operand"), t)) {
                    SyntaxNode stmt = m.node("cmp").parent();
                    found += event(s, r, m.node("cmp.value"), "in", t,
                            stmt != null && stmt.is("if_statement") ? payloadInCase(r, stmt.field("consequence"))
                                    : null);
                } else if (m.has("index") && m.text("index.field").equals(disc.name())
                        && sameType(r, m.node("index.msg"), t)) {
                    GoValue handlers = r.resolve(m.node("index.operand"));
                    for (Map.Entry<String, GoValue.Element> h : handlers.fields().entrySet()) {
                        SyntaxNode keyNode = h.getValue().keyNode();
                        SyntaxNode key = keyNode == null ? null : GoSyntax.unwrap(keyNode.field("key"));
                        if (key != null) {
                            found += event(s, resolverOf(r, handlers), key, "in", t,
                                    handlerPayload(h.getValue().value(), t, disc));
                        }
                    }
                    if (handlers.fields().isEmpty()) {
                        found += registry(s, r, m.node("index.operand"), t);
                    }
                }
            }
        }
        return found;
    }

    private static GoResolver resolverOf(GoResolver r, GoValue v) {
        return v.path() == null ? r : r.resolverFor(v.path());
    }

    /** Literals of the type with the discriminator set, and assignments to it: events out. */
    private static int constructions(GoWsFileScan s, List<GoResolver> scopes, GoType t, GoType.Field disc) {
        int found = 0;
        String name = t.name();
        for (GoResolver r : scopes) {
            if (!r.goFile().mentions(disc.name())) {
                continue;
            }
            for (QueryMatch m : s.shared().matches(r.goFile(), Q)) {
                if (m.has("lit") && m.text("lit.type").equals(name)) {
                    for (SyntaxNode el : m.node("lit.body").namedChildren()) {
                        if (!el.is("keyed_element")) {
                            continue;
                        }
                        SyntaxNode key = GoSyntax.unwrap(el.field("key"));
                        if (key != null && key.text().equals(disc.name())) {
                            found += event(s, r, GoSyntax.unwrap(el.field("value")), "out", t,
                                    payloadOfLiteral(r, m.node("lit"), t, disc));
                        }
                    }
                } else if (m.has("set") && m.text("set.field").equals(disc.name())
                        && sameType(r, m.node("set.operand"), t)) {
                    found += event(s, r, m.node("set.value"), "out", t, null);
                }
            }
        }
        return found;
    }

    private static boolean sameType(GoResolver r, SyntaxNode operand, GoType t) {
        GoType o = r.typeOf(operand);
        return o != null && t.name().equals(o.base().name());
    }

    /** One event from a discriminator value: a string is its name; a number keeps its constant's name and code. */
    private static int event(GoWsFileScan s, GoResolver r, SyntaxNode valueNode, String direction, GoType t,
                             String[] payload) {
        if (valueNode == null) {
            return 0;
        }
        GoValue v = r.resolve(valueNode);
        Evidence at = r.evidence(valueNode);
        String name;
        String code = null;
        if (v.is(GoValue.Kind.STRING)) {
            name = v.string();
        } else if (v.is(GoValue.Kind.NUMBER)) {
            SyntaxNode n = GoSyntax.unwrap(valueNode);
            code = v.text();
            name = n.is("identifier") ? n.text() : n.is("selector_expression") ? n.field("field").text() : code;
        } else {
            int viaMethods = eventsThroughMethods(s, r, valueNode, direction, t);
            return viaMethods > 0 ? viaMethods : eventsThroughParameter(s, r, valueNode, direction, t, payload);
        }
        if (name.isEmpty()) {
            return 0;
        }
        s.findings().events.add(new GoFindings.Event(name, direction, at, payload == null ? null : payload[0], false,
                code, payload == null || direction.equals("out") ? null : payload[1], t.name()));
        return 1;
    }

    /**
     * Handlers registered into a map elsewhere: {@code provider[t] = create} inside {@code register(t, create)},
     * called as {@code register("join", func() Event { return &Join{} })}: each key is an event in, with the
     * fields of the type the factory returns as its payload.
     */
    private static int registry(GoWsFileScan s, GoResolver r, SyntaxNode mapExpr, GoType t) {
        String name = lastName(mapExpr);
        if (name == null) {
            return 0;
        }
        int found = 0;
        for (GoResolver p : r.packageScopes()) {
            if (!p.goFile().mentions(name + "[")) {
                continue;
            }
            for (QueryMatch m : s.shared().matches(p.goFile(), Q)) {
                if (!m.has("iset") || !name.equals(lastName(m.node("iset.map")))) {
                    continue;
                }
                SyntaxNode key = GoSyntax.unwrap(m.node("iset.key"));
                SyntaxNode value = GoSyntax.unwrap(m.node("iset.value"));
                GoValue k = p.resolve(key);
                if (k.is(GoValue.Kind.STRING)) {
                    found += event(s, p, key, "in", t, factoryPayload(p, value));
                } else if (key.is("identifier") && p.isParameter(key)) {
                    SyntaxNode fn = GoSyntax.enclosingFunction(key);
                    List<String> params = GoSyntax.parameterNames(fn);
                    int ki = params.indexOf(key.text());
                    int vi = value != null && value.is("identifier") ? params.indexOf(value.text()) : -1;
                    for (GoResolver.CallSite cs : p.callSites(fn)) {
                        List<SyntaxNode> args = GoSyntax.arguments(cs.call());
                        if (ki < args.size()) {
                            String[] payload = vi >= 0 && vi < args.size()
                                    ? factoryPayload(cs.scope(), GoSyntax.unwrap(args.get(vi))) : null;
                            found += event(s, cs.scope(), args.get(ki), "in", t, payload);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** {@code func() Event { return &Join{} }}: the fields of the struct a factory returns. */
    private static String[] factoryPayload(GoResolver r, SyntaxNode factory) {
        if (factory == null) {
            return null;
        }
        SyntaxNode lit = factory;
        if (factory.is("func_literal")) {
            List<SyntaxNode> stmts = GoSyntax.statements(factory.field("body"));
            if (stmts.size() != 1 || !stmts.get(0).is("return_statement")) {
                return null;
            }
            SyntaxNode e = stmts.get(0).namedChild(0);
            lit = e != null && e.is("expression_list") ? e.namedChild(0) : e;
        }
        GoType pt = lit == null ? null : r.typeOf(strip(lit));
        if (pt == null || !pt.base().isStruct()) {
            return null;
        }
        List<GoType.Field> fs = pt.base().fields();
        return new String[] {payload(fs), validation(fs)};
    }

    /**
     * A discriminator taken from an interface method ({@code Type: msg.Type()}): every method of that name in the
     * interface's package that returns a string literal names an event, with its receiver's fields as payload.
     */
    private static int eventsThroughMethods(GoWsFileScan s, GoResolver r, SyntaxNode valueNode, String direction,
                                            GoType t) {
        SyntaxNode n = GoSyntax.unwrap(valueNode);
        if (n == null || !n.is("call_expression") || !GoSyntax.arguments(n).isEmpty()) {
            return 0;
        }
        String method = GoSyntax.calleeName(n);
        SyntaxNode op = GoSyntax.calleeOperand(n);
        if (method == null || op == null) {
            return 0;
        }
        GoType it = r.typeOf(op);
        GoResolver.Located<SyntaxNode> decl = it == null ? null : it.declaration();
        if (decl == null) {
            return 0;
        }
        SyntaxNode def = decl.item().field("type");
        if (def == null || !def.is("interface_type")) {
            return 0;
        }
        int found = 0;
        for (GoResolver p : decl.scope().packageScopes()) {
            for (io.wsmemory.core.resolve.go.GoFile.Func f : p.goFile().methods(method)) {
                List<SyntaxNode> stmts = GoSyntax.statements(f.body());
                if (stmts.size() != 1 || !stmts.get(0).is("return_statement")) {
                    continue;
                }
                SyntaxNode e = stmts.get(0).namedChild(0);
                SyntaxNode ret = e != null && e.is("expression_list") ? e.namedChild(0) : e;
                GoValue v = ret == null ? null : p.resolve(ret);
                if (v == null || !v.is(GoValue.Kind.STRING) || v.string().isEmpty()) {
                    continue;
                }
                String[] payload = null;
                GoResolver.Located<SyntaxNode> recv = f.receiver() == null ? null
                        : p.typeDeclaration(null, f.receiver());
                if (recv != null) {
                    GoType rtype = recv.scope().typeAt(recv.item().field("name"));
                    if (rtype != null && rtype.isStruct()) {
                        payload = new String[] {payload(rtype.fields()), null};
                    }
                }
                s.findings().events.add(new GoFindings.Event(v.string(), direction, p.evidence(ret),
                        payload == null ? null : payload[0], false, null, null, t.name()));
                found++;
            }
        }
        return found;
    }

    /**
     * A discriminator set from a parameter ({@code func newMessage(event string) *message { return
     * &message{Event: event} }}): one event per value its callers pass.
     */
    private static int eventsThroughParameter(GoWsFileScan s, GoResolver r, SyntaxNode valueNode, String direction,
                                              GoType t, String[] payload) {
        SyntaxNode n = GoSyntax.unwrap(valueNode);
        if (n == null || !n.is("identifier") || !r.isParameter(n)) {
            return 0;
        }
        SyntaxNode fn = GoSyntax.enclosingFunction(n);
        if (fn == null || fn.is("func_literal")) {
            return 0;
        }
        int idx = GoSyntax.parameterNames(fn).indexOf(n.text());
        int found = 0;
        List<GoResolver.CallSite> sites = r.callSites(fn);
        if (idx < 0 || sites.size() > 20) {
            return 0;
        }
        for (GoResolver.CallSite cs : sites) {
            List<SyntaxNode> args = GoSyntax.arguments(cs.call());
            if (idx < args.size()) {
                SyntaxNode a = GoSyntax.unwrap(args.get(idx));
                GoValue v = cs.scope().resolve(a);
                if (v.is(GoValue.Kind.STRING) || v.is(GoValue.Kind.NUMBER)) {
                    found += event(s, cs.scope(), a, direction, t, payload);
                }
            }
        }
        return found;
    }

    /** The envelope fields a handler function reads from its parameter of the message type. */
    private static String[] handlerPayload(GoValue handler, GoType t, GoType.Field disc) {
        if (!handler.is(GoValue.Kind.FUNCTION) || handler.node() == null) {
            return null;
        }
        SyntaxNode fn = handler.node();
        SyntaxNode params = fn.field("parameters");
        SyntaxNode body = fn.field("body");
        if (params == null || body == null) {
            return null;
        }
        for (String p : GoSyntax.parameterNames(fn)) {
            SyntaxNode type = GoSyntax.parameterType(fn, p);
            if (type != null && t.name().equals(GoSyntax.typeName(type))) {
                return fieldsUsed(body, p, t, disc);
            }
        }
        return null;
    }

    /** The envelope fields a case reads ({@code in.Room}, {@code in.Text}): the payload of that event. */
    private static String[] fieldsUsed(SyntaxNode clause, String operand, GoType t, GoType.Field disc) {
        List<GoType.Field> used = new ArrayList<>();
        Pattern p = Pattern.compile("(?<![A-Za-z0-9_.])" + Pattern.quote(operand) + "\\.([A-Z][A-Za-z0-9_]*)");
        java.util.regex.Matcher m = p.matcher(clause.text());
        while (m.find()) {
            GoType.Field f = t.field(m.group(1));
            if (f != null && !f.name().equals(disc.name())
                    && used.stream().noneMatch(u -> u.name().equals(f.name()))) {
                used.add(f);
            }
        }
        if (used.isEmpty()) {
            return null;
        }
        return new String[] {payload(used), validation(used)};
    }

    /** {@code json.Unmarshal(msg.Data, &req)} inside a case: the payload is req's type. */
    private static String[] payloadInCase(GoResolver r, SyntaxNode clause) {
        if (clause == null) {
            return null;
        }
        for (QueryMatch m : Q.matches(clause)) {
            if (m.has("json") && m.text("json.fn").equals("Unmarshal")) {
                List<SyntaxNode> a = GoSyntax.arguments(m.node("json"));
                if (a.size() == 2) {
                    GoType pt = r.typeOf(strip(a.get(1)));
                    if (pt != null && pt.base().isStruct()) {
                        List<GoType.Field> fs = pt.base().fields();
                        return new String[] {payload(fs), validation(fs)};
                    }
                }
            }
        }
        return null;
    }

    /** The fields a literal sets besides the discriminator, or the fields of the payload literal it nests. */
    private static String[] payloadOfLiteral(GoResolver r, SyntaxNode lit, GoType t, GoType.Field disc) {
        List<String> parts = new ArrayList<>();
        for (SyntaxNode el : lit.field("body").namedChildren()) {
            if (!el.is("keyed_element")) {
                continue;
            }
            SyntaxNode key = GoSyntax.unwrap(el.field("key"));
            if (key == null || key.text().equals(disc.name())) {
                continue;
            }
            GoType.Field fd = t.field(key.text());
            SyntaxNode value = GoSyntax.unwrap(el.field("value"));
            if (fd != null && PAYLOAD_FIELDS.contains(fd.name().toLowerCase(Locale.ROOT)) && value != null) {
                GoType pt = r.typeOf(strip(value));
                if (pt != null && pt.base().isStruct()) {
                    List<GoType.Field> fs = pt.base().fields();
                    return new String[] {payload(fs), validation(fs)};
                }
            }
            if (fd != null) {
                String json = jsonName(fd);
                if (json != null) {
                    parts.add(json + ":" + typeText(fd.type()));
                }
            }
        }
        return parts.isEmpty() ? null : new String[] {String.join(",", parts), null};
    }

    static String payload(List<GoType.Field> fields) {
        List<String> parts = new ArrayList<>();
        for (GoType.Field f : fields) {
            String json = jsonName(f);
            if (json != null) {
                parts.add(json + ":" + typeText(f.type()));
            }
        }
        return String.join(",", parts);
    }

    static String validation(List<GoType.Field> fields) {
        List<String> parts = new ArrayList<>();
        for (GoType.Field f : fields) {
            String rule = f.tags().getOrDefault("validate", f.tags().get("binding"));
            String json = jsonName(f);
            if (rule != null && !rule.isEmpty() && json != null && !rule.equals("-")) {
                parts.add(json + ":" + rule);
            }
        }
        return parts.isEmpty() ? null : String.join(";", parts);
    }

    /** The name a field has on the wire: its json tag, or the field name; null when it is not serialised. */
    static String jsonName(GoType.Field f) {
        String tag = f.tags().get("json");
        if (tag != null) {
            String n = tag.split(",")[0];
            if (n.equals("-")) {
                return null;
            }
            if (!n.isEmpty()) {
                return n;
            }
        }
        if (f.embedded() || f.name() == null || f.name().isEmpty() || !Character.isUpperCase(f.name().charAt(0))) {
            return null;
        }
        return f.name();
    }

    static String typeText(GoType t) {
        if (t == null) {
            return "any";
        }
        String s = t.text().replaceAll("\\s+", "").replace("interface{}", "any").replace("*", "");
        if (s.equals("time.Time")) {
            return "time";
        }
        if (s.equals("json.RawMessage")) {
            return "json";
        }
        return s.replaceAll("\\b[a-z][A-Za-z0-9_]*\\.(?=[A-Z])", "");
    }
}
