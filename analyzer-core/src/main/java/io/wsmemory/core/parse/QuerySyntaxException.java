package io.wsmemory.core.parse;

/** A query that does not compile against its grammar: a bug in a detector, caught by the catalog test. */
public final class QuerySyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QuerySyntaxException(String message, Throwable cause) {
        super(message, cause);
    }
}
