package io.wsmemory.cli;

/** An expected error in what the user asked for: reported as one line, exit status {@link ExitCode#USAGE}. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(Messages.oneLine(message));
    }
}
