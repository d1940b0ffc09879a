package io.wsmemory.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFileTest {

    @TempDir
    Path tmp;

    private SourceFile onDisk(String name, byte[] bytes) throws IOException {
        Path p = Files.write(tmp.resolve(name), bytes);
        return new SourceFile(name, p, bytes.length, 1 << 20);
    }

    @Test
    void thePreFilterMatchesBytesAsTheyAreIncludingNonAsciiKeywords() throws IOException {
        SourceFile f = onDisk("a.js", "const naïve = require('socket.io'); // héllo\n".getBytes(StandardCharsets.UTF_8));
        assertThat(f.contains("socket.io")).isTrue();
        assertThat(f.contains("naïve")).isTrue();
        assertThat(f.contains("héllo")).isTrue();
        assertThat(f.contains("hello")).isFalse();
        assertThat(f.contains("")).isTrue();
        assertThat(f.containsAny(List.of("ws://", "héllo"))).isTrue();
        assertThat(f.containsAny(List.of("ws://", "Socket.IO"))).isFalse();
    }

    @Test
    void aLatin1FileIsSearchedInItsUtf8Form() throws IOException {
        SourceFile f = onDisk("b.py", "# caf\u00e9 ws\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(f.contains("café")).isTrue();
    }

    @Test
    void aReleasedFileReadsTheSameBytesAgain() throws IOException {
        SourceFile f = onDisk("c.go", "package main\n\nimport \"github.com/gorilla/websocket\"\n".getBytes(StandardCharsets.UTF_8));
        byte[] before = f.content().clone();
        int line = f.lineAt(20);
        f.release();
        assertThat(f.isLoaded()).isFalse();
        assertThat(f.content()).isEqualTo(before);
        assertThat(f.lineAt(20)).isEqualTo(line);
        assertThat(f.contains("gorilla/websocket")).isTrue();
    }

    @Test
    void aFileGivenWithItsContentKeepsIt() {
        SourceFile f = SourceFile.ofContent("d.js", "new WebSocket(url)");
        f.release();
        assertThat(f.isLoaded()).isTrue();
        assertThat(f.text()).isEqualTo("new WebSocket(url)");
    }
}
