package io.wsmemory.detectors.channels;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.python.PyFile;
import io.wsmemory.core.resolve.python.PyResolver;
import io.wsmemory.core.resolve.python.PySchemas;
import io.wsmemory.core.resolve.python.PySyntax;
import io.wsmemory.core.resolve.python.PyValue;
import io.wsmemory.detectors.channels.ChannelsFindings.AuthUse;
import io.wsmemory.detectors.channels.ChannelsFindings.Consumer;
import io.wsmemory.detectors.channels.ChannelsFindings.Envelope;
import io.wsmemory.detectors.channels.ChannelsFindings.InEvent;
import io.wsmemory.detectors.channels.ChannelsFindings.OutMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one consumer class (with the consumer classes of the repository it extends): the field its
 * {@code receive_json}/{@code receive} dispatches on and the values it compares that field with (inbound events,
 * with the keys each branch reads), the JSON messages it sends (named by a type-like field, or only by their first
 * key), the methods that channel-layer messages reach, and the credential checks of {@code connect}.
 */
final class ConsumerScan {

    /** Field names that name a message when they hold a constant. */
    static final Set<String> DISCRIMINATORS = Set.of("type", "action", "command", "cmd", "event", "event_type",
            "msg_type", "message_type", "messageType", "eventType", "kind", "op", "method", "t", "topic",
            "request", "operation", "category");
    /** Methods of the consumer base classes and their lifecycle: never message handlers. */
    static final Set<String> LIFECYCLE = Set.of("__init__", "connect", "disconnect", "receive", "receive_json",
            "send", "send_json", "close", "accept", "encode_json", "decode_json", "websocket_connect",
            "websocket_receive", "websocket_disconnect", "websocket_accept", "websocket_close", "dispatch",
            "__call__", "as_asgi", "get_user", "get_group", "get_groups", "group_name");
    /** First keys of reply objects that say nothing about which message it is. */
    private static final Set<String> GENERIC_KEYS = Set.of("message", "data", "payload", "text", "content", "body",
            "value", "result", "detail");

    private static final Query READS = Query.of("channels-payload-reads", """
            (subscript value: (identifier) @obj subscript: (string) @key) @read
            (call
              function: (attribute object: (identifier) @obj attribute: (identifier) @get)
              arguments: (argument_list . (string) @key)
              (#eq? @get "get")) @read
            """);
    private static final Query ATTRIBUTE_READS = Query.of("channels-model-reads", """
            (attribute object: (identifier) @obj attribute: (identifier) @key) @read
            """);
    private static final Query COMPARISONS = Query.of("channels-comparisons",
            "[(comparison_operator) (match_statement)] @cmp");
    private static final Query SELF_CALLS = Query.of("channels-self-calls", """
            (call
              function: (attribute object: (identifier) @self attribute: (identifier) @method)
              arguments: (argument_list) @args
              (#eq? @self "self")) @call
            """);
    private static final Query GETATTRS = Query.of("channels-getattr", """
            (call
              function: (identifier) @getattr
              arguments: (argument_list . (identifier) @self . (_) @name)
              (#eq? @getattr "getattr") (#eq? @self "self")) @call
            """);
    private static final Query DICT_DISPATCH = Query.of("channels-dict-dispatch", """
            (dictionary (pair key: (string) value: (attribute object: (identifier) @self attribute: (identifier))))
              @dict (#eq? @self "self")
            """);

    /** A method and the file it is written in. */
    private record Method(PyResolver r, SyntaxNode node, String name) {
    }

    /** A method to read for payload reads, with the names that hold the client's message there. */
    private record Work(Method method, Set<String> payloadVars, int depth) {
    }

    /** A read of a key of the client's message. */
    private record Read(String key, SyntaxNode node, Method method) {
    }

    private final PyResolver r;
    private final PyValue cls;
    private final List<String> ancestors;
    private final Map<String, Method> methods = new LinkedHashMap<>();
    private final List<PyValue> chain = new ArrayList<>();
    /** Variables bound to the inbound discriminator ({@code command = content.get("command")}), by name. */
    private final Map<String, String> discriminatorVars = new HashMap<>();
    /** The branches of the inbound dispatch: key, constant and block. */
    private final Map<String, List<Candidate>> branches = new LinkedHashMap<>();
    /** Query results kept per class and per method: the same trees are asked the same questions often. */
    private final Map<SyntaxNode, List<QueryMatch>> selfCallCache = new HashMap<>();
    private final Map<SyntaxNode, List<QueryMatch>> sendCache = new HashMap<>();
    private final Map<String, List<Read>> readCache = new HashMap<>();
    /** Replies a framework sends for the consumer (djangochannelsrestframework answers every action). */
    private final List<OutMessage> replies = new ArrayList<>();

    ConsumerScan(PyResolver r, PyValue cls, List<String> ancestors) {
        this.r = r;
        this.cls = cls;
        this.ancestors = ancestors;
        collect(cls, 0);
    }

    /** The class and its repository ancestors, nearest first; methods of the nearest class win. */
    private void collect(PyValue c, int depth) {
        if (c == null || !c.is(PyValue.Kind.CLASS) || depth > 6 || chain.stream().anyMatch(x -> x.node().equals(c.node()))) {
            return;
        }
        chain.add(c);
        PyResolver there = r.resolverFor(c.path());
        for (Map.Entry<String, SyntaxNode> e : PyFile.methods(c.node()).entrySet()) {
            methods.putIfAbsent(e.getKey(), new Method(there, e.getValue(), e.getKey()));
        }
        for (SyntaxNode b : PyFile.bases(c.node())) {
            PyValue bv = there.resolve(b);
            if (bv.is(PyValue.Kind.CLASS)) {
                collect(bv, depth + 1);
            }
        }
    }

