package io.wsmemory.detectors.coderws;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.knowledge.LibraryDefaults;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.Language;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.go.GoFindings;
import io.wsmemory.detectors.go.GoShared;
import io.wsmemory.detectors.go.GoWsFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * coder/websocket (formerly nhooyr.io/websocket) servers and clients in Go: Accept options (origin patterns,
 * compression) with the library's version-dependent defaults, read limits, ping and write timeouts, wsjson
 * messages with envelopes and directions, the route and authentication in front of Accept, hub rooms and brokers.
 */
public final class CoderWebSocketDetector implements Detector {

    static final String LIBRARY = "coder/websocket";
    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("coderws",
            "coder/websocket (nhooyr.io/websocket) servers and clients in Go: accept options, limits, timeouts, "
                    + "routes, authentication, wsjson messages, rooms and brokers",
            Set.of(Language.GO), List.of(CoderFileScan.IMPORT, CoderFileScan.LEGACY_IMPORT));
    private static final LibraryDefaults ACCEPT_DEFAULTS =
            LibraryDefaults.load(CoderWebSocketDetector.class, "coderws-defaults.json");
    private static final LibraryDefaults DIAL_DEFAULTS =
            LibraryDefaults.load(CoderWebSocketDetector.class, "coderws-dial-defaults.json");

    private final ConcurrentLinkedQueue<GoFindings> findings = new ConcurrentLinkedQueue<>();
    private final GoShared.Lazy shared = new GoShared.Lazy();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(SourceFile file) {
        return file.language() == Language.GO && !file.path().endsWith("_test.go")
                && file.containsAny(List.of(CoderFileScan.IMPORT, CoderFileScan.LEGACY_IMPORT,
                "github.com/redis/go-redis", "github.com/go-redis/redis", "github.com/gomodule/redigo",
                "github.com/nats-io/nats.go"));
    }

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        GoFindings f = new CoderFileScan(file, shared.get(context.sources())).scan();
        if (!f.isEmpty()) {
            findings.add(f);
        }
    }

    @Override
    public void finish(RepoContext context) {
        List<GoFindings> all = new ArrayList<>(findings);
        all.sort(Comparator.comparing(f -> f.path));
        new GoWsFacts(LIBRARY, all, context, ACCEPT_DEFAULTS, DIAL_DEFAULTS).emit();
    }
}
