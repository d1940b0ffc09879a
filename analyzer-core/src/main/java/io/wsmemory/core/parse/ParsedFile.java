package io.wsmemory.core.parse;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import io.wsmemory.core.source.Language;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.core.source.UnreadableFileException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A source file and its syntax tree, parsed at most once, on first request, and shared by every detector that
 * looks at the file. Files of other languages have no tree; detectors read their text.
 */
public final class ParsedFile {

    private static final ThreadLocal<JavaParser> JAVA = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_22)
                    .setCharacterEncoding(StandardCharsets.UTF_8)));

    private final SourceFile file;
    private final long budgetMillis;
    private SyntaxTree tree;
    private boolean treeDone;
    private RuntimeException treeFailure;
    private CompilationUnit java;
    private boolean javaDone;
    private RuntimeException javaFailure;
    private boolean syntaxErrors;
    private final java.util.Map<Class<?>, Object> attachments = new java.util.HashMap<>();

    public ParsedFile(SourceFile file, long budgetMillis) {
        this.file = file;
        this.budgetMillis = budgetMillis;
    }

    public SourceFile file() {
        return file;
    }

    public String path() {
        return file.path();
    }

    /** The language of the code in the file: TypeScript for a .vue file whose script says {@code lang="ts"}. */
    public Language language() {
        SyntaxTree t = tree();
        return t != null ? t.language() : file.language();
    }

    /**
     * The tree-sitter tree of a JavaScript, TypeScript, Go or Python file; null for other languages and for markup
     * with no script. Throws {@link ParseTimeoutException} when the parse runs out of time.
     */
    public synchronized SyntaxTree tree() {
        if (treeFailure != null) { // the same answer every time: a later reader must not take "no tree" for "no code"
            throw treeFailure;
        }
        if (!treeDone) {
            treeDone = true;
            try {
                tree = parseTree();
            } catch (ParseTimeoutException | UnreadableFileException e) {
                treeFailure = e;
                throw e;
            }
            syntaxErrors = tree != null && tree.hasErrors();
        }
        return tree;
    }

    private SyntaxTree parseTree() {
        if (!TreeSitterParser.supports(file.language())) {
            return null;
        }
        byte[] content = file.content();
        if (file.isEmbeddedScript()) {
            ScriptBlocks blocks = ScriptBlocks.find(content);
            if (blocks.ranges().isEmpty()) {
                return null;
            }
            return TreeSitterParser.parse(blocks.language(), content, blocks.ranges(), budgetMillis);
        }
        return TreeSitterParser.parse(file.language(), content, List.of(), budgetMillis);
    }

    /** The JavaParser AST of a Java file, empty when it is not Java or does not parse at all. */
    public synchronized Optional<CompilationUnit> java() {
        if (javaFailure != null) {
            throw javaFailure;
        }
        if (!javaDone) {
            javaDone = true;
            if (file.language() == Language.JAVA) {
                ParseResult<CompilationUnit> r;
                try {
                    r = JAVA.get().parse(file.text());
                } catch (StackOverflowError e) { // JavaParser descends recursively: 10k nested parentheses overflow it
                    syntaxErrors = true;
                    javaFailure = new UnreadableFileException("nesting too deep for the Java parser");
                    throw javaFailure;
                }
                java = r.getResult().orElse(null);
                syntaxErrors = !r.isSuccessful();
            }
        }
        return Optional.ofNullable(java);
    }

    /**
     * Something derived from this file once and shared by every detector that reads it (an index of its bindings,
     * say); built on first request.
     */
    public synchronized <T> T attachment(Class<T> type, java.util.function.Function<ParsedFile, T> build) {
        Object v = attachments.get(type);
        if (v == null) {
            v = build.apply(this);
            attachments.put(type, v);
        }
        return type.cast(v);
    }

    /** Evidence at a node of this file: its path, its first line and that line's text. */
    public io.wsmemory.core.api.Evidence evidence(SyntaxNode node) {
        return evidence(node.line());
    }

    public io.wsmemory.core.api.Evidence evidence(int line) {
        return new io.wsmemory.core.api.Evidence(file.path(), line, file.line(line));
    }

    /** True when a tree or an AST was built for the file. */
    public synchronized boolean wasParsed() {
        return tree != null || java != null;
    }

    /** True once a parse found syntax errors: the file was read as far as it parsed. */
    public synchronized boolean hasSyntaxErrors() {
        return syntaxErrors;
    }
}
