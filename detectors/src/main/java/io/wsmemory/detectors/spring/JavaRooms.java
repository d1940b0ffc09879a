package io.wsmemory.detectors.spring;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.resolve.java.JavaResolver;
import io.wsmemory.core.resolve.java.JavaValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Rooms kept by hand in Java: a map from a key to a group of connections ({@code Map<String, Set<WebSocketSession>>},
 * {@code Map<String, Set<Session>>}, {@code Map<String, ChannelGroup>}) that a handler adds connections to
 * ({@code computeIfAbsent(room, ...).add(session)}, join) and sends through ({@code get(room)}, broadcast). The room
 * is named after the key expression ({@code {roomId}}); a constant key is a fixed room.
 */
public final class JavaRooms {

    /** A room pattern, what the code does with it, where. */
    public record Room(String pattern, String action, Evidence at) {
    }

    private JavaRooms() {
    }

    /** The rooms of one class, given what a group's declared type looks like ({@code Set<Session>}...). */
    public static List<Room> of(ClassOrInterfaceDeclaration c, JavaResolver r, Predicate<String> groupType) {
        List<String> maps = new ArrayList<>();
        for (FieldDeclaration f : c.getFields()) {
            String t = f.getElementType().asString().replace(" ", "");
            int comma = t.indexOf(',');
            if (t.contains("Map<") && comma > 0 && groupType.test(t.substring(comma + 1))) {
                maps.add(f.getVariable(0).getNameAsString());
            }
        }
        List<Room> out = new ArrayList<>();
        if (maps.isEmpty()) {
            return out;
        }
        for (MethodCallExpr m : c.findAll(MethodCallExpr.class)) {
            String n = m.getNameAsString();
            if (!(n.equals("computeIfAbsent") || n.equals("get") || n.equals("getOrDefault") || n.equals("putIfAbsent"))
                    || m.getArguments().isEmpty() || m.getScope().isEmpty()) {
                continue;
            }
            String scope = r.source(m.getScope().get()).replace("this.", "");
            if (!maps.contains(scope)) {
                continue;
            }
            JavaValue key = r.resolve(m.getArgument(0));
            String pattern = key.is(JavaValue.Kind.STRING) ? key.string() : r.pattern(m.getArgument(0));
            if (pattern == null) {
                pattern = "{" + JavaResolver.hintName(m.getArgument(0)) + "}";
            }
            String action = n.equals("get") || n.equals("getOrDefault") ? "broadcast" : "join";
            boolean leave = false;
            for (MethodCallExpr a : JavaChains.after(m)) {
                String an = a.getNameAsString();
                if (an.equals("add")) {
                    action = "join";
                } else if (an.equals("remove")) {
                    leave = true;
                } else if (an.startsWith("writeAndFlush") || an.equals("write") || an.equals("forEach")
                        || an.equals("stream")) {
                    action = "broadcast";
                }
            }
            if (!leave) {
                out.add(new Room(pattern, action, r.evidence(m)));
            }
        }
        return out;
    }
}
