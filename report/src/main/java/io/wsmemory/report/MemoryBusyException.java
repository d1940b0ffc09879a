package io.wsmemory.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Another wsmemory is writing the same memory folder, and did not finish within the wait. */
public final class MemoryBusyException extends IOException {
    private static final long serialVersionUID = 1L;

    MemoryBusyException(Path dir, String holder, Duration waited) {
        super("another wsmemory" + (holder == null ? "" : " (" + holder + ")") + " is writing " + dir
                + "; waited " + waited.toSeconds() + " s for it to finish (lock file " + OutputLock.FILE + ")");
    }
}
