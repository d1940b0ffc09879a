package io.wsmemory.report;

import java.util.Locale;

/** Which fact changes fail a drift check; memory files edited by hand or missing fail it either way. */
public enum FailOn {
    /** Any change: the memory must say what the code says. The default. */
    ANY,
    /** Only breaking changes; additive ones are shown and pass. */
    BREAKING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
