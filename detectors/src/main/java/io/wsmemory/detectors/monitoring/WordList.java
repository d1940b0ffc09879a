package io.wsmemory.detectors.monitoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A word list kept as data: sections in brackets, one word a line, {@code word*} for a prefix, {@code #} comments.
 * Words are compared lower-case; a plain word also matches its plural with a trailing {@code s}.
 */
public final class WordList {

    private final Map<String, List<String>> sections;

    private WordList(Map<String, List<String>> sections) {
        this.sections = sections;
    }

    public static WordList load(Class<?> anchor, String resource) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no word list " + resource + " next to " + anchor.getName());
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String section = "";
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (t.startsWith("[") && t.endsWith("]")) {
                    section = t.substring(1, t.length() - 1);
                    continue;
                }
                sections.computeIfAbsent(section, k -> new ArrayList<>()).add(t.toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WordList(sections);
    }

    /** True when {@code word} (lower-case) matches an entry of the section. */
    public boolean matches(String section, String word) {
        for (String entry : sections.getOrDefault(section, List.of())) {
            if (entry.endsWith("*")) {
                if (word.startsWith(entry.substring(0, entry.length() - 1))) {
                    return true;
                }
            } else if (word.equals(entry) || word.equals(entry + "s")) {
                return true;
            }
        }
        return false;
    }

    /** True when one of the words matches an entry of the section. */
    public boolean any(String section, List<String> words) {
        for (String w : words) {
            if (matches(section, w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The words of an identifier or a sentence: split on anything but letters and digits and at camelCase
     * humps ({@code wsActiveConnections} → ws, active, connections), lower-cased.
     */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        char prev = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(cur, out);
            } else {
                boolean hump = Character.isUpperCase(c) && cur.length() > 0
                        && (Character.isLowerCase(prev) || Character.isDigit(prev)
                        || i + 1 < text.length() && Character.isLowerCase(text.charAt(i + 1))
                        && Character.isUpperCase(prev));
                if (hump) {
                    flush(cur, out);
                }
                cur.append(c);
            }
            prev = c;
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            out.add(cur.toString().toLowerCase(Locale.ROOT));
            cur.setLength(0);
        }
    }
}
