package io.wsmemory.detectors.js;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.js.JsFile.Import;
import io.wsmemory.core.resolve.js.JsResolver;
import io.wsmemory.core.resolve.js.JsValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads options objects of library calls into plain {@link JsOption}s with dotted keys ({@code cors.origin}). */
public final class JsOptions {

    private JsOptions() {
    }

    /** Every property of an options object, nested objects flattened two levels deep. */
    public static Map<String, JsOption> read(JsResolver resolver, ParsedFile file, JsValue obj) {
        Map<String, JsOption> into = new LinkedHashMap<>();
        read(resolver, file, obj, "", into, 0);
        return into;
    }

    private static void read(JsResolver resolver, ParsedFile file, JsValue obj, String prefix,
                             Map<String, JsOption> into, int depth) {
        for (Map.Entry<String, JsValue.Member> e : obj.properties().entrySet()) {
            String key = prefix + e.getKey();
            JsValue v = e.getValue().value();
            SyntaxNode at = e.getValue().keyNode();
            into.put(key, of(resolver, file, v, at != null && at.tree() == null ? null : at));
            if (v.is(JsValue.Kind.OBJECT) && depth < 2) {
                read(resolver, file, v, key + ".", into, depth + 1);
            }
        }
    }

    /** One value: the text facts print, with the option's place first and the definitions behind it after. */
    public static JsOption of(JsResolver resolver, ParsedFile file, JsValue v, SyntaxNode at) {
        List<Evidence> ev = new ArrayList<>();
        ev.add(at == null ? file.evidence(1) : evidenceOf(file, at));
        ev.addAll(v.via());
        JsValue eff = v.effective();
        List<String> items = null;
        String text;
        if (eff.is(JsValue.Kind.ARRAY)) {
            items = new ArrayList<>();
            for (JsValue i : eff.items()) {
                items.add(i.isLiteral() ? i.text() : null);
            }
            text = eff.text();
        } else if (eff.is(JsValue.Kind.FUNCTION)) {
            text = "<function>";
        } else if (eff.is(JsValue.Kind.OBJECT)) {
            text = "<object>";
        } else if (eff.is(JsValue.Kind.UNKNOWN)) {
            text = null;
        } else if (eff.is(JsValue.Kind.NUMBER) && Double.isInfinite(eff.number())) {
            text = "unlimited";
        } else if (eff.is(JsValue.Kind.ENV)) {
            text = "";
        } else {
            text = eff.text();
        }
        if (text == null && v.node() != null) {
            Optional<Import> imp = resolver.importBehind(v.node());
            if (imp.isPresent()) {
                text = imp.get().source(); // parser: require("socket.io-msgpack-parser")
            }
        }
        return new JsOption(text, items, v.source(), v.confidence(), v.variable(), ev, eff.isLiteral());
    }

    /** Evidence at a node of {@code file}, or at its line in another file when the node lives there. */
    private static Evidence evidenceOf(ParsedFile file, SyntaxNode at) {
        return file.evidence(at);
    }
}
