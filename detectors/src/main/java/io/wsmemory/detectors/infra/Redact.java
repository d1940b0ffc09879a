package io.wsmemory.detectors.infra;

import java.util.regex.Pattern;

/**
 * Keeps credentials out of values and evidence snippets: the user information of URLs
 * ({@code redis://:secret@host} becomes {@code redis://***@host}) and the values of password-, secret- and
 * token-like keys.
 */
public final class Redact {

    private static final Pattern USERINFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s\"']+@");
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?i)([A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)"
                    + "[A-Za-z0-9_.-]*[\"']?\\s*[=:]\\s*[\"']?)([^\\s\"',}]+)");

    private Redact() {
    }

    public static String line(String s) {
        if (s == null) {
            return null;
        }
        String out = USERINFO.matcher(s).replaceAll("$1***@");
        return SECRET_ASSIGNMENT.matcher(out).replaceAll("$1***");
    }

    /** A URL without its user information. */
    public static String url(String s) {
        return s == null ? null : USERINFO.matcher(s).replaceAll("$1***@");
    }
}
