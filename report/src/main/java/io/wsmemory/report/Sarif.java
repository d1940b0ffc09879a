package io.wsmemory.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0 for code scanning ({@code --format sarif}): one result per {@code finding} fact (rule id = the
 * finding's key, level from its severity, message = {@code attrs.why}, locations from its evidence), and, for a
 * drift check, one result per change and per memory file problem. Paths are relative URIs against
 * {@value #SRCROOT}, the folder code scanning checks out, so that the results land on the right lines; no absolute
 * path and no time, so the same scan gives the same bytes.
 */
public final class Sarif {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String SRCROOT = "%SRCROOT%";
    public static final String DRIFT_BREAKING = "WSM-DRIFT-BREAKING";
    public static final String DRIFT_ADDITIVE = "WSM-DRIFT-ADDITIVE";
    public static final String MEMORY_PROBLEM = "WSM-MEMORY-BLOCK";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Sarif() {
    }

    /**
     * A SARIF log of the findings among {@code facts} and, when {@code drift} is not null, of the drift.
     *
     * @param sourcePrefix what goes before a scanned path to make it relative to {@value #SRCROOT} ({@code ""} when
     *     the scanned folder is the root, else e.g. {@code services/chat/})
     * @param memoryPrefix the same for the memory folder's files (e.g. {@code memory/websocket-engineer/chat/})
     */
    public static String toSarif(List<Fact> facts, String toolVersion, String sourcePrefix, DriftReport drift,
                                 String memoryPrefix) {
        List<Fact> findings = new ArrayList<>();
        for (Fact f : facts) {
            if (Kinds.FINDING.equals(f.kind())) {
                findings.add(f);
            }
        }
        findings.sort(Fact.ORDER);
        Map<String, ObjectNode> rules = new LinkedHashMap<>();
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode results = MAPPER.createArrayNode();
        for (Fact f : findings.stream().sorted(java.util.Comparator.comparing(Fact::key)).toList()) {
            rules.computeIfAbsent(f.key(), k -> rule(k, why(f), level(f.value())));
        }
        if (drift != null) {
            rules.put(DRIFT_BREAKING, rule(DRIFT_BREAKING,
                    "The memory no longer matches the code: a breaking change since it was written.", "error"));
            rules.put(DRIFT_ADDITIVE, rule(DRIFT_ADDITIVE,
                    "The memory no longer matches the code: an additive change since it was written.", "warning"));
            rules.put(MEMORY_PROBLEM, rule(MEMORY_PROBLEM,
                    "A generated memory block was edited by hand, is missing or is out of date.", "error"));
        }
        for (String id : rules.keySet()) {
            ruleIndex.put(id, ruleIndex.size());
        }
        for (Fact f : findings) {
            ObjectNode r = result(f.key(), ruleIndex.get(f.key()), level(f.value()), why(f));
            List<Evidence> ev = f.evidence();
            if (!ev.isEmpty()) {
                r.putArray("locations").add(location(sourcePrefix + ev.get(0).path(), ev.get(0).line()));
                if (ev.size() > 1) {
                    ArrayNode related = r.putArray("relatedLocations");
                    for (int i = 1; i < ev.size(); i++) {
                        ObjectNode loc = location(sourcePrefix + ev.get(i).path(), ev.get(i).line());
                        loc.put("id", i);
                        loc.putObject("message").put("text", "also shown here");
                        related.add(loc);
                    }
                }
            }
            results.add(r);
        }
        if (drift != null) {
            for (FactChange c : drift.changes()) {
                String id = c.breaking() ? DRIFT_BREAKING : DRIFT_ADDITIVE;
                StringBuilder msg = new StringBuilder(c.change().id()).append(' ').append(c.subject()).append(": ");
                List<String> d = new ArrayList<>();
                c.details().forEach(x -> d.add(x.text()));
                msg.append(String.join("; ", d)).append(" (").append(c.place().file()).append(" — ")
                        .append(c.place().title()).append(')');
                ObjectNode r = result(id, ruleIndex.get(id), c.breaking() ? "error" : "warning", msg.toString());
                Evidence e = c.evidence();
                if (e != null) {
                    r.putArray("locations").add(location(sourcePrefix + e.path(), e.line()));
                }
                results.add(r);
            }
            for (MemoryDrift.Problem p : drift.memory()) {
                ObjectNode r = result(MEMORY_PROBLEM, ruleIndex.get(MEMORY_PROBLEM), "error", p.describe());
                r.putArray("locations").add(location(memoryPrefix + p.file(), p.line()));
                results.add(r);
            }
        }

        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "wsmemory");
        if (toolVersion != null && !toolVersion.isBlank()) {
            driver.put("version", toolVersion);
        }
        ArrayNode ruleArray = driver.putArray("rules");
        rules.values().forEach(ruleArray::add);
        run.put("columnKind", "unicodeCodePoints");
        run.set("results", results);
        try {
            return JsonReport.WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A finding's severity as a SARIF level: high → error, medium → warning, low and info → note. */
    static String level(String severity) {
        return switch (severity == null ? "" : severity.strip().toLowerCase(Locale.ROOT)) {
            case "critical", "high", "error", "blocker", "major" -> "error";
            case "low", "info", "note", "minor", "informational" -> "note";
            case "none" -> "none";
            default -> "warning";
        };
    }

    /** The finding's message: {@code attrs.why}, else another descriptive attribute, else the rule id. */
    static String why(Fact f) {
        for (String a : List.of("why", "message", "description", "title", "detail")) {
            String v = f.attr(a);
            if (v != null && !v.isBlank()) {
                return Format.inline(v);
            }
        }
        return f.key();
    }

    private static ObjectNode rule(String id, String text, String level) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("id", id);
        r.putObject("shortDescription").put("text", text);
        r.putObject("defaultConfiguration").put("level", level);
        return r;
    }

    private static ObjectNode result(String ruleId, int index, String level, String message) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("ruleId", ruleId);
        r.put("ruleIndex", index);
        r.put("level", level);
        r.putObject("message").put("text", message);
        return r;
    }

    private static ObjectNode location(String path, int line) {
        ObjectNode loc = MAPPER.createObjectNode();
        ObjectNode physical = loc.putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", uri(path));
        artifact.put("uriBaseId", SRCROOT);
        if (line > 0) {
            physical.putObject("region").put("startLine", line);
        }
        return loc;
    }

    /** A relative URI reference for a {@code /}-separated path: spaces and the like escaped, never a scheme. */
    static String uri(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        int colon = p.indexOf(':');
        int slash = p.indexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash)) {
            p = "./" + p; // "c:x" would read as a scheme
        }
        try {
            return new URI(null, null, p, null).toASCIIString();
        } catch (URISyntaxException e) {
            return p.replace(" ", "%20");
        }
    }
}
