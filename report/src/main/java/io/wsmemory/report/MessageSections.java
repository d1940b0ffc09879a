package io.wsmemory.report;

import static io.wsmemory.report.MemoryModel.line;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.report.MemoryModel.Events;
import io.wsmemory.report.MemoryModel.Group;
import io.wsmemory.report.MemoryModel.MessageSchemas;
import io.wsmemory.report.MemoryModel.Section;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The sections of message_schemas.md. */
final class MessageSections {

    static final String GENERAL = "General";

    /** Event attributes that carry validation rules, in the order a line shows them. */
    private static final List<String> VALIDATION_ATTRS = List.of("required", "validation", "validator", "schema",
            "constraints");

    /** A version segment of a path or name: {@code /ws/v2}, {@code api.v1}. */
    private static final Pattern VERSIONED = Pattern.compile("(^|[/._:-])v[0-9]+($|[/._:-])");

    private final MemoryModel m;

    MessageSections(MemoryModel m) {
        this.m = m;
    }

    MessageSchemas build() {
        return new MessageSchemas(m.project(), envelope(), events(), rooms(), serialization(), validation(),
                versioning());
    }

    private Section envelope() {
        List<Fact> fields = new ArrayList<>(m.facts(Kinds.ENVELOPE));
        fields.sort(Comparator.<Fact>comparingInt(f -> "discriminator".equals(f.value()) ? 0 : 1)
                .thenComparing(Fact.ORDER));
        List<String> lines = new ArrayList<>();
        for (Fact f : fields) {
            String role = "discriminator".equals(f.value()) ? "discriminator: selects the handler"
                    : f.value().isBlank() ? "field" : Format.inline(f.value());
            lines.add(line(Format.code(f.key()) + " — " + role + Format.notes(f, true), f));
        }
        return new Section(lines);
    }

    /** The domain of an event: {@code attrs.domain}, else the prefix before {@code :} or {@code .}, else General. */
    static String domain(Fact event) {
        String d = event.attr("domain");
        if (d != null && !Format.inline(d).isEmpty()) {
            return Format.inline(d);
        }
        String name = event.key();
        int slash = name.lastIndexOf('/');
        if (slash >= 0) { // a STOMP destination: /app/chat.send is in the chat domain
            name = name.substring(slash + 1);
        }
        int cut = -1;
        for (int i = 0; i < name.length() && cut < 0; i++) {
            if (name.charAt(i) == ':' || name.charAt(i) == '.') {
                cut = i;
            }
        }
        String prefix = cut > 0 && cut < name.length() - 1 ? Format.inline(name.substring(0, cut)) : "";
        return prefix.isEmpty() ? GENERAL : prefix;
    }

    private Events events() {
        List<Fact> events = m.facts(Kinds.EVENT);
        Map<String, List<Fact>> byDomain = new TreeMap<>();
        Map<String, String> titles = new TreeMap<>();
        for (Fact f : events) {
            String d = domain(f);
            String k = d.toLowerCase(Locale.ROOT);
            k = k.equals(GENERAL.toLowerCase(Locale.ROOT)) ? "\uffff" : k; // General last
            byDomain.computeIfAbsent(k, x -> new ArrayList<>()).add(f);
            titles.putIfAbsent(k, d);
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<Fact>> e : byDomain.entrySet()) {
            List<Fact> fs = e.getValue();
            String title = e.getKey().equals("\uffff") ? GENERAL : Format.capitalize(titles.get(e.getKey())) + " Domain";
            String heading = title + " (" + fs.size() + (fs.size() == 1 ? " event)" : " events)");
            List<String> lines = new ArrayList<>();
            for (Fact f : fs) {
                lines.add(eventLine(f));
            }
            groups.add(new Group(heading, lines, groups.isEmpty()));
        }
        return new Events(events.size(), groups);
    }

    /** {@code - `chat:message` — in — payload `text: string` — description — `path:line`}. */
    private static String eventLine(Fact f) {
        StringBuilder t = new StringBuilder(Format.code(f.key()));
        t.append(" — ").append(f.value().isBlank() ? "direction unknown" : Format.inline(f.value()));
        String payload = f.attr("payload");
        t.append(" — ").append(payload == null || payload.isBlank() ? "payload unknown" : "payload " + Format.code(payload));
        if (f.attr("code") != null) {
            t.append(" — code ").append(Format.code(f.attr("code")));
        }
        if ("true".equals(f.attr("unnamed"))) {
            t.append(" — unnamed: keyed by its payload type");
        }
        String description = f.attr("description");
        if (description != null && !Format.inline(description).isEmpty()) {
            t.append(" — ").append(Format.inline(description));
        }
        t.append(Format.notes(f, true));
        return line(t.toString(), f);
    }

