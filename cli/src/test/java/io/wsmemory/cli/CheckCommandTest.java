package io.wsmemory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckCommandTest {

    @TempDir
    Path tmp;

    Path repo;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void repository() throws IOException {
        repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("server"));
        Files.writeString(repo.resolve("package.json"),
                "{\"name\": \"@acme/chat\", \"dependencies\": {\"socket.io\": \"^4.7.2\"}}\n");
        Files.writeString(repo.resolve("server/index.js"), """
                const { Server } = require("socket.io");
                const io = new Server(3000, { pingInterval: 30000 });
                io.on("connection", (socket) => {
                  socket.on("chat:message", (msg) => io.emit("chat:message", msg));
                });
                """);
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private void rename(String from, String to) throws IOException {
        Path f = repo.resolve("server/index.js");
        Files.writeString(f, Files.readString(f).replace(from, to));
    }

    @Test
    void withoutASnapshotItSaysHowToMakeOne() {
        assertThat(run("check", repo.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("wsmemory: no memory to check: no wsmemory.json in ")
                .contains("create it with `wsmemory scan " + repo + "`, commit it, then run check");
    }

    @Test
    void freshMemoryIsInSync() {
        assertThat(run("scan", repo.toString())).isEqualTo(0);
        assertThat(run("check", repo.toString())).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("wsmemory: the memory in " + repo.resolve("memory/websocket-engineer/"
                + "acme-chat") + " matches the code\n");
        assertThat(run("check", "--quiet", repo.toString())).isEqualTo(0);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aRenamedEventIsBreakingAndAdditive() throws IOException {
        run("scan", repo.toString());
        rename("chat:message", "chat:post");

        assertThat(run("check", repo.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("message_schemas.md — Event Types\n")
                .containsPattern("BREAKING  removed  event `chat:message`.* — server/index.js:4\n")
                .containsPattern("additive  added    event `chat:post`.* — server/index.js:4\n");
        assertThat(err.toString()).contains("no longer matches the code: 2 changes (1 breaking, 1 additive); to fix"
                + " it, run `wsmemory scan " + repo + "`");

        assertThat(run("check", "--fail-on", "breaking", repo.toString())).isEqualTo(1);
        assertThat(run("check", "-q", repo.toString())).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("no longer matches the code");
    }

    @Test
    void additiveChangesPassWithFailOnBreaking() throws IOException {
        run("scan", repo.toString());
        rename("io.on(\"connection\", (socket) => {\n", "io.on(\"connection\", (socket) => {\n"
                + "  socket.on(\"chat:typing\", (who) => socket.broadcast.emit(\"chat:typing\", who));\n");
        assertThat(run("check", "--fail-on", "breaking", repo.toString())).isEqualTo(0);
        assertThat(out.toString()).containsPattern("additive  added    event `chat:typing`");
        assertThat(err.toString()).contains("none breaking, so the check passes (--fail-on breaking)");
        assertThat(run("check", repo.toString())).isEqualTo(1);
    }

    @Test
    void aHandEditedBlockFailsAndSaysHowToFixIt() throws IOException {
        run("scan", repo.toString());
        Path f = repo.resolve("memory/websocket-engineer/acme-chat/message_schemas.md");
        Files.writeString(f, Files.readString(f).replace("## Envelope Format\n", "## Envelope Format\nMy note.\n"));
        assertThat(run("check", "--verbose", repo.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("block messages.envelope (Envelope Format) was edited by hand")
                .contains("move your text outside the block").contains("+ My note.");
        assertThat(run("scan", repo.toString())).isEqualTo(3);
        assertThat(run("check", repo.toString())).isEqualTo(1);
    }

    @Test
    void jsonAndSarifFormats() throws IOException {
        run("scan", repo.toString());
        rename("chat:message", "chat:post");
        assertThat(run("check", "--format", "json", repo.toString())).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("fails").asBoolean()).isTrue();
        assertThat(json.path("summary").path("breaking").asInt()).isEqualTo(1);
        assertThat(json.path("changes").path(0).path("change").asText()).isEqualTo("removed");

        assertThat(run("check", "--format", "sarif", repo.toString())).isEqualTo(1);
        JsonNode sarif = new ObjectMapper().readTree(out.toString());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(out.toString()).contains("WSM-DRIFT-BREAKING");

        assertThat(run("scan", "--format", "sarif", repo.toString())).isEqualTo(0);
        assertThat(new ObjectMapper().readTree(out.toString()).path("runs").path(0).path("tool").path("driver")
                .path("name").asText()).isEqualTo("wsmemory");
    }

    @Test
    void usageErrors() {
        assertThat(run("check", "--fail-on", "never", repo.toString())).isEqualTo(2);
        assertThat(run("check", "-v", "-q", repo.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--verbose and --quiet do not go together");
        assertThat(run("check", tmp.resolve("nope").toString())).isEqualTo(2);
        assertThat(run("scan", "--format", "sarif", "--force", repo.toString())).isEqualTo(2);
    }
}
