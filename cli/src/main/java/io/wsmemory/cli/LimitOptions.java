package io.wsmemory.cli;

import io.wsmemory.core.engine.ScanLimits;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The limits of a scan, shared by {@code scan} and {@code check} (a check must rescan under the limits the memory
 * was written with): each file that reaches one is skipped and listed with its reason, and the scan goes on.
 */
public final class LimitOptions {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,18})\\s*([kmg]i?b?|b)?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,15})\\s*(ms|s|m|min)?");

    @Option(names = "--max-file-size", paramLabel = "SIZE",
            description = "Skip source files larger than SIZE unread: bytes, or with k, m, g (binary units),"
                    + " e.g. 512k, 4m (default: 2m). Manifests and lock files may be up to 64m, or SIZE if larger.")
    String maxFileSize;

    @Option(names = "--file-timeout", paramLabel = "TIME",
            description = "Give up a file whose parse, queries and value resolution take longer than TIME: ms, or"
                    + " with ms, s, m, e.g. 500ms, 30s (default: 10s).")
    String fileTimeout;

    @Option(names = "--max-files", paramLabel = "N",
            description = "Scan at most N files, the first in path order; the rest are listed as skipped"
                    + " (default: 500000).")
    Integer maxFiles;

    /** The limits asked for, the defaults for the others. */
    ScanLimits limits() throws UsageException {
        ScanLimits l = ScanLimits.defaults();
        if (maxFileSize != null) {
            l = l.withMaxFileBytes(bytes(maxFileSize));
        }
        if (fileTimeout != null) {
            l = l.withFileTimeoutMillis(millis(fileTimeout));
        }
        if (maxFiles != null) {
            if (maxFiles < 1) {
                throw new UsageException("--max-files must be at least 1, not " + maxFiles);
            }
            l = l.withMaxFiles(maxFiles);
        }
        return l;
    }

    static long bytes(String text) throws UsageException {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException("--max-file-size takes a size such as 512k or 4m, not '" + text + "'");
        }
        String unit = m.group(2) == null ? "b" : m.group(2);
        int shift = switch (unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        long n = Long.parseLong(m.group(1));
        if (n < 1 || n > (Long.MAX_VALUE >> shift)) {
            throw new UsageException("--max-file-size must be between 1 byte and 8 EiB, not '" + text + "'");
        }
        return n << shift;
    }

    static long millis(String text) throws UsageException {
        Matcher m = TIME.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException("--file-timeout takes a time such as 500ms or 30s, not '" + text + "'");
        }
        String unit = m.group(2) == null ? "ms" : m.group(2);
        long factor = switch (unit) {
            case "s" -> 1000;
            case "m", "min" -> 60_000;
            default -> 1;
        };
        long n = Long.parseLong(m.group(1));
        if (n < 1 || n > Long.MAX_VALUE / 1_000_000L / factor) { // the engine counts in nanoseconds
            throw new UsageException("--file-timeout must be at least 1 ms and at most 106 days, not '" + text + "'");
        }
        return n * factor;
    }
}
