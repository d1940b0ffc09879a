package io.wsmemory.core.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a fact's value became known (spec/facts.md). */
public enum Source {
    EXPLICIT, DEFAULT, ENV, INFERRED;

    @JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
