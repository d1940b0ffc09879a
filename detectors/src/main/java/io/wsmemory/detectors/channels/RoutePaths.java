package io.wsmemory.detectors.channels;

/**
 * Turns Django route strings into the paths clients connect to: {@code path("ws/chat/<str:room>/")} and
 * {@code re_path(r"^ws/chat/(?P<room_name>\w+)/$")} both become {@code /ws/chat/{room}/} style paths, prefixed by
 * the routes of the URL routers they are nested in.
 */
final class RoutePaths {

    private RoutePaths() {
    }

    static String join(String prefix, String route, boolean regex) {
        String part = regex ? fromRegex(route) : fromPath(route);
        String p = (prefix == null ? "" : prefix) + "/" + part;
        p = p.replaceAll("/{2,}", "/");
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        return p;
    }

    /** {@code <int:room_id>} → {@code {room_id}}. */
    static String fromPath(String route) {
        return route.replaceAll("<(?:[\\w]+:)?(\\w+)>", "{$1}");
    }

    /** A Django regex route, anchors dropped, named groups as placeholders, escapes undone. */
    static String fromRegex(String route) {
        String s = route;
        if (s.startsWith("^")) {
            s = s.substring(1);
        }
        if (s.endsWith("$")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("\\Z")) {
            s = s.substring(0, s.length() - 2);
        }
        StringBuilder b = new StringBuilder();
        int i = 0;
        int unnamed = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if ("dwsDWS".indexOf(n) >= 0) {
                    b.append("{param}");
                } else {
                    b.append(n);
                }
                i += 2;
                continue;
            }
            if (c == '(') {
                int end = closing(s, i);
                String group = s.substring(i + 1, Math.max(i + 1, end));
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\?P<(\\w+)>").matcher(group);
                if (m.find()) {
                    b.append('{').append(m.group(1)).append('}');
                } else if (group.startsWith("?:")) {
                    b.append(fromRegex(group.substring(2)));
                } else {
                    b.append("{param").append(unnamed++ == 0 ? "" : String.valueOf(unnamed)).append('}');
                }
                i = end + 1;
                continue;
            }
            if (c == '?' || c == '*' || c == '+') {
                i++; // optional trailing slash and repetitions are not part of the path
                continue;
            }
            if (c == '[') {
                int end = s.indexOf(']', i);
                b.append("{param}");
                i = end < 0 ? s.length() : end + 1;
                continue;
            }
            b.append(c);
            i++;
        }
        return b.toString();
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return s.length() - 1;
    }
}
