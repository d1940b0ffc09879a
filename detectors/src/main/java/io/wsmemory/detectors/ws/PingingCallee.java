package io.wsmemory.detectors.ws;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.js.JsFile;
import io.wsmemory.core.resolve.js.JsModules;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.core.source.UnreadableFileException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heartbeat a timer delegates: {@code setInterval(() => connectionManager.checkConnections(), 30000)} where
 * {@code checkConnections()} (a method of a class in an imported file, or a function of this file) walks the sockets
 * and calls {@code ping()}. Reads the callee's body by its definition's text, one call deep.
 */
final class PingingCallee {

    /** The function or method that pings and where it is defined. */
    record Found(String name, String body, Evidence at) {
    }

    private static final Pattern CALL = Pattern.compile("([A-Za-z_$][\\w$]*)\\s*\\(");
    private static final Set<String> NOT_CALLEES = Set.of("if", "for", "while", "switch", "catch", "function",
            "return", "forEach", "map", "filter", "log", "warn", "error", "info", "debug", "push", "then");
    private static final int MAX_BODY = 20_000;
    private static final int MAX_NAMES = 12;
    private static final int MAX_FILES = 24;

    private PingingCallee() {
    }

    static Optional<Found> of(String timerBody, SourceFile here, JsFile js, SourceSet sources) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = CALL.matcher(timerBody);
        while (m.find()) {
            if (!NOT_CALLEES.contains(m.group(1)) && names.size() < MAX_NAMES) {
                names.add(m.group(1));
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<SourceFile> files = new ArrayList<>();
        files.add(here);
        for (JsFile.Import i : js.imports().values()) {
            if (i.source().startsWith(".") && files.size() < MAX_FILES) {
                JsModules.resolve(sources, here.path(), i.source()).filter(f -> !files.contains(f)).ifPresent(files::add);
            }
        }
        for (SourceFile f : files) {
            String text;
            try {
                text = f.text();
            } catch (UnreadableFileException e) {
                continue;
            }
            for (String name : names) {
                Optional<Found> found = definition(name, text, f);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** A function, method or arrow named {@code name} whose body calls {@code ping(}. */
    private static Optional<Found> definition(String name, String text, SourceFile f) {
        String n = Pattern.quote(name);
        // bounded repetitions: a minified file must not make this scan quadratic
        Pattern def = Pattern.compile("(?m)(?:\\bfunction\\s+" + n + "\\s*\\(|^\\s*(?:(?:public|private|protected|static"
                + "|async|override)\\s+)*" + n + "\\s*\\([^)]{0,300}\\)\\s*(?::\\s*[^{;=\\n]{1,200})?\\{|\\b" + n
                + "\\s*=\\s*(?:async\\s*)?(?:\\([^)]{0,300}\\)|[\\w$]+)\\s*(?::\\s*[^=\\n]{1,200})?=>\\s*\\{)");
        Matcher m = def.matcher(text);
        while (m.find()) {
            int open = text.indexOf('{', m.end() - 1);
            String body = body(text, open);
            if (body != null && body.contains(".ping(")) {
                int line = lineOf(text, m.start());
                return Optional.of(new Found(name, body, new Evidence(f.path(), line, f.line(line).strip())));
            }
        }
        return Optional.empty();
    }

    /** 1-based line of a character offset (the file's line table counts bytes, not characters). */
    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The text from {@code open} to its matching brace, strings and comments not told apart. */
    private static String body(String text, int open) {
        if (open < 0) {
            return null;
        }
        int depth = 0;
        for (int i = open; i < text.length() && i - open < MAX_BODY; i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return text.substring(open, i + 1);
            }
        }
        return null;
    }
}
