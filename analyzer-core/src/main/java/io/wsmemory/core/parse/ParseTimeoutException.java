package io.wsmemory.core.parse;

/** A parse cancelled because it ran past the per-file time budget. */
public final class ParseTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ParseTimeoutException(long budgetMillis) {
        super("parse took longer than the per-file time budget of " + budgetMillis + " ms", null, false, false);
    }
}
