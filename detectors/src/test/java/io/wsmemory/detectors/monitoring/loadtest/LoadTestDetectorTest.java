package io.wsmemory.detectors.monitoring.loadtest;

import static io.wsmemory.detectors.monitoring.ScanHelper.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Source;
import io.wsmemory.detectors.monitoring.ScanHelper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadTestDetectorTest {

    @TempDir
    Path dir;

    private List<Fact> scan(ScanHelper repo) {
        return repo.scan(List.<Detector>of(new LoadTestDetector()), List.of()).facts();
    }

    @Test
    void k6OptionsOfAWebSocketScript() {
        List<Fact> facts = scan(ScanHelper.in(dir).file("k6/ws.js", """
                import { WebSocket } from "k6/experimental/websockets";
                export let options = {
                  vus: 100,
                  duration: "1m30s",
                  thresholds: { ws_session_duration: "p(99)<5000" },
                  scenarios: {
                    ramp: { executor: "ramping-arrival-rate", timeUnit: "1m", stages: [{ duration: "1m", target: 600 }] },
                  },
                };
                export default function () {}
                """));
        assertThat(ScanHelper.lines(facts)).containsExactlyInAnyOrder(
                "baseline vus=100 @k6/ws.js:3",
                "baseline duration=90000 @k6/ws.js:4",
                "baseline threshold=ws_session_duration p(99)<5000 @k6/ws.js:5",
                "baseline arrival-rate=10 @k6/ws.js:7",
                "baseline duration=60000 @k6/ws.js:7");
        assertThat(only(facts, "baseline", "vus").attr("tool")).isEqualTo("k6");
        assertThat(only(facts, "baseline", "arrival-rate").attr("scenario")).isEqualTo("ramp");
        assertThat(only(facts, "baseline", "arrival-rate").unit()).isEqualTo("1/s");
    }

    @Test
    void k6HttpScriptsAndTheirCommandLinesAreNoBaseline() {
        List<Fact> facts = scan(ScanHelper.in(dir)
                .file("load/api.js", "import http from 'k6/http';\nexport const options = { vus: 10 };\n")
                .file("Makefile", "load:\n\tk6 run -u 40 -d 2m load/api.js\n"));
        assertThat(facts).isEmpty();
    }

    @Test
    void k6CommandLineWithStagesForAWebSocketScript() {
        List<Fact> facts = scan(ScanHelper.in(dir)
                .file("load/chat.js", "import ws from 'k6/ws';\nexport default function () {}\n")
                .file("scripts/load.sh", "#!/bin/sh\nk6 run --stage 30s:100 --stage 1m:300 \\\n  ./load/chat.js && echo done\n"));
        assertThat(ScanHelper.lines(facts)).containsExactlyInAnyOrder(
                "baseline vus=300 @scripts/load.sh:2",
                "baseline duration=90000 @scripts/load.sh:2");
        assertThat(only(facts, "baseline", "vus").attr("stages")).isEqualTo("30s:100 1m:300");
    }

    @Test
    void artilleryNeedsAWebSocketEngineOrTarget() {
        List<Fact> facts = scan(ScanHelper.in(dir)
                .file("a.yml", """
                        config:
                          target: "wss://chat.example.com"
                          phases:
                            - arrivalCount: 100
                              duration: 10
                            - pause: 30
                        scenarios:
                          - flow:
                              - send: "hello"
                        """)
                .file("b.yml", """
                        config:
                          target: "https://api.example.com"
                          phases:
                            - duration: 10
                              arrivalRate: 3
                        scenarios:
                          - flow: [{get: {url: "/"}}]
                        """));
        assertThat(ScanHelper.lines(facts)).containsExactlyInAnyOrder(
                "baseline arrivals=100 @a.yml:4",
                "baseline duration=10000 @a.yml:5");
        assertThat(only(facts, "baseline", "arrivals").attr("engine")).isEqualTo("ws");
    }

    @Test
    void gatlingKotlinAndSystemPropertyDefaults() {
        List<Fact> facts = scan(ScanHelper.in(dir).file("src/gatling/kotlin/Sim.kt", """
                import io.gatling.javaapi.core.CoreDsl.*
                import java.time.Duration
                class Sim : Simulation() {
                    private val peak = System.getProperty("peak", "250").toInt()
                    val scn = scenario("ws").exec(ws("Connect").connect("/ws"))
                    init {
                        /* atOnceUsers(99999) */
                        setUp(scn.injectClosed(rampConcurrentUsers(10).to(peak).during(Duration.ofMinutes(2))))
                    }
                }
                """));
        assertThat(ScanHelper.lines(facts)).containsExactlyInAnyOrder(
                "baseline concurrency=250 @src/gatling/kotlin/Sim.kt:8",
                "baseline duration=120000 @src/gatling/kotlin/Sim.kt:8");
        Fact c = only(facts, "baseline", "concurrency");
        assertThat(c.source()).isEqualTo(Source.ENV);
        assertThat(c.attr("variable")).isEqualTo("peak");
    }

    @Test
    void locustShapesAndHttpUsers() {
        List<Fact> facts = scan(ScanHelper.in(dir)
                .file("locustfile.py", """
                        from locust import LoadTestShape, HttpUser, task
                        from locust_plugins.users.socketio import SocketIOUser

                        class Chat(SocketIOUser):
                            @task
                            def t(self):
                                pass

                        class Shape(LoadTestShape):
                            stages = [
                                {"duration": 60, "users": 100, "spawn_rate": 10},
                                {"duration": 180, "users": 400, "spawn_rate": 20},
                            ]
                        """)
                .file("http_locustfile.py", "from locust import HttpUser\nclass Api(HttpUser):\n    pass\n")
                .file("run.sh", "locust -f locustfile.py --headless -u 50 -r 5 -t 10m\nlocust -f http_locustfile.py -u 9\n"));
        assertThat(ScanHelper.lines(facts)).containsExactlyInAnyOrder(
                "baseline scenario=Chat @locustfile.py:4",
                "baseline vus=400 @locustfile.py:10",
                "baseline spawn-rate=20 @locustfile.py:10",
                "baseline duration=180000 @locustfile.py:10",
                "baseline vus=50 @run.sh:1",
                "baseline spawn-rate=5 @run.sh:1",
                "baseline duration=600000 @run.sh:1");
    }

    @Test
    void commandLineWords() {
        assertThat(CommandLines.words("\"bench\": \"websocket-bench -a 10 -c 2 http://x\",")).endsWith(
                "websocket-bench", "-a", "10", "-c", "2", "http://x");
        assertThat(CommandLines.flag(CommandLines.words("thor --amount=5 ws://x"), "-A", "--amount")).isEqualTo("5");
        assertThat(CommandLines.flag(CommandLines.words("a && thor -A 5"), "-A")).isNull();
    }
}
