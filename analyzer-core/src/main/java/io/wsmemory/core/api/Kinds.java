package io.wsmemory.core.api;

/** The fact kinds of spec/facts.md; kinds are plain strings in the JSON contract. */
public final class Kinds {
    public static final String LIBRARY = "library";
    public static final String SETTING = "setting";
    public static final String AUTH = "auth";
    public static final String ORIGIN = "origin";
    public static final String RECONNECT = "reconnect";
    public static final String TRANSPORT = "transport";
    public static final String CLIENT_TYPE = "client-type";
    public static final String EVENT = "event";
    public static final String ENVELOPE = "envelope";
    public static final String SERIALIZATION = "serialization";
    public static final String ROOM = "room";
    public static final String NAMESPACE = "namespace";
    public static final String DESTINATION = "destination";
    public static final String ADAPTER = "adapter";
    public static final String BROKER = "broker";
    public static final String STICKY = "sticky";
    public static final String CAPACITY = "capacity";
    public static final String HEALTH = "health";
    public static final String METRIC = "metric";
    public static final String ALERT = "alert";
    public static final String FINDING = "finding";
    /**
     * Not in the table of spec/facts.md: a performance baseline from a load-test scenario (k6, Artillery, Gatling,
     * Locust): key {@code connections}, {@code vus}, {@code arrival-rate}, {@code duration}, {@code threshold}...
     * Kept apart from {@code capacity}, which is what runs in production.
     */
    public static final String BASELINE = "baseline";

    private Kinds() {
    }
}
