package io.wsmemory.detectors.manifest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One PEP 508 requirement as written: {@code channels[daphne] ~=4.0, >=4.0.1 ; python_version >= "3.8"}. */
record Pep508(String name, String extras, String specifier, boolean url) {

    private static final Pattern REQUIREMENT = Pattern.compile(
            "^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(\\[[^\\]]*\\])?\\s*(.*)$", Pattern.DOTALL);

    /** Null for lines that are no requirement (options, paths, URLs without a name). */
    static Pep508 parse(String s) {
        String t = s.strip();
        if (t.isEmpty() || t.startsWith("-") || t.startsWith(".") || t.startsWith("/") || t.contains("://")
                && !t.contains("@")) {
            return null;
        }
        Matcher m = REQUIREMENT.matcher(t);
        if (!m.matches()) {
            return null;
        }
        String rest = m.group(3).strip();
        if (rest.startsWith("@")) {
            return new Pep508(m.group(1), m.group(2), null, true);
        }
        int semi = rest.indexOf(';');
        String spec = (semi >= 0 ? rest.substring(0, semi) : rest).strip();
        int option = spec.indexOf(" --");
        if (option >= 0) { // pip-compile: "channels==4.0.0 --hash=sha256:..."
            spec = spec.substring(0, option).strip();
        }
        if (spec.startsWith("--")) {
            spec = "";
        }
        if (spec.startsWith("(") && spec.endsWith(")")) {
            spec = spec.substring(1, spec.length() - 1).strip();
        }
        if (!spec.isEmpty() && !spec.matches("[<>=!~]=?=?\\s*[^<>=!~].*")) {
            return null; // "name something" is not a requirement
        }
        return new Pep508(m.group(1), m.group(2), spec.isEmpty() ? null : spec, false);
    }

    /** {@code ==4.0.0} pins one version: that version; else null. */
    static String pinned(String specifier) {
        if (specifier == null) {
            return null;
        }
        Matcher m = Pattern.compile("^===?\\s*([A-Za-z0-9][A-Za-z0-9.+!_-]*)$").matcher(specifier.strip());
        return m.matches() && !specifier.contains("*") ? m.group(1) : null;
    }
}
