package io.wsmemory.core.source;

import java.util.Set;

/**
 * Limits of a walk. Source files above {@code maxFileBytes} are skipped; manifests and lock files, which are large
 * in healthy repositories, get {@code maxManifestBytes}. At most {@code maxFiles} files are scanned: the first in
 * path order, so the choice does not depend on the file system; the others are reported as skipped.
 */
public record WalkOptions(long maxFileBytes, long maxManifestBytes, int maxFiles, Set<String> extraExcludedFolders) {

    public static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024;
    public static final long DEFAULT_MAX_MANIFEST_BYTES = 64L * 1024 * 1024;
    /** Far above a large monorepo's source files (after ignore rules), low enough to bound memory and time. */
    public static final int DEFAULT_MAX_FILES = 500_000;

    public WalkOptions {
        extraExcludedFolders = Set.copyOf(extraExcludedFolders);
    }

    /** The default file count limit. */
    public WalkOptions(long maxFileBytes, long maxManifestBytes, Set<String> extraExcludedFolders) {
        this(maxFileBytes, maxManifestBytes, DEFAULT_MAX_FILES, extraExcludedFolders);
    }

    public static WalkOptions defaults() {
        return new WalkOptions(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_MANIFEST_BYTES, DEFAULT_MAX_FILES, Set.of());
    }

    /** The same limits with another size cap for source files (manifests keep theirs unless it is lower). */
    public WalkOptions withMaxFileBytes(long bytes) {
        return new WalkOptions(bytes, Math.max(bytes, maxManifestBytes), maxFiles, extraExcludedFolders);
    }

    public WalkOptions withMaxFiles(int files) {
        return new WalkOptions(maxFileBytes, maxManifestBytes, files, extraExcludedFolders);
    }

    public WalkOptions withExtraExcludedFolders(Set<String> folders) {
        return new WalkOptions(maxFileBytes, maxManifestBytes, maxFiles, folders);
    }
}
