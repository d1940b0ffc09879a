package io.wsmemory.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.treesitter.TSNode;

/**
 * A node of a {@link SyntaxTree}. Every call crosses JNI (microseconds each): locate nodes with a {@link Query} and
 * navigate only around what it found.
 */
public final class SyntaxNode {

    private final SyntaxTree tree;
    private final TSNode node;
    // A tree never changes: what it says of a node is read through JNI once. Races only recompute the same value.
    private String type;
    private int startByte = -1;
    private int endByte = -1;

    SyntaxNode(SyntaxTree tree, TSNode node) {
        this.tree = tree;
        this.node = node;
    }

    private SyntaxNode wrap(TSNode n) {
        return n == null || n.isNull() ? null : new SyntaxNode(tree, n);
    }

    TSNode raw() {
        return node;
    }

    public SyntaxTree tree() {
        return tree;
    }

    public String type() {
        String t = type;
        if (t == null) {
            t = node.getType();
            type = t;
        }
        return t;
    }

    public boolean is(String type) {
        return type.equals(type());
    }

    public boolean isNamed() {
        return node.isNamed();
    }

    public boolean isError() {
        return node.isError() || node.isMissing();
    }

    public String text() {
        return tree.text(node);
    }

    public int startByte() {
        int b = startByte;
        if (b < 0) {
            b = node.getStartByte();
            startByte = b;
        }
        return b;
    }

    public int endByte() {
        int b = endByte;
        if (b < 0) {
            b = node.getEndByte();
            endByte = b;
        }
        return b;
    }

    /** 1-based line where the node starts. */
    public int line() {
        return node.getStartPoint().getRow() + 1;
    }

    public int endLine() {
        return node.getEndPoint().getRow() + 1;
    }

    public SyntaxNode parent() {
        return wrap(node.getParent());
    }

    public SyntaxNode field(String name) {
        return wrap(node.getChildByFieldName(name));
    }

    public int childCount() {
        return node.getChildCount();
    }

    public SyntaxNode child(int i) {
        return wrap(node.getChild(i));
    }

    public int namedChildCount() {
        return node.getNamedChildCount();
    }

    public SyntaxNode namedChild(int i) {
        return wrap(node.getNamedChild(i));
    }

    public List<SyntaxNode> namedChildren() {
        FileDeadline.check(); // every tree walk passes here: a walk of a huge tree must not outlast the budget
        int n = node.getNamedChildCount();
        List<SyntaxNode> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SyntaxNode c = wrap(node.getNamedChild(i));
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    public List<SyntaxNode> children() {
        FileDeadline.check();
        int n = node.getChildCount();
        List<SyntaxNode> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SyntaxNode c = wrap(node.getChild(i));
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    public SyntaxNode nextNamedSibling() {
        return wrap(node.getNextNamedSibling());
    }

    public SyntaxNode prevNamedSibling() {
        return wrap(node.getPrevNamedSibling());
    }

    /** The nearest ancestor whose type is one of {@code types}, or null. */
    public SyntaxNode ancestor(String... types) {
        for (SyntaxNode p = parent(); p != null; p = p.parent()) {
            for (String t : types) {
                if (t.equals(p.type())) {
                    return p;
                }
            }
        }
        return null;
    }

    /** True when {@code other} lies within this node's bytes. */
    public boolean encloses(SyntaxNode other) {
        return other != null && startByte() <= other.startByte() && other.endByte() <= endByte();
    }

    /**
     * Visits named descendants depth first while {@code descend} allows; a JNI walk, so keep it to small subtrees
     * that a query already pointed at.
     */
    public void walk(Predicate<SyntaxNode> descend, Consumer<SyntaxNode> visit) {
        java.util.ArrayDeque<SyntaxNode> stack = new java.util.ArrayDeque<>();
        stack.push(this);
        while (!stack.isEmpty()) { // iterative: deeply nested code must not overflow the Java stack
            SyntaxNode n = stack.pop();
            visit.accept(n);
            if (descend.test(n)) {
                List<SyntaxNode> kids = n.namedChildren();
                for (int i = kids.size() - 1; i >= 0; i--) {
                    stack.push(kids.get(i));
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyntaxNode other && other.tree == tree && other.startByte() == startByte()
                && other.endByte() == endByte() && other.type().equals(type());
    }

    @Override
    public int hashCode() {
        return Objects.hash(startByte(), endByte());
    }

    @Override
    public String toString() {
        return type() + "@" + line() + ":" + text();
    }
}
