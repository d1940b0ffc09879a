package io.wsmemory.detectors.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.Language;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpringDetectorTest {

    private static final String CONFIG = """
            package app;

            import org.springframework.context.annotation.Configuration;
            import org.springframework.messaging.simp.config.MessageBrokerRegistry;
            import org.springframework.web.socket.config.annotation.*;

            @Configuration
            @EnableWebSocketMessageBroker
            public class WsConfig implements WebSocketMessageBrokerConfigurer {
                @Override
                public void configureMessageBroker(MessageBrokerRegistry config) {
                    config.enableSimpleBroker("/topic");
                    config.setApplicationDestinationPrefixes("/app");
                }

                @Override
                public void registerStompEndpoints(StompEndpointRegistry registry) {
                    registry.addEndpoint("/hello-ws");
                }
            }
            """;
    private static final String CONTROLLER = """
            package app;

            import org.springframework.messaging.handler.annotation.MessageMapping;
            import org.springframework.messaging.handler.annotation.SendTo;
            import org.springframework.stereotype.Controller;

            @Controller
            public class Greeter {
                @MessageMapping("/hello")
                @SendTo("/topic/greetings")
                public Greeting greet(Hello hello) {
                    return new Greeting("hi " + hello.name());
                }
            }
            """;

    @Test
    void minimalStompApplicationGivesExactlyItsFacts(@TempDir Path dir) {
        List<Fact> facts = Scans.scan(dir, Map.of(
                "src/main/java/app/WsConfig.java", CONFIG,
                "src/main/java/app/Greeter.java", CONTROLLER,
                "src/main/java/app/Hello.java", "package app;\npublic record Hello(String name) {}\n",
                "src/main/java/app/Greeting.java", "package app;\npublic record Greeting(String content) {}\n"),
                new SpringDetector());
        String cfg = "src/main/java/app/WsConfig.java:";
        String ctl = "src/main/java/app/Greeter.java:";
        assertThat(Scans.lines(facts)).containsExactlyInAnyOrder(
                "auth none=none @" + cfg + "18",
                "destination /app=app @" + cfg + "13",
                "destination /app/hello=app @" + ctl + "9",
                "destination /topic=broker @" + cfg + "12",
                "destination /topic/greetings=broker @" + ctl + "10",
                "event /app/hello=in @" + ctl + "9",
                "event /topic/greetings=out @" + ctl + "10",
                "library spring-stomp=unknown @" + cfg + "8",
                "library spring-websocket=unknown @" + cfg + "8",
                "origin same-origin= @" + cfg + "18",
                "serialization json=Jackson (Spring messaging default converter) @" + cfg + "8",
                "setting heartbeat.incoming=0 @" + cfg + "12",
                "setting heartbeat.outgoing=0 @" + cfg + "12",
                "setting path=/hello-ws @" + cfg + "18",
                "setting payload.max=65536 @" + cfg + "8",
                "setting send.bufferLimit=524288 @" + cfg + "8",
                "setting send.timeLimit=10000 @" + cfg + "8",
                "transport websocket=primary @" + cfg + "18");
        Fact in = facts.stream().filter(f -> f.key().equals("/app/hello") && f.kind().equals(Kinds.EVENT))
                .findFirst().orElseThrow();
        assertThat(in.attr("payload")).isEqualTo("name:String");
    }

    /** A library fact such as a manifest reader emits. */
    private static final class FakeManifest implements Detector {
        @Override
        public DetectorDescriptor descriptor() {
            return new DetectorDescriptor("fake-manifest", "test", Set.of(), List.of("spring-boot-starter"));
        }

        @Override
        public boolean accepts(io.wsmemory.core.source.SourceFile file) {
            return file.fileName().equals("pom.xml");
        }

        @Override
        public void detect(ParsedFile file, DetectionContext context) {
            context.emit(Fact.of(Kinds.LIBRARY, "spring-websocket").value("3.2.4").library("spring-websocket")
                    .evidence(Evidence.at(file.path(), 3)).attr("role", "server").build());
        }
    }

    @Test
    void stompTakesTheVersionOfTheDeclaredSpringWebSocket(@TempDir Path dir) {
        List<Fact> facts = Scans.scan(dir, Map.of(
                "pom.xml", "<project>\n<!-- spring-boot-starter -->\n<artifactId>spring-boot-starter-websocket</artifactId>\n</project>\n",
                "src/main/java/app/WsConfig.java", CONFIG), new SpringDetector(), new FakeManifest());
        assertThat(Scans.lines(facts)).contains("library spring-stomp=3.2.4 @src/main/java/app/WsConfig.java:8",
                "library spring-websocket=3.2.4 @pom.xml:3")
                .doesNotContain("library spring-websocket=unknown @src/main/java/app/WsConfig.java:8");
    }

    @Test
    void redisPublishingBesideStompIsABrokerButARedisCacheIsNot(@TempDir Path dir) {
        String relay = """
                package app;
                import org.springframework.data.redis.core.StringRedisTemplate;
                import org.springframework.data.redis.listener.ChannelTopic;
                import org.springframework.messaging.simp.SimpMessagingTemplate;
                public class Fanout {
                    private final StringRedisTemplate redis;
                    private final SimpMessagingTemplate template;
                    Fanout(StringRedisTemplate redis, SimpMessagingTemplate template) {
                        this.redis = redis;
                        this.template = template;
                    }
                    void publish(String room, String text) {
                        redis.convertAndSend("chat:" + room, text);
                        redis.opsForValue().set("last", text);
                    }
                    void deliver(String room, String text) {
                        template.convertAndSend("/topic/rooms/" + room, text);
                    }
                    ChannelTopic topic() {
                        return new ChannelTopic("chat:lobby");
                    }
                }
                """;
        List<Fact> facts = Scans.scan(dir, Map.of("src/main/java/app/WsConfig.java", CONFIG,
                "src/main/java/app/Fanout.java", relay), new SpringDetector());
        Fact broker = facts.stream().filter(f -> f.kind().equals(Kinds.BROKER)).findFirst().orElseThrow();
        assertThat(broker.key()).isEqualTo("redis");
        assertThat(broker.attr("channels")).isEqualTo("chat:{room},chat:lobby");
        assertThat(Scans.lines(facts)).contains("event /topic/rooms/{room}=out @src/main/java/app/Fanout.java:17",
                "destination /topic/rooms/{room}=broker @src/main/java/app/Fanout.java:17");
    }

    @Test
    void aDisabledWebSocketTransportLeavesOnlySockJs(@TempDir Path dir) {
        String raw = """
                package app;
                import org.springframework.web.socket.config.annotation.*;
                @EnableWebSocket
                public class Raw implements WebSocketConfigurer {
                    public void registerWebSocketHandlers(WebSocketHandlerRegistry r) {
                        r.addHandler(new EchoHandler(), "/echo")
                         .withSockJS()
                         .setWebSocketEnabled(false);
                    }
                }
                """;
        List<Fact> facts = Scans.scan(dir, Map.of("src/main/java/app/Raw.java", raw), new SpringDetector());
        assertThat(Scans.lines(facts)).contains("transport sockjs=fallback @src/main/java/app/Raw.java:7",
                "setting payload.max=8192 @src/main/java/app/Raw.java:6")
                .noneMatch(l -> l.startsWith("transport websocket"));
    }

    @Test
    void testSourcesOnlyContributeTheJavaStompClient(@TempDir Path dir) {
        String test = """
                package app;
                import org.springframework.messaging.simp.stomp.StompSession;
                import org.springframework.web.socket.messaging.WebSocketStompClient;
                class ClientIT {
                    void run(StompSession session) {
                        WebSocketStompClient client = new WebSocketStompClient(null);
                        session.send("/app/other", "x");
                    }
                }
                """;
        List<Fact> facts = Scans.scan(dir, Map.of("src/main/java/app/WsConfig.java", CONFIG,
                "src/test/java/app/ClientIT.java", test), new SpringDetector());
        assertThat(Scans.lines(facts)).contains("library spring-stomp=unknown @src/test/java/app/ClientIT.java:6")
                .noneMatch(l -> l.contains("/app/other"));
    }

    @Test
    void antPatternsOfSecurityRules() {
        assertThat(SpringFacts.antMatches("/ws/**", "/ws")).isTrue();
        assertThat(SpringFacts.antMatches("/ws/**", "/ws/info")).isTrue();
        assertThat(SpringFacts.antMatches("/ws/**", "/wsx")).isFalse();
        assertThat(SpringFacts.antMatches("/**", "/anything/at/all")).isTrue();
        assertThat(SpringFacts.antMatches("/api/*", "/api/chat")).isTrue();
        assertThat(SpringFacts.antMatches("/api/*", "/api/chat/x")).isFalse();
        assertThat(SpringFacts.antMatches("/gs-guide-websocket", "/gs-guide-websocket")).isTrue();
    }

    @Test
    void anEndpointSpringSecurityPermitsIsUnauthenticated(@TempDir Path dir) {
        String security = """
                package app;
                import org.springframework.context.annotation.Bean;
                import org.springframework.security.web.SecurityFilterChain;
                class Sec {
                    @Bean
                    SecurityFilterChain chain(HttpSecurity http) throws Exception {
                        http.authorizeHttpRequests(a -> a.requestMatchers("/hello-ws/**").permitAll()
                                .anyRequest().authenticated()).addFilterBefore(new JwtFilter(), null);
                        return http.build();
                    }
                }
                """;
        List<Fact> facts = Scans.scan(dir, Map.of("src/main/java/app/WsConfig.java", CONFIG,
                "src/main/java/app/Sec.java", security), new SpringDetector());
        assertThat(Scans.lines(facts)).contains("auth none=none @src/main/java/app/WsConfig.java:18")
                .noneMatch(l -> l.startsWith("auth jwt"));
    }

    @Test
    void webFluxHandlerMappingWithAnEnvelope(@TempDir Path dir) {
        String config = """
                package app;
                import java.util.Map;
                import org.springframework.context.annotation.Bean;
                import org.springframework.web.reactive.HandlerMapping;
                import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
                import org.springframework.web.reactive.socket.WebSocketHandler;
                class Routes {
                    @Bean
                    HandlerMapping ws(QuoteHandler quotes) {
                        return new SimpleUrlHandlerMapping(Map.of("/quotes", quotes), -1);
                    }
                }
                """;
        String handler = """
                package app;
                import com.fasterxml.jackson.databind.ObjectMapper;
                import org.springframework.web.reactive.socket.WebSocketHandler;
                import org.springframework.web.reactive.socket.WebSocketSession;
                import reactor.core.publisher.Mono;
                class QuoteHandler implements WebSocketHandler {
                    private final ObjectMapper mapper = new ObjectMapper();
                    public Mono<Void> handle(WebSocketSession session) {
                        return session.receive().map(m -> read(m.getPayloadAsText())).then();
                    }
                    private Object read(String text) {
                        Command c = mapper.readValue(text, Command.class);
                        if ("subscribe".equals(c.action())) {
                            return null;
                        }
                        return null;
                    }
                    record Command(String action, String symbol) {}
                }
                """;
        List<String> lines = Scans.lines(Scans.scan(dir, Map.of("src/app/Routes.java", config,
                "src/app/QuoteHandler.java", handler), new SpringDetector()));
        assertThat(lines).contains("library spring-webflux=unknown @src/app/Routes.java:10",
                "setting path=/quotes @src/app/Routes.java:10", "origin any= @src/app/Routes.java:10",
                "transport websocket=primary @src/app/Routes.java:10", "event subscribe=in @src/app/QuoteHandler.java:13",
                "envelope action=discriminator @src/app/QuoteHandler.java:13",
                "serialization json=Jackson ObjectMapper in QuoteHandler @src/app/QuoteHandler.java:12",
                "auth none=none @src/app/Routes.java:10");
    }

    @Test
    void rsocketRoutesAreNotStompDestinations(@TempDir Path dir) {
        String rsocket = """
                package app;
                import io.rsocket.metadata.WellKnownMimeType;
                import org.springframework.messaging.handler.annotation.MessageMapping;
                import org.springframework.stereotype.Controller;
                @Controller
                class Prices {
                    @MessageMapping("prices.stream")
                    Flux<Price> stream(String symbol) { return null; }
                }
                """;
        assertThat(Scans.scan(dir, Map.of("src/app/Prices.java", rsocket), new SpringDetector())).isEmpty();
    }
}
