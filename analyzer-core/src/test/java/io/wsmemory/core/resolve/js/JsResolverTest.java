package io.wsmemory.core.resolve.js;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsResolverTest {

    /** The argument of every {@code probe(...)} call: the expressions under test. */
    private static final Query PROBES = Query.of("probes",
            "(call_expression function: (identifier) @f (#eq? @f \"probe\") arguments: (arguments (_) @arg))");

    private static List<JsValue> probe(String mainPath, String... files) {
        List<SourceFile> sources = new ArrayList<>();
        for (int i = 0; i < files.length; i += 2) {
            sources.add(SourceFile.ofContent(files[i], files[i + 1]));
        }
        SourceSet set = new SourceSet(sources, 5_000);
        ParsedFile main = set.parsed(set.file(mainPath).orElseThrow());
        JsResolver r = new JsResolver(main, set);
        List<JsValue> out = new ArrayList<>();
        for (var m : PROBES.matches(main.tree().root())) {
            SyntaxNode arg = m.node("arg");
            out.add(r.resolve(arg));
        }
        return out;
    }

    private static List<String> texts(List<JsValue> vs) {
        return vs.stream().map(JsValue::text).toList();
    }

    @Test
    void literalsAndArithmetic() {
        List<JsValue> v = probe("a.js", "a.js", """
                probe(30 * 1000); probe(1e6); probe(0x10); probe(1_000); probe(-5); probe(2 ** 10);
                probe("s"); probe(`t`); probe(true); probe(null); probe(60 * 60 * 1000); probe(0.5);
                probe(Math.pow(10, 3) * (30 + 2));
                """);
        assertThat(texts(v)).containsExactly("30000", "1000000", "16", "1000", "-5", "1024", "s", "t", "true",
                "null", "3600000", "0.5", "32000");
        assertThat(v.get(0).source()).isEqualTo(Source.EXPLICIT);
    }

    @Test
    void constantsInScopeAndTemplates() {
        List<JsValue> v = probe("a.ts", "a.ts", """
                const PING_MS: number = 30 * 1000;
                const PREFIX = "room";
                function f(id: string) {
                  const PING_MS = 5;
                  probe(PING_MS);
                  probe(`${PREFIX}:x`);
                  probe(id);
                }
                probe(PING_MS as number);
                """);
        assertThat(texts(v)).containsExactly("5", "room:x", null, "30000");
        assertThat(v.get(3).via()).extracting(e -> e.line()).containsExactly(1);
    }

    @Test
    void environmentWithFallbacks() {
        List<JsValue> v = probe("a.js", "a.js", """
                const port = process.env.PORT || 3000;
                probe(port);
                probe(process.env.CORS_ORIGIN ?? "*");
                probe(Number(process.env.PING) || 25000);
                probe(process.env.SECRET);
                probe(parseInt(process.env.X, 10) || 1e3);
                """);
        assertThat(v).allMatch(x -> x.is(JsValue.Kind.ENV));
        assertThat(v).extracting(JsValue::variable).containsExactly("PORT", "CORS_ORIGIN", "PING", "SECRET", "X");
        assertThat(texts(v)).containsExactly("3000", "*", "25000", "", "1000");
        assertThat(v.get(0).source()).isEqualTo(Source.ENV);
    }

    @Test
    void objectsArraysAndSpreads() {
        List<JsValue> v = probe("a.js", "a.js", """
                const base = { ping: 1000, nested: { t: 2 } };
                const opts = { ...base, transports: ["websocket", "polling"], ["k" + 1]: 7 };
                probe(opts.ping); probe(opts.nested.t); probe(opts.transports); probe(opts["k1"]);
                probe(opts.transports[1]); probe(opts.missing);
                """);
        assertThat(texts(v)).containsExactly("1000", "2", "websocket,polling", "7", "polling", null);
    }

    @Test
    void constantsImportedFromOtherFiles() {
        List<JsValue> v = probe("src/server.ts",
                "src/server.ts", """
                        import { PING_INTERVAL, limits } from "./config";
                        import cfg from "./config";
                        import * as all from "./config";
                        const { TIMEOUT } = require("../shared/timeouts");
                        const t = require("../shared/timeouts");
                        probe(PING_INTERVAL); probe(limits.payload); probe(cfg.name); probe(all.PING_INTERVAL);
                        probe(TIMEOUT); probe(t.TIMEOUT); probe(t.OTHER);
                        """,
                "src/config.ts", """
                        export const PING_INTERVAL = 25 * 1000;
                        const limits = { payload: 1e6 };
                        export { limits };
                        export default { name: "svc" };
                        """,
                "shared/timeouts.js", """
                        const TIMEOUT = 20000;
                        module.exports = { TIMEOUT, OTHER: TIMEOUT / 2 };
                        """);
        assertThat(texts(v)).containsExactly("25000", "1000000", "svc", "25000", "20000", "20000", "10000");
        assertThat(v.get(0).via()).extracting(e -> e.path()).contains("src/config.ts");
    }

    @Test
    void unknownRatherThanAGuess() {
        List<JsValue> v = probe("a.js", "a.js", """
                const a = b; const b = a;
                probe(a); probe(cond ? 1 : 2); probe(compute()); probe(require("lodash").x);
                """);
        assertThat(v).noneMatch(JsValue::isLiteral);
    }

    @Test
    void importsBehindExpressions() {
        SourceSet set = new SourceSet(List.of(SourceFile.ofContent("a.js", """
                const sio = require("socket.io");
                import { Server as S } from "socket.io";
                import * as ns from "@socket.io/redis-adapter";
                const { createAdapter } = require("@socket.io/redis-adapter");
                const Alias = S;
                """)), 5_000);
        ParsedFile f = set.parsed(set.file("a.js").orElseThrow());
        JsResolver r = new JsResolver(f, set);
        assertThat(r.jsFile().importOf("S").imported()).isEqualTo("Server");
        assertThat(r.jsFile().importOf("sio").imported()).isEqualTo("*");
        assertThat(r.jsFile().importOf("createAdapter").source()).isEqualTo("@socket.io/redis-adapter");
        assertThat(r.jsFile().importsModule("socket.io")).isTrue();
        assertThat(r.jsFile().importOf("ns").imported()).isEqualTo("*");
    }
}
