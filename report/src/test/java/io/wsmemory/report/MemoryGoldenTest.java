package io.wsmemory.report;

import io.wsmemory.core.api.Fact;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three files rendered from hand-built facts, byte for byte against golden files. */
class MemoryGoldenTest {

    @Test
    void chatAppMatchesGolden() throws Exception {
        RenderedMemory memory = Memory.render(SampleFacts.result("@acme/chat-server", SampleFacts.chatApp()));
        for (Map.Entry<String, String> e : memory.files().entrySet()) {
            Golden.check("chat-app/" + e.getKey(), e.getValue());
        }
    }

    @Test
    void scanWithNoFactsSaysWhatIsUnknown() throws Exception {
        RenderedMemory memory = Memory.render(SampleFacts.result("empty-repo", List.<Fact>of()));
        for (Map.Entry<String, String> e : memory.files().entrySet()) {
            Golden.check("empty/" + e.getKey(), e.getValue());
        }
    }
}
