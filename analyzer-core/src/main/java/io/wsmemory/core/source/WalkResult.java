package io.wsmemory.core.source;

import java.util.List;

/** The files a walk yields, in path order, and what it could not enter or read. */
public record WalkResult(List<SourceFile> files, List<SkippedFile> skipped, int ignored) {
}
