package io.wsmemory.report;

import static io.wsmemory.report.MemoryModel.line;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.report.MemoryModel.Architecture;
import io.wsmemory.report.MemoryModel.ScalingConfig;
import io.wsmemory.report.MemoryModel.Section;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The sections of scaling_config.md. Its derivations are deliberately few and say that they are derived: several
 * instances without an adapter or broker, and an HTTP fallback transport without sticky sessions.
 */
final class ScalingSections {

    /** Capacity keys that count instances or processes, in the order the architecture prefers them. */
    private static final List<String> INSTANCE_KEYS = List.of("autoscale.max", "replicas", "workers");

    private final MemoryModel m;
    private final Fact instances; // the capacity fact with the most instances, or null
    private final long count;     // how many it says, or -1 when none says

    ScalingSections(MemoryModel m) {
        this.m = m;
        Fact best = null;
        long n = -1;
        for (String key : INSTANCE_KEYS) {
            for (Fact f : m.facts(Kinds.CAPACITY)) {
                long v = number(f);
                if (f.key().equals(key) && v > n) {
                    best = f;
                    n = v;
                }
            }
        }
        this.instances = best;
        this.count = n;
    }

    ScalingConfig build() {
        return new ScalingConfig(m.project(), architecture(), broker(), loadBalancing(), capacity(), monitoring(),
                issues());
    }

