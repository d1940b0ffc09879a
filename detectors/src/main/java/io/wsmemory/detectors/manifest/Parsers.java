package io.wsmemory.detectors.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import javax.xml.stream.XMLInputFactory;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Parsers for manifests and lock files, configured for untrusted input: no external entities or DTDs in XML,
 * alias and size limits in YAML, depth limits everywhere.
 */
final class Parsers {

    /** Lock files may be as large as the walker admits manifests (64 MiB). */
    private static final int MAX_DOCUMENT_CHARS = 96 * 1024 * 1024;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(200)
            .maxStringLength(1024 * 1024)
            .maxNumberLength(100)
            .build();

    static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(CONSTRAINTS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    static final ObjectMapper JSON_MAPPER = new ObjectMapper(JSON);

    static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(CONSTRAINTS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    static final ObjectMapper YAML_MAPPER = new ObjectMapper(YAML);

    static final TomlMapper TOML_MAPPER = new TomlMapper(TomlFactory.builder()
            .streamReadConstraints(CONSTRAINTS)
            .build());

    private Parsers() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(20);
        o.setAllowRecursiveKeys(false);
        o.setNestingDepthLimit(100);
        o.setCodePointLimit(MAX_DOCUMENT_CHARS);
        o.setAllowDuplicateKeys(true);
        return o;
    }

    /** A StAX factory that never resolves external entities or reads a DTD (XXE-safe). */
    static XMLInputFactory xml() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory(); // the JDK's own, whatever else is on the class path
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }
}
