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

    @Test
    void ignoreRulesAreNotReadThroughLinksThatLeaveTheRoot() throws IOException {
        Path root = base.resolve("repo");
        write(root.resolve("app.js"), "x();\n");
        write(root.resolve("web/page.js"), "y();\n");
        write(base.resolve("outside/rules"), "*.js\n");
        link(root.resolve(".gitignore"), base.resolve("outside/rules"));
        Files.createDirectories(base.resolve("outside/git/info"));
        Files.writeString(base.resolve("outside/git/info/exclude"), "*.js\n");
        link(root.resolve(".git"), base.resolve("outside/git"));
        link(root.resolve("web/.gitignore"), Path.of("../.gitignore"));
        assertThat(walk(root).files()).extracting(SourceFile::path).containsExactly("app.js", "web/page.js");
    }

    @Test
    void ignoreRulesOfEveryLevelApplyTheDeepestDecides() throws IOException {
        Path root = base.resolve("repo");
        write(root.resolve(".gitignore"), "ignored/\n*.tmp.js\ngen/*.js\n!gen/keep.js\n");
        write(root.resolve("src/.gitignore"), "local.js\n!special.tmp.js\n");
        for (String f : new String[] {"ignored/a.js", "a.tmp.js", "gen/drop.js", "gen/keep.js", "src/local.js",
                "src/special.tmp.js", "src/app.js", "node_modules/x/i.js", "app.min.js"}) {
            write(root.resolve(f), "x();\n");
        }
        assertThat(walk(root).files()).extracting(SourceFile::path).containsExactly(
                ".gitignore", "gen/keep.js", "src/.gitignore", "src/app.js", "src/special.tmp.js");
    }
}
