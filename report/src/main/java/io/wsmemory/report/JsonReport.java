package io.wsmemory.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.engine.ScanResult;
import io.wsmemory.core.source.SkippedFile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON report, the public contract of {@code --format json} and the {@code wsmemory.json} snapshot:
 * <pre>
 * {"schemaVersion":1,"project":{"name":...,"folder":...},"facts":[...],"skipped":[{"path","reason"}],
 *  "partiallyParsed":[...]}
 * </pre>
 * pretty-printed with two spaces, {@code \n} line ends and a final newline; facts in {@link Fact#ORDER} with their
 * fields in the record's order. Deterministic: no times, no absolute paths.
 */
public final class JsonReport {

    public static final int SCHEMA_VERSION = 1;

    static final ObjectWriter WRITER = writer();

    private JsonReport() {
    }

    @JsonPropertyOrder({"schemaVersion", "project", "facts", "skipped", "partiallyParsed"})
    record Report(int schemaVersion, Project project, List<Fact> facts, List<SkippedFile> skipped,
                  List<String> partiallyParsed) {
    }

    @JsonPropertyOrder({"name", "folder"})
    record Project(String name, String folder) {
    }

    /** Writes the report of a scan; the writer is flushed, not closed. */
    public static void write(ScanResult result, Writer out) throws IOException {
        WRITER.writeValue(out, report(result));
        out.write("\n");
        out.flush();
    }

    /** The report of a scan as a string. */
    public static String toJson(ScanResult result) {
        StringWriter w = new StringWriter();
        try {
            write(result, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static Report report(ScanResult result) {
        List<Fact> facts = new ArrayList<>(result.facts());
        facts.sort(Fact.ORDER);
        String root = result.root() == null ? null : result.root().toAbsolutePath().normalize().toString();
        List<SkippedFile> skipped = new ArrayList<>();
        for (SkippedFile s : result.skipped()) {
            skipped.add(new SkippedFile(relative(s.path(), root), relative(s.reason(), root)));
        }
        skipped.sort(null);
        List<String> partial = new ArrayList<>(result.partiallyParsed());
        partial.sort(null);
        String name = result.projectName() == null ? ProjectNames.FALLBACK : result.projectName();
        return new Report(SCHEMA_VERSION, new Project(name, ProjectNames.safe(name)), facts, skipped, partial);
    }

    /** An exception message may name the scanned root; the report names paths relative to it. */
    private static String relative(String text, String root) {
        if (text == null || root == null || root.length() <= 1) {
            return text;
        }
        return text.replace(root + "/", "").replace(root, ".");
    }

    private static ObjectWriter writer() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        ObjectMapper mapper = new ObjectMapper()
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return mapper.writer(printer);
    }
}
