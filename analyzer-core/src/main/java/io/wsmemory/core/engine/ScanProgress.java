package io.wsmemory.core.engine;

/**
 * Told how far a scan has come: files processed of the files listed. Called from the scan's worker threads, often;
 * an implementation must be thread-safe and cheap (a front end throttles what it shows).
 */
@FunctionalInterface
public interface ScanProgress {

    /** Tells nothing. */
    ScanProgress NONE = (done, total) -> {
    };

    void filesDone(int done, int total);
}
