package io.wsmemory.detectors.js;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.js.JsResolver;
import io.wsmemory.core.resolve.js.JsSyntax;
import io.wsmemory.core.resolve.js.JsValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How raw-WebSocket code speaks its own protocol: the JSON envelope it parses and the field it dispatches on
 * ({@code switch (msg.type)}, {@code if (msg.type === "join")}, {@code handlers[msg.type]}), and what it sends
 * ({@code send(JSON.stringify({type: "joined", ...}))}), text, binary, MessagePack or protobuf frames.
 */
public final class JsMessages {

    private static final Query QUERY = Query.load(JsMessages.class, "messages.scm");

    /** Field names that select a handler, most conventional first. */
    public static final List<String> DISCRIMINATORS = List.of("type", "event", "action", "op", "cmd", "command",
            "kind", "messageType", "msgType", "method", "t", "name", "topic", "channel");

    /** A value of the discriminator, where it is handled or sent. */
    public record Name(String value, Evidence at) {
    }

    /** What an inbound handler reads: the envelope's fields, the discriminator and its values. */
    public record Inbound(boolean json, Evidence parsedAt, Map<String, Evidence> fields, String discriminator,
                          List<Name> names, Set<String> parsedVariables) {
    }

    /** What one send puts on the wire. */
    public record Outbound(String format, String formatText, Map<String, Evidence> fields, String discriminator,
                           List<Name> names) {
    }

    private JsMessages() {
    }

    /** Reads a message handler (inline or a function of the file); empty when it does not parse messages. */
    public static Optional<Inbound> inbound(JsResolver resolver, ParsedFile file, SyntaxNode handler) {
        Optional<SyntaxNode> fn = resolver.functionBehind(handler);
        if (fn.isEmpty()) {
            return Optional.empty();
        }
        List<QueryMatch> matches = QUERY.matches(fn.get());
        Set<String> vars = new HashSet<>();
        Map<String, Evidence> fields = new LinkedHashMap<>();
        Evidence parsedAt = null;
        for (QueryMatch m : matches) {
            if (!m.has("json.parse")) {
                continue;
            }
            SyntaxNode call = m.node("json.parse");
            if (parsedAt == null) {
                parsedAt = file.evidence(call);
            }
            SyntaxNode p = call.parent();
            while (p != null && (p.is("await_expression") || p.is("parenthesized_expression") || p.is("as_expression"))) {
                p = p.parent();
            }
            if (p != null && p.is("variable_declarator") && p.field("name") != null) {
                SyntaxNode name = p.field("name");
                if (name.is("identifier")) {
                    vars.add(name.text());
                } else if (name.is("object_pattern")) {
                    for (SyntaxNode c : name.namedChildren()) {
                        String key = c.is("shorthand_property_identifier_pattern") ? c.text()
                                : c.is("pair_pattern") && c.field("key") != null ? JsSyntax.nameText(c.field("key"))
                                : null;
                        if (key != null) {
                            fields.putIfAbsent(key, file.evidence(c));
                        }
                    }
                }
            } else if (p != null && p.is("assignment_expression") && p.field("left") != null
                    && p.field("left").is("identifier")) {
                vars.add(p.field("left").text());
            }
        }
        if (parsedAt == null) {
            return Optional.empty();
        }
        for (QueryMatch m : matches) {
            if (m.has("field") && vars.contains(m.text("field.object"))) {
                fields.putIfAbsent(m.text("field.name"), file.evidence(m.node("field")));
            }
        }
        Map<String, List<Name>> byField = new LinkedHashMap<>();
        for (QueryMatch m : matches) {
            if (m.has("switch")) {
                String field = selector(m.node("switch.on"), vars, fields.keySet());
                if (field != null) {
                    for (SyntaxNode c : m.node("switch.body").namedChildren()) {
                        if (c.is("switch_case") && c.field("value") != null) {
                            JsValue v = resolver.resolve(c.field("value"));
                            // bare numbers name nothing a reader can follow; the envelope field is still reported
                            if (v.effective().is(JsValue.Kind.STRING)) {
                                byField.computeIfAbsent(field, k -> new ArrayList<>())
                                        .add(new Name(v.effective().text(), file.evidence(c)));
                            }
                        }
                    }
                }
            } else if (m.has("cmp")) {
                comparison(resolver, file, m.node("cmp.left"), m.node("cmp.right"), vars, fields.keySet(), byField,
                        m.node("cmp"));
                comparison(resolver, file, m.node("cmp.right"), m.node("cmp.left"), vars, fields.keySet(), byField,
                        m.node("cmp"));
            } else if (m.has("map")) {
                String field = selector(m.node("map.index"), vars, fields.keySet());
                if (field != null) {
                    JsValue map = resolver.resolve(m.node("map.object"));
                    for (Map.Entry<String, JsValue.Member> e : map.properties().entrySet()) {
                        SyntaxNode at = e.getValue().keyNode();
                        byField.computeIfAbsent(field, k -> new ArrayList<>()).add(new Name(e.getKey(),
                                at == null ? file.evidence(m.node("map")) : evidenceIn(resolver, map, at, file)));
                    }
                }
            }
        }
        for (QueryMatch m : matches) { // a switch on numbers still shows which field selects the handler
            if (m.has("switch")) {
                String field = selector(m.node("switch.on"), vars, fields.keySet());
                if (field != null) {
                    byField.putIfAbsent(field, new ArrayList<>());
                }
            }
        }
        String discriminator = null;
        for (Map.Entry<String, List<Name>> e : byField.entrySet()) {
            if (discriminator == null || e.getValue().size() > byField.get(discriminator).size()
                    || e.getValue().size() == byField.get(discriminator).size() && rank(e.getKey()) < rank(discriminator)) {
                discriminator = e.getKey();
            }
        }
        List<Name> names = discriminator == null ? List.of() : dedupe(byField.get(discriminator));
        return Optional.of(new Inbound(true, parsedAt, fields, discriminator, names, Set.copyOf(vars)));
    }

