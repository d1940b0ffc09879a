package io.wsmemory.detectors.monitoring.loadtest;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.monitoring.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Load-test command lines in package.json scripts, shell scripts, Makefiles, Dockerfiles and CI workflows:
 * websocket-bench ({@code -a} connections, {@code -c} concurrency), thor ({@code --amount}, {@code --concurrent},
 * {@code --messages}), tcpkali with {@code --websocket} ({@code -c}, {@code -T}, {@code --connect-rate}), and k6 /
 * Locust runs ({@code --vus}, {@code --duration}, {@code --stage}; {@code -u}, {@code -r}, {@code -t}) whose script
 * must turn out to be a WebSocket one (decided when the scan finishes).
 */
final class CommandLines {

    /** A k6 or Locust command whose script decides whether it is about WebSockets. */
    record Pending(String tool, String script, boolean wsTarget, List<Baseline> baselines) {
    }

    private static final Set<String> NAMES = Set.of("package.json", "makefile", "gnumakefile", "justfile",
            "dockerfile", "procfile", "taskfile.yml", "taskfile.yaml");

    private CommandLines() {
    }

    static boolean candidate(SourceFile f) {
        String n = f.fileName().toLowerCase(Locale.ROOT);
        String ext = f.extension();
        boolean shape = NAMES.contains(n) || n.startsWith("dockerfile") || ext.equals("sh") || ext.equals("bash")
                || ext.equals("mk") || ext.equals("ps1") || ext.equals("cmd") || ext.equals("bat")
                || (ext.equals("yml") || ext.equals("yaml")) && (f.path().contains(".github/workflows/")
                || f.path().contains(".gitlab-ci") || n.startsWith("docker-compose") || n.startsWith("compose"));
        return shape && (f.contains("websocket-bench") || f.contains("thor") || f.contains("tcpkali")
                || f.contains("k6") || f.contains("locust") || f.contains("artillery"));
    }

    static void read(SourceFile f, List<Baseline> out, List<Pending> pending) {
        int n = f.lineCount();
        for (int i = 1; i <= n; i++) {
            StringBuilder cmd = new StringBuilder(f.line(i));
            int first = i;
            while (cmd.toString().stripTrailing().endsWith("\\") && i < n) {
                String s = cmd.toString().stripTrailing();
                cmd.setLength(0);
                cmd.append(s, 0, s.length() - 1).append(' ').append(f.line(++i));
            }
            String line = cmd.toString();
            if (line.stripLeading().startsWith("#") || line.stripLeading().startsWith("//")) {
                continue;
            }
            List<String> words = words(line);
            Evidence at = new Evidence(f.path(), first, f.line(first));
            for (int w = 0; w < words.size(); w++) {
                String tool = tool(words.get(w));
                if (tool == null) {
                    continue;
                }
                List<String> args = words.subList(w + 1, words.size());
                switch (tool) {
                    case "websocket-bench" -> websocketBench(args, at, out);
                    case "thor" -> thor(args, at, out);
                    case "tcpkali" -> tcpkali(args, at, out);
                    case "k6" -> k6(args, at, pending);
                    case "locust" -> locust(args, at, pending);
                    case "artillery" -> artilleryQuick(args, at, out);
                    default -> {
                    }
                }
            }
        }
    }

    private static String tool(String word) {
        String w = word.substring(word.lastIndexOf('/') + 1);
        return switch (w) {
            case "websocket-bench", "thor", "tcpkali", "k6", "locust", "artillery" -> w;
            default -> null;
        };
    }

