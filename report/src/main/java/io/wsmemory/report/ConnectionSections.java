package io.wsmemory.report;

import static io.wsmemory.report.MemoryModel.line;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.report.MemoryModel.ConnectionPatterns;
import io.wsmemory.report.MemoryModel.Section;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The sections of connection_patterns.md. */
final class ConnectionSections {

    private final MemoryModel m;

    ConnectionSections(MemoryModel m) {
        this.m = m;
    }

    ConnectionPatterns build() {
        return new ConnectionPatterns(m.project(), library(), settings(), auth(), reconnect(), clients(),
                transports(), issues());
    }

    private Section library() {
        List<Fact> libs = new ArrayList<>(m.facts(Kinds.LIBRARY));
        libs.sort(Comparator.<Fact>comparingInt(f -> Labels.rank(Labels.ROLES, String.valueOf(f.attr("role"))))
                .thenComparing(Fact.ORDER));
        List<String> lines = new ArrayList<>();
        for (Fact f : libs) {
            String role = f.attr("role");
            String label = role == null ? "Library" : Format.capitalize(role);
            String version = f.value().isBlank() || "unknown".equals(f.value())
                    ? "version unknown" : Format.inline(f.value());
            String lang = f.attr("language") == null ? "" : " (" + Format.inline(f.attr("language")) + ")";
            lines.add(line(label + ": " + Format.code(f.key()) + " " + version + lang, f));
        }
        List<Fact> transports = transportsInOrder();
        if (libs.isEmpty() && !transports.isEmpty()) {
            lines.add("- Library: not found in manifests or code.");
        }
        for (Fact f : transports) {
            lines.add(line("Transport: " + Labels.of(Labels.TRANSPORTS, f.key()) + valueInParens(f), f));
        }
        return new Section(lines);
    }

