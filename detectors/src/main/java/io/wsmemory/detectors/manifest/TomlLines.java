package io.wsmemory.detectors.manifest;

import io.wsmemory.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where things are in a TOML file. Jackson's TOML reader gives values but no locations, so the lines of tables,
 * keys and array strings are found in the text, inside the span of the right table.
 */
final class TomlLines {

    private static final Pattern HEADER = Pattern.compile("^\\s*\\[\\s*([^\\[\\]#]+?)\\s*]\\s*(?:#.*)?$");
    private static final Pattern ARRAY_HEADER = Pattern.compile("^\\s*\\[\\[.*]]\\s*(?:#.*)?$");
    private static final Pattern KEY = Pattern.compile("^\\s*(\"[^\"]+\"|'[^']+'|[A-Za-z0-9_.-]+)\\s*=");

    private final SourceFile file;
    private final List<String> names = new ArrayList<>();
    private final List<Integer> starts = new ArrayList<>();

    TomlLines(SourceFile file) {
        this.file = file;
        names.add("");
        starts.add(1);
        int n = file.lineCount();
        for (int i = 1; i <= n; i++) {
            String line = file.line(i);
            Matcher m = HEADER.matcher(line);
            if (m.matches()) {
                names.add(normalise(m.group(1)));
                starts.add(i);
            } else if (ARRAY_HEADER.matcher(line).matches()) {
                names.add("[[]]");
                starts.add(i);
            }
        }
    }

    static String normalise(String table) {
        StringBuilder sb = new StringBuilder();
        for (String part : table.split("\\.")) {
            String p = part.strip();
            if (p.length() >= 2 && (p.startsWith("\"") && p.endsWith("\"") || p.startsWith("'") && p.endsWith("'"))) {
                p = p.substring(1, p.length() - 1);
            }
            sb.append(sb.length() == 0 ? "" : ".").append(p);
        }
        return sb.toString();
    }

    /** The line of table {@code [name]}'s header, or 0. */
    int header(String table) {
        int i = names.indexOf(table);
        return i <= 0 ? 0 : starts.get(i);
    }

    /** The line where key {@code key} is assigned inside table {@code table}; python keys compare normalised. */
    int key(String table, String key, boolean pythonName) {
        int i = names.indexOf(table);
        if (i < 0) {
            return 0;
        }
        int from = starts.get(i) + (i == 0 ? 0 : 1);
        int to = i + 1 < starts.size() ? starts.get(i + 1) : file.lineCount() + 1;
        String want = pythonName ? LibraryCatalog.normalisePython(key) : key;
        for (int l = from; l < to; l++) {
            Matcher m = KEY.matcher(file.line(l));
            if (m.find()) {
                String k = m.group(1);
                if (k.startsWith("\"") || k.startsWith("'")) {
                    k = k.substring(1, k.length() - 1);
                }
                if ((pythonName ? LibraryCatalog.normalisePython(k) : k).equals(want)
                        || !pythonName && k.toLowerCase(Locale.ROOT).equals(want.toLowerCase(Locale.ROOT))) {
                    return l;
                }
            }
        }
        return 0;
    }

    /** The first line at or after key {@code key} of {@code table} that holds the string literal {@code value}. */
    int string(String table, String key, String value) {
        int keyLine = key(table, key, false);
        if (keyLine == 0) {
            return 0;
        }
        int i = names.indexOf(table);
        int to = i + 1 < starts.size() ? starts.get(i + 1) : file.lineCount() + 1;
        for (int l = keyLine; l < to; l++) {
            String line = file.line(l);
            if (line.contains("\"" + value + "\"") || line.contains("'" + value + "'")) {
                return l;
            }
        }
        return keyLine;
    }
}
