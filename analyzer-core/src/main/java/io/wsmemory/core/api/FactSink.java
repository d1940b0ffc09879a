package io.wsmemory.core.api;

/** Where detectors put what they found. */
public interface FactSink {
    void emit(Fact fact);
}
