package io.wsmemory.core.parse;

/** A parse cancelled because it ran past the per-file time budget. */
public final class ParseTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Timeouts so far in this JVM, wherever they were caught: a result that had one depends on timing. */
    private static final java.util.concurrent.atomic.AtomicLong COUNT = new java.util.concurrent.atomic.AtomicLong();

    public ParseTimeoutException(long budgetMillis) {
        super("parse took longer than the per-file time budget of " + budgetMillis + " ms", null, false, false);
        COUNT.incrementAndGet();
    }

    /** How many parses, queries or value resolutions ran out of time in this JVM so far. */
    public static long count() {
        return COUNT.get();
    }

    /** Counts a timeout that is not a parse's ({@link FileTimeoutException}). */
    static void countTimeout() {
        COUNT.incrementAndGet();
    }
}