    /**
     * A WebSocket consumer: one of the generic websocket consumers, a djangochannelsrestframework consumer, or a
     * low-level consumer with {@code websocket_*} handlers (HTTP consumers are not).
     */
    static boolean isConsumer(List<String> ancestors, SyntaxNode cls) {
        for (String a : ancestors) {
            if (a.startsWith("channels.generic.websocket.") || a.startsWith("djangochannelsrestframework.")) {
                return true;
            }
        }
        for (String a : ancestors) {
            if (a.startsWith("channels.consumer.") || a.equals("channels.consumer.AsyncConsumer")) {
                return PyFile.methods(cls).keySet().stream().anyMatch(m -> m.startsWith("websocket_"));
            }
        }
        return false;
    }

    Consumer scan() {
        String name = cls.node().field("name") == null ? "?" : cls.node().field("name").text();
        Evidence at = r.evidence(cls.node());
        boolean json = ancestors.stream().anyMatch(a -> a.endsWith("JsonWebsocketConsumer")
                || a.startsWith("djangochannelsrestframework."));
        String base = null;
        for (String a : ancestors) { // the consumer class it extends, not a mixin
            if ((a.startsWith("channels.") || a.startsWith("djangochannelsrestframework.")) && a.endsWith("Consumer")) {
                base = a.substring(a.lastIndexOf('.') + 1);
                break;
            }
        }
        List<InEvent> inbound = new ArrayList<>();
        List<Envelope> envelopes = new ArrayList<>();
        String[] serialization = new String[3];
        Evidence[] serializationAt = new Evidence[1];
        if (json) {
            serialization[0] = "json";
            serialization[1] = base;
            serializationAt[0] = at;
        }
        inbound(json, inbound, envelopes, serialization, serializationAt);
        List<OutMessage> outbound = new ArrayList<>(outbound(inbound, serialization, serializationAt));
        outbound.addAll(replies);
        Set<String> inKeys = new LinkedHashSet<>();
        for (InEvent e : inbound) {
            inKeys.add(e.discriminator());
        }
        Map<String, Evidence> outKeys = new LinkedHashMap<>();
        for (OutMessage m : outbound) {
            if (m.key() != null && m.keyAt() != null && !inKeys.contains(m.key())) {
                outKeys.putIfAbsent(m.key(), m.keyAt());
            }
        }
        for (Map.Entry<String, Evidence> e : outKeys.entrySet()) {
            envelopes.add(new Envelope(e.getKey(), e.getValue()));
        }
        List<AuthUse> auths = new ArrayList<>();
        Evidence userCheck = connectChecks(auths);
        return new Consumer(cls.name(), name, at, base, json, serialization[0], serialization[1],
                serializationAt[0], inbound, outbound, new ArrayList<>(methods.keySet()), envelopes, auths,
                userCheck, selfCalls());
    }

    // ---- inbound ---------------------------------------------------------------------------------------------

    /** djangochannelsrestframework mixins and the actions they answer. */
    private static final Map<String, String> DCRF_MIXINS = Map.of(
            "ListModelMixin", "list", "RetrieveModelMixin", "retrieve", "CreateModelMixin", "create",
            "UpdateModelMixin", "update", "PatchModelMixin", "patch", "DeleteModelMixin", "delete");

    /**
     * djangochannelsrestframework consumers answer {@code {"action": ..., "request_id": ...}} requests: each
     * {@code @action()} method and each model mixin is a message both ways (the reply carries the same action).
     */
    private boolean dcrf(List<InEvent> out, List<Envelope> envelopes) {
        if (ancestors.stream().noneMatch(a -> a.startsWith("djangochannelsrestframework."))) {
            return false;
        }
        Evidence at = r.evidence(cls.node());
        for (String a : ancestors) {
            String simple = a.substring(a.lastIndexOf('.') + 1);
            String action = DCRF_MIXINS.get(simple);
            if (action != null && a.startsWith("djangochannelsrestframework.")) {
                out.add(new InEvent(action, "action", at, List.of("action", "request_id"), null, null));
            }
            if (simple.equals("ObserverModelInstanceMixin")) {
                out.add(new InEvent("subscribe_instance", "action", at, List.of("action", "request_id", "pk"), null,
                        null));
                out.add(new InEvent("unsubscribe_instance", "action", at, List.of("action", "request_id", "pk"),
                        null, null));
            }
        }
        for (Method m : methods.values()) {
            for (SyntaxNode d : PySyntax.decorators(m.node())) {
                String t = d.text();
                if (t.equals("action") || t.startsWith("action(") || t.endsWith(".action")
                        || t.contains(".action(")) {
                    List<String> payload = new ArrayList<>(List.of("action", "request_id"));
                    List<String> ps = PySyntax.parameterNames(m.node());
                    for (int i = 1; i < ps.size(); i++) {
                        if (!ps.get(i).equals("kwargs") && !ps.get(i).equals("args")) {
                            payload.add(ps.get(i));
                        }
                    }
                    out.add(new InEvent(m.name(), "action", m.r().evidence(m.node()), payload, null, null));
                }
            }
        }
        if (!out.isEmpty()) {
            envelopeOnce(envelopes, "action", at);
        }
        for (InEvent e : out) { // every action is answered with the same action and its request_id
            replies.add(new OutMessage("action", e.name(), null, null, false,
                    List.of("action", "errors", "response_status", "request_id", "data"), e.at(), null, null));
        }
        return true;
    }

