package io.wsmemory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CacheOptionsTest {

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
                "{\"name\": \"chat\", \"dependencies\": {\"socket.io\": \"^4.7.2\"}}\n");
        Files.writeString(repo.resolve("server/index.js"), """
                const { Server } = require("socket.io");
                const io = new Server(3000, { pingInterval: 30000 });
                io.on("connection", (socket) => socket.on("chat:message", (m) => io.emit("chat:message", m)));
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

    @Test
    void aSecondScanAndTheCheckReuseTheResultFromTheCacheFolder() throws IOException {
        Path cache = tmp.resolve("cache");
        assertThat(run("scan", repo.toString(), "--cache", cache.toString())).isZero();
        assertThat(err.toString()).contains("(cache miss)");
        assertThat(run("scan", repo.toString(), "--cache", cache.toString())).isZero();
        assertThat(err.toString()).contains("0 parsed").contains("(cache hit)").contains("memory up to date");
        assertThat(run("check", repo.toString(), "--cache", cache.toString(), "-v")).isZero();
        assertThat(err.toString()).contains("(cache hit)");
        try (Stream<Path> s = Files.list(cache)) {
            assertThat(s.map(p -> p.getFileName().toString())).singleElement().asString().startsWith("scan-");
        }
    }

    @Test
    void noCacheScansEveryTimeAndWritesNoCache() {
        assertThat(run("scan", repo.toString(), "--no-cache", "--format", "json")).isZero();
        assertThat(err.toString()).doesNotContain("cache");
    }

    @Test
    void cacheAndNoCacheTogetherAreAUsageError() {
        assertThat(run("scan", repo.toString(), "--cache", tmp.resolve("c").toString(), "--no-cache")).isEqualTo(2);
        assertThat(err.toString()).contains("--cache and --no-cache do not go together");
    }

    @Test
    void aCacheThatIsAFileIsAUsageError() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThat(run("check", repo.toString(), "--cache", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not a directory");
    }

    @Test
    void theDefaultFolderIsTheUsersCacheNeverTheRepository() {
        assertThat(CacheOptions.defaultDir(Map.of("XDG_CACHE_HOME", "/var/cache/me")))
                .isEqualTo(Path.of("/var/cache/me", "wsmemory"));
        assertThat(CacheOptions.defaultDir(Map.of("XDG_CACHE_HOME", "relative")))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "wsmemory"));
    }

    @Test
    void aCorruptEntryIsAWarningAndTheScanGoesOn() throws IOException {
        Path cache = tmp.resolve("cache");
        run("scan", repo.toString(), "--cache", cache.toString());
        try (Stream<Path> s = Files.list(cache)) {
            Files.writeString(s.findFirst().orElseThrow(), "{\"format\": 1, \"key\": ");
        }
        assertThat(run("scan", repo.toString(), "--cache", cache.toString())).isZero();
        assertThat(err.toString()).contains("wsmemory: warning: ignored the corrupt cache entry");
    }
}
