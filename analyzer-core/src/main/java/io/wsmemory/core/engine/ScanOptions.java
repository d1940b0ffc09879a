package io.wsmemory.core.engine;

import io.wsmemory.core.source.WalkOptions;

/**
 * How a scan runs: threads (files are independent), the per-file time budget (parse, queries and value resolution
 * of one file), and the walk's limits.
 */
public record ScanOptions(int threads, long parseBudgetMillis, WalkOptions walk) {

    public static ScanOptions defaults() {
        return new ScanOptions(Math.max(1, Runtime.getRuntime().availableProcessors()),
                ScanLimits.DEFAULT_FILE_TIMEOUT_MILLIS, WalkOptions.defaults());
    }

    public ScanOptions withThreads(int n) {
        return new ScanOptions(Math.max(1, n), parseBudgetMillis, walk);
    }

    /** These options with a user's limits: size cap, per-file time budget, file count. */
    public ScanOptions withLimits(ScanLimits limits) {
        return new ScanOptions(threads, limits.fileTimeoutMillis(),
                walk.withMaxFileBytes(limits.maxFileBytes()).withMaxFiles(limits.maxFiles()));
    }

    public ScanOptions withWalk(WalkOptions w) {
        return new ScanOptions(threads, parseBudgetMillis, w);
    }
}
