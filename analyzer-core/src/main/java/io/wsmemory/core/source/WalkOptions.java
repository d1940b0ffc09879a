package io.wsmemory.core.source;

import java.util.Set;

/**
 * Limits of a walk. Source files above {@code maxFileBytes} are skipped; manifests and lock files, which are large
 * in healthy repositories, get {@code maxManifestBytes}.
 */
public record WalkOptions(long maxFileBytes, long maxManifestBytes, Set<String> extraExcludedFolders) {

    public static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024;
    public static final long DEFAULT_MAX_MANIFEST_BYTES = 64L * 1024 * 1024;

    public static WalkOptions defaults() {
        return new WalkOptions(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_MANIFEST_BYTES, Set.of());
    }
}
