package io.wsmemory.detectors.infra.haproxy;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.infra.Durations;
import io.wsmemory.detectors.infra.InfraEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * HAProxy configuration: stickiness ({@code balance source} is client-IP hashing, reported as {@code sticky ip_hash};
 * {@code cookie NAME insert|prefix|rewrite} as {@code sticky cookie}; {@code balance uri|url_param|hdr(...)} as
 * {@code sticky hash}; stick tables by source, cookie or other key), the timeouts that govern WebSocket connections
 * ({@code timeout tunnel} once a connection is upgraded; without one, {@code timeout client} and
 * {@code timeout server} do) and {@code option httpchk} health checks.
 *
 * <p>Sticky values read {@code HAProxy 'DIRECTIVE' on backend NAME} ({@code in defaults} for a defaults section);
 * attrs {@code lb=haproxy, section, cookie, method}. Timeouts: {@code setting idle.timeout} in ms, HAProxy's bare
 * numbers being milliseconds, with {@code attrs.role=proxy, context=haproxy timeout tunnel|client|server}.
 */
public final class HaproxyDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("infra-haproxy",
            "HAProxy configuration: balance source, cookie and stick-table stickiness, tunnel/client/server timeouts, "
                    + "HTTP health checks",
            Set.of(), List.of("backend", "listen"));

    private static final Set<String> SECTIONS = Set.of("global", "defaults", "frontend", "backend", "listen",
            "resolvers", "peers", "userlist", "program", "http-errors", "ring", "cache", "mailers");

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(SourceFile file) {
        String n = InfraEvidence.lowerName(file);
        boolean named = n.endsWith(".cfg") || n.matches(".*\\.cfg\\.(template|tmpl|tpl|j2|erb|in)")
                || n.contains("haproxy") && !n.endsWith(".md") && !n.endsWith(".yml") && !n.endsWith(".yaml")
                && !n.endsWith(".json");
        return named && !file.language().isCode() && file.containsAny(DESCRIPTOR.keywords());
    }

    private record Line(int number, List<String> words) {
        String text() {
            return String.join(" ", words);
        }
    }

    private record Section(String kind, String name, int line, List<Line> lines) {
        String label() {
            return kind.equals("defaults") ? "defaults" + (name == null ? "" : " " + name) : kind + " " + name;
        }

        String where() {
            return kind.equals("defaults") ? "in " + label() : "on " + label();
        }
    }

    @Override
    public void detect(ParsedFile parsed, DetectionContext ctx) {
        SourceFile file = parsed.file();
        List<Section> sections = sections(file);
        if (sections.stream().noneMatch(s -> Set.of("backend", "listen", "frontend", "defaults").contains(s.kind()))) {
            return;
        }
        boolean tunnel = sections.stream().flatMap(s -> s.lines().stream())
                .anyMatch(l -> l.words().size() >= 3 && l.words().get(0).equals("timeout")
                        && l.words().get(1).equals("tunnel"));
        for (Section s : sections) {
            if (!Set.of("backend", "listen", "frontend", "defaults").contains(s.kind())) {
                continue;
            }
            List<String> servers = new ArrayList<>();
            for (Line l : s.lines()) {
                if (l.words().get(0).equals("server") && l.words().size() >= 3) {
                    servers.add(l.words().get(1));
                }
            }
            for (Line l : s.lines()) {
                List<String> w = l.words();
                String kw = w.get(0);
                switch (kw) {
                    case "balance" -> balance(file, ctx, s, l, servers);
                    case "cookie" -> {
                        if (w.size() >= 2 && !s.kind().equals("frontend")) {
                            String mode = w.stream().skip(2).filter(x -> Set.of("insert", "prefix", "rewrite")
                                    .contains(x)).findFirst().orElse("rewrite");
                            ctx.emit(sticky(file, s, l, "cookie", servers).attr("cookie", w.get(1)).attr("method", mode)
                                    .build());
                        }
                    }
                    case "stick" -> stick(file, ctx, s, l, servers);
                    case "timeout" -> timeout(file, ctx, s, l, tunnel);
                    case "option" -> {
                        if (w.size() >= 3 && w.get(1).equals("httpchk")) {
                            String uri = w.size() == 3 ? w.get(2) : w.get(3);
                            if (uri.startsWith("/")) {
                                ctx.emit(Fact.of(Kinds.HEALTH, uri.split("\\?")[0]).value("haproxy httpchk")
                                        .evidence(InfraEvidence.at(file, l.number())).attr("lb", "haproxy")
                                        .attr("section", s.label()).build());
                            }
                        }
                    }
                    case "http-check" -> {
                        int uri = w.indexOf("uri");
                        if (w.size() >= 2 && w.get(1).equals("send") && uri > 0 && uri + 1 < w.size()
                                && w.get(uri + 1).startsWith("/")) {
                            ctx.emit(Fact.of(Kinds.HEALTH, w.get(uri + 1).split("\\?")[0]).value("haproxy httpchk")
                                    .evidence(InfraEvidence.at(file, l.number())).attr("lb", "haproxy")
                                    .attr("section", s.label()).build());
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }

    private static void balance(SourceFile file, DetectionContext ctx, Section s, Line l, List<String> servers) {
        if (l.words().size() < 2) {
            return;
        }
        String algo = l.words().get(1).toLowerCase(Locale.ROOT);
        String key;
        if (algo.equals("source")) {
            key = "ip_hash";
        } else if (algo.equals("uri") || algo.equals("url_param") || algo.startsWith("hdr(") || algo.equals("hash")
                || algo.startsWith("rdp-cookie")) {
            key = "hash";
        } else {
            return;
        }
        ctx.emit(sticky(file, s, l, key, servers).attr("method", key.equals("ip_hash") ? "source-ip hash" : algo)
                .build());
    }

    private static void stick(SourceFile file, DetectionContext ctx, Section s, Line l, List<String> servers) {
        List<String> w = l.words();
        if (w.size() < 3 || !Set.of("on", "match").contains(w.get(1))) {
            return;
        }
        String pattern = w.get(2).toLowerCase(Locale.ROOT);
        String key = pattern.equals("src") || pattern.startsWith("src,") ? "ip_hash"
                : pattern.contains("cook") ? "cookie" : "hash";
        ctx.emit(sticky(file, s, l, key, servers).attr("method", "stick-table " + w.get(2)).build());
    }

    private static Fact.Builder sticky(SourceFile file, Section s, Line l, String key, List<String> servers) {
        return Fact.of(Kinds.STICKY, key).value("HAProxy '" + l.text() + "' " + s.where())
                .evidence(InfraEvidence.at(file, l.number())).attr("lb", "haproxy").attr("section", s.label())
                .attr("servers", String.join(",", servers));
    }

    private static void timeout(SourceFile file, DetectionContext ctx, Section s, Line l, boolean tunnelAnywhere) {
        List<String> w = l.words();
        if (w.size() < 3) {
            return;
        }
        String which = w.get(1);
        boolean relevant = which.equals("tunnel") || !tunnelAnywhere && (which.equals("client") || which.equals("server"));
        if (!relevant) {
            return;
        }
        Long ms = Durations.haproxy(w.get(2));
        if (ms == null) {
            return;
        }
        ctx.emit(Fact.of(Kinds.SETTING, "idle.timeout").value(Long.toString(ms)).unit("ms")
                .evidence(InfraEvidence.at(file, l.number())).attr("role", "proxy").attr("lb", "haproxy")
                .attr("context", "haproxy timeout " + which).attr("section", s.label()).build());
    }

    private static List<Section> sections(SourceFile file) {
        List<Section> out = new ArrayList<>();
        Section current = null;
        int n = file.lineCount();
        for (int i = 1; i <= n; i++) {
            List<String> words = words(file.line(i));
            if (words.isEmpty()) {
                continue;
            }
            String kw = words.get(0);
            if (SECTIONS.contains(kw)) {
                current = new Section(kw, words.size() > 1 ? words.get(1) : null, i, new ArrayList<>());
                out.add(current);
            } else if (current != null) {
                current.lines().add(new Line(i, words));
            }
        }
        return out;
    }

    /** The words of a line: blanks separate, quotes group, a backslash escapes, an unquoted # ends the line. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    b.append(line.charAt(++i));
                } else {
                    b.append(c);
                }
                continue;
            }
            if (c == '#') {
                break;
            }
            if (Character.isWhitespace(c)) {
                if (b != null) {
                    out.add(b.toString());
                    b = null;
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder();
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '\\' && i + 1 < line.length()) {
                b.append(line.charAt(++i));
            } else {
                b.append(c);
            }
        }
        if (b != null) {
            out.add(b.toString());
        }
        return out;
    }
}
