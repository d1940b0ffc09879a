package io.wsmemory.report;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: the expected bytes live under {@code src/test/resources/golden/}; the actual output is always
 * written under {@code target/golden-actual/}, and a mismatch fails with a line diff. {@code -Dgolden.update=true}
 * accepts the actual output as the new golden file.
 */
final class Golden {

    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    static final Path ACTUAL = Path.of("target", "golden-actual");

    private Golden() {
    }

    static void check(String relative, String actual) throws IOException {
        Path out = ACTUAL.resolve(relative);
        Files.createDirectories(out.getParent());
        Files.writeString(out, actual, StandardCharsets.UTF_8);
        Path golden = GOLDEN.resolve(relative);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            fail("no golden file " + golden + "; the actual output is in " + out
                    + " (run with -Dgolden.update=true to accept it)");
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail(golden + " differs from the actual output " + out
                    + " (run with -Dgolden.update=true to accept it):\n" + diff(expected, actual));
        }
    }

    static String diff(String expected, String actual) {
        return LineDiff.diff(expected, actual);
    }
}
