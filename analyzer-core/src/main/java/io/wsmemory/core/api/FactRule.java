package io.wsmemory.core.api;

/**
 * A rule over the facts of the whole scan (findings such as "several replicas and no adapter"), run after every
 * detector has finished. Discovered with {@link java.util.ServiceLoader}, like detectors; fresh per scan.
 */
public interface FactRule {

    /** A short id such as {@code scaling-findings}. */
    String id();

    void apply(RepoContext context);
}
