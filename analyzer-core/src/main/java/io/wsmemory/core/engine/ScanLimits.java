package io.wsmemory.core.engine;

import io.wsmemory.core.source.WalkOptions;

/**
 * The limits a user can set on a scan of a repository nobody vetted: the size above which a source file is skipped
 * unread, the time one file may take (parse, queries, value resolution) before it is given up, and the number of
 * files scanned. Every limit reached is reported as a skipped file with its reason; the scan goes on.
 */
public record ScanLimits(long maxFileBytes, long fileTimeoutMillis, int maxFiles) {

    public static final long DEFAULT_FILE_TIMEOUT_MILLIS = 10_000;

    public ScanLimits {
        if (maxFileBytes < 1 || fileTimeoutMillis < 1 || maxFiles < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxFileBytes + " bytes, "
                    + fileTimeoutMillis + " ms, " + maxFiles + " files");
        }
    }

    public static ScanLimits defaults() {
        return new ScanLimits(WalkOptions.DEFAULT_MAX_FILE_BYTES, DEFAULT_FILE_TIMEOUT_MILLIS,
                WalkOptions.DEFAULT_MAX_FILES);
    }

    public ScanLimits withMaxFileBytes(long bytes) {
        return new ScanLimits(bytes, fileTimeoutMillis, maxFiles);
    }

    public ScanLimits withFileTimeoutMillis(long millis) {
        return new ScanLimits(maxFileBytes, millis, maxFiles);
    }

    public ScanLimits withMaxFiles(int files) {
        return new ScanLimits(maxFileBytes, fileTimeoutMillis, files);
    }
}
