package io.wsmemory.core.api;

import io.wsmemory.core.resolve.SourceSet;
import java.util.List;
import java.util.Optional;

/** What a detector sees in {@link Detector#finish}: the facts of the whole scan so far. */
public interface RepoContext extends FactSink {

    /** Every fact emitted while files were read, in no particular order. */
    List<Fact> facts();

    /**
     * The declared version of a library for a file: the library fact of the nearest manifest above the file that
     * declares it, else of any manifest in the repository.
     */
    Optional<Fact> library(String libraryId, String path);

    SourceSet sources();
}
