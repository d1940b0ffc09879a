package io.wsmemory.detectors.pysocketio;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.Language;
import io.wsmemory.core.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Socket.IO in Python: python-socketio servers and clients and Flask-SocketIO. Settings with python-engineio's
 * defaults for the declared version, origins, transports, connect-handler authentication, events with directions
 * and payloads (pydantic-validated ones with their rules), rooms, namespaces, client managers (adapters) and the
 * endpoint's path.
 */
public final class PySocketIoDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("pysocketio",
            "python-socketio and Flask-SocketIO servers and clients, events, rooms, namespaces and client managers",
            Set.of(Language.PYTHON),
            List.of("socketio", "SocketIO", "sio.", "join_room", "enter_room"));

    private final ConcurrentLinkedQueue<PySioFindings> findings = new ConcurrentLinkedQueue<>();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(SourceFile file) {
        return file.language() == Language.PYTHON && !isTest(file.path())
                && file.containsAny(DESCRIPTOR.keywords());
    }

    static boolean isTest(String path) {
        String p = "/" + path;
        String name = p.substring(p.lastIndexOf('/') + 1);
        return p.contains("/tests/") || p.contains("/test/") || name.startsWith("test_") || name.endsWith("_test.py")
                || name.equals("tests.py") || name.equals("conftest.py");
    }

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        PySioFindings f = new PySocketIoFileScan(file, context.sources()).scan();
        if (!f.isEmpty()) {
            findings.add(f);
        }
    }

    @Override
    public void finish(RepoContext context) {
        List<PySioFindings> all = new ArrayList<>(findings);
        all.sort(Comparator.comparing(f -> f.path));
        new PySocketIoFacts(all, context).emit();
    }
}
