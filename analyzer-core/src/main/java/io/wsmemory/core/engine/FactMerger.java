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
 * all its evidence, a library seen only through an import yields to the version a manifest declares, and what only
 * test code shows (fake events, throwaway servers) is left out; libraries used by tests and load-test baselines,
 * which live with the tests, are kept.
 */
final class FactMerger {

    /** A fact the application shows is pointed at the application, not at the tests that also show it. */
    private static Fact withoutTestEvidence(Fact f) {
        List<io.wsmemory.core.api.Evidence> kept = new ArrayList<>();
        for (var e : f.evidence()) {
            if (!TestCode.isTest(e.path())) {
                kept.add(e);
            }
        }
        if (kept.size() == f.evidence().size()) {
            return f;
        }
        return new Fact(f.kind(), f.key(), f.value(), f.unit(), f.library(), f.source(), f.confidence(), kept, f.attrs());
    }

    private static boolean onlyInTests(Fact f) {
        if (f.evidence().isEmpty()) {
            return false;
        }
        for (var e : f.evidence()) {
            if (!TestCode.isTest(e.path())) {
                return false;
            }
        }
        return true;
    }

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
            boolean testsCount = Kinds.LIBRARY.equals(f.kind()) || Kinds.BASELINE.equals(f.kind());
            if (!testsCount && onlyInTests(f)) {
                continue; // a test's fake events and throwaway servers are not the application's protocol
            }
            out.add(testsCount ? f : withoutTestEvidence(f));
        }
        out.sort(Fact.ORDER);
        return out;
    }
}
