package io.wsmemory.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link MemoryWriter#write} did in {@code outDir}: the files it wrote and those already up to date (names, in
 * order), the blocks it kept because they were edited by hand, the blocks it dropped because they are no longer
 * generated, and markers in the existing files that did not pair up (left as text).
 */
public record WriteReport(Path outDir, List<String> written, List<String> unchanged, List<KeptBlock> kept,
                          List<String> removed, List<String> warnings) {

    public WriteReport {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        kept = List.copyOf(kept);
        removed = List.copyOf(removed);
        warnings = List.copyOf(warnings);
    }

    /** Whether some generated content was not written because a human had edited its place. */
    public boolean keptEdits() {
        return !kept.isEmpty();
    }
}
