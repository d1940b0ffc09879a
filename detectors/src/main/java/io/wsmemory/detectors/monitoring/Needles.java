package io.wsmemory.detectors.monitoring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A pre-filter that looks for many keywords in one pass over a file's bytes (the core's {@code containsAny}
 * scans the file once per keyword): candidates are indexed by their first byte, so most bytes cost one table
 * look-up.
 */
public final class Needles {

    private final byte[][][] byFirst = new byte[256][][];

    public Needles(List<String> keywords) {
        List<List<byte[]>> lists = new ArrayList<>(256);
        for (int i = 0; i < 256; i++) {
            lists.add(new ArrayList<>());
        }
        for (String k : keywords) {
            byte[] b = k.getBytes(StandardCharsets.UTF_8);
            if (b.length > 0) {
                lists.get(b[0] & 0xff).add(b);
            }
        }
        for (int i = 0; i < 256; i++) {
            byFirst[i] = lists.get(i).isEmpty() ? null : lists.get(i).toArray(new byte[0][]);
        }
    }

    /** True when one of the keywords occurs in the content. */
    public boolean anyIn(byte[] content) {
        int n = content.length;
        for (int i = 0; i < n; i++) {
            byte[][] candidates = byFirst[content[i] & 0xff];
            if (candidates == null) {
                continue;
            }
            outer:
            for (byte[] c : candidates) {
                if (i + c.length > n) {
                    continue;
                }
                for (int j = 1; j < c.length; j++) {
                    if (content[i + j] != c[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