    private static Evidence evidenceIn(JsResolver resolver, JsValue map, SyntaxNode at, ParsedFile file) {
        if (map.path() != null && !map.path().equals(file.path())) {
            return new Evidence(map.path(), at.line(), null);
        }
        return file.evidence(at);
    }

    private static void comparison(JsResolver resolver, ParsedFile file, SyntaxNode selectorSide, SyntaxNode valueSide,
                                   Set<String> vars, Set<String> destructured, Map<String, List<Name>> byField,
                                   SyntaxNode at) {
        String field = selector(selectorSide, vars, destructured);
        if (field == null) {
            return;
        }
        JsValue v = resolver.resolve(valueSide);
        if (v.effective().is(JsValue.Kind.STRING)) {
            byField.computeIfAbsent(field, k -> new ArrayList<>()).add(new Name(v.effective().string(),
                    file.evidence(at)));
        }
    }

    /** {@code msg.type} with msg a parsed message, or {@code type} destructured from one: the field's name. */
    private static String selector(SyntaxNode n, Set<String> vars, Set<String> destructured) {
        SyntaxNode x = JsSyntax.unwrap(n);
        if (x == null) {
            return null;
        }
        if (x.is("member_expression")) {
            SyntaxNode obj = x.field("object");
            if (obj != null && obj.is("identifier") && vars.contains(obj.text())) {
                return JsSyntax.memberName(x);
            }
            return null;
        }
        if (x.is("identifier") && destructured.contains(x.text()) && DISCRIMINATORS.contains(x.text())) {
            return x.text();
        }
        return null;
    }

    private static int rank(String field) {
        int i = DISCRIMINATORS.indexOf(field);
        return i < 0 ? DISCRIMINATORS.size() : i;
    }

    private static List<Name> dedupe(List<Name> names) {
        Map<String, Name> first = new LinkedHashMap<>();
        for (Name n : names) {
            first.putIfAbsent(n.value(), n);
        }
        return List.copyOf(first.values());
    }

