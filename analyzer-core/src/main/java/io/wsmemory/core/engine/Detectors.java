package io.wsmemory.core.engine;

import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.FactRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The detectors on the class path, discovered through {@link ServiceLoader}: fresh instances for each scan. */
public final class Detectors {

    private Detectors() {
    }

    public static List<Detector> load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    /** The fact rules on the class path, in id order. */
    public static List<FactRule> rules() {
        List<FactRule> out = new ArrayList<>();
        ServiceLoader.load(FactRule.class, Thread.currentThread().getContextClassLoader()).forEach(out::add);
        out.sort(Comparator.comparing(FactRule::id));
        return out;
    }

    public static List<Detector> load(ClassLoader loader) {
        List<Detector> out = new ArrayList<>();
        ServiceLoader.load(Detector.class, loader).forEach(out::add);
        out.sort(Comparator.comparing(d -> d.descriptor().id()));
        return out;
    }
}
