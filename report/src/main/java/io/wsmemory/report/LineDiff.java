package io.wsmemory.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A readable line diff between expected and actual text, shared by golden-file tests and the drift check.
 * The LCS table is quadratic: fine for memory files, not meant for large inputs.
 */
public final class LineDiff {

    private LineDiff() {
    }

    /** A line diff: {@code -} expected only, {@code +} actual only, two lines of context around each change. */
    public static String diff(String expected, String actual) {
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
