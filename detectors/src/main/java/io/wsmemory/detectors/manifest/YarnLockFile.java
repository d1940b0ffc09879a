package io.wsmemory.detectors.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code yarn.lock}, classic (v1: {@code "socket.io@^4.6.1", socket.io@^4.6.1:} blocks with {@code version "4.6.1"})
 * and berry ({@code "socket.io@npm:^4.6.1":} with {@code version: 4.6.1}). Both are read line by line: an unindented
 * line ending in a colon lists the specs of a block, its two-space-indented {@code version} line the version.
 */
final class YarnLockFile implements NpmLock {

    private static final Pattern VERSION = Pattern.compile("^ {2}version:?\\s+\"?([^\"\\s]+)\"?\\s*$");

    private record Block(Set<String> specs, String version) {
    }

    private final String path;
    private final Map<String, List<Block>> byName = new HashMap<>();
    private final Set<String> workspaces = new HashSet<>();

    private YarnLockFile(String path) {
        this.path = path;
    }

    static YarnLockFile parse(String path, String text) {
        YarnLockFile lock = new YarnLockFile(path);
        List<String[]> specs = null;
        int n = text.length();
        for (int start = 0; start < n; ) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            String raw = text.substring(start, stop);
            start = end + 1;
            if (raw.isEmpty() || raw.charAt(0) == '#') {
                continue;
            }
            char c = raw.charAt(0);
            if (c != ' ' && c != '\t') {
                specs = null;
                String line = raw.stripTrailing();
                if (line.endsWith(":") && !line.equals("__metadata:")) {
                    specs = headerSpecs(line.substring(0, line.length() - 1));
                    for (String[] sp : specs) {
                        if (sp[1].startsWith("workspace:")) {
                            lock.workspaces.add(trimDots(sp[1].substring("workspace:".length())));
                        }
                    }
                }
                continue;
            }
            if (specs != null && raw.startsWith("  version")) {
                Matcher m = VERSION.matcher(raw);
                if (m.matches()) {
                    Map<String, Set<String>> perName = new HashMap<>();
                    for (String[] sp : specs) {
                        perName.computeIfAbsent(sp[0], k -> new HashSet<>()).add(sp[1]);
                    }
                    String version = m.group(1);
                    perName.forEach((name, ranges) -> lock.byName.computeIfAbsent(name, k -> new ArrayList<>())
                            .add(new Block(ranges, version)));
                    specs = null;
                }
            }
        }
        return lock;
    }

    /** {@code "a@^1", a@^2} or {@code "a@npm:^1, a@npm:^2"}: pairs of package name and range. */
    private static List<String[]> headerSpecs(String header) {
        List<String[]> out = new ArrayList<>();
        for (String part : header.replace("\"", "").split(",")) {
            String s = part.strip();
            int at = s.indexOf('@', s.startsWith("@") ? 1 : 0);
            if (at <= 0) {
                continue;
            }
            out.add(new String[] {s.substring(0, at), s.substring(at + 1)});
        }
        return out;
    }

    private static String trimDots(String p) {
        String s = p.startsWith("./") ? p.substring(2) : p;
        return s.equals(".") ? "" : s;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean records(String rel) {
        return rel.isEmpty() || workspaces.contains(rel);
    }

    @Override
    public String resolve(String rel, String name, String spec) {
        List<Block> blocks = byName.get(name);
        if (blocks == null || spec == null) {
            return null;
        }
        String s = spec.strip();
        for (Block b : blocks) { // the block whose spec is the manifest's, word for word
            if (b.specs().contains(s) || b.specs().contains("npm:" + s)) {
                return b.version();
            }
        }
        String only = null;
        for (Block b : blocks) { // else one version that satisfies the range, when the lock holds only one
            if (only != null && !only.equals(b.version())) {
                return null;
            }
            only = b.version();
        }
        return only != null && SemverRange.satisfies(s, only).orElse(false) ? only : null;
    }
}
