package io.wsmemory.detectors.spring;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.java.ConfigLookup;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.core.source.UnreadableFileException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The Spring Boot configuration files of a repository ({@code application.properties}, {@code application.yml},
 * {@code application-<profile>.*}, {@code bootstrap*}), every profile, as a {@link ConfigLookup}: a key's values
 * with the profile and line that set them. Multi-document files ({@code ---} / {@code #---}) take the profile from
 * {@code spring.config.activate.on-profile} or {@code spring.profiles}. YAML is read with loader limits (size,
 * aliases, nesting) so a hostile file cannot exhaust the scan.
 */
public final class SpringConfig implements ConfigLookup {

    private static final Map<SourceSet, SpringConfig> CACHE = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Pattern NAME = Pattern.compile("(application|bootstrap)(?:-([\\w.-]+))?\\.(properties|ya?ml)");
    private static final YAMLFactory YAML;

    static {
        LoaderOptions limits = new LoaderOptions();
        limits.setCodePointLimit(4 * 1024 * 1024);
        limits.setMaxAliasesForCollections(20);
        limits.setNestingDepthLimit(40);
        limits.setAllowDuplicateKeys(true);
        YAML = YAMLFactory.builder().loaderOptions(limits).build();
    }

    private record Entry(String key, String value, String profile, Evidence at, int order) {
    }

    private final Map<String, List<Entry>> byKey = new HashMap<>();
    private final List<String> files = new ArrayList<>();

    private SpringConfig(SourceSet sources) {
        List<SourceFile> candidates = new ArrayList<>();
        for (SourceFile f : sources.all()) {
            if (NAME.matcher(f.fileName()).matches() && !f.path().contains("/test/")
                    && !f.path().startsWith("test/")) {
                candidates.add(f);
            }
        }
        candidates.sort(Comparator.comparing(SourceFile::path));
        int order = 0;
        for (SourceFile f : candidates) {
            Matcher m = NAME.matcher(f.fileName());
            m.matches();
            String profile = m.group(2);
            String text;
            try {
                text = f.text();
            } catch (UnreadableFileException e) {
                continue;
            }
            files.add(f.path());
            List<Entry> entries = m.group(3).equals("properties") ? properties(f, text, profile)
                    : yaml(f, text, profile);
            for (Entry e : entries) {
                byKey.computeIfAbsent(ConfigLookup.canonical(e.key()), k -> new ArrayList<>())
                        .add(new Entry(e.key(), e.value(), e.profile(), e.at(), order++));
            }
        }
    }

    public static SpringConfig of(SourceSet sources) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(sources, SpringConfig::new);
        }
    }

    /** The configuration files read, by path. */
    public List<String> files() {
        return files;
    }

    @Override
    public List<ConfigValue> lookup(String key) {
        List<Entry> es = byKey.get(ConfigLookup.canonical(key));
        if (es == null) {
            return List.of();
        }
        // default profile first; within a profile the last definition wins (as Spring reads them)
        Map<String, Entry> perProfile = new LinkedHashMap<>();
        List<Entry> sorted = new ArrayList<>(es);
        sorted.sort(Comparator.comparing((Entry e) -> e.profile() != null)
                .thenComparing(e -> e.profile() == null ? "" : e.profile()).thenComparingInt(Entry::order));
        for (Entry e : sorted) {
            perProfile.put(e.profile() == null ? "" : e.profile(), e);
        }
        List<ConfigValue> out = new ArrayList<>();
        for (Entry e : perProfile.values()) {
            out.add(new ConfigValue(e.value(), e.profile(), e.at()));
        }
        return out;
    }

    // ---- .properties ---------------------------------------------------------------------------------------

    private static List<Entry> properties(SourceFile f, String text, String fileProfile) {
        List<Entry> doc = new ArrayList<>();
        List<Entry> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int lineNo = i + 1;
            if (line.equals("#---") || line.equals("!---")) {
                out.addAll(withProfile(doc, fileProfile));
                doc = new ArrayList<>();
                continue;
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            StringBuilder full = new StringBuilder(line);
            while (full.length() > 0 && full.charAt(full.length() - 1) == '\\' && i + 1 < lines.length) {
                full.setLength(full.length() - 1);
                full.append(lines[++i].strip());
            }
            String l = full.toString();
            int sep = -1;
            for (int k = 0; k < l.length(); k++) {
                char c = l.charAt(k);
                if (c == '\\') {
                    k++;
                    continue;
                }
                if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                    sep = k;
                    break;
                }
            }
            String key = sep < 0 ? l : l.substring(0, sep).strip();
            String value = "";
            if (sep >= 0) {
                value = l.substring(sep + 1).strip();
                if (Character.isWhitespace(l.charAt(sep)) && (value.startsWith("=") || value.startsWith(":"))) {
                    value = value.substring(1).strip();
                }
            }
            doc.add(new Entry(unescape(key), unescape(value), fileProfile,
                    new Evidence(f.path(), lineNo, lines[lineNo - 1]), 0));
        }
        out.addAll(withProfile(doc, fileProfile));
        return listsJoined(out);
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A document's own profile key decides its profile; otherwise the file's. */
    private static List<Entry> withProfile(List<Entry> doc, String fileProfile) {
        String profile = fileProfile;
        for (Entry e : doc) {
            String c = ConfigLookup.canonical(e.key());
            if (c.equals("spring.config.activate.onprofile") || c.equals("spring.profiles")) {
                profile = e.value().isBlank() ? profile : e.value().strip();
            }
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : doc) {
            out.add(new Entry(e.key(), e.value(), profile, e.at(), 0));
        }
        return out;
    }

    /** {@code a[0]=x, a[1]=y} also give {@code a=x,y}. */
    private static List<Entry> listsJoined(List<Entry> entries) {
        Map<String, List<Entry>> lists = new LinkedHashMap<>();
        for (Entry e : entries) {
            int b = e.key().lastIndexOf('[');
            if (b > 0 && e.key().endsWith("]")) {
                lists.computeIfAbsent(e.key().substring(0, b) + "\u0000" + e.profile(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Entry> out = new ArrayList<>(entries);
        for (Map.Entry<String, List<Entry>> l : lists.entrySet()) {
            List<String> values = new ArrayList<>();
            for (Entry e : l.getValue()) {
                values.add(e.value());
            }
            Entry first = l.getValue().get(0);
            out.add(new Entry(l.getKey().substring(0, l.getKey().indexOf('\u0000')), String.join(",", values),
                    first.profile(), first.at(), 0));
        }
        return out;
    }

    // ---- YAML ------------------------------------------------------------------------------------------------

    private static List<Entry> yaml(SourceFile f, String text, String fileProfile) {
        List<Entry> out = new ArrayList<>();
        List<Entry> doc = new ArrayList<>();
        try (JsonParser p = YAML.createParser(text)) {
            Deque<String> path = new ArrayDeque<>();
            Deque<Integer> indexes = new ArrayDeque<>(); // -1 for objects, else the next array index
            String field = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        if (indexes.isEmpty() && path.isEmpty() && !doc.isEmpty() && t == JsonToken.START_OBJECT) {
                            out.addAll(withProfile(doc, fileProfile));
                            doc = new ArrayList<>();
                        }
                        String seg = segment(field, indexes);
                        path.push(seg == null ? "" : seg);
                        indexes.push(t == JsonToken.START_ARRAY ? 0 : -1);
                        field = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        indexes.pop();
                        path.pop();
                        field = null;
                        if (!indexes.isEmpty() && indexes.peek() >= 0) {
                            indexes.push(indexes.pop() + 1);
                        }
                    }
                    case FIELD_NAME -> field = p.currentName();
                    default -> {
                        if (t.isScalarValue()) {
                            String seg = segment(field, indexes);
                            String key = join(path, seg);
                            int line = p.currentTokenLocation().getLineNr();
                            String value = t == JsonToken.VALUE_NULL ? "" : p.getText();
                            if (!key.isEmpty()) {
                                doc.add(new Entry(key, value, fileProfile,
                                        new Evidence(f.path(), line, f.line(line)), 0));
                            }
                            field = null;
                            if (!indexes.isEmpty() && indexes.peek() >= 0) {
                                indexes.push(indexes.pop() + 1);
                            }
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a broken or hostile file: keep what was read
        }
        out.addAll(withProfile(doc, fileProfile));
        return listsJoined(out);
    }

    private static String segment(String field, Deque<Integer> indexes) {
        if (field != null) {
            return field;
        }
        if (!indexes.isEmpty() && indexes.peek() >= 0) {
            return "[" + indexes.peek() + "]";
        }
        return null;
    }

    private static String join(Deque<String> path, String last) {
        List<String> parts = new ArrayList<>();
        java.util.Iterator<String> it = path.descendingIterator();
        while (it.hasNext()) {
            String s = it.next();
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        if (last != null) {
            parts.add(last);
        }
        StringBuilder b = new StringBuilder();
        for (String s : parts) {
            if (b.length() > 0 && !s.startsWith("[")) {
                b.append('.');
            }
            b.append(s);
        }
        return b.toString();
    }
}
