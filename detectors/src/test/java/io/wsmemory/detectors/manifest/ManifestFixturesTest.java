package io.wsmemory.detectors.manifest;

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
 * Runs the whole engine with every discovered detector on the {@code fixtures/repos/manifest-*} repositories and
 * checks their inline expectations (fixtures/README.md): the facts found and expected are the same set, qualifiers
 * hold, and nothing named by {@code expect-none} appears. A small reader of the format, enough for manifests; the
 * fixtures module has the general harness.
 */
class ManifestFixturesTest {

    private static final Path REPOS = Path.of("..", "fixtures", "repos");
    private static final Pattern COMMENT = Pattern.compile(
            "(//|#|/\\*|<!--|--|;)\\s*(expect|expect-none|todo-expect|todo-none):\\s*(.*?)\\s*(?:\\*/|-->)?\\s*$");
    private static final Pattern FACT = Pattern.compile(
            "^(\\S+)\\s+(\"[^\"]*\"|[^=\\s]+)(?:=(.*?))?\\s*(?:\\{([^{}]*)})?\\s*$");

    record Expectation(String word, String kind, String key, String value, Map<String, String> quals, String path,
                       int line) {
        String id() {
            return kind + " " + key + "=" + value + " @" + path + ":" + line;
        }
    }

    @TestFactory
    Stream<DynamicTest> manifestFixtures() throws IOException {
        List<Path> repos;
        try (Stream<Path> s = Files.list(REPOS)) {
            repos = s.filter(p -> p.getFileName().toString().startsWith("manifest-")).sorted().toList();
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
            found.add(f.kind() + " " + f.key() + "=" + f.value() + " @" + f.primaryEvidence().location());
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
                            String actual = switch (k) {
                                case "source" -> f.source().id();
                                case "confidence" -> f.confidence().id();
                                case "library" -> f.library();
                                case "unit" -> f.unit();
                                default -> f.attr(k);
                            };
                            if (!v.equals(actual)) {
                                problems.add(e.id() + ": " + k + " is " + actual + ", expected " + v);
                            }
                        });
                    }
                }
                case "expect-none" -> result.facts().stream()
                        .filter(f -> f.kind().equals(e.kind()) && f.key().equals(e.key())
                                && (e.value() == null || e.value().equals(f.value())))
                        .forEach(f -> problems.add("expect-none " + e.kind() + " " + e.key() + " but found "
                                + ManifestScan.render(f)));
                default -> problems.add("unsupported in manifest fixtures: " + e.word());
            }
        }
        assertThat(found).as("facts of " + repo.getFileName()).isEqualTo(expected);
        assertThat(problems).as("qualifiers and expect-none of " + repo.getFileName()).isEmpty();
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
            if (rel.endsWith(".expect")) {
                String target = rel.substring(0, rel.length() - ".expect".length());
                List<String> targetLines = Files.readAllLines(repo.resolve(target), StandardCharsets.UTF_8);
                for (String l : lines) {
                    if (l.isBlank() || l.startsWith("#")) {
                        continue;
                    }
                    int arrow = l.indexOf(" => ");
                    String anchor = l.substring(0, arrow);
                    int line = 0;
                    for (int i = 0; i < targetLines.size(); i++) {
                        if (targetLines.get(i).contains(anchor)) {
                            assertThat(line).as("anchor " + anchor + " in " + target + " is not unique").isZero();
                            line = i + 1;
                        }
                    }
                    assertThat(line).as("anchor " + anchor + " in " + target).isPositive();
                    Matcher m = COMMENT.matcher("# " + l.substring(arrow + 4));
                    assertThat(m.find()).as(l).isTrue();
                    out.add(parse(m.group(2), m.group(3), target, line));
                }
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = COMMENT.matcher(lines.get(i));
                if (!m.find()) {
                    continue;
                }
                int line = i + 1;
                if (lines.get(i).substring(0, m.start()).isBlank()) {
                    int j = i + 1;
                    while (j < lines.size() && COMMENT.matcher(lines.get(j)).find()
                            && lines.get(j).substring(0, indexOfComment(lines.get(j))).isBlank()) {
                        j++;
                    }
                    line = j + 1;
                }
                out.add(parse(m.group(2), m.group(3), rel, line));
            }
        }
        return out;
    }

    private static int indexOfComment(String line) {
        Matcher m = COMMENT.matcher(line);
        return m.find() ? m.start() : 0;
    }

    private static Expectation parse(String word, String body, String path, int line) {
        Matcher m = FACT.matcher(body);
        assertThat(m.matches()).as("expectation '" + body + "' in " + path + ":" + line).isTrue();
        String key = m.group(2);
        if (key.startsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        Map<String, String> quals = new LinkedHashMap<>();
        if (m.group(4) != null) {
            for (String q : m.group(4).split(",")) {
                int eq = q.indexOf('=');
                quals.put(q.substring(0, eq).strip(), q.substring(eq + 1).strip());
            }
        }
        return new Expectation(word, m.group(1), key, m.group(3) == null ? null : m.group(3).strip(), quals, path,
                line);
    }
}
