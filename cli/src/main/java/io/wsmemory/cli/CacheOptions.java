package io.wsmemory.cli;

import io.wsmemory.core.cache.ScanCache;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --cache DIR} and {@code --no-cache}, shared by scan and check. The default folder is the user's cache
 * ({@code $XDG_CACHE_HOME/wsmemory}, else {@code ~/.cache/wsmemory}), never the scanned repository: check writes
 * nothing there, and the memory folder is committed.
 */
final class CacheOptions {

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Reuse the result of an unchanged repository from DIR (default: $XDG_CACHE_HOME/wsmemory, else ~/.cache/wsmemory).")
    Path dir;

    @Option(names = "--no-cache", description = "Scan every file, and keep nothing for the next run.")
    boolean off;

    void validate() throws UsageException {
        if (off && dir != null) {
            throw new UsageException("--cache and --no-cache do not go together");
        }
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("not a directory: " + dir);
        }
    }

    /** The cache these options ask for, given the environment; {@link ScanCache#NONE} when off or nowhere to go. */
    ScanCache cache(Map<String, String> env) {
        if (off) {
            return ScanCache.NONE;
        }
        Path where = dir != null ? dir : defaultDir(env);
        return where == null ? ScanCache.NONE : ScanCache.in(where, VersionProvider.version());
    }

    static Path defaultDir(Map<String, String> env) {
        try {
            String xdg = env.get("XDG_CACHE_HOME");
            if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
                return Path.of(xdg, "wsmemory");
            }
            String home = System.getProperty("user.home");
            return home == null || home.isBlank() || "?".equals(home) ? null : Path.of(home, ".cache", "wsmemory");
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
