package io.wsmemory.detectors.spring;

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
 * Spring WebSocket and STOMP in Java: {@code @EnableWebSocket} handler registrations, {@code @EnableWebSocketMessageBroker}
 * endpoints, simple broker and broker relay, transport limits with their defaults, SockJS, origins, handshake and
 * channel interceptors as auth, container beans, WebFlux handler mappings, {@code @MessageMapping}/{@code @SendTo}
 * controllers and {@code SimpMessagingTemplate} sends as destinations and events with payload fields, raw handlers'
 * JSON envelopes; values resolved through constants and Spring configuration files (all profiles).
 */
public final class SpringDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("spring",
            "Spring WebSocket, STOMP messaging and WebFlux WebSocket handlers in Java",
            Set.of(Language.JAVA),
            List.of("org.springframework.web.socket", "org.springframework.messaging",
                    "org.springframework.web.reactive.socket", "MessageMapping", "SubscribeMapping",
                    "convertAndSend", "ServletServerContainerFactoryBean", "EnableWebSocket", "HandshakeInterceptor",
                    "ChannelInterceptor", "EnableWebSecurity", "SecurityFilterChain", "ChannelTopic",
                    "PatternTopic", "WebSocketStompClient"));

    private final ConcurrentLinkedQueue<SpringFindings> findings = new ConcurrentLinkedQueue<>();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void detect(ParsedFile file, DetectionContext context) {
        SpringFindings f = new SpringFileScan(file, context.sources()).scan();
        if (!f.isEmpty()) {
            findings.add(f);
        }
    }

    @Override
    public void finish(RepoContext context) {
        List<SpringFindings> all = new ArrayList<>(findings);
        all.sort(Comparator.comparing(f -> f.path));
        new SpringFacts(all, context).emit();
    }
}