    /**
     * Reads what {@code send(arg)} puts on the wire: JSON of an object (its keys; the discriminator's literal value
     * or, inside a wrapper such as {@code send(type, data)}, the wrapper's callers' literals), text, binary,
     * MessagePack or protobuf; empty when nothing can be said.
     */
    public static Optional<Outbound> outbound(JsResolver resolver, ParsedFile file, SyntaxNode arg,
                                              WrapperCalls wrappers) {
        SyntaxNode a = JsSyntax.unwrap(arg);
        if (a == null) {
            return Optional.empty();
        }
        if (a.is("call_expression")) {
            SyntaxNode fn = a.field("function");
            String callee = fn == null ? "" : fn.text().replaceAll("\\s+", "");
            List<SyntaxNode> args = JsSyntax.callArguments(a);
            if (callee.equals("JSON.stringify") && !args.isEmpty()) {
                return Optional.of(json(resolver, file, args.get(0), a, wrappers));
            }
            if (callee.endsWith(".finish") && fn.field("object") != null && fn.field("object").text().contains(".encode(")) {
                return Optional.of(new Outbound("protobuf", a.text(), Map.of(), null, List.of()));
            }
            if (callee.equals("encode") || callee.endsWith("msgpack.encode") || callee.equals("pack")
                    || callee.endsWith(".pack") || callee.endsWith("msgpackr.pack")) {
                return Optional.of(new Outbound("msgpack", a.text(), Map.of(), null, List.of()));
            }
            if (callee.startsWith("Buffer.")) {
                return Optional.of(new Outbound("binary", a.text(), Map.of(), null, List.of()));
            }
            return Optional.empty();
        }
        if (a.is("new_expression")) {
            String t = a.text();
            if (t.startsWith("new Uint8Array") || t.startsWith("new ArrayBuffer") || t.startsWith("new Blob")
                    || t.startsWith("new DataView") || t.startsWith("new Float32Array")) {
                return Optional.of(new Outbound("binary", t, Map.of(), null, List.of()));
            }
            return Optional.empty();
        }
        if (a.is("string") || a.is("template_string")) {
            return Optional.of(new Outbound("text", a.text(), Map.of(), null, List.of()));
        }
        if (a.is("identifier")) {
            JsValue v = resolver.resolve(a);
            if (v.node() != null && v.node() != a && v.node().tree() == a.tree() && !v.node().equals(a)
                    && v.node().is("call_expression")) {
                return outbound(resolver, file, v.node(), wrappers); // const payload = JSON.stringify(...)
            }
            if (v.effective().is(JsValue.Kind.STRING)) {
                return Optional.of(new Outbound("text", a.text(), Map.of(), null, List.of()));
            }
        }
        return Optional.empty();
    }

    private static Outbound json(JsResolver resolver, ParsedFile file, SyntaxNode value, SyntaxNode stringify,
                                 WrapperCalls wrappers) {
        JsValue obj = resolver.resolve(value);
        Map<String, Evidence> fields = new LinkedHashMap<>();
        String discriminator = null;
        List<Name> names = new ArrayList<>();
        if (obj.is(JsValue.Kind.OBJECT)) {
            for (Map.Entry<String, JsValue.Member> e : obj.properties().entrySet()) {
                SyntaxNode at = e.getValue().keyNode();
                fields.putIfAbsent(e.getKey(), at != null && at.tree() == stringify.tree() ? file.evidence(at)
                        : file.evidence(stringify));
            }
            for (String d : DISCRIMINATORS) {
                JsValue.Member m = obj.properties().get(d);
                if (m == null) {
                    continue;
                }
                JsValue v = m.value();
                if (v.effective().is(JsValue.Kind.STRING)) {
                    discriminator = d;
                    names.add(new Name(v.effective().string(), file.evidence(stringify)));
                    break;
                }
                SyntaxNode vn = v.node();
                if (vn != null && (vn.is("identifier") || vn.is("shorthand_property_identifier")) && wrappers != null) {
                    List<Name> fromCallers = wrappers.literalsFor(vn, stringify);
                    if (!fromCallers.isEmpty()) {
                        discriminator = d;
                        names.addAll(fromCallers);
                        break;
                    }
                }
            }
        }
        String text = "JSON.stringify(" + value.text().replaceAll("\\s+", " ") + ")";
        if (text.length() > 80) {
            text = text.substring(0, 79) + "…";
        }
        return new Outbound("json", text, fields, discriminator, names);
    }

    /**
     * Finds the literal arguments callers pass to the parameter a send wrapper puts in its discriminator:
     * {@code function send(type, data) { ws.send(JSON.stringify({type, data})) }} and {@code send("joined", x)}.
     */
    public interface WrapperCalls {
        List<Name> literalsFor(SyntaxNode parameterUse, SyntaxNode inside);
    }
}