    private void inbound(boolean json, List<InEvent> out, List<Envelope> envelopes, String[] serialization,
                         Evidence[] serializationAt) {
        if (dcrf(out, envelopes)) {
            return;
        }
        Method receive = methods.get(json ? "receive_json" : "receive");
        if (receive == null) {
            receive = methods.get("websocket_receive");
        }
        if (receive == null) {
            return;
        }
        Set<String> vars = new LinkedHashSet<>();
        List<String> params = PySyntax.parameterNames(receive.node());
        if (json && params.size() > 1 && receive.name().equals("receive_json")) {
            vars.add(params.get(1));
        }
        // text_data decoded by hand: data = json.loads(text_data), or a model parsed from it
        Map<String, List<io.wsmemory.core.resolve.python.PyFile.Local>> locals =
                receive.r().pyFile().locals(receive.node());
        Map<String, PySchemas.Shape> models = new HashMap<>();
        List<InEvent> modelEvents = new ArrayList<>(); // message classes that hold their own type constant
        Map<String, Evidence> modelEnvelopeAt = new LinkedHashMap<>();
        for (Map.Entry<String, List<PyFile.Local>> e : locals.entrySet()) {
            for (PyFile.Local l : e.getValue()) {
                SyntaxNode v = PySyntax.unwrap(l.value());
                if (v == null || !v.is("call")) {
                    continue;
                }
                String callee = PySyntax.dotted(v.field("function"));
                if (callee != null && (callee.endsWith("loads") || callee.endsWith("decode_json"))) {
                    vars.add(e.getKey());
                    if (serialization[0] == null) {
                        serialization[0] = callee.contains("msgpack") ? "msgpack" : "json";
                        serialization[1] = callee.contains("msgpack") ? callee : "json.loads";
                        serializationAt[0] = receive.r().evidence(v);
                    }
                }
                Optional<PySchemas.Validation> val = PySchemas.validationIn(receive.r(), l.statement());
                if (val.isPresent() && val.get().call().encloses(v) && v.encloses(val.get().call())) {
                    vars.add(e.getKey());
                    if (val.get().shapes().size() == 1) {
                        models.put(e.getKey(), val.get().shapes().get(0));
                    }
                    for (PySchemas.Shape s : val.get().shapes()) {
                        PySchemas.Field lit = s.literalField();
                        if (lit != null) {
                            modelEvents.add(new InEvent(lit.literal(), lit.name(),
                                    receive.r().resolverFor(s.path()).evidence(s.node()), names(s), s.describe(),
                                    String.join(",", s.required())));
                            modelEnvelopeAt.putIfAbsent(lit.name(), receive.r().evidence(val.get().call()));
                        }
                    }
                    if (serialization[0] == null) {
                        serialization[0] = "json";
                        serialization[1] = callee;
                        serializationAt[0] = receive.r().evidence(v);
                    }
                }
            }
        }
        if (vars.isEmpty()) {
            return;
        }
        // reads of the message's keys, following helpers the message is handed to
        List<Read> reads = new ArrayList<>();
        Map<String, String> discVars = new HashMap<>(); // command = content.get("command")
        Map<String, SyntaxNode> discVarAt = new HashMap<>();
        Deque<Work> work = new ArrayDeque<>();
        work.add(new Work(receive, vars, 0));
        Set<String> seen = new HashSet<>();
        List<Work> done = new ArrayList<>();
        while (!work.isEmpty()) {
            Work w = work.poll();
            if (!seen.add(w.method().name() + w.payloadVars())) {
                continue;
            }
            done.add(w);
            for (Read rd : reads(w.method(), w.payloadVars(), models)) {
                reads.add(rd);
                SyntaxNode p = rd.node().parent();
                if (p != null && p.is("assignment") && p.field("left") != null && p.field("left").is("identifier")
                        && p.field("right") != null && p.field("right").equals(rd.node())) {
                    discVars.putIfAbsent(p.field("left").text(), rd.key());
                    discVarAt.putIfAbsent(p.field("left").text(), rd.node());
                }
            }
            if (w.depth() < 2) {
                for (QueryMatch m : selfCallsIn(w.method().node())) {
                    Method callee = methods.get(m.text("method"));
                    if (callee == null || LIFECYCLE.contains(callee.name())) {
                        continue;
                    }
                    List<SyntaxNode> args = PySyntax.positional(m.node("call"));
                    List<String> cp = PySyntax.parameterNames(callee.node());
                    Set<String> passed = new LinkedHashSet<>();
                    for (int i = 0; i < args.size() && i + 1 < cp.size(); i++) {
                        SyntaxNode a = PySyntax.unwrap(args.get(i));
                        if (a != null && a.is("identifier") && w.payloadVars().contains(a.text())) {
                            passed.add(cp.get(i + 1));
                        }
                    }
                    if (!passed.isEmpty()) {
                        work.add(new Work(callee, passed, w.depth() + 1));
                    }
                }
            }
        }
        // comparisons of a key with constants
        Map<String, List<Candidate>> byKey = new LinkedHashMap<>();
        for (Work w : done) {
            for (QueryMatch m : COMPARISONS.matches(w.method().node())) {
                SyntaxNode c = m.node("cmp");
                if (c.is("match_statement")) {
                    matchCases(w, c, discVars, byKey);
                } else {
                    comparison(w, c, discVars, byKey);
                }
            }
            getattrDispatch(w, discVars, byKey);
            dictDispatch(w, discVars, byKey);
        }
        // methods reached by name (getattr, a dict of handlers) read the message through their first parameter
        Set<SyntaxNode> read = new HashSet<>();
        for (Work w : done) {
            read.add(w.method().node());
        }
        for (List<Candidate> cs : byKey.values()) {
            for (Candidate c : cs) {
                Method m = c.method();
                if (read.add(m.node())) {
                    List<String> ps = PySyntax.parameterNames(m.node());
                    if (ps.size() > 1) {
                        reads.addAll(reads(m, Set.of(ps.get(1)), models));
                    }
                }
            }
        }
        for (Map.Entry<String, List<Candidate>> e : byKey.entrySet()) {
            String key = e.getKey();
            Set<String> distinct = new LinkedHashSet<>();
            for (Candidate c : e.getValue()) {
                distinct.add(c.value());
            }
            if (!(DISCRIMINATORS.contains(key) || distinct.size() >= 2)) {
                continue;
            }
            branches.put(key, e.getValue());
            for (Map.Entry<String, String> dv : discVars.entrySet()) {
                if (dv.getValue().equals(key)) {
                    discriminatorVars.put(dv.getKey(), key);
                }
            }
            Evidence envAt = null;
            for (Read rd : reads) {
                if (rd.key().equals(key)) {
                    envAt = rd.method().r().evidence(rd.node());
                    break;
                }
            }
            envelopeOnce(envelopes, key, envAt != null ? envAt : e.getValue().get(0).at());
            Set<String> emitted = new HashSet<>();
            for (Candidate c : e.getValue()) {
                if (!emitted.add(c.value())) {
                    continue;
                }
                List<String> payload = new ArrayList<>();
                payload.add(key);
                String validation = null;
                String required = null;
                if (c.block() != null) {
                    for (Read rd : reads) {
                        if (c.block().encloses(rd.node()) && !payload.contains(rd.key())) {
                            payload.add(rd.key());
                        }
                    }
                    for (QueryMatch m : selfCallsIn(c.block())) { // keys the branch's helper reads
                        Method callee = methods.get(m.text("method"));
                        if (callee == null) {
                            continue;
                        }
                        for (Read rd : reads) {
                            if (rd.method().node().equals(callee.node()) && !payload.contains(rd.key())) {
                                payload.add(rd.key());
                            }
                        }
                    }
                    Optional<PySchemas.Validation> val = PySchemas.validationIn(c.method().r(), c.block());
                    if (val.isPresent() && val.get().shapes().size() == 1) {
                        PySchemas.Shape s = val.get().shapes().get(0);
                        validation = s.describe();
                        required = String.join(",", s.required());
                        for (String f : names(s)) {
                            if (!payload.contains(f)) {
                                payload.add(f);
                            }
                        }
                    }
                }
                out.add(new InEvent(c.value(), key, c.at(), payload, validation, required));
            }
        }
        for (InEvent e : modelEvents) {
            if (out.stream().noneMatch(x -> x.name().equals(e.name()))) {
                out.add(e);
                envelopeOnce(envelopes, e.discriminator(), modelEnvelopeAt.get(e.discriminator()));
            }
        }
    }

