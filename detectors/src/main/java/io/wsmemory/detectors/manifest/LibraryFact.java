package io.wsmemory.detectors.manifest;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.source.SourceFile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the {@code library} fact of one dependency: canonical id, the version (resolved, else as written, else
 * {@code unknown}) and the manifest line that declares it.
 */
final class LibraryFact {

    static final String UNKNOWN = "unknown";

    private final LibraryCatalog.Entry entry;
    private final SourceFile manifest;
    private final int line;
    private String value = UNKNOWN;
    private String snippet;
    private final Map<String, String> attrs = new LinkedHashMap<>();

    LibraryFact(LibraryCatalog.Entry entry, SourceFile manifest, int line) {
        this.entry = entry;
        this.manifest = manifest;
        this.line = Math.max(1, line);
    }

    /** The version to report; blank means unknown. */
    LibraryFact value(String v) {
        this.value = v == null || v.isBlank() ? UNKNOWN : v.strip();
        return this;
    }

    /** What the manifest wrote, kept as {@code range} when it differs from the reported value. */
    LibraryFact declared(String written) {
        if (written != null && !written.isBlank() && !written.strip().equals(value)) {
            attrs.put("range", written.strip());
        }
        return this;
    }

    LibraryFact attr(String name, String v) {
        if (v != null && !v.isEmpty()) {
            attrs.put(name, v);
        }
        return this;
    }

    /** A snippet for lines that are too long to show (minified manifests). */
    LibraryFact fallbackSnippet(String s) {
        this.snippet = s;
        return this;
    }

    Fact build(String language) {
        String text = manifest.line(line).strip();
        String shown = text.length() <= 160 || snippet == null ? text : snippet;
        Fact.Builder b = Fact.of(Kinds.LIBRARY, entry.id())
                .value(value)
                .library(entry.id())
                .source(Source.EXPLICIT)
                .confidence(entry.confidence())
                .evidence(new Evidence(manifest.path(), line, shown))
                .attr("role", entry.role())
                .attr("language", entry.language() != null ? entry.language() : language)
                .attr("manifest", manifest.path());
        attrs.forEach(b::attr);
        return b.build();
    }
}
