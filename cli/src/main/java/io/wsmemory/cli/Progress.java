package io.wsmemory.cli;

import io.wsmemory.core.engine.ScanProgress;
import java.io.PrintWriter;

/**
 * {@code wsmemory: scanning 1200/4800 files} on stderr, rewritten in place, for scans that take a while: shown
 * only on a terminal, first after half a second, at most ten times a second, and wiped when the scan ends.
 */
final class Progress implements ScanProgress, AutoCloseable {

    private static final long DELAY_NANOS = 500_000_000L;
    private static final long PERIOD_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean on;
    private final long start = System.nanoTime();
    private long last;
    private boolean shown;

    Progress(PrintWriter err, boolean on) {
        this.err = err;
        this.on = on;
    }

    @Override
    public void filesDone(int done, int total) {
        if (!on) {
            return;
        }
        long now = System.nanoTime();
        synchronized (this) {
            if (now - start < DELAY_NANOS || (shown && now - last < PERIOD_NANOS)) {
                return;
            }
            last = now;
            shown = true;
            err.print("\rwsmemory: scanning " + done + "/" + total + " files");
            err.flush();
        }
    }

    /** Wipes the progress line, so the next line starts clean. */
    @Override
    public synchronized void close() {
        if (shown) {
            err.print("\r\u001b[K");
            err.flush();
            shown = false;
        }
    }
}