    private static void envelopeOnce(List<Envelope> envelopes, String key, Evidence at) {
        for (Envelope e : envelopes) {
            if (e.key().equals(key)) {
                return;
            }
        }
        envelopes.add(new Envelope(key, at));
    }

    private static List<String> names(PySchemas.Shape s) {
        List<String> out = new ArrayList<>();
        for (PySchemas.Field f : s.fields()) {
            out.add(f.name());
        }
        return out;
    }

    /** The {@code self.x(...)} calls of a class, or of the part of one that {@code node} covers. */
    private List<QueryMatch> selfCallsIn(SyntaxNode node) {
        SyntaxNode cls = null;
        for (PyValue c : chain) { // the class of the chain that holds the node
            if (c.node().tree() == node.tree() && c.node().encloses(node)) {
                cls = c.node();
            }
        }
        if (cls == null) {
            return SELF_CALLS.matches(node);
        }
        List<QueryMatch> all = selfCallCache.computeIfAbsent(cls, SELF_CALLS::matches);
        if (cls.equals(node)) {
            return all;
        }
        List<QueryMatch> out = new ArrayList<>();
        for (QueryMatch m : all) {
            if (node.encloses(m.node("call"))) {
                out.add(m);
            }
        }
        return out;
    }

    private List<QueryMatch> sendsIn(SyntaxNode cls) {
        return sendCache.computeIfAbsent(cls, SENDS::matches);
    }

    private List<Read> reads(Method m, Set<String> vars, Map<String, PySchemas.Shape> models) {
        String key = m.node().startByte() + ":" + m.r().parsed().path() + vars + models.keySet();
        List<Read> cached = readCache.get(key);
        if (cached != null) {
            return cached;
        }
        List<Read> computed = computeReads(m, vars, models);
        readCache.put(key, computed);
        return computed;
    }

