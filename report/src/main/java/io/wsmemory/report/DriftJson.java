package io.wsmemory.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wsmemory.core.api.Evidence;
import java.io.UncheckedIOException;

/**
 * The drift report as JSON ({@code wsmemory check --format json}): the same content as {@link DriftText}, with the
 * facts before and after each change as the JSON report writes them.
 */
public final class DriftJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DriftJson() {
    }

    public static String toJson(DriftReport r, FailOn failOn, DriftText.Fixes fixes, String where) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", JsonReport.SCHEMA_VERSION);
        root.put("memory", where);
        root.put("failOn", failOn.id());
        root.put("inSync", r.inSync());
        root.put("fails", r.fails(failOn));
        ObjectNode project = root.putObject("project");
        project.put("before", r.projectBefore());
        project.put("after", r.projectAfter());
        ObjectNode summary = root.putObject("summary");
        summary.put("changes", r.changes().size());
        summary.put("breaking", r.breaking());
        summary.put("additive", r.additive());
        summary.put("memoryProblems", r.memory().size());
        ArrayNode changes = root.putArray("changes");
        for (FactChange c : r.changes()) {
            ObjectNode n = changes.addObject();
            n.put("change", c.change().id());
            n.put("impact", c.impact().id());
            n.put("file", c.place().file());
            n.put("block", c.place().block());
            n.put("section", c.place().title());
            n.put("kind", c.kind());
            n.put("subject", c.subject());
            Evidence e = c.evidence();
            if (e != null) {
                n.put("evidence", e.location());
            }
            ArrayNode details = n.putArray("details");
            for (FactChange.Detail d : c.details()) {
                details.addObject().put("text", d.text()).put("impact", d.impact().id());
            }
            n.set("before", c.before() == null ? null : MAPPER.valueToTree(c.before()));
            n.set("after", c.after() == null ? null : MAPPER.valueToTree(c.after()));
        }
        ArrayNode memory = root.putArray("memoryProblems");
        for (MemoryDrift.Problem p : r.memory()) {
            ObjectNode n = memory.addObject();
            n.put("file", p.file());
            n.put("block", p.block());
            n.put("problem", p.kind().id());
            n.put("line", p.line());
            n.put("description", p.describe());
            n.put("fix", DriftText.fix(p, fixes));
        }
        root.put("summaryLine", DriftText.summary(r, failOn, fixes, where));
        try {
            return JsonReport.WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
