package io.wsmemory.cli;

/** What the process exit status of {@code wsmemory} means. */
public enum ExitCode {
    /** Done: the files are written (or the report printed); for {@code check}, the memory matches the code. */
    OK(0),
    /**
     * {@code check}: the committed memory no longer matches the code (a change {@code --fail-on} counts), or a memory
     * file was edited inside a block, lost a block or is missing.
     */
    DRIFT(1),
    /**
     * Usage or input error: unknown option, bad value, missing or unreadable path, unwritable output; for
     * {@code check}, no {@code wsmemory.json} to compare with, or one that cannot be read.
     */
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
