package io.wsmemory.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.wsmemory.core.engine.ScanResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the memory files of a scan: the one render path that {@code scan}, {@code check} and the golden tests
 * share. Pure: same facts, same bytes, {@code \n} line ends, no timestamps.
 */
public final class Memory {

    public static final String CONNECTION_PATTERNS = "connection_patterns.md";
    public static final String MESSAGE_SCHEMAS = "message_schemas.md";
    public static final String SCALING_CONFIG = "scaling_config.md";
    /** The fact snapshot written beside the three files; not part of {@link RenderedMemory}. */
    public static final String SNAPSHOT = "wsmemory.json";

    /** The three Markdown files, in name order. */
    public static final List<String> FILES = List.of(CONNECTION_PATTERNS, MESSAGE_SCHEMAS, SCALING_CONFIG);

    private static final String TEMPLATES = "io/wsmemory/report/templates/";
    private static final Map<String, Mustache> COMPILED = compile();

    private Memory() {
    }

    /** The three files of a fresh scan, rendered from its facts alone; no existing file is read or merged. */
    public static RenderedMemory render(ScanResult result) {
        return render(MemoryModel.from(result));
    }

    /** The three files for a model; {@link #render(ScanResult)} for a scan. */
    public static RenderedMemory render(MemoryModel model) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(CONNECTION_PATTERNS, run(CONNECTION_PATTERNS, model.connectionPatterns()));
        files.put(MESSAGE_SCHEMAS, run(MESSAGE_SCHEMAS, model.messageSchemas()));
        files.put(SCALING_CONFIG, run(SCALING_CONFIG, model.scalingConfig()));
        return new RenderedMemory(files);
    }

    private static String run(String file, Object context) {
        StringWriter out = new StringWriter();
        COMPILED.get(file).execute(out, context);
        return ManagedBlocks.seal(out.toString().replace("\r\n", "\n"));
    }

    private static Map<String, Mustache> compile() {
        DefaultMustacheFactory factory = new DefaultMustacheFactory(TEMPLATES) {
            @Override
            public void encode(String value, Writer writer) { // Markdown, not HTML: values are made safe by Format
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        Map<String, Mustache> m = new LinkedHashMap<>();
        for (String file : FILES) {
            m.put(file, factory.compile(file.replace(".md", ".mustache")));
        }
        return Map.copyOf(m);
    }
}