    /** Shell words of a line: whitespace-separated, quotes and JSON punctuation stripped; separators become &&. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        for (String raw : line.split("\\s+")) {
            String w = raw.replaceAll("^[\"'`\\[(]+|[\"'`,;)\\]]+$", "");
            if (w.equals("&&") || w.equals("||") || w.equals("|") || w.equals("&") || raw.endsWith(";")) {
                if (!w.isEmpty() && !w.equals("&&") && !w.equals("||") && !w.equals("|") && !w.equals("&")) {
                    out.add(w);
                }
                out.add("&&");
                continue;
            }
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The value of a flag given as {@code -a 10}, {@code --amount 10} or {@code --amount=10}; null if absent. */
    static String flag(List<String> args, String... names) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("&&")) {
                return null;
            }
            for (String name : names) {
                if (a.equals(name) && i + 1 < args.size()) {
                    return args.get(i + 1);
                }
                if (name.startsWith("--") && a.startsWith(name + "=")) {
                    return a.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    static List<String> flags(List<String> args, String... names) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("&&")) {
                break;
            }
            for (String name : names) {
                if (a.equals(name) && i + 1 < args.size()) {
                    out.add(args.get(i + 1));
                } else if (name.startsWith("--") && a.startsWith(name + "=")) {
                    out.add(a.substring(name.length() + 1));
                }
            }
        }
        return out;
    }

    private static boolean has(List<String> args, String... names) {
        for (String a : args) {
            if (a.equals("&&")) {
                return false;
            }
            for (String n : names) {
                if (a.equals(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String url(List<String> args) {
        for (String a : args) {
            if (a.equals("&&")) {
                return null;
            }
            if (a.matches("(?i)(wss?|https?)://\\S+")) {
                return a;
            }
        }
        return null;
    }

    private static String number(String s) {
        return s != null && s.matches("\\d+(\\.\\d+)?") ? Durations.number(Double.parseDouble(s)) : null;
    }

    private static void websocketBench(List<String> args, Evidence at, List<Baseline> out) {
        String amount = number(flag(args, "-a", "--amount"));
        String concurrency = number(flag(args, "-c", "--concurrency"));
        if (amount == null && concurrency == null) {
            return;
        }
        String type = flag(args, "-t", "--type");
        String target = url(args);
        if (amount != null) {
            out.add(Baseline.of(Baseline.CONNECTIONS, amount, at, "websocket-bench").attr("type", type)
                    .attr("target", target));
        }
        if (concurrency != null) {
            out.add(Baseline.of(Baseline.CONCURRENCY, concurrency, at, "websocket-bench").attr("type", type)
                    .attr("target", target));
        }
    }

    private static void thor(List<String> args, Evidence at, List<Baseline> out) {
        String target = url(args);
        String amount = number(flag(args, "-A", "--amount"));
        String concurrent = number(flag(args, "-C", "--concurrent"));
        String messages = number(flag(args, "-M", "--messages"));
        if (target == null || !target.toLowerCase(Locale.ROOT).startsWith("ws")) {
            return; // thor is also a Ruby CLI toolkit: only a WebSocket URL makes it the benchmark
        }
        if (amount != null) {
            out.add(Baseline.of(Baseline.CONNECTIONS, amount, at, "thor").attr("target", target));
        }
        if (concurrent != null) {
            out.add(Baseline.of(Baseline.CONCURRENCY, concurrent, at, "thor").attr("target", target));
        }
        if (messages != null) {
            out.add(Baseline.of(Baseline.MESSAGES, messages, at, "thor").attr("target", target));
        }
    }

    private static void tcpkali(List<String> args, Evidence at, List<Baseline> out) {
        if (!has(args, "--websocket", "--ws")) {
            return;
        }
        String connections = number(flag(args, "-c", "--connections"));
        String rate = number(flag(args, "-R", "--connect-rate"));
        String duration = flag(args, "-T", "--duration");
        Long ms = duration == null ? null : Durations.millis(duration, 1000);
        if (connections != null) {
            out.add(Baseline.of(Baseline.CONNECTIONS, connections, at, "tcpkali"));
        }
        if (rate != null) {
            out.add(Baseline.of(Baseline.ARRIVAL_RATE, rate, at, "tcpkali"));
        }
        if (ms != null) {
            out.add(Baseline.of(Baseline.DURATION, Long.toString(ms), at, "tcpkali"));
        }
    }

    private static void k6(List<String> args, Evidence at, List<Pending> pending) {
        if (args.isEmpty() || !(args.get(0).equals("run") || args.get(0).equals("cloud"))) {
            return;
        }
        List<Baseline> found = new ArrayList<>();
        String vus = number(flag(args, "-u", "--vus"));
        if (vus != null) {
            found.add(Baseline.of(Baseline.VUS, vus, at, "k6"));
        }
        String duration = flag(args, "-d", "--duration");
        Long ms = duration == null ? null : Durations.millis(duration, 1000);
        if (ms != null) {
            found.add(Baseline.of(Baseline.DURATION, Long.toString(ms), at, "k6"));
        }
        List<String> stages = flags(args, "-s", "--stage");
        if (!stages.isEmpty()) {
            double peak = -1;
            long total = 0;
            for (String s : stages) {
                int colon = s.lastIndexOf(':');
                Long d = colon < 0 ? null : Durations.millis(s.substring(0, colon), 1000);
                String t = colon < 0 ? null : number(s.substring(colon + 1));
                if (d == null || t == null) {
                    peak = -1;
                    break;
                }
                peak = Math.max(peak, Double.parseDouble(t));
                total += d;
            }
            if (peak >= 0) {
                found.add(Baseline.of(Baseline.VUS, Durations.number(peak), at, "k6").attr("stages",
                        String.join(" ", stages)));
                found.add(Baseline.of(Baseline.DURATION, Long.toString(total), at, "k6").attr("stages",
                        String.join(" ", stages)));
            }
        }
        if (found.isEmpty()) {
            return;
        }
        String script = null;
        for (String a : args.subList(1, args.size())) {
            if (a.equals("&&")) {
                break;
            }
            if (!a.startsWith("-") && (a.endsWith(".js") || a.endsWith(".ts") || a.endsWith(".mjs"))) {
                script = a;
            }
        }
        pending.add(new Pending("k6", script, url(args) != null && url(args).startsWith("ws"), found));
    }

    private static void locust(List<String> args, Evidence at, List<Pending> pending) {
        List<Baseline> found = new ArrayList<>();
        String users = number(flag(args, "-u", "--users", "-c", "--clients"));
        if (users != null) {
            found.add(Baseline.of(Baseline.VUS, users, at, "locust"));
        }
        String rate = number(flag(args, "-r", "--spawn-rate", "--hatch-rate"));
        if (rate != null) {
            found.add(Baseline.of(Baseline.SPAWN_RATE, rate, at, "locust"));
        }
        String runTime = flag(args, "-t", "--run-time");
        Long ms = runTime == null ? null : Durations.millis(runTime, 1000);
        if (ms != null) {
            found.add(Baseline.of(Baseline.DURATION, Long.toString(ms), at, "locust"));
        }
        if (found.isEmpty()) {
            return;
        }
        String script = flag(args, "-f", "--locustfile");
        pending.add(new Pending("locust", script == null ? "locustfile.py" : script,
                url(args) != null && url(args).startsWith("ws"), found));
    }

    private static void artilleryQuick(List<String> args, Evidence at, List<Baseline> out) {
        if (args.isEmpty() || !args.get(0).equals("quick")) {
            return;
        }
        String target = url(args);
        if (target == null || !target.toLowerCase(Locale.ROOT).startsWith("ws")) {
            return;
        }
        String count = number(flag(args, "-c", "--count"));
        if (count != null) {
            out.add(Baseline.of(Baseline.VUS, count, at, "artillery").attr("target", target));
        }
    }
}
