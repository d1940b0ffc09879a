package io.wsmemory.detectors.ws;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw WebSockets in JavaScript and TypeScript: ws servers (v7, v8; CommonJS and ES modules) with their options,
 * upgrade-time authentication and heartbeat; ws, browser and reconnecting clients; and the application protocol
 * carried in its own JSON envelope.
 */
public final class WsDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("ws",
            "ws servers and clients, browser WebSockets and reconnecting wrappers, with their JSON message envelopes",
            Set.of(Language.JAVASCRIPT, Language.TYPESCRIPT, Language.TSX),
            List.of("WebSocket", "'ws'", "\"ws\"", "reconnecting-websocket", "partysocket"));
    private static final Pattern LEGACY_SCRIPT = Pattern.compile(
            "<script[^>]*src=[^>]*reconnecting-websocket(\\.min)?\\.js", Pattern.CASE_INSENSITIVE);

    private final ConcurrentLinkedQueue<WsFindings> findings = new ConcurrentLinkedQueue<>();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        WsFindings f = file.tree() == null ? new WsFindings(file.path())
                : new WsFileScan(file, context.sources()).scan();
        if (file.file().isEmbeddedScript()) {
            scriptTags(file, f);
        }
        if (!f.isEmpty()) {
            findings.add(f);
        }
    }

    /** The vendored reconnecting-websocket script a page loads with a script tag. */
    private static void scriptTags(ParsedFile file, WsFindings f) {
        for (int line = 1; line <= file.file().lineCount(); line++) {
            Matcher m = LEGACY_SCRIPT.matcher(file.file().line(line));
            if (m.find()) {
                f.libraries.add(new WsFindings.LibraryUse("reconnecting-websocket", "client", file.evidence(line)));
                return;
            }
        }
    }

    @Override
    public void finish(RepoContext context) {
        List<WsFindings> all = new ArrayList<>(findings);
        all.sort(Comparator.comparing(f -> f.path));
        new WsFacts(all, context).emit();
    }
}
