package io.wsmemory.detectors.js;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.js.JsFile;
import io.wsmemory.core.resolve.js.JsSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Message types declared in TypeScript: Socket.IO's typed event maps ({@code interface ServerToClientEvents
 * { chat: (msg: Msg) => void }}) and discriminated unions of a raw protocol ({@code type ClientMessage =
 * {type: "join", room: string} | {type: "leave"}}), with the direction their names say and their fields.
 */
public final class JsMessageTypes {

    /** Which way a declared message travels, as its type's name tells, from the server's view. */
    public enum Direction { IN, OUT, UNKNOWN }

    /** One declared message: its name (the event or discriminator value), fields, direction, where. */
    public record Declared(String typeName, String field, String name, String payload, Direction direction,
                           Evidence at) {
    }

    private static final Pattern MESSAGE_TYPE = Pattern.compile(
            "(Message|Msg|Event|Packet|Frame|Command|Request|Response|Payload|Envelope)s?$");
    private static final Pattern TO_SERVER = Pattern.compile(
            "Client(To|2)Server|ClientMessage|ClientMsg|Inbound|Incoming|Request|C2S|ToServer|Upstream|FromClient",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TO_CLIENT = Pattern.compile(
            "Server(To|2)Client|ServerMessage|ServerMsg|Outbound|Outgoing|Response|S2C|ToClient|Downstream|FromServer"
                    + "|Push|Broadcast",
            Pattern.CASE_INSENSITIVE);

    private JsMessageTypes() {
    }

    /** True for names a protocol's message types go by ({@code ClientMessage}, {@code ServerEvent}), not actions. */
    public static boolean isMessageTypeName(String name) {
        return MESSAGE_TYPE.matcher(name).find() && !name.contains("Action");
    }

    /** The events of Socket.IO's typed maps: ServerToClientEvents are out, ClientToServerEvents in. */
    public static List<Declared> socketIoEventMaps(ParsedFile file) {
        List<Declared> out = new ArrayList<>();
        for (Map.Entry<String, SyntaxNode> e : JsFile.of(file).typeDeclarations().entrySet()) {
            String name = e.getKey();
            Direction d = name.matches(".*Server(To|2)Client.*|.*ListenEvents") ? Direction.OUT
                    : name.matches(".*Client(To|2)Server.*|.*EmitEvents") ? Direction.IN : null;
            if (d == null) {
                continue;
            }
            for (SyntaxNode sig : members(e.getValue())) {
                SyntaxNode key = sig.field("name");
                SyntaxNode params;
                if (sig.is("method_signature")) { // chat(msg: Msg): void;
                    params = sig.field("parameters");
                } else {
                    SyntaxNode type = sig.field("type");
                    SyntaxNode fn = type == null ? null : type.namedChild(0);
                    params = fn != null && fn.is("function_type") ? fn.field("parameters") : null;
                }
                if (key == null || params == null) {
                    continue;
                }
                String payload = params == null ? null : squash(params.text().replaceAll("^\\(|\\)$", ""));
                out.add(new Declared(name, null, JsSyntax.nameText(key), payload == null || payload.isEmpty() ? null
                        : payload, d, file.evidence(sig)));
            }
        }
        return out;
    }

    /** The members of discriminated unions and of interfaces with a literal discriminator. */
    public static List<Declared> discriminatedMessages(ParsedFile file) {
        JsFile js = JsFile.of(file);
        List<Declared> out = new ArrayList<>();
        for (Map.Entry<String, SyntaxNode> e : js.typeDeclarations().entrySet()) {
            String typeName = e.getKey();
            if (!isMessageTypeName(typeName)) {
                continue;
            }
            Direction d = TO_SERVER.matcher(typeName).find() ? Direction.IN
                    : TO_CLIENT.matcher(typeName).find() ? Direction.OUT : Direction.UNKNOWN;
            SyntaxNode decl = e.getValue();
            List<SyntaxNode> shapes = new ArrayList<>();
            if (decl.is("interface_declaration")) {
                shapes.add(decl.field("body"));
            } else {
                collectObjects(decl.field("value"), shapes, 0);
            }
            for (SyntaxNode shape : shapes) {
                Declared m = member(js, file, typeName, shape, d);
                if (m != null) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static Declared member(JsFile js, ParsedFile file, String typeName, SyntaxNode shape, Direction d) {
        if (shape == null) {
            return null;
        }
        String field = null;
        String value = null;
        Evidence at = null;
        List<String> payload = new ArrayList<>();
        for (SyntaxNode sig : shape.namedChildren()) {
            if (!sig.is("property_signature")) {
                continue;
            }
            SyntaxNode key = sig.field("name");
            SyntaxNode type = sig.field("type");
            if (key == null || type == null) {
                continue;
            }
            String k = JsSyntax.nameText(key);
            SyntaxNode t = type.namedChild(0);
            String literal = t == null ? null : literal(js, t);
            if (field == null && literal != null && JsMessages.DISCRIMINATORS.contains(k)) {
                field = k;
                value = literal;
                at = file.evidence(sig);
            } else {
                String optional = sig.text().contains("?:") || sig.text().matches("(?s)\\s*\\w+\\?.*") ? "?" : "";
                payload.add(k + optional + ": " + squash(type.text().replaceFirst("^:\\s*", "")));
            }
        }
        if (field == null) {
            return null;
        }
        return new Declared(typeName, field, value, payload.isEmpty() ? null : "{" + String.join(", ", payload) + "}",
                d, at);
    }

    /** {@code "join"} or an enum member {@code MsgType.Join} declared in the same file. */
    private static String literal(JsFile js, SyntaxNode t) {
        if (t.is("literal_type")) {
            SyntaxNode s = t.namedChild(0);
            return s != null && s.is("string") ? JsSyntax.stringValue(s) : null;
        }
        if (t.is("nested_type_identifier")) {
            SyntaxNode module = t.field("module");
            SyntaxNode name = t.field("name");
            SyntaxNode en = module == null ? null : js.enumDeclaration(module.text());
            SyntaxNode body = en == null ? null : en.field("body");
            if (body == null || name == null) {
                return null;
            }
            for (SyntaxNode c : body.namedChildren()) {
                if (c.is("enum_assignment") && c.field("name") != null && c.field("name").text().equals(name.text())) {
                    return JsSyntax.stringValue(c.field("value"));
                }
            }
        }
        return null;
    }

    private static void collectObjects(SyntaxNode type, List<SyntaxNode> into, int depth) {
        if (type == null || depth > 50) {
            return;
        }
        if (type.is("object_type")) {
            into.add(type);
        } else if (type.is("union_type") || type.is("parenthesized_type")) {
            for (SyntaxNode c : type.namedChildren()) {
                collectObjects(c, into, depth + 1);
            }
        }
    }

    private static List<SyntaxNode> members(SyntaxNode decl) {
        SyntaxNode body = decl.is("interface_declaration") ? decl.field("body") : decl.field("value");
        if (body == null || !(body.is("interface_body") || body.is("object_type"))) {
            return List.of();
        }
        List<SyntaxNode> out = new ArrayList<>();
        for (SyntaxNode c : body.namedChildren()) {
            if (c.is("property_signature") || c.is("method_signature")) {
                out.add(c);
            }
        }
        return out;
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
