package io.wsmemory.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's name as its root manifest gives it (package.json, go.mod, pom.xml, pyproject.toml), else the
 * folder's name. Raw: the report makes it safe before it becomes a folder name.
 */
final class ProjectNamer {

    private static final long MAX_MANIFEST = 1024 * 1024;
    private static final Pattern GO_MODULE = Pattern.compile("(?m)^\\s*module\\s+\"?([^\\s\"]+)");
    private static final Pattern POM_ARTIFACT = Pattern.compile(
            "<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");
    private static final Pattern PYPROJECT_NAME = Pattern.compile("(?m)^\\s*name\\s*=\\s*[\"']([^\"']+)[\"']");

    private ProjectNamer() {
    }

    static String name(Path root) {
        String n = fromPackageJson(root.resolve("package.json"));
        if (n == null) {
            n = match(root.resolve("go.mod"), GO_MODULE);
            if (n != null) {
                n = n.substring(n.lastIndexOf('/') + 1);
            }
        }
        if (n == null) {
            n = fromPom(root.resolve("pom.xml"));
        }
        if (n == null) {
            n = match(root.resolve("pyproject.toml"), PYPROJECT_NAME);
        }
        if (n == null || n.isBlank()) {
            Path abs = root.toAbsolutePath().normalize();
            n = abs.getFileName() == null ? "project" : abs.getFileName().toString();
        }
        return n;
    }

    private static String fromPackageJson(Path p) {
        String text = read(p);
        if (text == null) {
            return null;
        }
        try {
            JsonNode name = new ObjectMapper().readTree(text).path("name");
            return name.isTextual() && !name.asText().isBlank() ? name.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The project's own artifactId: the first one after the parent block. */
    private static String fromPom(Path p) {
        String text = read(p);
        if (text == null) {
            return null;
        }
        String withoutParent = text.replaceAll("(?s)<parent>.*?</parent>", "")
                .replaceAll("(?s)<dependencies>.*", "");
        Matcher m = POM_ARTIFACT.matcher(withoutParent);
        return m.find() ? m.group(1) : null;
    }

    private static String match(Path p, Pattern pattern) {
        String text = read(p);
        if (text == null) {
            return null;
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String read(Path p) {
        try {
            // never through a link: a manifest linked from outside must not name the project (nor be read)
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.size(p) > MAX_MANIFEST) {
                return null;
            }
            return Files.readString(p);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
