package io.wsmemory.core.parse;

import java.util.ArrayList;
import java.util.List;

/** One match of a {@link Query}: the pattern that matched and its captures by name. */
public final class QueryMatch {

    private final int pattern;
    private final List<String> names;
    private final List<SyntaxNode> nodes;

    QueryMatch(int pattern, List<String> names, List<SyntaxNode> nodes) {
        this.pattern = pattern;
        this.names = names;
        this.nodes = nodes;
    }

    public int pattern() {
        return pattern;
    }

    /** The first node captured under {@code name}, or null. */
    public SyntaxNode node(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                return nodes.get(i);
            }
        }
        return null;
    }

    public List<SyntaxNode> nodes(String name) {
        List<SyntaxNode> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                out.add(nodes.get(i));
            }
        }
        return out;
    }

    public String text(String name) {
        SyntaxNode n = node(name);
        return n == null ? null : n.text();
    }

    public boolean has(String name) {
        return names.contains(name);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("match#" + pattern);
        for (int i = 0; i < names.size(); i++) {
            sb.append(' ').append(names.get(i)).append('=').append(nodes.get(i).text());
        }
        return sb.toString();
    }
}
