package io.wsmemory.core.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** How sure a detector is: a literal at a known API is high, one level of indirection medium, a heuristic low. */
public enum Confidence {
    LOW, MEDIUM, HIGH;

    @JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public Confidence min(Confidence other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