    private List<Read> computeReads(Method m, Set<String> vars, Map<String, PySchemas.Shape> models) {
        List<Read> out = new ArrayList<>();
        for (QueryMatch q : READS.matches(m.node())) {
            if (vars.contains(q.text("obj"))) {
                String key = PySyntax.stringValue(q.node("key"));
                if (key != null && !key.isEmpty()) {
                    out.add(new Read(key, q.node("read"), m));
                }
            }
        }
        if (!models.isEmpty()) {
            for (QueryMatch q : ATTRIBUTE_READS.matches(m.node())) {
                PySchemas.Shape s = models.get(q.text("obj"));
                String key = q.text("key");
                if (s != null && s.fields().stream().anyMatch(f -> f.name().equals(key))) {
                    out.add(new Read(key, q.node("read"), m));
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(x -> x.node().startByte()));
        return out;
    }

    /** A constant a key is compared with, where, and the block that handles it. */
    private record Candidate(String value, Evidence at, SyntaxNode block, Method method) {
    }

    /** The key an expression reads: a variable bound to a read, or a read itself. */
    private String keyOf(Work w, SyntaxNode expr, Map<String, String> discVars) {
        SyntaxNode n = PySyntax.unwrap(expr);
        if (n == null) {
            return null;
        }
        if (n.is("identifier")) {
            return discVars.get(n.text());
        }
        if (n.is("call") && n.field("function") != null && n.field("function").is("attribute")) {
            String m = n.field("function").field("attribute").text();
            if (m.equals("lower") || m.equals("upper") || m.equals("strip")) {
                return keyOf(w, n.field("function").field("object"), discVars);
            }
        }
        for (Read rd : reads(w.method(), w.payloadVars(), Map.of())) { // cached per method
            if (rd.node().equals(n)) {
                return rd.key();
            }
        }
        if (n.is("attribute")) {
            SyntaxNode obj = PySyntax.unwrap(n.field("object"));
            if (obj != null && obj.is("identifier") && w.payloadVars().contains(obj.text())) {
                return n.field("attribute").text();
            }
        }
        return null;
    }

    private void comparison(Work w, SyntaxNode c, Map<String, String> discVars, Map<String, List<Candidate>> byKey) {
        List<SyntaxNode> operands = c.namedChildren();
        String op = null;
        for (SyntaxNode ch : c.children()) {
            if (!ch.isNamed()) {
                op = op == null ? ch.text() : op + " " + ch.text();
            }
        }
        if (operands.size() != 2 || op == null || !(op.equals("==") || op.equals("in") || op.equals("is"))) {
            return;
        }
        String key = keyOf(w, operands.get(0), discVars);
        SyntaxNode other = operands.get(1);
        if (key == null && op.equals("==")) {
            key = keyOf(w, operands.get(1), discVars);
            other = operands.get(0);
        }
        if (key == null) {
            return;
        }
        List<String> values = constants(w.method().r(), other, op.equals("in"));
        SyntaxNode block = branchOf(c);
        for (String v : values) {
            byKey.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Candidate(v, w.method().r().evidence(c), block, w.method()));
        }
    }

    /** String constants of an operand: a literal or constant, or the items of a tuple, list or set for {@code in}. */
    private static List<String> constants(PyResolver r, SyntaxNode expr, boolean collection) {
        List<String> out = new ArrayList<>();
        PyValue v = r.resolve(expr);
        if (collection && v.is(PyValue.Kind.LIST)) {
            for (PyValue i : v.items()) {
                if (i.is(PyValue.Kind.STRING) && isName(i.string())) {
                    out.add(i.string());
                }
            }
        } else if (!collection && v.is(PyValue.Kind.STRING) && isName(v.string())) {
            out.add(v.string());
        }
        return out;
    }

    static boolean isName(String s) {
        return s != null && !s.isBlank() && s.length() <= 80 && s.matches("[A-Za-z0-9_.:/\\-@ ]+")
                && !s.matches("\\d+");
    }

    /** The block an {@code if}/{@code elif} condition selects. */
    private static SyntaxNode branchOf(SyntaxNode condition) {
        SyntaxNode x = condition;
        for (int i = 0; i < 4 && x != null; i++) {
            SyntaxNode p = x.parent();
            if (p == null) {
                return null;
            }
            if ((p.is("if_statement") || p.is("elif_clause")) && x.equals(p.field("condition"))) {
                return p.field("consequence");
            }
            if (!(p.is("boolean_operator") || p.is("parenthesized_expression"))) {
                return null;
            }
            x = p;
        }
        return null;
    }

    private void matchCases(Work w, SyntaxNode match, Map<String, String> discVars,
                            Map<String, List<Candidate>> byKey) {
        SyntaxNode subject = match.field("subject");
        String key = keyOf(w, subject, discVars);
        SyntaxNode subj = PySyntax.unwrap(subject);
        boolean wholeMessage = subj != null && subj.is("identifier") && w.payloadVars().contains(subj.text());
        if (key == null && !wholeMessage) {
            return;
        }
        SyntaxNode body = match.field("body");
        for (SyntaxNode clause : body == null ? List.<SyntaxNode>of() : body.namedChildren()) {
            if (!clause.is("case_clause")) {
                continue;
            }
            SyntaxNode block = clause.field("consequence");
            for (SyntaxNode pattern : clause.namedChildren()) {
                if (!pattern.is("case_pattern")) {
                    continue;
                }
                if (key != null) {
                    pattern.walk(n -> !n.is("dict_pattern") && !n.is("class_pattern"), n -> {
                        if (n.is("string")) {
                            String s = PySyntax.stringValue(n);
                            if (isName(s)) {
                                byKey.computeIfAbsent(key, k -> new ArrayList<>())
                                        .add(new Candidate(s, w.method().r().evidence(clause), block, w.method()));
                            }
                        }
                    });
                } else {
                    // case {"type": "join", "room": room}: the message's own keys
                    pattern.walk(n -> true, n -> {
                        if (n.is("dict_pattern")) {
                            List<SyntaxNode> kids = n.namedChildren();
                            for (int i = 0; i + 1 < kids.size(); i++) {
                                String k = PySyntax.stringValue(kids.get(i));
                                SyntaxNode val = kids.get(i + 1);
                                String s = val.is("case_pattern") && val.namedChildCount() == 1
                                        ? PySyntax.stringValue(val.namedChild(0)) : PySyntax.stringValue(val);
                                if (k != null && s != null && isName(s)) {
                                    byKey.computeIfAbsent(k, x -> new ArrayList<>())
                                            .add(new Candidate(s, w.method().r().evidence(clause), block,
                                                    w.method()));
                                }
                            }
                        }
                    });
                }
            }
        }
    }

    /** {@code getattr(self, f"handle_{action}")}: every method named that way handles one message type. */
    private void getattrDispatch(Work w, Map<String, String> discVars, Map<String, List<Candidate>> byKey) {
        for (QueryMatch m : GETATTRS.matches(w.method().node())) {
            SyntaxNode nameExpr = m.node("name");
            String key = null;
            String prefix = "";
            String suffix = "";
            SyntaxNode n = PySyntax.unwrap(nameExpr);
            List<SyntaxNode> parts = new ArrayList<>();
            if (n.is("string") && PySyntax.isFString(n)) {
                StringBuilder before = new StringBuilder();
                StringBuilder after = new StringBuilder();
                boolean past = false;
                for (PySyntax.Piece p : PySyntax.fStringPieces(n)) {
                    if (p.text() != null) {
                        (past ? after : before).append(p.text());
                    } else if (!past) {
                        key = keyOf(w, p.expression(), discVars);
                        past = true;
                    } else {
                        key = null; // two substitutions: not a plain name pattern
                    }
                }
                prefix = before.toString();
                suffix = after.toString();
            } else if (n.is("binary_operator")) {
                SyntaxNode l = PySyntax.unwrap(n.field("left"));
                SyntaxNode rr = PySyntax.unwrap(n.field("right"));
                String ls = PySyntax.stringValue(l);
                String rs = PySyntax.stringValue(rr);
                if (ls != null) {
                    prefix = ls;
                    key = keyOf(w, rr, discVars);
                } else if (rs != null) {
                    suffix = rs;
                    key = keyOf(w, l, discVars);
                }
            }
            if (key == null || prefix.isEmpty() && suffix.isEmpty()) {
                continue;
            }
            for (Method method : methods.values()) {
                String mn = method.name();
                if (mn.length() > prefix.length() + suffix.length() && mn.startsWith(prefix) && mn.endsWith(suffix)) {
                    String event = mn.substring(prefix.length(), mn.length() - suffix.length());
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Candidate(event,
                            method.r().evidence(method.node()), method.node().field("body"), method));
                }
            }
        }
    }

