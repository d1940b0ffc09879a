package io.wsmemory.detectors.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoModDetectorTest {

    private static List<String> scan(String path, String gomod) {
        return ManifestScan.scan(new GoModDetector(), Map.of(path, gomod));
    }

    @Test
    void requireBlocksAndSingleLinesIndirectSkipped() {
        assertThat(scan("go.mod", """
                module example.com/push/v2

                go 1.22

                require (
                	github.com/gin-gonic/gin v1.12.0
                	github.com/gorilla/websocket v1.5.3
                	nhooyr.io/websocket v1.8.7 // indirect
                )

                require github.com/coder/websocket v1.8.12 // pinned for the client
                """)).containsExactly(
                "coder/websocket=v1.8.12 @go.mod:11 {language=go, manifest=go.mod, role=server}",
                "gorilla/websocket=v1.5.3 @go.mod:7 {language=go, manifest=go.mod, role=server}");
    }

    @Test
    void replaceDirectivesGiveTheVersionUsed() {
        assertThat(scan("svc/go.mod", """
                module example.com/svc
                require (
                	github.com/gorilla/websocket v1.5.0
                	"nhooyr.io/websocket" v1.8.7
                )
                replace github.com/gorilla/websocket v1.5.0 => github.com/acme/websocket v1.5.4
                replace (
                	nhooyr.io/websocket => ../websocket
                )
                """)).containsExactly(
                "coder/websocket=unknown @svc/go.mod:4 {language=go, manifest=svc/go.mod, range=v1.8.7, "
                        + "replace=../websocket, role=server}",
                "gorilla/websocket=v1.5.4 @svc/go.mod:3 {language=go, manifest=svc/go.mod, range=v1.5.0, "
                        + "replace=github.com/acme/websocket v1.5.4, role=server}");
    }

    @Test
    void theLibraryItselfAndGarbageSayNothing() {
        assertThat(scan("go.mod", "module github.com/gorilla/websocket\n\ngo 1.20\n")).isEmpty();
        assertThat(scan("go.mod", "require (\n\trequire\n(\n)\n=> =>\nreplace => x\n")).isEmpty();
    }
}
