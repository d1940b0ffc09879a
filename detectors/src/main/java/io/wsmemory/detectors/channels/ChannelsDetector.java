package io.wsmemory.detectors.channels;

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
 * Django Channels (2.x to 4.x): websocket routes and what wraps them (origin validators, authentication
 * middleware), consumers with the messages they receive and send, groups, channel-layer messages and the methods
 * they reach, {@code CHANNEL_LAYERS} (channels_redis and the in-memory layer), and the server that runs the
 * application (daphne or uvicorn, from command lines and {@code INSTALLED_APPS}) with its heartbeat.
 */
public final class ChannelsDetector implements Detector {

    private static final List<String> KEYWORDS = List.of("channels", "CHANNEL_LAYERS", "channel_layer",
            "group_send", "group_add", "ProtocolTypeRouter", "websocket_urlpatterns", "URLRouter",
            "WebsocketConsumer", "INSTALLED_APPS", "uvicorn");
    private static final List<String> COMMAND_KEYWORDS = List.of("daphne", "uvicorn", "runserver");
    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("channels",
            "Django Channels routing, consumers, groups, channel layers and the daphne/uvicorn server that runs them",
            Set.of(Language.PYTHON), KEYWORDS);

    private final ConcurrentLinkedQueue<ChannelsFindings> findings = new ConcurrentLinkedQueue<>();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(SourceFile file) {
        if (file.language() == Language.PYTHON) {
            return !isTest(file.path()) && file.containsAny(KEYWORDS);
        }
        return file.language() == Language.OTHER && ServerCommands.mayHold(file.fileName())
                && file.containsAny(COMMAND_KEYWORDS);
    }

    /** Tests exercise the application; they do not define it. */
    static boolean isTest(String path) {
        String p = "/" + path;
        String name = p.substring(p.lastIndexOf('/') + 1);
        return p.contains("/tests/") || p.contains("/test/") || name.startsWith("test_") || name.endsWith("_test.py")
                || name.equals("tests.py") || name.equals("conftest.py");
    }

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        ChannelsFindings f = new ChannelsFileScan(file, context.sources()).scan();
        if (!f.isEmpty()) {
            findings.add(f);
        }
    }

    @Override
    public void finish(RepoContext context) {
        List<ChannelsFindings> all = new ArrayList<>(findings);
        all.sort(Comparator.comparing(f -> f.path));
        new ChannelsFacts(all, context).emit();
    }
}
