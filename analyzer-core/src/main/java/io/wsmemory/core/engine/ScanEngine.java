package io.wsmemory.core.engine;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.FactRule;
import io.wsmemory.core.parse.FileDeadline;
import io.wsmemory.core.parse.FileTimeoutException;
import io.wsmemory.core.cache.AnalyzerIdentity;
import io.wsmemory.core.cache.CachedScan;
import io.wsmemory.core.cache.RepositoryFingerprint;
import io.wsmemory.core.cache.ScanCache;
import io.wsmemory.core.parse.ParseTimeoutException;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.RepoWalker;
import io.wsmemory.core.source.SkippedFile;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.core.source.UnreadableFileException;
import io.wsmemory.core.source.WalkResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scan: walk once, pre-filter on bytes, parse each candidate once, let every interested detector read the same
 * tree, then let detectors finish across files and merge the facts into one sorted list. Files are processed in
 * parallel; the result does not depend on the thread count. A file that cannot be read or makes a detector fail
 * is reported and the scan goes on.
 */
public final class ScanEngine {

    /** {@code -Dwsmemory.profile=true}: files that keep a detector busy for 100 ms or more, on stderr. */
    private static final boolean PROFILE = Boolean.getBoolean("wsmemory.profile");

    private final List<Detector> detectors;
    private final List<FactRule> rules;
    private final ScanOptions options;
    private final ScanCache cache;

    public ScanEngine(List<Detector> detectors, ScanOptions options) {
        this(detectors, Detectors.rules(), options);
    }

    public ScanEngine(List<Detector> detectors, List<FactRule> rules, ScanOptions options) {
        this(detectors, rules, options, ScanCache.NONE);
    }

    private ScanEngine(List<Detector> detectors, List<FactRule> rules, ScanOptions options, ScanCache cache) {
        List<Detector> sorted = new ArrayList<>(detectors);
        sorted.sort(Comparator.comparing(d -> d.descriptor().id()));
        this.detectors = List.copyOf(sorted);
        List<FactRule> sortedRules = new ArrayList<>(rules);
        sortedRules.sort(Comparator.comparing(FactRule::id));
        this.rules = List.copyOf(sortedRules);
        this.options = options;
        this.cache = cache;
    }

    /** The same engine, reusing the result of an earlier scan of an unchanged repository from {@code cache}. */
    public ScanEngine withCache(ScanCache cache) {
        return new ScanEngine(detectors, rules, options, cache);
    }

    public ScanResult scan(Path root) throws IOException {
        return scan(root, ScanProgress.NONE);
    }