    private List<Group> rooms() {
        List<Group> groups = new ArrayList<>();
        List<String> rooms = new ArrayList<>();
        for (Fact f : m.facts(Kinds.ROOM)) {
            rooms.add(line(Format.code(f.key()) + (f.value().isBlank() ? "" : " — " + Format.inline(f.value()))
                    + Format.notes(f, true), f));
        }
        List<String> namespaces = new ArrayList<>();
        for (Fact f : m.facts(Kinds.NAMESPACE)) {
            namespaces.add(line(Format.code(f.key()) + Format.notes(f, true), f));
        }
        List<String> destinations = new ArrayList<>();
        for (Fact f : m.facts(Kinds.DESTINATION)) {
            String kind = f.value().isBlank() ? "" : " — " + Labels.DESTINATIONS.getOrDefault(f.value(),
                    Format.inline(f.value()));
            destinations.add(line(Format.code(f.key()) + kind + Format.notes(f, true), f));
        }
        add(groups, "Rooms", rooms);
        add(groups, "Namespaces", namespaces);
        add(groups, "STOMP Destinations", destinations);
        return groups;
    }

    private static void add(List<Group> groups, String heading, List<String> lines) {
        if (!lines.isEmpty()) {
            groups.add(new Group(heading, lines, groups.isEmpty()));
        }
    }

    private Section serialization() {
        List<String> lines = new ArrayList<>();
        List<Fact> formats = m.ordered(Kinds.SERIALIZATION, Labels.SERIALIZATION);
        for (Fact f : formats) {
            String shown = f.value().isBlank() ? "" : ", shown by " + Format.code(f.value());
            lines.add(line(Labels.of(Labels.SERIALIZATION, f.key()) + shown + Format.notes(f, true), f));
        }
        List<Fact> limits = sizeLimits();
        if (formats.isEmpty() && !limits.isEmpty()) {
            lines.add("- Format: not found.");
        }
        boolean mixed = MemoryModel.mixedLibraries(limits);
        for (Fact f : limits) {
            lines.add(line("Max message size" + MemoryModel.qualifiers(f, mixed) + ": " + Format.sourced(f), f));
        }
        if (!formats.isEmpty() && limits.isEmpty()) {
            lines.add("- Max message size: not found.");
        }
        return new Section(lines);
    }

    private List<Fact> sizeLimits() {
        List<Fact> out = new ArrayList<>();
        for (Fact f : m.facts(Kinds.SETTING)) {
            if ("payload.max".equals(f.key()) && !MemoryModel.isProxy(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private Section validation() {
        List<String> lines = new ArrayList<>();
        for (Fact f : m.facts(Kinds.EVENT)) {
            List<String> rules = new ArrayList<>();
            for (String a : VALIDATION_ATTRS) {
                String v = f.attr(a);
                if (v != null && !v.isBlank()) {
                    rules.add(a + " " + ("required".equals(a) ? Format.codeList(v) : Format.code(v)));
                }
            }
            if (!rules.isEmpty()) {
                lines.add(line(Format.code(f.key()) + " (" + Format.inline(f.value()) + "): " + String.join("; ", rules),
                        f));
            }
        }
        List<Fact> limits = sizeLimits();
        boolean mixed = MemoryModel.mixedLibraries(limits);
        for (Fact f : limits) {
            lines.add(line("Payload size limit" + MemoryModel.qualifiers(f, mixed) + ": " + Format.sourced(f), f));
        }
        return new Section(lines);
    }

    private Section versioning() {
        List<String> lines = new ArrayList<>();
        for (Fact f : m.facts(Kinds.ENVELOPE)) {
            if (f.key().toLowerCase(Locale.ROOT).contains("version")) {
                lines.add(line("Version field " + Format.code(f.key()) + " in the message envelope", f));
            }
        }
        for (Fact f : m.facts(Kinds.SETTING)) {
            String k = f.key().toLowerCase(Locale.ROOT);
            if (k.contains("version") || k.contains("subprotocol")) {
                lines.add(MemoryModel.settingLine(f, false));
            } else if ("path".equals(f.key()) && VERSIONED.matcher(f.value()).find()) {
                lines.add(line("Versioned endpoint path " + Format.code(f.value()), f));
            }
        }
        for (Fact f : m.facts(Kinds.NAMESPACE)) {
            if (VERSIONED.matcher(f.key()).find()) {
                lines.add(line("Versioned namespace " + Format.code(f.key()), f));
            }
        }
        for (Fact f : m.facts(Kinds.DESTINATION)) {
            if (VERSIONED.matcher(f.key()).find()) {
                lines.add(line("Versioned destination " + Format.code(f.key()), f));
            }
        }
        for (Fact f : m.facts(Kinds.EVENT)) {
            if (f.attr("version") != null && !f.attr("version").isBlank()) {
                lines.add(line("Event " + Format.code(f.key()) + " is version " + Format.code(f.attr("version")), f));
            }
        }
        return new Section(lines);
    }
}