    /** {@code handlers = {"join": self.join, ...}; await handlers[command](content)}. */
    private void dictDispatch(Work w, Map<String, String> discVars, Map<String, List<Candidate>> byKey) {
        for (QueryMatch m : DICT_DISPATCH.matches(w.method().node())) {
            SyntaxNode dict = m.node("dict");
            SyntaxNode p = dict.parent();
            if (p == null || !p.is("assignment") || p.field("left") == null || !p.field("left").is("identifier")) {
                continue;
            }
            String var = p.field("left").text();
            String key = null;
            // the dict must be indexed (or .get) with the discriminator
            String body = w.method().node().text();
            for (Map.Entry<String, String> dv : discVars.entrySet()) {
                if (body.matches("(?s).*\\b" + java.util.regex.Pattern.quote(var) + "\\s*(\\[|\\.get\\()\\s*"
                        + java.util.regex.Pattern.quote(dv.getKey()) + "\\b.*")) {
                    key = dv.getValue();
                }
            }
            if (key == null) {
                continue;
            }
            for (SyntaxNode pair : dict.namedChildren()) {
                if (!pair.is("pair")) {
                    continue;
                }
                String k = PySyntax.stringValue(pair.field("key"));
                SyntaxNode v = pair.field("value");
                Method handler = v == null || !v.is("attribute") ? null : methods.get(v.field("attribute").text());
                if (k != null && isName(k)) {
                    byKey.computeIfAbsent(key, x -> new ArrayList<>()).add(new Candidate(k,
                            w.method().r().evidence(pair), handler == null ? null : handler.node().field("body"),
                            handler == null ? w.method() : handler));
                }
            }
        }
    }

    // ---- outbound --------------------------------------------------------------------------------------------

    private static final Query SENDS = Query.of("channels-sends", """
            (call
              function: (attribute object: (identifier) @self attribute: (identifier) @method)
              arguments: (argument_list) @args
              (#eq? @self "self") (#any-of? @method "send" "send_json" "base_send")) @call
            """);

