package io.wsmemory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScanCommandTest {

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

    private List<String> errLines() {
        return err.toString().lines().toList();
    }

    private Path memory() {
        return repo.resolve("memory/websocket-engineer/acme-chat");
    }

    @Test
    void scanWritesTheThreeFilesAndTheSnapshot() throws IOException {
        int code = run("scan", repo.toString());

        assertThat(code).as(err.toString()).isEqualTo(0);
        assertThat(listFiles(memory())).containsExactly("connection_patterns.md", "message_schemas.md",
                "scaling_config.md", "wsmemory.json");
        assertThat(Files.readString(memory().resolve("connection_patterns.md")))
                .contains("# Connection Patterns - @acme/chat\n");
        assertThat(out.toString()).isEmpty();
        assertThat(errLines()).singleElement().asString()
                .startsWith("wsmemory: ")
                .contains("files listed").contains("facts in")
                .contains("wrote 4 files to " + memory());
    }

    @Test
    void aSecondScanWithNoChangeWritesNothing() throws IOException {
        assertThat(run("scan", repo.toString())).isEqualTo(0);
        String before = Files.readString(memory().resolve("wsmemory.json"));
        assertThat(run("scan", repo.toString())).isEqualTo(0);
        assertThat(errLines()).singleElement().asString().contains("memory up to date in " + memory());
        assertThat(Files.readString(memory().resolve("wsmemory.json"))).isEqualTo(before);
    }

    @Test
    void jsonFormatPrintsTheReportAndWritesNothing() throws IOException {
        List<String> before = listTree(tmp);
        int code = run("scan", repo.toString(), "--format", "json");

        assertThat(code).as(err.toString()).isEqualTo(0);
        assertThat(listTree(tmp)).isEqualTo(before);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("project").get("name").asText()).isEqualTo("@acme/chat");
        assertThat(json.get("project").get("folder").asText()).isEqualTo("acme-chat");
        assertThat(json.get("facts").isArray()).isTrue();
        assertThat(out.toString()).endsWith("}\n").doesNotContain(tmp.toString());
        assertThat(errLines()).singleElement().asString().contains("JSON report on stdout");
    }

    @Test
    void jsonWithOutIsAUsageError() {
        assertThat(run("scan", repo.toString(), "--format", "json", "--out", tmp.resolve("o").toString()))
                .isEqualTo(2);
        assertThat(errLines()).singleElement().asString().contains("--out does not go with --format json");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void aMissingPathIsAUsageErrorOnOneLine() {
        assertThat(run("scan", tmp.resolve("nope").toString())).isEqualTo(2);
        assertThat(errLines()).containsExactly("wsmemory: no such directory: " + tmp.resolve("nope"));
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aFileIsNotADirectory() {
        assertThat(run("scan", repo.resolve("package.json").toString())).isEqualTo(2);
        assertThat(errLines()).containsExactly("wsmemory: not a directory: " + repo.resolve("package.json"));
    }

    @Test
    void anUnknownOptionIsAUsageErrorOnOneLine() {
        assertThat(run("scan", repo.toString(), "--bogus")).isEqualTo(2);
        assertThat(errLines()).singleElement().asString().startsWith("wsmemory: Unknown option: '--bogus'")
                .contains("wsmemory scan --help");
        assertThat(repo.resolve("memory")).doesNotExist();
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertThat(run("scan", repo.toString(), "--threads", "0")).isEqualTo(2);
        assertThat(errLines()).singleElement().asString().contains("--threads");
        assertThat(run("scan", repo.toString(), "--threads", "many")).isEqualTo(2);
        assertThat(errLines()).hasSize(1);
        assertThat(run("scan", repo.toString(), "--format", "yaml")).isEqualTo(2);
        assertThat(errLines()).hasSize(1);
        assertThat(run("scan", repo.toString(), "--project", " ")).isEqualTo(2);
        assertThat(errLines()).hasSize(1);
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(errLines()).singleElement().asString().contains("missing command");
    }

    @Test
    void aHostileProjectNameStaysInsideTheMemoryRoot() throws IOException {
        List<String> outside = listFiles(tmp);
        int code = run("scan", repo.toString(), "--project", "../../etc");

        assertThat(code).as(err.toString()).isEqualTo(0);
        Path dir = repo.resolve("memory/websocket-engineer/etc");
        assertThat(dir.resolve("connection_patterns.md")).exists();
        assertThat(Files.readString(dir.resolve("connection_patterns.md"))).contains("# Connection Patterns - ../../etc\n");
        assertThat(listFiles(tmp)).isEqualTo(outside);
        assertThat(listTree(tmp)).allMatch(p -> p.startsWith("repo"));
    }

    @Test
    void aLinkOnTheWayToTheMemoryFolderIsRefused() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(repo.resolve("memory"), elsewhere);
        assertThat(run("scan", repo.toString())).isEqualTo(2);
        assertThat(errLines()).singleElement().asString().contains("refusing to write through the link");
        assertThat(listTree(elsewhere)).isEmpty();
    }

    @Test
    void outWritesWhereAsked() throws IOException {
        Path dir = tmp.resolve("notes/chat");
        assertThat(run("scan", repo.toString(), "--out", dir.toString())).isEqualTo(0);
        assertThat(listFiles(dir)).hasSize(4);
        assertThat(repo.resolve("memory")).doesNotExist();
    }

    @Test
    void aHandEditedBlockExitsThreeAndForceOverwritesIt() throws IOException {
        assertThat(run("scan", repo.toString())).isEqualTo(0);
        Path file = memory().resolve("scaling_config.md");
        String generated = Files.readString(file);
        Files.writeString(file, "Our notes.\n" + generated.replace("## Capacity\n", "## Capacity\n\nSee the runbook.\n"));

        assertThat(run("scan", repo.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("scaling_config.md#scaling.capacity").contains("--force");
        assertThat(errLines()).hasSize(2);
        assertThat(Files.readString(file)).contains("See the runbook.");

        assertThat(run("scan", repo.toString(), "--force")).isEqualTo(0);
        assertThat(Files.readString(file)).isEqualTo("Our notes.\n" + generated);
    }

    @Test
    void verboseListsSkippedFiles() throws IOException {
        Path outsideFile = Files.writeString(tmp.resolve("secret.txt"), "x");
        Files.createSymbolicLink(repo.resolve("escape.js"), outsideFile);

        assertThat(run("scan", repo.toString())).isEqualTo(0);
        assertThat(errLines()).singleElement().asString().contains("1 skipped").contains("--verbose");

        assertThat(run("scan", repo.toString(), "--verbose")).isEqualTo(0);
        assertThat(errLines()).hasSize(2);
        assertThat(errLines().get(1)).isEqualTo("  skipped escape.js — link points outside the repository");
    }

    @Test
    void versionAndHelp() {
        assertThat(run("--version")).isEqualTo(0);
        assertThat(out.toString().strip()).matches("wsmemory \\d+\\.\\d+\\.\\d+\\S*");
        assertThat(run("scan", "--help")).isEqualTo(0);
        assertThat(out.toString()).contains("--format=FORMAT").contains("--force").contains("Exit status");
        assertThat(run("help", "scan")).isEqualTo(0);
    }

    private static List<String> listFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> listTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
