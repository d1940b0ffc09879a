package io.wsmemory.detectors.monitoring;

/** Small readings of string literals shared by the Go and Python readers. */
public final class Strings {

    private Strings() {
    }

    /** Undoes the common backslash escapes of a quoted literal's content. */
    public static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    default -> b.append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Joins the non-empty parts with {@code _}: Prometheus' BuildFQName(namespace, subsystem, name). */
    public static String fqName(String namespace, String subsystem, String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (String part : new String[] {namespace, subsystem, name}) {
            if (part != null && !part.isEmpty()) {
                if (b.length() > 0) {
                    b.append('_');
                }
                b.append(part);
            }
        }
        return b.toString();
    }
}
