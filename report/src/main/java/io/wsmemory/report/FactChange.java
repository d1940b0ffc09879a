package io.wsmemory.report;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import java.util.List;
import java.util.Locale;

/**
 * One difference between the facts of the committed snapshot and those of a fresh scan: something removed, changed
 * or added, with its place in the memory, what changed in words, and whether it breaks a client or a consumer.
 *
 * @param before the fact as the snapshot has it; null when added
 * @param after the fact as the code has it now; null when removed
 * @param subject what the change is about, e.g. {@code event `chat:message`}
 * @param details what changed, each with its own impact; the change is breaking when one of them is
 */
public record FactChange(Change change, Impact impact, Places.Place place, String kind, String subject, Fact before,
                         Fact after, List<Detail> details) {

    /** What happened to the fact. */
    public enum Change {
        REMOVED, CHANGED, ADDED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Breaking: a client, a consumer or an operator relying on the old fact can fail (an event, field, destination
     * or room gone, a direction or payload type changed, a limit lowered, auth removed, origins widened to any).
     * Additive: everything else (something new, a limit raised, evidence moved).
     */
    public enum Impact {
        BREAKING, ADDITIVE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One thing that changed, in words, and whether it breaks. */
    public record Detail(String text, Impact impact) {
        static Detail breaking(String text) {
            return new Detail(text, Impact.BREAKING);
        }

        static Detail additive(String text) {
            return new Detail(text, Impact.ADDITIVE);
        }
    }

    public FactChange {
        details = List.copyOf(details);
    }

    static FactChange of(Change change, Fact before, Fact after, String subject, List<Detail> details) {
        Impact impact = details.stream().anyMatch(d -> d.impact() == Impact.BREAKING) ? Impact.BREAKING
                : Impact.ADDITIVE;
        Fact f = after != null ? after : before;
        return new FactChange(change, impact, Places.of(f), f.kind(), subject, before, after, details);
    }

    public boolean breaking() {
        return impact == Impact.BREAKING;
    }

    /** Where to look now: the fresh fact's first evidence, or the removed fact's. */
    public Evidence evidence() {
        Fact f = after != null ? after : before;
        return f.primaryEvidence();
    }
}
