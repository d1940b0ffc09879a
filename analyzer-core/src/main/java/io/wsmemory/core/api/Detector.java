package io.wsmemory.core.api;

import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.SourceFile;

/**
 * A detector finds facts about one library or one kind of file. Detectors are discovered with
 * {@link java.util.ServiceLoader}; each scan gets fresh instances, so per-scan state may live in fields, but
 * {@link #detect} runs for several files at once and must be thread-safe.
 */
public interface Detector {

    DetectorDescriptor descriptor();

    /**
     * Cheap: language, path, pre-filter keywords; never parse here. The default takes files of the descriptor's
     * languages that contain one of its keywords.
     */
    default boolean accepts(SourceFile file) {
        DetectorDescriptor d = descriptor();
        return d.languages().contains(file.language()) && file.containsAny(d.keywords());
    }

    /** Reads one accepted file and emits what it proves. */
    void detect(ParsedFile file, DetectionContext context);

    /** Runs once after every file was seen, for facts that span files (defaults need the manifests' versions). */
    default void finish(RepoContext context) {
    }
}
