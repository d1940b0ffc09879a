package io.wsmemory.core.source;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A file or folder the scan did not read, and why; the scan goes on without it. */
@JsonPropertyOrder({"path", "reason"})
public record SkippedFile(String path, String reason) implements Comparable<SkippedFile> {
    @Override
    public int compareTo(SkippedFile o) {
        int c = path.compareTo(o.path);
        return c != 0 ? c : reason.compareTo(o.reason);
    }
}
