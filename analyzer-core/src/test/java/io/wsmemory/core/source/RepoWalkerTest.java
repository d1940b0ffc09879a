package io.wsmemory.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoWalkerTest {

    @TempDir
    Path base;

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static void link(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links are not supported here: " + e);
        }
    }

    private static WalkResult walk(Path root) throws IOException {
        return new RepoWalker(root, WalkOptions.defaults()).walk();
    }

    @Test
    void aRootGivenThroughALinkIsWalkedAtItsTarget() throws IOException {
        Path real = base.resolve("releases/v1");
        write(real.resolve("src/app.js"), "x();\n");
        Path current = base.resolve("current");
        link(current, real);
        WalkResult r = walk(current);
        assertThat(r.files()).extracting(SourceFile::path).containsExactly("src/app.js");
        assertThat(r.skipped()).isEmpty();
        assertThat(r.files().get(0).text()).isEqualTo("x();\n");
    }
}
