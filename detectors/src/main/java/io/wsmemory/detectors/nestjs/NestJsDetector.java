package io.wsmemory.detectors.nestjs;

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
 * NestJS WebSocket gateways in TypeScript: {@code @WebSocketGateway} options as settings with the defaults of the
 * library underneath (Socket.IO, or ws under {@code WsAdapter}), {@code @SubscribeMessage} handlers with their DTO
 * payloads and class-validator rules, replies and emits (in gateways and in services that inject them), rooms,
 * guards and connection checks, and Redis adapters installed through a custom {@code IoAdapter}.
 */
public final class NestJsDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("nestjs",
            "NestJS WebSocket gateways (@nestjs/websockets on Socket.IO or ws) in TypeScript",
            Set.of(Language.TYPESCRIPT),
            List.of("@nestjs/websockets", "@nestjs/platform-socket.io", "@nestjs/platform-ws", "Gateway",
                    "useWebSocketAdapter", "NestFactory", "switchToWs", "'socket.io'", "\"socket.io\"", "'ws'", "\"ws\""));

    private final ConcurrentLinkedQueue<NestFindings> findings = new ConcurrentLinkedQueue<>();
    private volatile NestTypes types;

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        NestFindings f = new NestFileScan(file, types(context)).scan();
        if (!f.isEmpty()) {
            findings.add(f);
        }
    }

    private NestTypes types(DetectionContext context) {
        NestTypes t = types;
        if (t == null) {
            synchronized (this) {
                if (types == null) {
                    types = new NestTypes(context.sources(), new NestModules(context.sources()));
                }
                t = types;
            }
        }
        return t;
    }

    @Override
    public void finish(RepoContext context) {
        List<NestFindings> all = new ArrayList<>(findings);
        all.sort(Comparator.comparing(f -> f.path));
        new NestFacts(all, context).emit();
    }
}
