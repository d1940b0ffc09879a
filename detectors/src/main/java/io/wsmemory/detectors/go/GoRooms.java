package io.wsmemory.detectors.go;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.go.GoFile;
import io.wsmemory.core.resolve.go.GoResolver;
import io.wsmemory.core.resolve.go.GoSyntax;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rooms of the hub pattern: a map whose key is not a connection and whose value is a group of connections
 * ({@code map[string]map[*Client]bool}, {@code map[uint][]*client}, {@code map[string]*Room} where a room holds
 * clients). The room's pattern is named after the key the code indexes the map with; it is {@code broadcast}
 * where the group is iterated to send, else {@code join}. A set of every client ({@code map[*Client]bool}) is not a
 * room.
 */
final class GoRooms {

    private static final Query Q = Query.load(GoRooms.class, "rooms.scm");
    private static final Pattern SENDS = Pattern.compile("<-|\\.Write|\\.Send|\\.send|\\.Emit|\\.Notify|\\.Publish");

    private GoRooms() {
    }

    static void scan(GoWsFileScan s, String connType) {
        GoResolver r = s.resolver();
        String alias = s.goFile().aliasOf(s.libraryImport());
        if (alias == null || !s.shared().claim("rooms:" + r.directory())) {
            return;
        }
        List<GoResolver> pkg = r.packageScopes();
        Set<String> clients = new LinkedHashSet<>();
        String conn = alias + "." + connType;
        // types holding a connection
        for (GoResolver p : pkg) {
            for (Map.Entry<String, SyntaxNode> t : p.goFile().types().entrySet()) {
                SyntaxNode def = t.getValue().field("type");
                if (def != null && def.is("struct_type") && holdsConnection(def, conn)) {
                    clients.add(t.getKey());
                }
            }
        }
        if (clients.isEmpty()) {
            clients.add(conn);
        }
        // types holding a group of clients (a room, a hub per room)
        Set<String> groups = new LinkedHashSet<>();
        for (GoResolver p : pkg) {
            for (Map.Entry<String, SyntaxNode> t : p.goFile().types().entrySet()) {
                SyntaxNode def = t.getValue().field("type");
                if (def == null || !def.is("struct_type") || clients.contains(t.getKey())) {
                    continue;
                }
                for (String c : clients) {
                    String q = Pattern.quote(c.contains(".") ? c : c);
                    if (Pattern.compile("(\\[\\]|map\\[[^\\]]*\\])\\*?" + q + "(?![A-Za-z0-9_])")
                            .matcher(def.text()).find()) {
                        groups.add(t.getKey());
                    }
                }
            }
        }
        Map<String, String> registries = new LinkedHashMap<>(); // field name -> key type
        for (GoResolver p : pkg) {
            if (!p.goFile().mentions("map[")) {
                continue;
            }
            for (QueryMatch m : s.shared().matches(p.goFile(), Q)) {
                if (!m.has("field")) {
                    continue;
                }
                String key = m.text("field.key");
                String value = m.text("field.value");
                if (refersTo(key, clients)) {
                    continue;
                }
                boolean collection = (value.startsWith("[]") || value.startsWith("map[")) && refersTo(value, clients);
                boolean roomType = refersTo(value, groups) && !value.startsWith("[]");
                if (!collection && !roomType) {
                    continue;
                }
                for (SyntaxNode c : m.node("field").namedChildren()) {
                    if (c.is("field_identifier")) {
                        registries.put(c.text(), key);
                    }
                }
            }
        }
        if (registries.isEmpty()) {
            return;
        }
        for (Map.Entry<String, String> reg : registries.entrySet()) {
            Evidence broadcast = null;
            Evidence join = null;
            String pattern = null;
            for (GoResolver p : pkg) {
                if (!p.goFile().mentions("." + reg.getKey() + "[")) {
                    continue;
                }
                for (QueryMatch m : s.shared().matches(p.goFile(), Q)) {
                    if (!m.has("index") || !m.text("index.field").equals(reg.getKey())) {
                        continue;
                    }
                    SyntaxNode idx = m.node("index");
                    String name = GoPatterns.of(p, m.node("index.key"));
                    if (name == null) {
                        continue;
                    }
                    SyntaxNode fn = GoSyntax.enclosingFunction(idx);
                    boolean sends = fn != null && fn.text().contains("range") && SENDS.matcher(fn.text()).find();
                    boolean assigns = isAssigned(idx);
                    if (sends && !assigns && broadcast == null) {
                        broadcast = p.evidence(idx);
                        pattern = name;
                    } else if (join == null && (assigns || !sends)) {
                        join = p.evidence(idx);
                        if (pattern == null) {
                            pattern = name;
                        }
                    }
                }
            }
            if (pattern == null || broadcast == null && join == null) {
                continue;
            }
            s.findings().rooms.add(new GoFindings.Room(pattern, broadcast != null ? "broadcast" : "join",
                    broadcast != null ? broadcast : join));
        }
    }

    /** A struct with a field of the connection type itself (not a map or slice of them). */
    private static boolean holdsConnection(SyntaxNode struct, String conn) {
        for (SyntaxNode list : struct.namedChildren()) {
            for (SyntaxNode fd : list.namedChildren()) {
                SyntaxNode type = fd.is("field_declaration") ? fd.field("type") : null;
                if (type != null && type.text().replace("*", "").strip().equals(conn)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isAssigned(SyntaxNode idx) {
        SyntaxNode p = idx.parent();
        for (int i = 0; i < 3 && p != null; i++) {
            if (p.is("assignment_statement")) {
                SyntaxNode left = p.field("left");
                return left != null && left.encloses(idx);
            }
            if (p.is("call_expression") && "delete".equals(GoSyntax.calleeName(p))) {
                return true;
            }
            if (p.is("block") || p.is("statement_list")) {
                return false;
            }
            p = p.parent();
        }
        return false;
    }

    private static boolean refersTo(String typeText, Set<String> names) {
        for (String n : names) {
            if (Pattern.compile("(?<![A-Za-z0-9_.])" + Pattern.quote(n) + "(?![A-Za-z0-9_])").matcher(typeText)
                    .find() || n.contains(".") && typeText.contains(n)) {
                return true;
            }
        }
        return false;
    }

    static List<GoFile> files(GoResolver r) {
        List<GoFile> out = new ArrayList<>();
        for (GoResolver p : r.packageScopes()) {
            out.add(p.goFile());
        }
        return out;
    }
}
