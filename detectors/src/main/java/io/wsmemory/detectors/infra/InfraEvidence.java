package io.wsmemory.detectors.infra;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.source.SourceFile;
import java.util.Locale;

/** Evidence at a line of a configuration file, its snippet cleared of credentials. */
public final class InfraEvidence {

    private InfraEvidence() {
    }

    public static Evidence at(SourceFile file, int line) {
        return new Evidence(file.path(), Math.max(1, line), Redact.line(file.line(Math.max(1, line))));
    }

    /** The file's extension chain in lower case, {@code nginx.conf.template} → {@code conf.template}. */
    public static String lowerName(SourceFile file) {
        return file.fileName().toLowerCase(Locale.ROOT);
    }

    public static String lowerPath(SourceFile file) {
        return file.path().toLowerCase(Locale.ROOT);
    }

    public static boolean isYaml(SourceFile file) {
        String n = lowerName(file);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }
}
