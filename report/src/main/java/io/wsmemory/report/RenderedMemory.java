package io.wsmemory.report;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The three memory files of a fresh scan: file name to full content, sorted by name ({@code connection_patterns.md},
 * {@code message_schemas.md}, {@code scaling_config.md}). The {@code wsmemory.json} snapshot is not among them.
 */
public record RenderedMemory(Map<String, String> files) {

    public RenderedMemory {
        SortedMap<String, String> sorted = new TreeMap<>(files);
        files = Collections.unmodifiableSortedMap(sorted);
    }

    /** The content of one file, or null when there is no such file. */
    public String file(String name) {
        return files.get(name);
    }
}
