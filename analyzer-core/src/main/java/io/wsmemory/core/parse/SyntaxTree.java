package io.wsmemory.core.parse;

import io.wsmemory.core.source.Language;
import java.nio.charset.StandardCharsets;
import org.treesitter.TSNode;
import org.treesitter.TSTree;

/** A tree-sitter tree with the bytes it was parsed from; nodes read their text from here, not through JNI. */
public final class SyntaxTree {

    private final TSTree tree;
    private final byte[] content;
    private final Language language;
    private String source;

    SyntaxTree(TSTree tree, byte[] content, Language language) {
        this.tree = tree;
        this.content = content;
        this.language = language;
    }

    public SyntaxNode root() {
        return new SyntaxNode(this, tree.getRootNode());
    }

    /** The grammar the tree was parsed with: TypeScript for a {@code <script lang="ts">} block of a .vue file. */
    public Language language() {
        return language;
    }

    public boolean hasErrors() {
        return tree.getRootNode().hasError();
    }

    String text(TSNode node) {
        int from = Math.max(0, node.getStartByte());
        int to = Math.min(content.length, node.getEndByte());
        return to <= from ? "" : new String(content, from, to - from, StandardCharsets.UTF_8);
    }

    /** The whole text, for the query cursor's predicates; decoded once per tree. */
    synchronized String source() {
        if (source == null) {
            source = new String(content, StandardCharsets.UTF_8);
        }
        return source;
    }

    byte[] content() {
        return content;
    }
}
