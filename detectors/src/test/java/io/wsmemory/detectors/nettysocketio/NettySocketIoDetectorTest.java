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

    @Test
    void xmlConfiguredServerAndAnEnvelopeInsideAnEvent(@TempDir Path dir) {
        String xml = """
                <beans>
                  <bean id="cfg" class="com.corundumstudio.socketio.Configuration">
                    <property name="port" value="8888" />
                    <property name="pingInterval" value="${socket.ping:15000}" />
                  </bean>
                  <bean id="server" class="com.corundumstudio.socketio.SocketIOServer">
                    <constructor-arg ref="cfg" />
                  </bean>
                </beans>
                """;
        String handler = """
                package s;
                import com.alibaba.fastjson.JSON;
                import com.alibaba.fastjson.JSONObject;
                import com.corundumstudio.socketio.SocketIOClient;
                import com.corundumstudio.socketio.annotation.OnEvent;
                class Handler {
                    static final int PING = 1;
                    static final int QUERY = 2;
                    @OnEvent("data")
                    public void onData(SocketIOClient client, String data) {
                        JSONObject msg = JSON.parseObject(data);
                        switch (msg.getIntValue("type")) {
                            case PING:
                                client.sendEvent("data", "pong");
                                break;
                            case QUERY:
                                break;
                        }
                    }
                }
                """;
        java.util.List<io.wsmemory.core.api.Fact> facts = Scans.scan(dir, Map.of("src/main/resources/socketio.xml", xml,
                "src/s/Handler.java", handler), new NettySocketIoDetector());
        assertThat(Scans.lines(facts)).contains("setting port=8888 @src/main/resources/socketio.xml:3",
                "setting ping.interval=15000 @src/main/resources/socketio.xml:4",
                "library netty-socketio=unknown @src/main/resources/socketio.xml:6",
                "event data=both @src/s/Handler.java:9",
                "envelope type=discriminator @src/s/Handler.java:13");
        io.wsmemory.core.api.Fact ping = facts.stream().filter(f -> f.key().equals("ping.interval")).findFirst()
                .orElseThrow();
        assertThat(ping.source()).hasToString("ENV");
        assertThat(ping.attr("variable")).isEqualTo("socket.ping");
    }
}
