package io.wsmemory.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectNamerTest {

    @TempDir
    Path base;

    @Test
    void theNameIsReturnedRawForTheReportToSanitise() throws IOException {
        Path root = Files.createDirectories(base.resolve("repo"));
        Files.writeString(root.resolve("package.json"), "{\"name\": \"../../etc\"}");
        assertThat(ProjectNamer.name(root)).isEqualTo("../../etc");
    }

    @Test
    void aManifestLinkedFromOutsideTheRootIsNotRead() throws IOException {
        Path root = Files.createDirectories(base.resolve("repo"));
        Path outside = Files.createDirectories(base.resolve("outside"));
        Files.writeString(outside.resolve("package.json"), "{\"name\": \"outside-name\"}");
        Files.writeString(outside.resolve("go.mod"), "module example.com/outside-go\n");
        try {
            Files.createSymbolicLink(root.resolve("package.json"), outside.resolve("package.json"));
            Files.createSymbolicLink(root.resolve("go.mod"), outside.resolve("go.mod"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links are not supported here: " + e);
        }
        assertThat(ProjectNamer.name(root)).isEqualTo("repo");
    }
}