    private List<OutMessage> outbound(List<InEvent> inbound, String[] serialization, Evidence[] serializationAt) {
        Set<String> inKeys = new LinkedHashSet<>();
        for (InEvent e : inbound) {
            inKeys.add(e.discriminator());
        }
        // send wrappers: def _send_json(self, payload): self.send(text_data=json.dumps(payload)), called in code
        Map<String, Integer> wrappers = new HashMap<>();
        Set<String> calledMethods = new HashSet<>();
        for (PyValue c : chain) {
            for (QueryMatch m : selfCallsIn(c.node())) {
                calledMethods.add(m.text("method"));
            }
        }
        for (PyValue c : chain) {
            PyResolver there = r.resolverFor(c.path());
            for (QueryMatch m : sendsIn(c.node())) {
                SyntaxNode call = m.node("call");
                SyntaxNode method = there.pyFile().enclosing(call, "function_definition");
                String name = method == null || method.field("name") == null ? null : method.field("name").text();
                SyntaxNode payload = payloadOf(there, call, m.text("method"), serialization, serializationAt);
                if (name == null || payload == null || !payload.is("identifier") || LIFECYCLE.contains(name)
                        || !calledMethods.contains(name)) {
                    continue;
                }
                int index = PySyntax.parameterNames(method).indexOf(payload.text());
                if (index > 0) {
                    wrappers.put(name, index - 1);
                }
            }
        }
        List<OutMessage> out = new ArrayList<>();
        for (PyValue c : chain) {
            PyResolver there = r.resolverFor(c.path());
            for (QueryMatch m : sendsIn(c.node())) {
                SyntaxNode call = m.node("call");
                SyntaxNode method = there.pyFile().enclosing(call, "function_definition");
                String methodName = method == null || method.field("name") == null ? null
                        : method.field("name").text();
                if (methodName != null && (methodName.equals("send_json") || methodName.equals("send")
                        || wrappers.containsKey(methodName))) {
                    continue; // an override or a wrapper that passes messages on
                }
                SyntaxNode payload = payloadOf(there, call, m.text("method"), serialization, serializationAt);
                if (payload == null) {
                    continue;
                }
                OutMessage msg = message(there, payload, call, methodName, method, inKeys);
                if (msg != null) {
                    out.add(msg);
                }
            }
            if (wrappers.isEmpty()) {
                continue;
            }
            for (QueryMatch m : selfCallsIn(c.node())) {
                Integer index = wrappers.get(m.text("method"));
                if (index == null) {
                    continue;
                }
                SyntaxNode call = m.node("call");
                SyntaxNode method = there.pyFile().enclosing(call, "function_definition");
                String methodName = method == null || method.field("name") == null ? null
                        : method.field("name").text();
                if (wrappers.containsKey(methodName)) {
                    continue;
                }
                List<SyntaxNode> args = PySyntax.positional(call);
                SyntaxNode payload = index < args.size() ? PySyntax.unwrap(args.get(index)) : null;
                if (payload == null) {
                    continue;
                }
                OutMessage msg = message(there, payload, call, methodName, method, inKeys);
                if (msg != null) {
                    out.add(msg);
                }
            }
        }
        return out;
    }

