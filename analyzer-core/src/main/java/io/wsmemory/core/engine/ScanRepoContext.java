package io.wsmemory.core.engine;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.resolve.SourceSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The facts of the whole scan, handed to detectors when they finish. */
final class ScanRepoContext implements RepoContext {

    private final List<Fact> facts;
    private final SourceSet sources;

    ScanRepoContext(List<Fact> emitted, SourceSet sources) {
        this.facts = new ArrayList<>(emitted);
        this.sources = sources;
    }

    @Override
    public synchronized void emit(Fact fact) {
        facts.add(fact);
    }

    @Override
    public synchronized List<Fact> facts() {
        return Collections.unmodifiableList(new ArrayList<>(facts));
    }

    synchronized List<Fact> allFacts() {
        return new ArrayList<>(facts);
    }

    @Override
    public synchronized Optional<Fact> library(String libraryId, String path) {
        Fact best = null;
        int bestDepth = -1;
        List<Fact> candidates = new ArrayList<>();
        for (Fact f : facts) {
            if (Kinds.LIBRARY.equals(f.kind()) && libraryId.equals(f.key()) && f.primaryEvidence() != null
                    && !"unknown".equals(f.value())) {
                candidates.add(f);
            }
        }
        candidates.sort(Comparator.naturalOrder());
        for (Fact f : candidates) {
            String dir = folderOf(f.primaryEvidence().path());
            boolean above = dir.isEmpty() || path.equals(dir) || path.startsWith(dir + "/");
            int depth = dir.isEmpty() ? 0 : dir.split("/").length;
            if (above && depth > bestDepth) {
                best = f;
                bestDepth = depth;
            }
        }
        if (best == null && !candidates.isEmpty()) {
            best = candidates.get(0);
        }
        return Optional.ofNullable(best);
    }

    @Override
    public SourceSet sources() {
        return sources;
    }

    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
