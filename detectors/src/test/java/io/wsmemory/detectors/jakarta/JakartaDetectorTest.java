package io.wsmemory.detectors.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.detectors.spring.Scans;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JakartaDetectorTest {

    @Test
    void plainEndpointUnderABootContextPath(@TempDir Path dir) {
        String endpoint = """
                package e;
                import javax.websocket.*;
                import javax.websocket.server.ServerEndpoint;
                @ServerEndpoint("/echo")
                public class Echo {
                    @OnMessage
                    public String echo(String text) {
                        return text;
                    }
                }
                """;
        String exporter = """
                package e;
                import org.springframework.web.socket.server.standard.ServerEndpointExporter;
                class Cfg {
                    ServerEndpointExporter exporter() { return new ServerEndpointExporter(); }
                }
                """;
        assertThat(Scans.lines(Scans.scan(dir, Map.of("src/main/java/e/Echo.java", endpoint,
                "src/main/java/e/Cfg.java", exporter,
                "src/main/resources/application.properties", "server.servlet.context-path=/svc\n"),
                new JakartaDetector()))).containsExactlyInAnyOrder(
                "auth none=none @src/main/java/e/Echo.java:4",
                "library jakarta-websocket=unknown @src/main/java/e/Echo.java:4",
                "origin any= @src/main/java/e/Echo.java:4",
                "serialization text=String @src/main/java/e/Echo.java:7",
                "setting path=/svc/echo @src/main/java/e/Echo.java:4",
                "setting payload.max=8192 @src/main/java/e/Echo.java:4",
                "transport websocket=primary @src/main/java/e/Echo.java:4");
    }

    @Test
    void clientEndpointWithItsUri(@TempDir Path dir) {
        String client = """
                package e;
                import jakarta.websocket.*;
                import java.net.URI;
                @ClientEndpoint
                public class Feed {
                    static final String URL = "wss://feed.example.com/v2/stream";
                    void connect(WebSocketContainer c) throws Exception {
                        c.connectToServer(this, URI.create(URL));
                    }
                }
                """;
        assertThat(Scans.lines(Scans.scan(dir, Map.of("src/e/Feed.java", client), new JakartaDetector())))
                .containsExactlyInAnyOrder("library jakarta-websocket=unknown @src/e/Feed.java:4",
                        "setting path=/v2/stream @src/e/Feed.java:8");
    }

    @Test
    void programmaticEndpoint(@TempDir Path dir) {
        String config = """
                package e;
                import jakarta.websocket.server.ServerApplicationConfig;
                import jakarta.websocket.server.ServerEndpointConfig;
                public class Apps {
                    ServerEndpointConfig echo() {
                        return ServerEndpointConfig.Builder.create(EchoEndpoint.class, "/echo").build();
                    }
                }
                """;
        assertThat(Scans.lines(Scans.scan(dir, Map.of("src/e/Apps.java", config), new JakartaDetector())))
                .contains("setting path=/echo @src/e/Apps.java:6", "library jakarta-websocket=unknown @src/e/Apps.java:6");
    }
}
