package io.wsmemory.core.cache;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.source.SkippedFile;
import java.util.List;

/** What a scan found, as the cache keeps it: the merged facts, the skipped files and those read only in part. */
public record CachedScan(List<Fact> facts, List<SkippedFile> skipped, List<String> partiallyParsed) {
    public CachedScan {
        facts = List.copyOf(facts);
        skipped = List.copyOf(skipped);
        partiallyParsed = List.copyOf(partiallyParsed);
    }
}
