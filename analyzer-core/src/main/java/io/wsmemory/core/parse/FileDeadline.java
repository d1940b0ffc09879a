package io.wsmemory.core.parse;

/**
 * The time budget of the file this thread is scanning. The engine opens it before a file's detectors run; queries
 * and tree walks check it as they go, so a file that makes a query or a resolver run for long is cut off and
 * reported, instead of holding a scan thread for ever. A thread with no open budget is never cut off.
 */
public final class FileDeadline {

    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();

    private FileDeadline() {
    }

    /** Opens a budget of {@code millis} for this thread until the returned scope is closed. */
    public static Scope start(long millis) {
        Budget previous = CURRENT.get();
        CURRENT.set(new Budget(millis, System.nanoTime() + Math.max(0, millis) * 1_000_000L));
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** True when this thread's file has used up its budget. */
    public static boolean passed() {
        Budget b = CURRENT.get();
        return b != null && System.nanoTime() - b.deadlineNanos() > 0;
    }

    /** Throws {@link FileTimeoutException} when this thread's file has used up its budget. */
    public static void check() {
        Budget b = CURRENT.get();
        if (b != null && System.nanoTime() - b.deadlineNanos() > 0) {
            throw new FileTimeoutException(b.millis());
        }
    }

    /** Closes a budget without a checked exception. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private record Budget(long millis, long deadlineNanos) {
    }
}
