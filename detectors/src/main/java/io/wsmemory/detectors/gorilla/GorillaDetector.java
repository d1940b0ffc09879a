package io.wsmemory.detectors.gorilla;

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
 * gorilla/websocket servers and clients in Go: Upgrader and Dialer settings with the library's defaults, the
 * CheckOrigin policy, read limits, pong waits, ping periods and write deadlines, the route and the authentication
 * in front of the upgrade, messages with their envelopes and directions, hub rooms, and Redis or NATS fan-out.
 */
public final class GorillaDetector implements Detector {

    static final String LIBRARY = "gorilla/websocket";
    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("gorilla",
            "gorilla/websocket servers and clients in Go: settings, origins, routes, authentication, messages, rooms "
                    + "and brokers",
            Set.of(Language.GO), List.of(GorillaFileScan.IMPORT, "github.com/redis/go-redis", "github.com/go-redis/redis",
                    "github.com/gomodule/redigo", "github.com/nats-io/nats.go", "CheckOrigin", "EnableCompression",
                    "ReadBufferSize"));
    private static final LibraryDefaults SERVER_DEFAULTS =
            LibraryDefaults.load(GorillaDetector.class, "gorilla-defaults.json");
    private static final LibraryDefaults DIALER_DEFAULTS =
            LibraryDefaults.load(GorillaDetector.class, "gorilla-dialer-defaults.json");

    private final ConcurrentLinkedQueue<GoFindings> findings = new ConcurrentLinkedQueue<>();
    private final GoShared.Lazy shared = new GoShared.Lazy();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(SourceFile file) {
        return file.language() == Language.GO && !file.path().endsWith("_test.go")
                && file.containsAny(DESCRIPTOR.keywords());
    }

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        GoFindings f = new GorillaFileScan(file, shared.get(context.sources())).scan();
        if (!f.isEmpty()) {
            findings.add(f);
        }
    }

    @Override
    public void finish(RepoContext context) {
        List<GoFindings> all = new ArrayList<>(findings);
        all.sort(Comparator.comparing(f -> f.path));
        new GoWsFacts(LIBRARY, all, context, SERVER_DEFAULTS, DIALER_DEFAULTS).emit();
    }
}
