package io.wsmemory.core.parse;

/** A file whose queries or value resolution ran past the per-file time budget; the file is reported as skipped. */
public final class FileTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FileTimeoutException(long budgetMillis) {
        super("took longer than the per-file time budget of " + budgetMillis + " ms", null, false, false);
        ParseTimeoutException.countTimeout(); // a result with a timeout depends on timing: the cache keeps none
    }
}
