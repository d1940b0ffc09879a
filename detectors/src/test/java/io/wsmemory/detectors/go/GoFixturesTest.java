package io.wsmemory.detectors.go;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.engine.Detectors;
import io.wsmemory.core.engine.ScanEngine;
import io.wsmemory.core.engine.ScanOptions;
import io.wsmemory.core.engine.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the whole engine with every discovered detector on the Go fixture repositories
 * ({@code fixtures/repos/gorilla-*}, {@code coderws-*}) and checks their inline expectations (fixtures/README.md):
 * the facts found and expected are the same set, qualifiers hold, nothing named by {@code expect-none} appears,
 * and {@code todo-} lines still describe a gap. A small reader of the format; the fixtures module has the general
 * harness, this one lets {@code mvn -pl detectors -am test} guard the Go detectors.
 */
class GoFixturesTest {

    private static final Path REPOS = Path.of("..", "fixtures", "repos");
    private static final Pattern WORD = Pattern.compile(
            "(?://|#)\\s*(expect|expect-none|todo-expect|todo-none):\\s*(.*?)\\s*(?=(?://|#)\\s*(?:expect|expect-none|todo-expect|todo-none):|$)");

    record Expectation(String word, String kind, String key, String value, Map<String, String> quals, String path,
                       int line) {
        String id() {
            return kind + " " + key + "=" + value + " @" + path + ":" + line;
        }
    }

    @TestFactory
    Stream<DynamicTest> goFixtures() throws IOException {
        List<Path> repos;
        try (Stream<Path> s = Files.list(REPOS)) {
            repos = s.filter(p -> p.getFileName().toString().startsWith("gorilla-")
                    || p.getFileName().toString().startsWith("coderws-")).sorted().toList();
        }
        assertThat(repos).isNotEmpty();
        return repos.stream().map(r -> DynamicTest.dynamicTest(r.getFileName().toString(), () -> check(r)));
    }

    private static void check(Path repo) throws IOException {
        ScanResult result = new ScanEngine(Detectors.load(), ScanOptions.defaults()).scan(repo);
        List<Expectation> expectations = expectations(repo);
        assertThat(result.skipped()).as("skipped files").isEmpty();
        TreeSet<String> found = new TreeSet<>();
        for (Fact f : result.facts()) {
            found.add(id(f));
        }
        TreeSet<String> expected = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Expectation e : expectations) {
            switch (e.word()) {
                case "expect" -> {
                    expected.add(e.id());
                    Fact f = result.facts().stream().filter(x -> matches(x, e)).findFirst().orElse(null);
                    if (f != null) {
                        e.quals().forEach((k, v) -> {
                            String actual = qualifier(f, k);
                            if (!v.equals(actual == null ? "" : actual)) {
                                problems.add(e.id() + ": " + k + " is " + actual + ", expected " + v);
                            }
                        });
                    }
                }
                case "todo-expect" -> {
                    if (result.facts().stream().anyMatch(x -> matches(x, e))) {
                        problems.add("now found, turn todo-expect into expect: " + e.id());
                    }
                }
                case "expect-none", "todo-none" -> {
                    List<Fact> hits = result.facts().stream()
                            .filter(f -> f.kind().equals(e.kind()) && f.key().equals(e.key())
                                    && (e.value() == null || e.value().equals(f.value()))
                                    && e.quals().entrySet().stream().allMatch(q -> q.getValue().equals(
                                    qualifier(f, q.getKey()) == null ? "" : qualifier(f, q.getKey()))))
                            .toList();
                    if (e.word().equals("expect-none")) {
                        hits.forEach(f -> problems.add("expect-none " + e.kind() + " " + e.key() + " but found "
                                + id(f)));
                    } else if (hits.isEmpty()) {
                        problems.add("gone, turn todo-none into expect-none: " + e.id());
                    } else {
                        hits.forEach(f -> found.remove(id(f)));
                    }
                }
                default -> problems.add("unknown word " + e.word());
            }
        }
        assertThat(found).as("facts of " + repo.getFileName()).isEqualTo(expected);
        assertThat(problems).as("qualifiers and expect-none of " + repo.getFileName()).isEmpty();
    }

    private static String id(Fact f) {
        return f.kind() + " " + f.key() + "=" + f.value() + " @" + f.primaryEvidence().location();
    }

    private static String qualifier(Fact f, String k) {
        return switch (k) {
            case "source" -> f.source().id();
            case "confidence" -> f.confidence().id();
            case "library" -> f.library();
            case "unit" -> f.unit();
            default -> f.attr(k);
        };
    }

    private static boolean matches(Fact f, Expectation e) {
        return f.kind().equals(e.kind()) && f.key().equals(e.key()) && f.value().equals(e.value())
                && f.primaryEvidence().path().equals(e.path()) && f.primaryEvidence().line() == e.line();
    }

    static List<Expectation> expectations(Path repo) throws IOException {
        List<Expectation> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(repo)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String rel = repo.relativize(file).toString().replace('\\', '/');
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = WORD.matcher(lines.get(i));
                boolean first = true;
                while (m.find()) {
                    int line = i + 1;
                    if (first && lines.get(i).substring(0, m.start()).isBlank()) {
                        int j = i + 1;
                        while (j < lines.size() && lines.get(j).strip().matches("(//|#)\\s*(expect|expect-none|todo-expect|todo-none):.*")) {
                            j++;
                        }
                        line = j + 1;
                    }
                    if (first && !lines.get(i).substring(0, m.start()).isBlank()) {
                        line = i + 1;
                    }
                    first = false;
                    out.add(parse(m.group(1), m.group(2), rel, line));
                }
            }
        }
        return out;
    }

    private static Expectation parse(String word, String body, String path, int line) {
        String kind = body.substring(0, body.indexOf(' ') < 0 ? body.length() : body.indexOf(' '));
        String rest = body.substring(kind.length()).strip();
        String key;
        int i;
        if (rest.startsWith("\"")) {
            int end = rest.indexOf('"', 1);
            key = rest.substring(1, end);
            i = end + 1;
        } else {
            i = 0;
            while (i < rest.length() && rest.charAt(i) != '=' && rest.charAt(i) != ' ') {
                i++;
            }
            key = rest.substring(0, i);
        }
        String value = null;
        Map<String, String> quals = new LinkedHashMap<>();
        String tail = rest.substring(i);
        if (tail.startsWith("=")) {
            tail = tail.substring(1);
            int brace = tail.indexOf(" {");
            if (tail.startsWith("\"")) {
                int end = tail.indexOf('"', 1);
                value = tail.substring(1, end);
                tail = tail.substring(end + 1);
            } else {
                value = (brace >= 0 ? tail.substring(0, brace) : tail).strip();
                tail = brace >= 0 ? tail.substring(brace) : "";
            }
        }
        tail = tail.strip();
        if (tail.startsWith("{") && tail.endsWith("}")) {
            String q = tail.substring(1, tail.length() - 1);
            Matcher qm = Pattern.compile("\\s*([\\w.-]+)=(\"[^\"]*\"|[^,]*)\\s*(,|$)").matcher(q);
            while (qm.find()) {
                String v = qm.group(2).strip();
                quals.put(qm.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
            }
        }
        return new Expectation(word, kind, key, value, quals, path, line);
    }
}
