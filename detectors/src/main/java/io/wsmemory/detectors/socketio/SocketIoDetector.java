package io.wsmemory.detectors.socketio;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.Language;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Socket.IO servers and clients in JavaScript and TypeScript (v2 to v4, CommonJS and ES modules): settings with the
 * library's defaults for the declared version, handshake authentication, origins, transports, the event inventory
 * with directions and payloads, rooms, namespaces, adapters, sticky sessions and client reconnection.
 */
public final class SocketIoDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("socketio",
            "Socket.IO servers and clients (socket.io, socket.io-client, adapters, @socket.io/sticky) in JavaScript "
                    + "and TypeScript",
            Set.of(Language.JAVASCRIPT, Language.TYPESCRIPT, Language.TSX),
            List.of("socket.io", "socket.on(", "socket.emit(", "socket.join(", "socket.to(", "socket.broadcast",
                    "io.on(", "io.emit(", "io.to(", "io.in(", "io.of(", "io.use(", "ServerToClientEvents",
                    "ClientToServerEvents"));

    private final ConcurrentLinkedQueue<Findings> findings = new ConcurrentLinkedQueue<>();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        Findings f = new SocketIoFileScan(file, context.sources()).scan();
        if (!f.isEmpty()) {
            findings.add(f);
        }
    }

    @Override
    public void finish(RepoContext context) {
        List<Findings> all = new ArrayList<>(findings);
        all.sort(Comparator.comparing(f -> f.path));
        new SocketIoFacts(all, context).emit();
    }
}
