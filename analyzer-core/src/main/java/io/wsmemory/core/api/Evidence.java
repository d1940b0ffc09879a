package io.wsmemory.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.Objects;

/** The place that proves a fact: a repository-relative path with {@code /} separators and a 1-based line. */
@JsonPropertyOrder({"path", "line", "snippet"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(String path, int line, String snippet) implements Comparable<Evidence> {

    private static final int MAX_SNIPPET = 160;

    static final Comparator<Evidence> ORDER = Comparator.comparing(Evidence::path)
            .thenComparingInt(Evidence::line)
            .thenComparing(e -> e.snippet == null ? "" : e.snippet);

    public Evidence {
        Objects.requireNonNull(path, "path");
        if (line < 1) {
            line = 1;
        }
        snippet = tidy(snippet);
    }

    public static Evidence at(String path, int line) {
        return new Evidence(path, line, null);
    }

    /** The snippet is one line of source, trimmed; long lines are cut so reports stay readable. */
    private static String tidy(String snippet) {
        if (snippet == null) {
            return null;
        }
        String s = snippet.strip().replace('\t', ' ');
        int nl = s.indexOf('\n');
        if (nl >= 0) {
            s = s.substring(0, nl).stripTrailing();
        }
        if (s.length() > MAX_SNIPPET) {
            s = s.substring(0, MAX_SNIPPET - 1) + "…";
        }
        return s.isEmpty() ? null : s;
    }

    public String location() {
        return path + ":" + line;
    }

    @Override
    public int compareTo(Evidence o) {
        return ORDER.compare(this, o);
    }
}
