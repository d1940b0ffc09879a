package io.wsmemory.report;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import java.util.List;

/**
 * The drift report for people: changes grouped by memory file and section, each with its impact, its evidence
 * ({@code path:line}) and what changed; then the memory files' own problems with the way to fix each; then one
 * summary line. The fix commands differ by front end ({@code wsmemory scan}, {@code mvn wsmemory:generate}).
 */
public final class DriftText {

    /**
     * How to bring the memory up to date and how to overwrite blocks edited by hand, as the user types them, and
     * how the user names the fail-on setting ({@code --fail-on %s}, {@code -Dwsmemory.failOn=%s}).
     */
    public record Fixes(String update, String force, String failOnSetting) {
    }

    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private DriftText() {
    }

    /** The changes and problems, one per paragraph; empty when in sync. Colour codes only when asked. */
    public static String body(DriftReport r, Fixes fixes, boolean colour, boolean verbose) {
        StringBuilder out = new StringBuilder();
        Places.Place section = null;
        if (r.projectRenamed()) {
            out.append(paint(colour, BOLD, "all files — titles")).append('\n');
            out.append("  ").append(paint(colour, GREEN, "additive")).append("  changed  project name ")
                    .append(Format.code(r.projectBefore())).append(" → ").append(Format.code(r.projectAfter()))
                    .append('\n');
        }
        for (FactChange c : r.changes()) {
            if (!c.place().equals(section)) {
                section = c.place();
                out.append(paint(colour, BOLD, section.file() + " — " + section.title())).append('\n');
            }
            String impact = c.breaking() ? paint(colour, RED, "BREAKING") : paint(colour, GREEN, "additive");
            out.append("  ").append(impact).append("  ").append(pad(c.change().id(), 8)).append(' ')
                    .append(c.subject());
            Fact shown = c.after() != null ? c.after() : c.before();
            String value = FactDiff.shownValue(shown);
            if (!value.isEmpty() && c.change() != FactChange.Change.CHANGED) {
                out.append(" = ").append(value);
            }
            Evidence e = c.evidence();
            out.append(" — ").append(e == null ? "(no evidence)" : e.location()).append('\n');
            for (FactChange.Detail d : c.details()) {
                String text = d.impact() == FactChange.Impact.BREAKING && c.details().size() > 1
                        ? paint(colour, RED, d.text()) : d.text();
                out.append(" ".repeat(21)).append(text).append('\n');
            }
        }
        if (!r.memory().isEmpty()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(paint(colour, BOLD, "memory files that do not match their facts")).append('\n');
            for (MemoryDrift.Problem p : r.memory()) {
                out.append("  ").append(paint(colour, YELLOW, p.describe())).append('\n');
                out.append("    fix: ").append(fix(p, fixes)).append('\n');
                if (verbose && !p.detail().isEmpty() && p.kind() != MemoryDrift.Kind.MARKERS) {
                    out.append("    what the facts render (-) and what the file holds (+):\n");
                    p.detail().lines().forEach(l -> out.append("      ").append(l).append('\n'));
                }
            }
            if (!verbose && r.memory().stream().anyMatch(p -> !p.detail().isEmpty())) {
                out.append("  (--verbose shows the lines that differ)\n");
            }
        }
        return out.toString();
    }

    /** How to fix one memory problem. */
    static String fix(MemoryDrift.Problem p, Fixes fixes) {
        return switch (p.kind()) {
            case EDITED -> "generated text is not the place for notes: move your text outside the block (above its"
                    + " begin marker or below its end marker), then run `" + fixes.force() + "`; or run it to drop"
                    + " the edit";
            case STALE -> "run `" + fixes.update() + "` (the block was written by another wsmemory version, or its"
                    + " hash was changed by hand)";
            case NOT_GENERATED -> "run `" + fixes.update() + "` to drop it (`" + fixes.force()
                    + "` if it was edited)";
            case MARKERS -> "repair or delete the broken marker lines, then run `" + fixes.update() + "`";
            case FILE_UNREADABLE -> "run `" + fixes.force() + "` to write it again";
            case FILE_MISSING, BLOCK_MISSING, TEXT -> "run `" + fixes.update() + "` to write it again";
        };
    }

    /** One line that says how it went and what to do. {@code where} names the memory folder. */
    public static String summary(DriftReport r, FailOn failOn, Fixes fixes, String where) {
        if (r.inSync()) {
            return "the memory in " + where + " matches the code";
        }
        StringBuilder s = new StringBuilder();
        int changes = r.changes().size() + (r.projectRenamed() ? 1 : 0);
        if (changes > 0) {
            s.append(changes).append(changes == 1 ? " change" : " changes").append(" (")
                    .append(r.breaking()).append(" breaking, ").append(changes - r.breaking()).append(" additive)");
        }
        if (!r.memory().isEmpty()) {
            s.append(s.length() > 0 ? " and " : "").append(r.memory().size())
                    .append(r.memory().size() == 1 ? " memory file problem" : " memory file problems");
        }
        if (!r.fails(failOn)) {
            return "the memory in " + where + " is behind the code: " + s + "; none breaking, so the check passes"
                    + " (" + String.format(fixes.failOnSetting(), failOn.id()) + "); run `" + fixes.update() + "` to bring it up to date";
        }
        boolean edited = r.memory().stream().anyMatch(p -> p.kind() == MemoryDrift.Kind.EDITED
                || p.kind() == MemoryDrift.Kind.FILE_UNREADABLE);
        String fix = edited ? "move hand-written text out of the blocks, then run `" + fixes.force() + "`"
                : "run `" + fixes.update() + "`";
        return "the memory in " + where + " no longer matches the code: " + s + "; to fix it, " + fix
                + ", review the diff and commit it";
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s : s + " ".repeat(n - s.length());
    }

    private static String paint(boolean colour, String code, String text) {
        return colour ? code + text + RESET : text;
    }

    /** Lines of {@link #body} without colour, for tests and logs. */
    static List<String> lines(DriftReport r, Fixes fixes) {
        return body(r, fixes, false, false).lines().toList();
    }
}
