package io.wsmemory.report;

/**
 * Turns a project's name, as a manifest or a user gives it, into one safe folder name. Names come from scanned
 * repositories, so they are hostile until proven otherwise: {@code ../../etc}, slashes, NUL, 10,000 characters.
 */
public final class ProjectNames {

    /** The longest name {@link #safe} returns. */
    public static final int MAX_LENGTH = 80;

    /** What {@link #safe} returns when nothing usable is left. */
    public static final String FALLBACK = "project";

    private ProjectNames() {
    }

    /**
     * A single folder name made of {@code [A-Za-z0-9._-]} only: an npm scope {@code @org/name} becomes
     * {@code org-name}; every other character becomes {@code -}; runs of {@code -} collapse to one; leading and
     * trailing {@code .} and {@code -} go; at most {@value #MAX_LENGTH} characters; never empty, {@code .} or
     * {@code ..} (those become {@value #FALLBACK}).
     */
    public static String safe(String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String s = raw.strip();
        if (s.startsWith("@")) { // npm scope: @org/name
            s = s.substring(1);
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            char next = ok ? c : '-';
            if (next == '-' && out.length() > 0 && out.charAt(out.length() - 1) == '-') {
                continue;
            }
            out.append(next);
        }
        String name = trim(out.toString());
        if (name.length() > MAX_LENGTH) {
            name = trim(name.substring(0, MAX_LENGTH));
        }
        return name.isEmpty() ? FALLBACK : name;
    }

    /** Leading and trailing dots and dashes go, so nothing is left of {@code .}, {@code ..} or a hidden name. */
    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || s.charAt(start) == '-')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
            end--;
        }
        return s.substring(start, end);
    }
}