    /** A scan that tells {@code progress} how many of the listed files it has processed. */
    public ScanResult scan(Path root, ScanProgress progress) throws IOException {
        long start = System.nanoTime();
        WalkResult walk = new RepoWalker(root, options.walk()).walk();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "wsmemory-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            if (!cache.enabled()) {
                return scan(root, walk, pool, progress, start, "off");
            }
            RepositoryFingerprint fingerprint = RepositoryFingerprint.of(walk,
                    Math.max(options.walk().maxFileBytes(), options.walk().maxManifestBytes()), pool);
            String settings = settings();
            String slot = CacheKeys.slot(root, settings);
            String key = CacheKeys.key(analyzerIdentity(), settings, fingerprint.hash());
            Optional<CachedScan> hit = cache.lookup(slot, key);
            if (hit.isPresent()) {
                return fromCache(root, walk, hit.get(), start);
            }
            long timeouts = ParseTimeoutException.count();
            ScanResult result = scan(root, walk, pool, progress, start, "miss");
            boolean timedOut = ParseTimeoutException.count() != timeouts;
            if (!timedOut && !fingerprint.changedSince()) { // a timeout or an edit during the scan is not kept
                cache.store(slot, key,
                        new CachedScan(result.facts(), result.skipped(), result.partiallyParsed()));
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("scan interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What decides the result besides the files and the analyzer's code: detectors, rules and result-changing options. */
    private String settings() {
        StringBuilder b = new StringBuilder();
        b.append("budget ").append(options.parseBudgetMillis()).append('\n');
        b.append("walk ").append(options.walk().maxFileBytes()).append(' ').append(options.walk().maxManifestBytes())
                .append(' ').append(options.walk().maxFiles())
                .append(' ').append(new java.util.TreeSet<>(options.walk().extraExcludedFolders())).append('\n');
        for (Detector d : detectors) {
            b.append("detector ").append(d.descriptor().id()).append(' ').append(d.getClass().getName()).append('\n');
        }
        for (FactRule r : rules) {
            b.append("rule ").append(r.id()).append(' ').append(r.getClass().getName()).append('\n');
        }
        return b.toString();
    }

    /** The cache's analyzer version and the code of the engine, the detectors and the rules. */
    private String analyzerIdentity() {
        List<Class<?>> code = new ArrayList<>();
        code.add(ScanEngine.class);
        detectors.forEach(d -> code.add(d.getClass()));
        rules.forEach(r -> code.add(r.getClass()));
        return AnalyzerIdentity.of(cache.version(), code);
    }

    private ScanResult fromCache(Path root, WalkResult walk, CachedScan hit, long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        ScanStats stats = new ScanStats(walk.files().size(), walk.ignored(), walk.files().size(), 0,
                hit.skipped().size(), hit.facts().size(), millis, "hit");
        return new ScanResult(root, ProjectNamer.name(root), hit.facts(), hit.skipped(), hit.partiallyParsed(), stats);
    }

    private ScanResult scan(Path root, WalkResult walk, ExecutorService pool, ScanProgress progress, long start,
                            String cacheState) throws IOException {
        int total = walk.files().size();
        AtomicInteger done = new AtomicInteger();
        progress.filesDone(0, total);
        SourceSet sources = new SourceSet(walk.files(), options.parseBudgetMillis());
        ConcurrentLinkedQueue<Fact> facts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<SkippedFile> skipped = new ConcurrentLinkedQueue<>(walk.skipped());
        ConcurrentLinkedQueue<String> partial = new ConcurrentLinkedQueue<>();
        AtomicInteger read = new AtomicInteger();
        AtomicInteger parsed = new AtomicInteger();
        DetectionContext context = new DetectionContext() {
            @Override
            public void emit(Fact fact) {
                facts.add(fact);
            }

            @Override
            public SourceSet sources() {
                return sources;
            }
        };

        try {
            List<Future<?>> work = new ArrayList<>();
            for (SourceFile file : walk.files()) {
                work.add(pool.submit(() -> {
                    // one budget per file, for its parse, its queries and its value resolution
                    try (FileDeadline.Scope budget = FileDeadline.start(options.parseBudgetMillis())) {
                        process(file, sources, context, skipped, partial, read, parsed);
                    } finally {
                        progress.filesDone(done.incrementAndGet(), total);
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scan failed", e.getCause());
        }

        List<Fact> emitted = new ArrayList<>(facts);
        ScanRepoContext repo = new ScanRepoContext(emitted, sources);
        for (Detector d : detectors) {
            try {
                d.finish(repo);
            } catch (RuntimeException | StackOverflowError e) {
                skipped.add(new SkippedFile(".", "detector " + d.descriptor().id() + " failed to finish: " + describe(e)));
            }
        }
        for (FactRule rule : rules) {
            try {
                rule.apply(repo);
            } catch (RuntimeException | StackOverflowError e) {
                skipped.add(new SkippedFile(".", "rule " + rule.id() + " failed: " + describe(e)));
            }
        }
        List<Fact> merged = FactMerger.merge(repo.allFacts());
        List<SkippedFile> skips = new ArrayList<>(skipped);
        skips.sort(Comparator.naturalOrder());
        List<String> partials = new ArrayList<>(partial);
        partials.sort(Comparator.naturalOrder());
        long millis = (System.nanoTime() - start) / 1_000_000;
        ScanStats stats = new ScanStats(walk.files().size(), walk.ignored(), read.get(), parsed.get(), skips.size(),
                merged.size(), millis, cacheState);
        return new ScanResult(root, ProjectNamer.name(root), List.copyOf(merged), List.copyOf(skips),
                List.copyOf(partials), stats);
    }

    private void process(SourceFile file, SourceSet sources, DetectionContext context,
                         ConcurrentLinkedQueue<SkippedFile> skipped, ConcurrentLinkedQueue<String> partial,
                         AtomicInteger read, AtomicInteger parsed) {
        List<Detector> interested = new ArrayList<>();
        for (Detector d : detectors) {
            try {
                if (d.accepts(file)) {
                    interested.add(d);
                }
            } catch (UnreadableFileException e) {
                skipped.add(new SkippedFile(file.path(), e.getMessage()));
                return;
            } catch (RuntimeException | StackOverflowError e) { // one detector's bug costs that detector, not the scan
                skipped.add(new SkippedFile(file.path(),
                        "detector " + d.descriptor().id() + " failed: " + describe(e)));
            }
        }
        if (file.isLoaded()) {
            read.incrementAndGet();
        }
        if (interested.isEmpty()) {
            file.release(); // most files end here; a resolver that follows an import to one reads it again
            return;
        }
        String noise = GeneratedCode.reason(file);
        if (noise != null) {
            skipped.add(new SkippedFile(file.path(), noise));
            return;
        }
        ParsedFile pf = sources.parsed(file);
        try {
            for (Detector d : interested) {
                long t0 = PROFILE ? System.nanoTime() : 0;
                try {
                    d.detect(pf, context);
                    if (PROFILE) {
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        if (ms >= 100) {
                            System.err.printf("wsmemory-profile: %6d ms %-10s %s%n", ms, d.descriptor().id(), file.path());
                        }
                    }
                } catch (ParseTimeoutException | FileTimeoutException | UnreadableFileException e) {
                    skipped.add(new SkippedFile(file.path(), e.getMessage()));
                    return;
                } catch (RuntimeException | StackOverflowError e) {
                    skipped.add(new SkippedFile(file.path(),
                            "detector " + d.descriptor().id() + " failed: " + describe(e)));
                }
            }
        } finally {
            if (pf.wasParsed()) {
                parsed.incrementAndGet();
            }
            if (pf.hasSyntaxErrors()) {
                partial.add(file.path());
            }
            sources.release(file.path());
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "nesting too deep";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
