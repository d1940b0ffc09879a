package io.wsmemory.core.parse;

import io.wsmemory.core.source.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;

/**
 * A tree-sitter query, the one way detectors match syntax. The same source is compiled once per grammar it meets
 * (a JavaScript query also runs on TypeScript trees). Matching runs natively; the binding applies the text
 * predicates ({@code #eq?}, {@code #match?}, {@code #any-of?}) only when it is given the source text, and fails
 * every predicate without it, so each run hands it over. A query is shared by all threads; each run takes its own
 * cursor.
 */
public final class Query {

    private final String name;
    private final String source;
    private final Map<Language, Compiled> compiled = new EnumMap<>(Language.class);

    private Query(String name, String source) {
        this.name = name;
        this.source = source;
    }

    public static Query of(String name, String source) {
        return new Query(name, source);
    }

    /** A {@code .scm} resource that lies next to {@code anchor}. */
    public static Query load(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new QuerySyntaxException("no query resource " + resource + " next to " + anchor.getName(), null);
            }
            return new Query(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles the query for a grammar now; the catalog test calls this for every language a detector claims. */
    public void compileFor(Language language) {
        compiled(language);
    }

    private synchronized Compiled compiled(Language language) {
        return compiled.computeIfAbsent(language, l -> {
            try {
                return new Compiled(new TSQuery(Grammars.of(l), source));
            } catch (RuntimeException e) {
                throw new QuerySyntaxException("query " + name + " does not compile for " + l + ": " + e.getMessage(), e);
            }
        });
    }

    /** All matches under {@code node}, in the order tree-sitter reports them (by first capture). */
    public List<QueryMatch> matches(SyntaxNode node) {
        SyntaxTree tree = node.tree();
        Compiled c = compiled(tree.language());
        List<QueryMatch> out = new ArrayList<>();
        try (TSQueryCursor cursor = new TSQueryCursor()) {
            // the native search stops when the file's time budget is spent, and then the file is given up
            cursor.execWithOptions(c.query, node.raw(), tree.source(), state -> FileDeadline.passed());
            TSQueryMatch m = new TSQueryMatch();
            while (cursor.nextMatch(m)) {
                FileDeadline.check();
                TSQueryCapture[] caps = m.getCaptures();
                List<String> names = new ArrayList<>(caps.length);
                List<SyntaxNode> nodes = new ArrayList<>(caps.length);
                for (TSQueryCapture cap : caps) {
                    names.add(c.captureNames[cap.getIndex()]);
                    nodes.add(new SyntaxNode(tree, cap.getNode()));
                }
                out.add(new QueryMatch(m.getPatternIndex(), names, nodes));
            }
            FileDeadline.check(); // a cancelled search ends like a finished one: tell them apart
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }

    private static final class Compiled {
        final TSQuery query;
        final String[] captureNames;

        Compiled(TSQuery query) {
            this.query = query;
            this.captureNames = new String[query.getCaptureCount()];
            for (int i = 0; i < captureNames.length; i++) {
                captureNames[i] = query.getCaptureNameForId(i);
            }
        }
    }
}
