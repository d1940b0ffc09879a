package io.wsmemory.core.parse;

import io.wsmemory.core.source.Language;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSParser;
import org.treesitter.TSPoint;
import org.treesitter.TSRange;
import org.treesitter.TSTree;

/**
 * Parses bytes with tree-sitter. One native parser per thread and language (sharing one between threads aborts the
 * JVM); bytes go through the reader path, which parses form feeds and vertical tabs correctly where
 * {@code parseString} does not. A parse that runs past its time budget is cancelled.
 */
public final class TreeSitterParser {

    private static final ThreadLocal<Map<Language, TSParser>> PARSERS =
            ThreadLocal.withInitial(() -> new EnumMap<>(Language.class));

    private TreeSitterParser() {
    }

    public static boolean supports(Language language) {
        return Grammars.supports(language);
    }

    /**
     * Parses {@code content}; with {@code ranges} only those byte ranges (script blocks of a .vue file) are code.
     *
     * @throws ParseTimeoutException when the parse takes longer than {@code budgetMillis}
     */
    public static SyntaxTree parse(Language language, byte[] content, List<ByteRange> ranges, long budgetMillis) {
        TSParser parser = PARSERS.get().computeIfAbsent(language, l -> {
            TSParser p = new TSParser();
            if (!p.setLanguage(Grammars.of(l))) {
                throw new IllegalStateException("tree-sitter grammar ABI mismatch for " + l);
            }
            return p;
        });
        boolean ranged = ranges != null && !ranges.isEmpty();
        if (ranged) {
            parser.setIncludedRanges(toTsRanges(content, ranges));
        }
        long deadline = System.nanoTime() + budgetMillis * 1_000_000L;
        try {
            TSTree tree = parser.parseWithOptions(new byte[64 * 1024], null, (buf, offset, point) -> {
                if (offset >= content.length) {
                    return 0;
                }
                int n = Math.min(buf.length, content.length - offset);
                System.arraycopy(content, offset, buf, 0, n);
                return n;
            }, TSInputEncoding.TSInputEncodingUTF8, state -> System.nanoTime() > deadline);
            if (tree == null) {
                parser.reset();
                throw new ParseTimeoutException(budgetMillis);
            }
            return new SyntaxTree(tree, content, language);
        } finally {
            if (ranged) {
                parser.setIncludedRanges(new TSRange[0]);
            }
        }
    }

    private static TSRange[] toTsRanges(byte[] content, List<ByteRange> ranges) {
        TSRange[] out = new TSRange[ranges.size()];
        for (int i = 0; i < out.length; i++) {
            ByteRange r = ranges.get(i);
            out[i] = new TSRange(point(content, r.start()), point(content, r.end()), r.start(), r.end());
        }
        return out;
    }

    private static TSPoint point(byte[] content, int offset) {
        int row = 0;
        int lineStart = 0;
        for (int i = 0; i < offset && i < content.length; i++) {
            if (content[i] == '\n') {
                row++;
                lineStart = i + 1;
            }
        }
        return new TSPoint(row, offset - lineStart);
    }

    /** A half-open byte range of a file. */
    public record ByteRange(int start, int end) {
    }
}
