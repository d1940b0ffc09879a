package io.wsmemory.detectors.manifest;

import java.util.regex.Pattern;

/** Folder globs as workspaces write them: {@code packages/*}, {@code apps/**}, {@code ./tools/cli}. */
final class Globs {

    private Globs() {
    }

    static boolean matches(String glob, String path) {
        String g = glob.strip();
        while (g.startsWith("./")) {
            g = g.substring(2);
        }
        while (g.endsWith("/")) {
            g = g.substring(0, g.length() - 1);
        }
        if (g.length() > 200) {
            return false;
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
                if (i + 1 < g.length() && g.charAt(i + 1) == '/') { // "**/" also matches nothing
                    re.append("/?");
                    i++;
                }
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(re.toString(), path);
    }
}
