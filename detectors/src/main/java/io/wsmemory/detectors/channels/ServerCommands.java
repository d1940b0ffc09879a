package io.wsmemory.detectors.channels;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.detectors.channels.ChannelsFindings.Opt;
import io.wsmemory.detectors.channels.ChannelsFindings.ServerRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command lines that run an ASGI application, found in Procfiles, compose files, Dockerfiles, shell scripts,
 * Makefiles and process-manager configuration: {@code daphne ...}, {@code uvicorn ...}, gunicorn with uvicorn
 * workers, {@code manage.py runserver}; with the options that matter to WebSockets.
 */
final class ServerCommands {

    private static final Pattern COMMAND = Pattern.compile(
            "(?:^|[\\s\"'\\[,;&|=(])(daphne|uvicorn|hypercorn|gunicorn)(?=[\\s\"',\\]])|manage\\.py[\"',\\s]+runserver");
    private static final Set<String> NAMES = Set.of("procfile", "dockerfile", "makefile", "justfile");

    private ServerCommands() {
    }

    /** True for files that may hold a command line. */
    static boolean mayHold(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return NAMES.contains(n) || n.startsWith("procfile") || n.startsWith("dockerfile") || n.endsWith(".dockerfile")
                || n.endsWith(".yml") || n.endsWith(".yaml") || n.endsWith(".sh") || n.endsWith(".bash")
                || n.endsWith(".conf") || n.endsWith(".ini") || n.endsWith(".service") || n.endsWith(".toml")
                || n.endsWith(".cfg") || n.endsWith(".mk") || n.equals("entrypoint") || n.equals("start");
    }

    static List<ServerRun> read(ParsedFile file) {
        List<ServerRun> out = new ArrayList<>();
        String text = file.file().text();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("#") && !file.file().fileName().toLowerCase(Locale.ROOT).startsWith("dockerfile")) {
                continue;
            }
            Matcher m = COMMAND.matcher(line);
            if (!m.find()) {
                continue;
            }
            StringBuilder joined = new StringBuilder(line.substring(m.start()));
            int j = i;
            while (joined.toString().stripTrailing().endsWith("\\") && j + 1 < lines.length) { // continuation lines
                String s = joined.toString().stripTrailing();
                joined = new StringBuilder(s.substring(0, s.length() - 1)).append(' ').append(lines[++j]);
            }
            String server = m.group(1) == null ? "runserver" : m.group(1);
            List<String> tokens = tokens(joined.toString());
            Evidence at = file.evidence(i + 1);
            if (server.equals("gunicorn")) {
                if (!joined.toString().contains("uvicorn.workers") && !joined.toString().contains("UvicornWorker")) {
                    continue;
                }
                server = "uvicorn";
            }
            if (server.equals("uvicorn") && !looksLikeCommand(tokens)) {
                continue;
            }
            out.add(new ServerRun(server, options(server, tokens, at), at));
        }
        return out;
    }

    /** A real invocation has arguments (an app, options); a package name in a list does not. */
    private static boolean looksLikeCommand(List<String> tokens) {
        return tokens.size() > 1 && tokens.stream().skip(1).anyMatch(t -> t.startsWith("-") || t.contains(":"));
    }

    private static List<String> tokens(String command) {
        String s = command.replaceAll("[\\[\\],\"']", " ");
        List<String> out = new ArrayList<>();
        for (String t : s.trim().split("\\s+")) {
            if (t.equals("&&") || t.equals(";") || t.equals("|")) {
                break;
            }
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static Map<String, Opt> options(String server, List<String> tokens, Evidence at) {
        Map<String, Opt> out = new LinkedHashMap<>();
        for (int k = 1; k < tokens.size(); k++) {
            String t = tokens.get(k);
            if (!t.startsWith("-")) {
                continue;
            }
            String name = t;
            String value = null;
            int eq = t.indexOf('=');
            if (eq > 0) {
                name = t.substring(0, eq);
                value = t.substring(eq + 1);
            } else if (k + 1 < tokens.size() && !tokens.get(k + 1).startsWith("-")) {
                value = tokens.get(k + 1);
            }
            name = canonical(name);
            if (value == null || name == null) {
                continue;
            }
            if (value.startsWith("$")) {
                String variable = value.replaceAll("^\\$\\{?|}$", "").replaceAll(":-.*$", "");
                Matcher d = Pattern.compile("\\$\\{\\w+:-([^}]*)}").matcher(value);
                String fallback = d.find() ? d.group(1) : "";
                out.put(name, new Opt(fallback, Source.ENV, Confidence.MEDIUM, variable, List.of(at)));
            } else {
                out.put(name, new Opt(value, Source.EXPLICIT, Confidence.HIGH, null, List.of(at)));
            }
        }
        return out;
    }

    /** Option spellings folded to one: {@code -p} → {@code --port}, {@code --ping_interval} → {@code --ping-interval}. */
    private static String canonical(String option) {
        String o = option.replace('_', '-');
        return switch (o) {
            case "-p" -> "--port";
            case "-b" -> "--bind";
            default -> o.startsWith("--") ? o : null;
        };
    }
}
