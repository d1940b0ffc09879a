package io.wsmemory.core.engine;

import io.wsmemory.core.source.WalkOptions;

/** How a scan runs: threads (files are independent), the per-file parse budget, and the walk's limits. */
public record ScanOptions(int threads, long parseBudgetMillis, WalkOptions walk) {

    public static ScanOptions defaults() {
        return new ScanOptions(Math.max(1, Runtime.getRuntime().availableProcessors()), 10_000, WalkOptions.defaults());
    }

    public ScanOptions withThreads(int n) {
        return new ScanOptions(Math.max(1, n), parseBudgetMillis, walk);
    }
}
