package io.wsmemory.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the process writes to: progress only when stderr is a terminal, colour only when the stream it colours is a
 * terminal and neither {@code NO_COLOR} nor {@code TERM=dumb} says otherwise. Tests use {@link #NONE}.
 */
record Terminal(boolean stdoutTty, boolean stderrTty, boolean colourAllowed) {

    /** Not a terminal: no progress, no colour. */
    static final Terminal NONE = new Terminal(false, false, false);

    static Terminal detect() {
        String term = System.getenv("TERM");
        boolean dumb = "dumb".equals(term);
        String noColor = System.getenv("NO_COLOR");
        boolean colour = !dumb && (noColor == null || noColor.isEmpty());
        return new Terminal(!dumb && isTty(1), !dumb && isTty(2), colour);
    }

    boolean colourOut() {
        return stdoutTty && colourAllowed;
    }

    boolean progress() {
        return stderrTty;
    }

    /**
     * Whether a file descriptor is a terminal. Linux tells through /proc; elsewhere {@code System.console()} (a
     * terminal on standard input and output) is the best guess Java 17 offers.
     */
    private static boolean isTty(int fd) {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd));
            String t = target.toString();
            return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty") || t.equals("/dev/console");
        } catch (Exception e) {
            return System.console() != null;
        }
    }
}
