package io.wsmemory.core.source;

/** A file the scan wanted but cannot use (too large, binary, unreadable); its message is the skip reason. */
public final class UnreadableFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnreadableFileException(String reason) {
        super(reason, null, false, false);
    }
}
