package io.wsmemory.core.engine;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.source.SkippedFile;
import java.nio.file.Path;
import java.util.List;

/**
 * What a scan found: the facts sorted, the files it could not read and why, the files read only as far as they
 * parsed, and the project's name as its manifests give it.
 */
public record ScanResult(Path root, String projectName, List<Fact> facts, List<SkippedFile> skipped,
                         List<String> partiallyParsed, ScanStats stats) {
}
