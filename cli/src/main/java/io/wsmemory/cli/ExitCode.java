package io.wsmemory.cli;

/** What the process exit status of {@code wsmemory} means. */
public enum ExitCode {
    /** Done: the files are written (or the JSON printed). */
    OK(0),
    /** Reserved for {@code wsmemory check}: the committed memory no longer matches the code. */
    DRIFT(1),
    /** Usage or input error: unknown option, bad value, missing or unreadable path, unwritable output. */
    USAGE(2),
    /** Files written, but blocks edited by hand were kept as they were; {@code --force} overwrites them. */
    KEPT_EDITS(3),
    /** wsmemory itself failed: a bug. The message says what; {@code --verbose} adds the stack trace. */
    INTERNAL(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
