package io.wsmemory.report;

/**
 * A part of a memory file a rescan did not rewrite because a human changed it: a managed block edited by hand, or,
 * when {@code block} is null, the whole file (not UTF-8, or not a regular file). {@code --force} overwrites it.
 */
public record KeptBlock(String file, String block, String reason) {

    /** {@code connection_patterns.md#connection.settings}, or the file name alone for a whole file. */
    public String where() {
        return block == null ? file : file + "#" + block;
    }

    @Override
    public String toString() {
        return where() + " (" + reason + ")";
    }
}
