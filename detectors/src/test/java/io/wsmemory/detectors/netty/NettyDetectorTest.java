package io.wsmemory.detectors.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Fact;
import io.wsmemory.detectors.spring.Scans;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NettyDetectorTest {

    private static String pipeline(String handler) {
        return """
                package p;
                import io.netty.channel.*;
                import io.netty.handler.codec.http.*;
                import io.netty.handler.codec.http.websocketx.*;
                public class Init extends ChannelInitializer<Channel> {
                    static final long TIMEOUT = 3000L;
                    static final int FRAME = 256 * 1024;
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpObjectAggregator(65536));
                        ch.pipeline().addLast(%s);
                    }
                }
                """.formatted(handler);
    }

    private static List<String> settings(Path dir, String handler) {
        List<Fact> facts = Scans.scan(dir, Map.of("src/p/Init.java", pipeline(handler)), new NettyDetector());
        return Scans.lines(facts).stream().filter(l -> l.startsWith("setting ")).sorted().toList();
    }

    @Test
    void pathOnlyTakesEveryDefault(@TempDir Path dir) {
        assertThat(settings(dir, "new WebSocketServerProtocolHandler(\"/ws\")")).containsExactly(
                "setting handshake.timeout=10000 @src/p/Init.java:10",
                "setting path=/ws @src/p/Init.java:10",
                "setting payload.max=65536 @src/p/Init.java:10");
    }

    @Test
    void aLongAfterThePathIsTheHandshakeTimeout(@TempDir Path dir) {
        assertThat(settings(dir, "new WebSocketServerProtocolHandler(\"/ws\", TIMEOUT)")).contains(
                "setting handshake.timeout=3000 @src/p/Init.java:10");
    }

    @Test
    void anIntInFourthPlaceIsTheFrameLimitAndALongTheTimeout(@TempDir Path dir) {
        assertThat(settings(dir, "new WebSocketServerProtocolHandler(\"/ws\", \"v1\", true, FRAME)")).contains(
                "setting payload.max=262144 @src/p/Init.java:10", "setting handshake.timeout=10000 @src/p/Init.java:10");
        assertThat(settings(dir, "new WebSocketServerProtocolHandler(\"/ws\", \"v1\", true, 5000L)")).contains(
                "setting payload.max=65536 @src/p/Init.java:10", "setting handshake.timeout=5000 @src/p/Init.java:10");
    }

    @Test
    void eightArgumentsNameEverything(@TempDir Path dir) {
        assertThat(settings(dir,
                "new WebSocketServerProtocolHandler(\"/chat\", null, false, 1 << 16, false, true, true, 15_000L)"))
                .contains("setting path=/chat @src/p/Init.java:10", "setting payload.max=65536 @src/p/Init.java:10",
                        "setting handshake.timeout=15000 @src/p/Init.java:10");
    }

    @Test
    void decoderConfigAndHandshakerFactory(@TempDir Path dir) {
        String factory = """
                package p;
                import io.netty.handler.codec.http.websocketx.*;
                class H {
                    void up(FullHttpRequest req) {
                        WebSocketDecoderConfig dc = WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(4096).build();
                        new WebSocketServerHandshakerFactory("ws://localhost:9000/live", null, true, 10 * 1024);
                        new WebSocketServerHandshakerFactory("ws://localhost:9000/other", null, dc);
                    }
                }
                """;
        List<String> lines = Scans.lines(Scans.scan(dir, Map.of("src/p/H.java", factory), new NettyDetector()));
        assertThat(lines).contains("setting path=/live @src/p/H.java:6", "setting payload.max=10240 @src/p/H.java:6",
                "setting path=/other @src/p/H.java:7", "setting payload.max=4096 @src/p/H.java:5")
                .noneMatch(l -> l.startsWith("setting handshake.timeout"));
    }

    @Test
    void withoutAWebSocketHandlerNettyIsNoWebSocketServer(@TempDir Path dir) {
        String http = """
                package p;
                import io.netty.handler.codec.http.*;
                import io.netty.handler.timeout.IdleStateHandler;
                class Http {
                    void init(io.netty.channel.ChannelPipeline p) {
                        p.addLast(new HttpObjectAggregator(1048576));
                        p.addLast(new IdleStateHandler(30, 0, 0));
                    }
                }
                """;
        assertThat(Scans.scan(dir, Map.of("src/p/Http.java", http), new NettyDetector())).isEmpty();
    }
}
