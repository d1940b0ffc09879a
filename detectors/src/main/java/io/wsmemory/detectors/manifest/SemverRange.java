package io.wsmemory.detectors.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Enough of npm's semver ranges to tell whether a locked version still satisfies what package.json asks for:
 * {@code ^}, {@code ~}, comparators, x-ranges, hyphen ranges and {@code ||}. Anything else (tags, URLs, protocols)
 * is "cannot say".
 */
final class SemverRange {

    private static final Pattern VERSION = Pattern.compile(
            "v?(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");
    private static final Pattern PARTIAL = Pattern.compile(
            "(<=|>=|<|>|=|\\^|~>?)?v?(\\*|[xX]|\\d{1,9})(?:\\.(\\*|[xX]|\\d{1,9})(?:\\.(\\*|[xX]|\\d{1,9})"
                    + "(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?)?)?");
    private static final Pattern HYPHEN = Pattern.compile("^(\\S+)\\s+-\\s+(\\S+)$");

    private SemverRange() {
    }

    /** True or false when both parse; empty when the range or the version is not semver. */
    static Optional<Boolean> satisfies(String range, String version) {
        Matcher vm = VERSION.matcher(version == null ? "" : version.strip());
        if (!vm.matches()) {
            return Optional.empty();
        }
        Version v = new Version(Integer.parseInt(vm.group(1)), Integer.parseInt(vm.group(2)),
                Integer.parseInt(vm.group(3)), vm.group(4));
        String r = range == null ? "" : range.strip();
        if (r.length() > 256) {
            return Optional.empty();
        }
        boolean any = false;
        for (String alt : r.split("\\|\\|", -1)) {
            List<Comparator> set = parseSet(alt.strip());
            if (set == null) {
                return Optional.empty();
            }
            boolean all = true;
            for (Comparator c : set) {
                all &= c.test(v);
            }
            any |= all;
        }
        return Optional.of(any);
    }

    private static List<Comparator> parseSet(String s) {
        List<Comparator> out = new ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        Matcher h = HYPHEN.matcher(s);
        if (h.matches()) {
            Bound lo = bound(h.group(1));
            Bound hi = bound(h.group(2));
            if (lo == null || hi == null) {
                return null;
            }
            if (lo.parts > 0) {
                out.add(new Comparator(">=", lo.floor()));
            }
            if (hi.parts == 3) {
                out.add(new Comparator("<=", hi.floor()));
            } else if (hi.parts > 0) {
                out.add(new Comparator("<", hi.ceiling()));
            }
            return out;
        }
        s = s.replaceAll("(<=|>=|<|>|=|\\^|~>?)\\s+", "$1");
        for (String token : s.split("\\s+")) {
            Matcher m = PARTIAL.matcher(token);
            if (!m.matches()) {
                return null;
            }
            String op = m.group(1) == null ? "" : m.group(1);
            Bound b = bound(token.substring(op.length()));
            if (b == null) {
                return null;
            }
            switch (op) {
                case "", "=" -> {
                    if (b.parts == 3) {
                        out.add(new Comparator("=", b.floor()));
                    } else if (b.parts > 0) {
                        out.add(new Comparator(">=", b.floor()));
                        out.add(new Comparator("<", b.ceiling()));
                    }
                }
                case "^" -> {
                    if (b.parts == 0) {
                        break;
                    }
                    out.add(new Comparator(">=", b.floor()));
                    Version f = b.floor();
                    Version upper;
                    if (f.major > 0 || b.parts == 1) {
                        upper = new Version(f.major + 1, 0, 0, null);
                    } else if (f.minor > 0 || b.parts == 2) {
                        upper = new Version(0, f.minor + 1, 0, null);
                    } else {
                        upper = new Version(0, 0, f.patch + 1, null);
                    }
                    out.add(new Comparator("<", upper));
                }
                case "~", "~>" -> {
                    if (b.parts == 0) {
                        break;
                    }
                    Version f = b.floor();
                    out.add(new Comparator(">=", f));
                    out.add(new Comparator("<", b.parts == 1 ? new Version(f.major + 1, 0, 0, null)
                            : new Version(f.major, f.minor + 1, 0, null)));
                }
                case ">" -> {
                    if (b.parts == 0) {
                        out.add(new Comparator("<", new Version(0, 0, 0, null)));
                    } else {
                        out.add(new Comparator(b.parts == 3 ? ">" : ">=", b.parts == 3 ? b.floor() : b.ceiling()));
                    }
                }
                case ">=" -> {
                    if (b.parts > 0) {
                        out.add(new Comparator(">=", b.floor()));
                    }
                }
                case "<" -> out.add(new Comparator("<", b.parts == 0 ? new Version(0, 0, 0, null) : b.floor()));
                case "<=" -> {
                    if (b.parts == 3) {
                        out.add(new Comparator("<=", b.floor()));
                    } else if (b.parts > 0) {
                        out.add(new Comparator("<", b.ceiling()));
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        return out;
    }

    /** A partial version: how many leading numbers were given (0 for {@code *}). */
    private record Bound(int parts, int major, int minor, int patch, String pre) {
        Version floor() {
            return new Version(major, minor, patch, parts == 3 ? pre : null);
        }

        Version ceiling() {
            return parts == 1 ? new Version(major + 1, 0, 0, null) : new Version(major, minor + 1, 0, null);
        }
    }

    private static Bound bound(String s) {
        Matcher m = PARTIAL.matcher(s);
        if (!m.matches() || m.group(1) != null) {
            return null;
        }
        int[] n = new int[3];
        int parts = 0;
        for (int i = 0; i < 3; i++) {
            String g = m.group(2 + i);
            if (g == null || g.equals("*") || g.equalsIgnoreCase("x")) {
                break;
            }
            n[i] = Integer.parseInt(g);
            parts++;
        }
        return new Bound(parts, n[0], n[1], n[2], m.group(5));
    }

    private record Version(int major, int minor, int patch, String pre) implements Comparable<Version> {
        @Override
        public int compareTo(Version o) {
            int c = Integer.compare(major, o.major);
            if (c == 0) {
                c = Integer.compare(minor, o.minor);
            }
            if (c == 0) {
                c = Integer.compare(patch, o.patch);
            }
            if (c == 0) {
                if (pre == null || o.pre == null) {
                    c = pre == null ? (o.pre == null ? 0 : 1) : -1;
                } else {
                    c = comparePre(pre, o.pre);
                }
            }
            return c;
        }

        private static int comparePre(String a, String b) {
            String[] x = a.split("\\.");
            String[] y = b.split("\\.");
            for (int i = 0; i < Math.min(x.length, y.length); i++) {
                boolean nx = x[i].matches("\\d{1,9}");
                boolean ny = y[i].matches("\\d{1,9}");
                int c = nx && ny ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]))
                        : nx ? -1 : ny ? 1 : x[i].compareTo(y[i]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.length, y.length);
        }
    }

    private record Comparator(String op, Version v) {
        boolean test(Version x) {
            int c = x.compareTo(v);
            return switch (op) {
                case "=" -> c == 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                default -> false;
            };
        }
    }
}
