package io.wsmemory.core.parse;

import io.wsmemory.core.parse.TreeSitterParser.ByteRange;
import io.wsmemory.core.source.Language;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code <script>} blocks of a .vue, .svelte or HTML file: their byte ranges and the language they are in. */
record ScriptBlocks(Language language, List<ByteRange> ranges) {

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script\\s*>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern LANG_TS = Pattern.compile("\\blang\\s*=\\s*[\"']?(ts|typescript|tsx)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_CODE = Pattern.compile(
            "\\btype\\s*=\\s*[\"']?(text/(template|x-template|html|markdown)|application/(ld\\+)?json|importmap)",
            Pattern.CASE_INSENSITIVE);

    static ScriptBlocks find(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1); // one char per byte: indices are offsets
        Matcher m = SCRIPT.matcher(text);
        List<ByteRange> ranges = new ArrayList<>();
        Language language = Language.JAVASCRIPT;
        while (m.find()) {
            String attrs = m.group(1);
            if (NOT_CODE.matcher(attrs).find() || m.end(2) <= m.start(2)) {
                continue;
            }
            if (LANG_TS.matcher(attrs.toLowerCase(Locale.ROOT)).find()) {
                language = Language.TYPESCRIPT;
            }
            ranges.add(new ByteRange(m.start(2), m.end(2)));
        }
        return new ScriptBlocks(language, List.copyOf(ranges));
    }
}