    private static long number(Fact f) {
        try {
            return Long.parseLong(f.value().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String describeInstances(Fact f, long n) {
        String what = switch (f.key()) {
            case "autoscale.max" -> "autoscaled up to " + n;
            case "workers" -> n + (n == 1 ? " worker process" : " worker processes");
            default -> n + (n == 1 ? " replica" : " replicas");
        };
        return what + MemoryModel.qualifiers(f, false);
    }

    private Architecture architecture() {
        List<String> lines = new ArrayList<>();
        List<Fact> adapters = m.facts(Kinds.ADAPTER);
        List<Fact> brokers = m.facts(Kinds.BROKER);
        List<Fact> sticky = m.facts(Kinds.STICKY);
        if (count > 1) {
            lines.add(line("Several instances: " + describeInstances(instances, count), instances));
        } else if (count == 1) {
            lines.add(line("Single instance: " + describeInstances(instances, count), instances));
        } else if (!adapters.isEmpty()) {
            Fact a = adapters.get(0);
            lines.add(line("Several instances implied (derived): the " + Format.code(a.key())
                    + " adapter fans messages out across instances; the instance count is not in the repository", a));
        } else if (!sticky.isEmpty()) {
            Fact s = sticky.get(0);
            lines.add(line("Several instances implied (derived): sticky sessions (" + Format.code(s.key())
                    + ") are configured; the instance count is not in the repository", s));
        } else {
            lines.add("- Instance count not found, and no adapter or sticky sessions: nothing shows more than one"
                    + " instance.");
        }
        for (Fact f : adapters) {
            lines.add(line("Cross-instance fan-out: " + Format.code(f.key()) + " adapter" + provided(f), f));
        }
        if (adapters.isEmpty()) {
            lines.add("- Cross-instance fan-out: no adapter found.");
        }
        for (Fact f : brokers) {
            lines.add(line("Message broker: " + Format.code(f.key()) + at(f), f));
        }
        if (brokers.isEmpty()) {
            lines.add("- Message broker: none found.");
        }
        for (Fact f : sticky) {
            lines.add(line("Sticky sessions: " + Format.code(f.key()) + configured(f), f));
        }
        if (sticky.isEmpty()) {
            lines.add("- Sticky sessions: not found.");
        }
        return new Architecture(lines, diagram(adapters, brokers, sticky));
    }

    /** clients → load balancer (when sticky or proxy facts say there is one) → instances ↔ adapter, broker. */
    private List<String> diagram(List<Fact> adapters, List<Fact> brokers, List<Fact> sticky) {
        List<String> d = new ArrayList<>();
        d.add("flowchart LR");
        Set<String> clients = new LinkedHashSet<>();
        for (Fact f : m.ordered(Kinds.CLIENT_TYPE, Labels.CLIENTS)) {
            clients.add(f.key());
        }
        d.add("  clients([\"" + (clients.isEmpty() ? "Clients" : "Clients: " + Format.mermaid(String.join(", ", clients)))
                + "\"])");
        String app;
        if (count > 0) {
            app = switch (instances.key()) {
                case "autoscale.max" -> autoscaleLabel();
                case "workers" -> count + (count == 1 ? " worker process" : " worker processes");
                default -> count + (count == 1 ? " instance" : " instances");
            };
        } else {
            app = adapters.isEmpty() && sticky.isEmpty() ? "Server" : "Server instances, count not found";
        }
        d.add("  app[\"" + Format.mermaid(app) + "\"]");
        boolean proxy = !sticky.isEmpty() || m.facts(Kinds.SETTING).stream().anyMatch(MemoryModel::isProxy);
        if (proxy) {
            List<String> keys = new ArrayList<>();
            sticky.forEach(f -> keys.add(f.key()));
            String lb = keys.isEmpty() ? "Load balancer, no sticky sessions found"
                    : "Load balancer, sticky: " + String.join(", ", new LinkedHashSet<>(keys));
            d.add("  lb[\"" + Format.mermaid(lb) + "\"]");
            d.add("  clients --> lb");
            d.add("  lb --> app");
        } else {
            d.add("  clients --> app");
        }
        int i = 0;
        for (String key : distinctKeys(adapters)) {
            d.add("  adapter" + i + "[(\"" + Format.mermaid(key + " adapter") + "\")]");
            d.add("  app <--> adapter" + i);
            i++;
        }
        i = 0;
        for (String key : distinctKeys(brokers)) {
            d.add("  broker" + i + "[(\"" + Format.mermaid(key + " broker") + "\")]");
            d.add("  app <--> broker" + i);
            i++;
        }
        return d;
    }

    private String autoscaleLabel() {
        long min = -1;
        for (Fact f : m.facts(Kinds.CAPACITY)) {
            if ("autoscale.min".equals(f.key()) && number(f) >= 0 && (min < 0 || number(f) < min)) {
                min = number(f);
            }
        }
        return min >= 0 ? min + " to " + count + " instances, autoscaled" : "up to " + count + " instances, autoscaled";
    }

    private static Set<String> distinctKeys(List<Fact> facts) {
        Set<String> keys = new LinkedHashSet<>();
        facts.forEach(f -> keys.add(f.key()));
        return keys;
    }

    private static String provided(Fact f) {
        return f.value().isBlank() ? "" : ", provided by " + Format.code(f.value());
    }

    private static String at(Fact f) {
        return f.value().isBlank() ? "" : " at " + Format.code(f.value());
    }

    private static String configured(Fact f) {
        return f.value().isBlank() ? "" : ", configured in " + Format.code(f.value());
    }

    private Section broker() {
        List<String> lines = new ArrayList<>();
        for (Fact f : m.facts(Kinds.ADAPTER)) {
            lines.add(line("Adapter: " + Format.code(f.key()) + provided(f) + Format.notes(f, true), f));
        }
        for (Fact f : m.facts(Kinds.BROKER)) {
            String channels = f.attr("channels") == null ? "" : ", channels " + Format.codeList(f.attr("channels"));
            lines.add(line("Broker: " + Format.code(f.key()) + at(f) + channels + Format.notes(f, true), f));
        }
        return new Section(lines);
    }

    private Section loadBalancing() {
        List<String> lines = new ArrayList<>();
        List<Fact> sticky = m.facts(Kinds.STICKY);
        for (Fact f : sticky) {
            lines.add(line("Sticky sessions: " + Format.code(f.key()) + configured(f) + Format.notes(f, true), f));
        }
        List<Fact> proxy = new ArrayList<>();
        for (Fact f : m.ordered(Kinds.SETTING, Labels.SETTINGS)) {
            if (MemoryModel.isProxy(f)) {
                proxy.add(f);
            }
        }
        for (Fact f : proxy) {
            lines.add(MemoryModel.settingLine(f, false));
        }
        List<Fact> health = m.facts(Kinds.HEALTH);
        for (Fact f : health) {
            lines.add(line("Health check: " + Format.code(f.key()) + Format.notes(f, true), f));
        }
        if (!lines.isEmpty()) {
            List<String> missing = new ArrayList<>();
            if (sticky.isEmpty()) {
                missing.add("sticky sessions");
            }
            if (proxy.isEmpty()) {
                missing.add("proxy timeouts");
            }
            if (health.isEmpty()) {
                missing.add("health checks");
            }
            if (!missing.isEmpty()) {
                lines.add("- Not found: " + String.join(", ", missing) + ".");
            }
        }
        return new Section(lines);
    }

    private Section capacity() {
        List<String> lines = new ArrayList<>();
        List<Fact> capacity = m.ordered(Kinds.CAPACITY, Labels.CAPACITY);
        for (Fact f : capacity) {
            String unit = f.attr("unit") == null ? "" : " " + Format.inline(f.attr("unit"));
            String metric = f.attr("metric") == null ? "" : " of " + Format.code(f.attr("metric"));
            lines.add(line(Labels.of(Labels.CAPACITY, f.key()) + MemoryModel.qualifiers(f, false) + ": "
                    + Format.inline(f.value()) + unit + metric + Format.notes(f, true), f));
        }
        List<Fact> limits = new ArrayList<>();
        for (Fact f : m.facts(Kinds.SETTING)) {
            if ("connections.max".equals(f.key())) {
                limits.add(f);
            }
        }
        boolean mixed = MemoryModel.mixedLibraries(limits);
        for (Fact f : limits) {
            lines.add(line("Max connections per instance" + MemoryModel.qualifiers(f, mixed) + ": "
                    + Format.sourced(f), f));
        }
        if (!lines.isEmpty() && limits.isEmpty()) {
            lines.add("- Max connections per instance: not found.");
        }
        for (Fact f : m.facts(Kinds.BASELINE)) {
            String tool = f.attr("tool") == null ? "" : Format.inline(f.attr("tool")) + " ";
            String scenario = f.attr("scenario") == null ? "" : " (scenario " + Format.code(f.attr("scenario")) + ")";
            String value = f.unit() != null && f.unit().equals("ms") || f.key().equals("duration")
                    ? Format.sourced(f) : Format.inline(f.value());
            lines.add(line("Load-test baseline, " + tool + Format.inline(f.key()) + scenario + ": " + value, f));
        }
        return new Section(lines);
    }

    private Section monitoring() {
        List<String> lines = new ArrayList<>();
        for (Fact f : m.facts(Kinds.METRIC)) {
            String type = f.value().isBlank() ? "" : " (" + Format.inline(f.value()) + ")";
            lines.add(line("Metric " + Format.code(f.key()) + type + Format.notes(f, true), f));
        }
        for (Fact f : m.facts(Kinds.ALERT)) {
            List<String> details = new ArrayList<>();
            if (f.attr("for") != null) {
                details.add("for " + Format.inline(f.attr("for")));
            }
            if (f.attr("severity") != null) {
                details.add("severity " + Format.inline(f.attr("severity")));
            }
            String condition = f.value().isBlank() ? "" : ": " + Format.code(f.value());
            String more = details.isEmpty() ? "" : " (" + String.join(", ", details) + ")";
            lines.add(line("Alert " + Format.code(f.key()) + condition + more + Format.notes(f, true), f));
        }
        return new Section(lines);
    }

    private Section issues() {
        List<String> lines = new ArrayList<>();
        for (Fact f : m.facts(Kinds.FINDING)) {
            if (MemoryModel.isScalingFinding(f)) {
                lines.add(MemoryModel.findingLine(f));
            }
        }
        boolean fanOut = !m.facts(Kinds.ADAPTER).isEmpty() || !m.facts(Kinds.BROKER).isEmpty();
        if (count > 1 && !fanOut && !m.findingMentions("ADAPTER")) {
            lines.add(line("Several instances (" + describeInstances(instances, count) + ") and no adapter or broker"
                    + " (derived): a broadcast or room message reaches only the clients of the instance that sends it",
                    instances));
        }
        if (m.facts(Kinds.STICKY).isEmpty() && count != 1 && !m.findingMentions("STICKY")) {
            for (Fact f : m.facts(Kinds.TRANSPORT)) {
                if ("polling".equals(f.key()) || "sockjs".equals(f.key())) {
                    lines.add(line(Labels.of(Labels.TRANSPORTS, f.key()) + " is allowed but no sticky sessions were"
                            + " found (derived): with more than one instance, a client's HTTP requests can reach an"
                            + " instance that does not hold its session", f));
                }
            }
        }
        return new Section(lines);
    }
}
