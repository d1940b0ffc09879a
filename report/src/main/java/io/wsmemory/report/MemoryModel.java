package io.wsmemory.report;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.engine.ScanResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The facts of a scan grouped into the sections of the three memory files (reference/memory-layout.md), each
 * section as the Markdown lines it shows. Nothing here reads source code: a line states a fact and ends with that
 * fact's evidence, or states what was looked for and not found. The templates lay the sections out; the records
 * below are what they read.
 */
public final class MemoryModel {

    /** A section's lines; empty when nothing was found, and the template then says what is unknown. */
    public record Section(List<String> lines) {
        public Section {
            lines = List.copyOf(lines);
        }
    }

    /** A titled part of a section ({@code ### Chat Domain (6 events)}); {@code first} spares it a blank line above. */
    public record Group(String heading, List<String> lines, boolean first) {
        public Group {
            lines = List.copyOf(lines);
        }
    }

    /** {@code ## Event Types ({count} defined)}, grouped by domain. */
    public record Events(int count, List<Group> domains) {
        public Events {
            domains = List.copyOf(domains);
        }
    }

    /** The architecture summary and the lines of its Mermaid diagram. */
    public record Architecture(List<String> lines, List<String> diagram) {
        public Architecture {
            lines = List.copyOf(lines);
            diagram = List.copyOf(diagram);
        }
    }

    /** What {@code connection_patterns.md} shows. */
    public record ConnectionPatterns(String project, Section library, Section settings, Section auth,
                                     Section reconnect, Section clients, Section transports, Section issues) {
    }

    /** What {@code message_schemas.md} shows. */
    public record MessageSchemas(String project, Section envelope, Events events, List<Group> rooms,
                                 Section serialization, Section validation, Section versioning) {
        public MessageSchemas {
            rooms = List.copyOf(rooms);
        }
    }

    /** What {@code scaling_config.md} shows. */
    public record ScalingConfig(String project, Architecture architecture, Section broker, Section loadBalancing,
                                Section capacity, Section monitoring, Section issues) {
    }

    private static final int MAX_PROJECT = 100;

    private final String project;
    private final List<Fact> facts;
    private final Map<String, List<Fact>> byKind;

    private MemoryModel(String project, List<Fact> facts) {
        String p = Format.inline(project);
        if (p.length() > MAX_PROJECT) {
            p = p.substring(0, MAX_PROJECT).strip() + "…";
        }
        this.project = p.isEmpty() ? ProjectNames.FALLBACK : p;
        List<Fact> sorted = new ArrayList<>(facts);
        sorted.sort(Fact.ORDER);
        this.facts = Collections.unmodifiableList(sorted);
        Map<String, List<Fact>> m = new TreeMap<>();
        for (Fact f : sorted) {
            m.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f);
        }
        this.byKind = m;
    }

    public static MemoryModel from(ScanResult result) {
        return of(result.projectName(), result.facts());
    }

    public static MemoryModel of(String projectName, List<Fact> facts) {
        return new MemoryModel(Objects.requireNonNullElse(projectName, ProjectNames.FALLBACK), facts);
    }

    /** The project's name as the titles show it: one line, at most {@value #MAX_PROJECT} characters. */
    public String project() {
        return project;
    }

    /** Every fact, in {@link Fact#ORDER}. */
    public List<Fact> facts() {
        return facts;
    }

    /** The facts of one kind, in {@link Fact#ORDER}. */
    public List<Fact> facts(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    public ConnectionPatterns connectionPatterns() {
        return new ConnectionSections(this).build();
    }

    public MessageSchemas messageSchemas() {
        return new MessageSections(this).build();
    }

    public ScalingConfig scalingConfig() {
        return new ScalingSections(this).build();
    }

    // ---- helpers shared by the section builders ----

    /** {@code text — `path:line`}: a line that states a fact ends with its evidence. */
    static String line(String text, Fact f) {
        return "- " + text + " — " + Format.evidence(f);
    }

    /** The facts of a kind sorted by a label table's order, then {@link Fact#ORDER}. */
    List<Fact> ordered(String kind, Map<String, String> labels) {
        List<Fact> out = new ArrayList<>(facts(kind));
        out.sort(Comparator.<Fact>comparingInt(f -> Labels.rank(labels, f.key())).thenComparing(Fact.ORDER));
        return out;
    }

    /** {@code  (server, broker-relay)}: what tells facts of one key apart; the library when several are mixed. */
    static String qualifiers(Fact f, boolean withLibrary) {
        List<String> q = new ArrayList<>();
        for (String a : List.of("role", "context", "service")) {
            String v = f.attr(a);
            if (v != null && !v.isBlank()) {
                q.add("service".equals(a) ? "service " + Format.code(v) : Format.inline(v));
            }
        }
        if (withLibrary && f.library() != null && !f.library().isBlank()) {
            q.add(Format.inline(f.library()));
        }
        return q.isEmpty() ? "" : " (" + String.join(", ", q) + ")";
    }

    /** Whether facts come from more than one library, so each line must say which. */
    static boolean mixedLibraries(List<Fact> facts) {
        return facts.stream().map(Fact::library).filter(Objects::nonNull).distinct().count() > 1;
    }

    /** A setting line: {@code - Ping interval (server): 25 s (library default, socket.io) — `path:line`}. */
    static String settingLine(Fact f, boolean withLibrary) {
        return line(Labels.of(Labels.SETTINGS, f.key()) + qualifiers(f, withLibrary) + ": " + Format.sourced(f), f);
    }

    static boolean isProxy(Fact f) {
        return "proxy".equals(f.attr("role"));
    }

    /** Findings about scaling go to scaling_config.md, the others to connection_patterns.md. */
    static boolean isScalingFinding(Fact f) {
        String area = f.attr("area") != null ? f.attr("area") : f.attr("category");
        if (area != null) {
            return area.toLowerCase(java.util.Locale.ROOT).startsWith("scal");
        }
        String k = f.key().toUpperCase(java.util.Locale.ROOT);
        for (String w : List.of("SCAL", "STICKY", "ADAPTER", "REPLICA", "BROKER", "CLUSTER", "INSTANCE", "TODO",
                "FIXME", "HACK", "DEBT", "STATE")) {
            if (k.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** {@code - `WS-ORIGIN-ANY` (warning): message — `path:line`}. */
    static String findingLine(Fact f) {
        String sev = f.value().isBlank() ? "" : " (" + Format.inline(f.value()) + ")";
        String msg = null;
        for (String a : List.of("why", "message", "description", "title", "detail")) {
            if (msg == null && f.attr(a) != null && !f.attr(a).isBlank()) {
                msg = Format.inline(f.attr(a));
            }
        }
        if (f.attr("text") != null && !f.attr("text").isBlank()) { // a TODO/FIXME comment, quoted
            msg = (msg == null ? "" : msg + ": ") + "\"" + Format.inline(f.attr("text")) + "\"";
        }
        return line(Format.code(f.key()) + sev + (msg == null ? "" : ": " + msg), f);
    }

    /** Whether a finding's rule id mentions a word, so a derived issue does not repeat it. */
    boolean findingMentions(String word) {
        for (Fact f : facts(io.wsmemory.core.api.Kinds.FINDING)) {
            if (f.key().toUpperCase(java.util.Locale.ROOT).contains(word)) {
                return true;
            }
        }
        return false;
    }
}
