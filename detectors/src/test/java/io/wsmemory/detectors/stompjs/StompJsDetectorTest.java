package io.wsmemory.detectors.stompjs;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.detectors.spring.Scans;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StompJsDetectorTest {

    @Test
    void scriptTagsFromCdnsAndWebJarsGiveVersions(@TempDir Path dir) {
        String html = """
                <html><head>
                <script src="https://cdnjs.cloudflare.com/ajax/libs/sockjs-client/1.1.4/sockjs.min.js"></script>
                <script src="https://cdnjs.cloudflare.com/ajax/libs/stomp.js/2.3.3/stomp.min.js"></script>
                <script src="https://cdn.jsdelivr.net/npm/@stomp/stompjs@7.0.0/bundles/stomp.umd.min.js"></script>
                <script src="/js/stomp.js"></script>
                <script src="/js/app.js"></script>
                </head></html>
                """;
        assertThat(Scans.lines(Scans.scan(dir, Map.of("static/index.html", html), new StompJsDetector())))
                .containsExactlyInAnyOrder("library sockjs-client=1.1.4 @static/index.html:2",
                        "library stompjs=2.3.3 @static/index.html:3",
                        "library @stomp/stompjs=7.0.0 @static/index.html:4");
    }

    @Test
    void aLocalBundleWithoutVersionIsStillTheLibrary(@TempDir Path dir) {
        String html = "<script src=\"/js/stomp.min.js\"></script>\n<script src=\"/lib/sockjs.js\"></script>\n";
        assertThat(Scans.lines(Scans.scan(dir, Map.of("index.html", html), new StompJsDetector())))
                .containsExactlyInAnyOrder("library stompjs=unknown @index.html:1",
                        "library sockjs-client=unknown @index.html:2");
    }

    @Test
    void modernClientOptionsAndDefaults(@TempDir Path dir) {
        String js = """
                const client = new StompJs.Client({
                  brokerURL: `wss://${location.host}/realtime`,
                  heartbeatOutgoing: 4000,
                  reconnectDelay: 0,
                });
                client.onConnect = () => {
                  client.subscribe('/topic/news', (m) => show(m.body));
                };
                function show(b) { document.body.append(b); }
                """;
        assertThat(Scans.lines(Scans.scan(dir, Map.of("web/app.js", js), new StompJsDetector())))
                .containsExactlyInAnyOrder(
                        "client-type browser=@stomp/stompjs @web/app.js:1",
                        "destination /topic/news=broker @web/app.js:7",
                        "event /topic/news=out @web/app.js:7",
                        "library @stomp/stompjs=unknown @web/app.js:1",
                        "reconnect enabled=false @web/app.js:4",
                        "setting heartbeat.incoming=10000 @web/app.js:1",
                        "setting heartbeat.outgoing=4000 @web/app.js:3",
                        "setting path=/realtime @web/app.js:2");
    }

    @Test
    void aSockJsClientThatIsNotStompIsNothing(@TempDir Path dir) {
        String js = """
                const sock = new SockJS('/echo');
                sock.onmessage = (e) => console.log(e.data);
                sock.send('/not-a-destination');
                """;
        assertThat(Scans.scan(dir, Map.of("web/echo.js", js), new StompJsDetector())).isEmpty();
    }
}