    private Section settings() {
        List<Fact> settings = m.ordered(Kinds.SETTING, Labels.SETTINGS);
        boolean mixed = MemoryModel.mixedLibraries(settings);
        List<String> lines = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String key : Labels.CORE_SETTINGS) {
            if (settings.stream().noneMatch(f -> f.key().equals(key))) {
                missing.add(Labels.of(Labels.SETTINGS, key).toLowerCase(java.util.Locale.ROOT));
            }
        }
        for (Fact f : settings) {
            lines.add(MemoryModel.settingLine(f, mixed));
        }
        if (!lines.isEmpty() && !missing.isEmpty()) {
            lines.add("- Not found: " + String.join(", ", missing) + ".");
        }
        return new Section(lines);
    }

    private Section auth() {
        List<String> lines = new ArrayList<>();
        List<Fact> auth = m.ordered(Kinds.AUTH, Labels.AUTH);
        for (Fact f : auth) {
            StringBuilder t = new StringBuilder(Labels.of(Labels.AUTH, f.key()));
            if (!f.value().isBlank() && !"none".equals(f.value())) {
                String phase = Labels.AUTH_PHASE.get(f.value());
                t.append(", ").append(phase != null ? phase : "checked at " + Format.code(f.value()));
            }
            String carrier = f.attr("carrier");
            if (carrier != null && !"query-param".equals(f.value())) {
                String c = Labels.AUTH_CARRIER.get(carrier);
                t.append(", ").append(c != null ? c : "sent in " + Format.code(carrier));
            }
            t.append(notes(f));
            lines.add(line(t.toString(), f));
        }
        List<Fact> origins = m.facts(Kinds.ORIGIN);
        if (auth.isEmpty() && !origins.isEmpty()) {
            lines.add("- Authentication: not found on the handshake or messages.");
        }
        for (Fact f : origins) {
            String text = switch (f.key()) {
                case "any" -> "any origin";
                case "same-origin" -> "same origin only";
                case "allow-list" -> f.value().isBlank() ? "an allow-list (origins not listed)"
                        : Format.codeList(f.value()) + " (allow-list)";
                default -> Format.code(f.key()) + (f.value().isBlank() ? "" : " " + Format.codeList(f.value()));
            };
            lines.add(line("Allowed origins: " + text + notes(f), f));
        }
        if (!auth.isEmpty() && origins.isEmpty()) {
            lines.add("- Allowed origins: no origin check found.");
        }
        return new Section(lines);
    }

    private Section reconnect() {
        List<String> lines = new ArrayList<>();
        List<Fact> facts = m.ordered(Kinds.RECONNECT, Labels.RECONNECT);
        boolean mixed = MemoryModel.mixedLibraries(facts);
        for (Fact f : facts) {
            lines.add(line(Labels.of(Labels.RECONNECT, f.key()) + MemoryModel.qualifiers(f, mixed) + ": "
                    + Format.sourced(f), f));
        }
        return new Section(lines);
    }

    private Section clients() {
        List<String> lines = new ArrayList<>();
        for (Fact f : m.ordered(Kinds.CLIENT_TYPE, Labels.CLIENTS)) {
            String app = f.attr("app");
            String shown = f.value().isBlank() ? "" : ", shown by " + Format.code(f.value())
                    + (app == null ? "" : " (" + Format.inline(app) + ")");
            lines.add(line(Labels.of(Labels.CLIENTS, f.key()) + shown + notes(f), f));
        }
        return new Section(lines);
    }

    private Section transports() {
        List<String> lines = new ArrayList<>();
        List<Fact> transports = transportsInOrder();
        for (Fact f : transports) {
            String role = f.value().isBlank() ? "" : ": " + Format.inline(f.value());
            lines.add(line(Labels.of(Labels.TRANSPORTS, f.key()) + role + notes(f), f));
        }
        for (Fact f : m.facts(Kinds.SETTING)) {
            if ("upgrade.timeout".equals(f.key())) {
                lines.add(MemoryModel.settingLine(f, false));
            }
        }
        return new Section(lines);
    }

    private Section issues() {
        List<String> lines = new ArrayList<>();
        for (Fact f : m.facts(Kinds.FINDING)) {
            if (!MemoryModel.isScalingFinding(f)) {
                lines.add(MemoryModel.findingLine(f));
            }
        }
        if (!m.findingMentions("ORIGIN")) {
            for (Fact f : m.facts(Kinds.ORIGIN)) {
                if ("any".equals(f.key())) {
                    lines.add(line("Any origin is accepted (derived from the origin policy): any web page can open"
                            + " a connection to this server", f));
                }
            }
        }
        if (!m.findingMentions("AUTH")) {
            List<Fact> auth = m.facts(Kinds.AUTH);
            for (Fact f : auth) {
                if ("none".equals(f.key())) {
                    lines.add(line("No authentication on WebSocket connections (derived from `auth none`)", f));
                }
            }
            Fact server = firstServerLibrary();
            if (auth.isEmpty() && server != null) {
                lines.add(line("No authentication found on the handshake or messages of the " + Format.code(server.key())
                        + " server (derived: no known auth hook was seen; check by hand)", server));
            }
        }
        return new Section(lines);
    }

    private Fact firstServerLibrary() {
        for (Fact f : m.facts(Kinds.LIBRARY)) {
            if ("server".equals(f.attr("role"))) {
                return f;
            }
        }
        return null;
    }

    private List<Fact> transportsInOrder() {
        List<Fact> t = new ArrayList<>(m.facts(Kinds.TRANSPORT));
        t.sort(Comparator.<Fact>comparingInt(f -> "primary".equals(f.value()) ? 0 : 1)
                .thenComparingInt(f -> Labels.rank(Labels.TRANSPORTS, f.key()))
                .thenComparing(Fact.ORDER));
        return t;
    }

    private static String valueInParens(Fact f) {
        return f.value().isBlank() ? "" : " (" + Format.inline(f.value()) + ")";
    }

    private static String notes(Fact f) {
        return Format.notes(f, true);
    }
}
