package io.wsmemory.detectors.monitoring;

/**
 * Kinds this package adds to the vocabulary of spec/facts.md. {@code baseline}: a performance baseline from a
 * load-test scenario in the repository (k6, Artillery, Gatling, Locust, websocket-bench, thor). Keys:
 * {@code connections}, {@code vus}, {@code concurrency}, {@code arrival-rate} (per second), {@code spawn-rate}
 * (users per second), {@code duration} (ms), {@code threshold} (the pass/fail condition), {@code scenario};
 * attrs {@code tool}, {@code scenario}, {@code phase}, {@code target}.
 */
public final class MonitoringKinds {

    public static final String BASELINE = "baseline";

    private MonitoringKinds() {
    }
}
