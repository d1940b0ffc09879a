package io.wsmemory.report;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /** A line diff: {@code -} expected only, {@code +} actual only, two lines of context around each change. */
    static String diff(String expected, String actual) {
        List<String> a = lines(expected);
        List<String> b = lines(actual);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                ops.add("  " + a.get(i++));
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add("- " + a.get(i++));
            } else {
                ops.add("+ " + b.get(j++));
            }
        }
        StringBuilder out = new StringBuilder();
        int last = -10;
        for (int k = 0; k < ops.size(); k++) {
            boolean near = false;
            for (int d = -2; d <= 2 && !near; d++) {
                int x = k + d;
                near = x >= 0 && x < ops.size() && !ops.get(x).startsWith("  ");
            }
            if (near) {
                if (k > last + 1) {
                    out.append("@@ line ").append(k + 1).append('\n');
                }
                out.append(ops.get(k)).append('\n');
                last = k;
            }
        }
        return out.toString();
    }

    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        for (String l : s.split("\n", -1)) {
            out.add(l.replace("\r", "\\r"));
        }
        return out;
    }
}
