package io.wsmemory.detectors.nettysocketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.detectors.spring.Scans;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NettySocketIoDetectorTest {

    @Test
    void bareServerGetsTheLibraryDefaults(@TempDir Path dir) {
        String server = """
                package s;
                import com.corundumstudio.socketio.*;
                public class Main {
                    public static void main(String[] args) {
                        Configuration config = new Configuration();
                        config.setHostname("0.0.0.0");
                        config.setContext("/rt");
                        SocketIOServer server = new SocketIOServer(config);
                        server.addEventListener("ping-me", String.class, (c, d, a) -> c.sendEvent("pong-you", d));
                        server.start();
                    }
                }
                """;
        assertThat(Scans.lines(Scans.scan(dir, Map.of("src/s/Main.java", server), new NettySocketIoDetector())))
                .containsExactlyInAnyOrder(
                        "auth none=none @src/s/Main.java:8",
                        "event ping-me=in @src/s/Main.java:9",
                        "event pong-you=out @src/s/Main.java:9",
                        "library netty-socketio=unknown @src/s/Main.java:8",
                        "origin any= @src/s/Main.java:5",
                        "serialization json=Jackson (netty-socketio JsonSupport) @src/s/Main.java:8",
                        "setting compression=true @src/s/Main.java:5",
                        "setting http.maxContent=65536 @src/s/Main.java:5",
                        "setting path=/rt @src/s/Main.java:7",
                        "setting payload.max=65536 @src/s/Main.java:5",
                        "setting ping.interval=25000 @src/s/Main.java:5",
                        "setting ping.timeout=60000 @src/s/Main.java:5",
                        "setting upgrade.timeout=10000 @src/s/Main.java:5",
                        "transport polling=fallback @src/s/Main.java:5",
                        "transport websocket=primary @src/s/Main.java:5");
    }
}
