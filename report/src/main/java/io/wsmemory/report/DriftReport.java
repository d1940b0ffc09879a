package io.wsmemory.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a drift check found in one memory folder: the fact changes from the committed snapshot to the code, the
 * memory files' own problems (blocks edited by hand, missing or out of date), and a project that changed its name.
 */
public record DriftReport(Path memoryDir, String projectBefore, String projectAfter, List<FactChange> changes,
                          List<MemoryDrift.Problem> memory) {

    public DriftReport {
        changes = List.copyOf(changes);
        memory = List.copyOf(memory);
    }

    public boolean projectRenamed() {
        return !Objects.equals(projectBefore, projectAfter);
    }

    public long breaking() {
        return changes.stream().filter(FactChange::breaking).count();
    }

    public long additive() {
        return changes.size() - breaking();
    }

    /** Nothing differs at all. */
    public boolean inSync() {
        return changes.isEmpty() && memory.isEmpty() && !projectRenamed();
    }

    /**
     * Whether the check fails: a memory file problem always; a fact change or a new project name under
     * {@link FailOn#ANY}; a breaking change under {@link FailOn#BREAKING}.
     */
    public boolean fails(FailOn failOn) {
        if (!memory.isEmpty()) {
            return true;
        }
        return failOn == FailOn.BREAKING ? breaking() > 0 : !changes.isEmpty() || projectRenamed();
    }
}
