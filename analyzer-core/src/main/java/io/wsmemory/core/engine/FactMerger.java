package io.wsmemory.core.engine;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds the raw facts of a scan into the report's list: the same fact seen in several places becomes one fact with
 * all its evidence, and a library seen only through an import yields to the version a manifest declares.
 */
final class FactMerger {

    private FactMerger() {
    }

    static List<Fact> merge(List<Fact> raw) {
        Map<String, Fact> byIdentity = new LinkedHashMap<>();
        for (Fact f : raw) {
            byIdentity.merge(f.identity(), f, Fact::mergedWith);
        }
        Set<String> declared = new HashSet<>();
        for (Fact f : byIdentity.values()) {
            if (Kinds.LIBRARY.equals(f.kind()) && !"unknown".equals(f.value())) {
                declared.add(f.key());
            }
        }
        List<Fact> out = new ArrayList<>();
        for (Fact f : byIdentity.values()) {
            if (Kinds.LIBRARY.equals(f.kind()) && "unknown".equals(f.value()) && declared.contains(f.key())) {
                continue;
            }
            out.add(f);
        }
        out.sort(Fact.ORDER);
        return out;
    }
}
