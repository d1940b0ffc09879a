package io.wsmemory.core.engine;

/**
 * Counts of a scan, for the one-line summary; not part of the deterministic report. {@code cache} says whether the
 * result came from the cache: {@code hit}, {@code miss} (scanned, then kept), {@code off}.
 */
public record ScanStats(int filesListed, int filesIgnored, int filesRead, int filesParsed, int filesSkipped,
                        int facts, long millis, String cache) {

    public ScanStats(int filesListed, int filesIgnored, int filesRead, int filesParsed, int filesSkipped, int facts,
                     long millis) {
        this(filesListed, filesIgnored, filesRead, filesParsed, filesSkipped, facts, millis, "off");
    }

    public String summary() {
        String s = String.format("%d files listed (%d ignored), %d read, %d parsed, %d skipped; %d facts in %.1f s",
                filesListed, filesIgnored, filesRead, filesParsed, filesSkipped, facts, millis / 1000.0);
        return "off".equals(cache) ? s : s + " (cache " + cache + ")";
    }
}