    /** The methods each method calls on {@code self}, for messages sent by helpers of a channel-layer handler. */
    private Map<String, List<String>> selfCalls() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (PyValue c : chain) {
            for (QueryMatch m : selfCallsIn(c.node())) {
                SyntaxNode fn = r.resolverFor(c.path()).pyFile().enclosing(m.node("call"), "function_definition");
                String caller = fn == null || fn.field("name") == null ? null : fn.field("name").text();
                if (caller != null && methods.containsKey(m.text("method"))) {
                    List<String> l = out.computeIfAbsent(caller, k -> new ArrayList<>());
                    if (!l.contains(m.text("method"))) {
                        l.add(m.text("method"));
                    }
                }
            }
        }
        return out;
    }

    /** The dict a send call serialises: {@code send_json(d)}, {@code send(text_data=json.dumps(d))}. */
    private static SyntaxNode payloadOf(PyResolver r, SyntaxNode call, String method, String[] serialization,
                                        Evidence[] serializationAt) {
        SyntaxNode arg;
        if (method.equals("send_json")) {
            arg = PySyntax.argument(call, 0, "content");
        } else {
            arg = PySyntax.argument(call, 0, "text_data");
            SyntaxNode bytes = PySyntax.keyword(call, "bytes_data");
            if (arg == null && bytes != null && serialization[0] == null) {
                serialization[0] = "binary";
                serialization[1] = "bytes_data";
                serializationAt[0] = r.evidence(call);
            }
            SyntaxNode a = PySyntax.unwrap(arg);
            if (a == null || !a.is("call")) {
                return null;
            }
            String callee = PySyntax.dotted(a.field("function"));
            if (callee == null || !(callee.endsWith("dumps") || callee.endsWith("encode_json"))) {
                return null;
            }
            if (serialization[0] == null) {
                serialization[0] = "json";
                serialization[1] = "json.dumps";
                serializationAt[0] = r.evidence(a);
            }
            arg = PySyntax.argument(a, 0, "obj");
        }
        return PySyntax.unwrap(arg);
    }

    private OutMessage message(PyResolver r, SyntaxNode payload, SyntaxNode call, String methodName,
                               SyntaxNode method, Set<String> inKeys) {
        SyntaxNode dict = payload;
        if (dict.is("identifier")) {
            List<String> params = method == null ? List.of() : PySyntax.parameterNames(method);
            if (params.size() > 1 && params.get(1).equals(dict.text()) && !LIFECYCLE.contains(methodName)) {
                // send_json(event): the channel-layer message goes out as it is, "type" and all
                return new OutMessage("type", null, null, null, true, List.of("type"), r.evidence(call),
                        r.evidence(call), methodName);
            }
            PyValue v = r.resolve(dict);
            dict = v.is(PyValue.Kind.DICT) && v.node() != null && v.path().equals(r.parsed().path())
                    ? v.node() : null;
        }
        // a JSON value that cannot be read still goes to the client: a message without name or keys
        OutMessage opaque = new OutMessage(null, null, null, null, false, List.of(), r.evidence(call), null,
                methodName);
        if (dict == null || !(dict.is("dictionary") || dict.is("call"))) {
            return opaque;
        }
        PyValue value = r.resolve(dict);
        if (!value.is(PyValue.Kind.DICT)) {
            return opaque;
        }
        List<String> keys = new ArrayList<>(value.entries().keySet());
        boolean splatsEvent = false;
        String eventParam = method == null || PySyntax.parameterNames(method).size() < 2 ? null
                : PySyntax.parameterNames(method).get(1);
        for (SyntaxNode c : dict.namedChildren()) {
            if (c.is("dictionary_splat") && eventParam != null && c.text().equals("**" + eventParam)) {
                splatsEvent = true;
            }
        }
        List<String> order = new ArrayList<>(inKeys);
        for (String k : keys) {
            if (DISCRIMINATORS.contains(k) && !order.contains(k)) {
                order.add(k);
            }
        }
        for (String k : order) {
            if (!keys.contains(k)) {
                continue;
            }
            PyValue.Member member = value.entries().get(k);
            SyntaxNode valueNode = member.keyNode() == null ? null : member.keyNode().field("value");
            Evidence keyAt = member.keyNode() == null ? r.evidence(call) : r.evidence(member.keyNode());
            PyValue v = member.value().effective();
            if (v.is(PyValue.Kind.STRING) && isName(v.string())) {
                return new OutMessage(k, v.string(), null, null, false, keys, r.evidence(call), keyAt, methodName);
            }
            if (v.is(PyValue.Kind.NUMBER)) {
                String codeName = valueNode == null ? null : PyResolver.placeholder(valueNode);
                if (codeName != null && (codeName.equals("value") || codeName.matches("\\d+"))) {
                    codeName = null;
                }
                return new OutMessage(k, null, v.text(), codeName, false, keys, r.evidence(call), keyAt,
                        methodName);
            }
            SyntaxNode vn = PySyntax.unwrap(valueNode);
            if (vn != null && vn.is("identifier") && k.equals(discriminatorVars.get(vn.text()))) {
                // an echo of the received type inside the branch that handles it: {"type": message_type}
                for (Candidate c : branches.getOrDefault(k, List.of())) {
                    if (c.block() != null && c.block().encloses(call)) {
                        return new OutMessage(k, c.value(), null, null, false, keys, r.evidence(call), keyAt,
                                methodName);
                    }
                }
            }
            if (vn != null && eventParam != null && k.equals("type") && vn.text().matches(
                    java.util.regex.Pattern.quote(eventParam) + "(\\[\\s*['\"]type['\"]\\s*]|\\.get\\(\\s*['\"]type['\"].*)")) {
                return new OutMessage(k, null, null, null, true, keys, r.evidence(call), keyAt, methodName);
            }
        }
        if (splatsEvent) {
            return new OutMessage("type", null, null, null, true, keys, r.evidence(call), r.evidence(call),
                    methodName);
        }
        return keys.isEmpty() ? opaque
                : new OutMessage(null, null, null, null, false, keys, r.evidence(call), null, methodName);
    }

    static boolean isGenericKey(String key) {
        return GENERIC_KEYS.contains(key.toLowerCase(Locale.ROOT));
    }

    // ---- connect ---------------------------------------------------------------------------------------------

    /**
     * Credential checks in {@code connect}: a user check ({@code scope["user"].is_anonymous}) is the consumer's
     * side of the session middleware; a token read from the query string, a header or the subprotocols, followed
     * by a close, is an authentication of its own.
     */
    private Evidence connectChecks(List<AuthUse> auths) {
        Method connect = methods.get("connect");
        if (connect == null) {
            connect = methods.get("websocket_connect");
        }
        if (connect == null) {
            return null;
        }
        SyntaxNode body = connect.node();
        String text = body.text();
        boolean rejects = text.contains(".close(") || text.contains("DenyConnection") || text.contains("raise ");
        Evidence userCheck = null;
        java.util.regex.Matcher user = java.util.regex.Pattern.compile(
                "scope\\s*(\\[\\s*['\"]user['\"]\\s*]|\\.get\\(\\s*['\"]user['\"][^)]*\\))\\s*\\.\\s*(is_anonymous|is_authenticated)|\\.user\\.(is_anonymous|is_authenticated)")
                .matcher(text);
        if (user.find() && rejects) {
            userCheck = connect.r().parsed().evidence(body.line() + newlines(text, user.start()));
        }
        java.util.regex.Matcher token = java.util.regex.Pattern.compile(
                "(\\[\\s*['\"](query_string|headers|subprotocols|cookies)['\"]\\s*]|\\.get\\(\\s*['\"](query_string|headers|subprotocols|cookies)['\"])")
                .matcher(text);
        if (token.find() && text.contains(".close(") && mentionsCredential(text)) {
            String where = token.group(2) != null ? token.group(2) : token.group(3);
            String carrier = switch (where) {
                case "query_string" -> "query";
                case "subprotocols" -> "subprotocol";
                case "cookies" -> "cookie";
                default -> text.toLowerCase(Locale.ROOT).contains("cookie") && !text.toLowerCase(Locale.ROOT)
                        .contains("authorization") ? "cookie" : "header";
            };
            int acceptAt = text.indexOf(".accept(");
            String phase = acceptAt >= 0 && acceptAt < token.start() ? "connection-handler" : "upgrade-request";
            String fileText = connect.r().parsed().file().text();
            String mechanism = mechanism(fileText + text);
            auths.add(new AuthUse(mechanism, phase, carrier, Confidence.MEDIUM,
                    List.of(connect.r().parsed().evidence(body.line() + newlines(text, token.start()))),
                    "credential read in " + connect.name() + "()"));
        }
        return userCheck;
    }

    static boolean mentionsCredential(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.contains("token") || t.contains("jwt") || t.contains("auth") || t.contains("key")
                || t.contains("password") || t.contains("secret") || t.contains("ticket");
    }

    /** jwt when the code decodes JSON Web Tokens, api-key for API keys, else an opaque token. */
    static String mechanism(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("jwt") || t.contains("accesstoken(") || t.contains("untypedtoken")
                || t.contains("simplejwt") || t.contains("jose")) {
            return "jwt";
        }
        if (t.contains("api_key") || t.contains("apikey") || t.contains("x-api-key")) {
            return "api-key";
        }
        return "token";
    }

    static int newlines(String text, int upTo) {
        int n = 0;
        for (int i = 0; i < upTo && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
