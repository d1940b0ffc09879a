package io.wsmemory.core.engine;

/** Counts of a scan, for the one-line summary; not part of the deterministic report. */
public record ScanStats(int filesListed, int filesIgnored, int filesRead, int filesParsed, int filesSkipped,
                        int facts, long millis) {

    public String summary() {
        return String.format("%d files listed (%d ignored), %d read, %d parsed, %d skipped; %d facts in %.1f s",
                filesListed, filesIgnored, filesRead, filesParsed, filesSkipped, facts, millis / 1000.0);
    }
}
