package io.wsmemory.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmemory.core.source.Language;
import io.wsmemory.core.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTest {

    private static final Query EMITS = Query.of("emits", """
            (call_expression
              function: (member_expression property: (property_identifier) @method (#eq? @method "emit"))
              arguments: (arguments . (string (string_fragment) @event))) @call
            """);

    private static SyntaxTree parse(String path, String code) {
        return new ParsedFile(SourceFile.ofContent(path, code), 5_000).tree();
    }

    @Test
    void appliesTextPredicatesThatTheNativeCursorIgnores() {
        SyntaxTree tree = parse("a.js", "s.on('a', f);\ns.emit('b', 1);\nio.emit(\"c\");\n");
        List<QueryMatch> ms = EMITS.matches(tree.root());
        assertThat(ms).extracting(m -> m.text("event")).containsExactly("b", "c");
        assertThat(ms.get(1).node("call").line()).isEqualTo(3);
    }

    @Test
    void oneQueryRunsOnJavaScriptAndTypeScriptTrees() {
        SyntaxTree ts = parse("a.ts", "const x: number = 1;\nsocket.emit('typed', x as number);\n");
        assertThat(ts.language()).isEqualTo(Language.TYPESCRIPT);
        assertThat(EMITS.matches(ts.root())).extracting(m -> m.text("event")).containsExactly("typed");
        SyntaxTree tsx = parse("a.tsx", "const C = () => <div onClick={() => socket.emit('clicked')} />;\n");
        assertThat(EMITS.matches(tsx.root())).extracting(m -> m.text("event")).containsExactly("clicked");
    }

    @Test
    void readsScriptBlocksOfSingleFileComponentsAtTheirOwnLines() {
        String vue = "<template>\n  <div>{{ x }}</div>\n</template>\n<script lang=\"ts\">\nconst n: number = 2;\n"
                + "socket.emit('from-vue', n);\n</script>\n<style>.a { color: red }</style>\n";
        SyntaxTree tree = parse("App.vue", vue);
        assertThat(tree.language()).isEqualTo(Language.TYPESCRIPT);
        List<QueryMatch> ms = EMITS.matches(tree.root());
        assertThat(ms).extracting(m -> m.text("event")).containsExactly("from-vue");
        assertThat(ms.get(0).node("call").line()).isEqualTo(6);
    }

    @Test
    void formFeedsDoNotBreakTheParse() {
        SyntaxTree tree = parse("ff.js", "a();\n\f\ns.emit('after-ff');\n");
        assertThat(tree.hasErrors()).isFalse();
        assertThat(EMITS.matches(tree.root())).hasSize(1);
    }

    @Test
    void aQueryThatDoesNotFitTheGrammarSaysSo() {
        Query bad = Query.of("bad", "(no_such_node) @x");
        SyntaxTree tree = parse("a.js", "x;");
        assertThatThrownBy(() -> bad.matches(tree.root())).isInstanceOf(QuerySyntaxException.class)
                .hasMessageContaining("bad");
    }

    @Test
    void aParseThatRunsOutOfTimeIsCancelled() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            big.append("f(").append(i).append(", [1, 2, {a: 3}]);\n");
        }
        assertThatThrownBy(() -> new ParsedFile(SourceFile.ofContent("big.js", big.toString()), 1).tree())
                .isInstanceOf(ParseTimeoutException.class);
    }
}
