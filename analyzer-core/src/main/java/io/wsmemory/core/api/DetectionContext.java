package io.wsmemory.core.api;

import io.wsmemory.core.resolve.SourceSet;

/** What a detector sees while it reads one file. */
public interface DetectionContext extends FactSink {

    /** The other files of the repository, for following imports and constants across files. */
    SourceSet sources();
}
