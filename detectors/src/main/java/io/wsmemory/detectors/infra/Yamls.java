package io.wsmemory.detectors.infra;

import io.wsmemory.core.parse.ParsedFile;

/** The YAML documents of a file, parsed once per scan and shared by every infra detector that reads it. */
public final class Yamls {

    private Yamls() {
    }

    public static StructuredText.Documents of(ParsedFile file) {
        return file.attachment(StructuredText.Documents.class, pf -> StructuredText.yaml(pf.file().text()));
    }

    /** Integer text ({@code 3}, {@code "3"}) or null. */
    public static Integer integer(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
            t = t.substring(1, t.length() - 1);
        }
        if (!t.matches("-?\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(t);
    }
}
