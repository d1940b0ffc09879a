package io.wsmemory.report;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.Source;
import io.wsmemory.report.FactChange.Change;
import io.wsmemory.report.FactChange.Detail;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two fact lists, the committed snapshot's and a fresh scan's, and classifies each difference as breaking
 * or additive: the one comparator behind {@code wsmemory check}, the Maven {@code check} goal and the golden tests.
 *
 * <p>Facts are paired first by identity (everything but evidence and confidence: a fact only seen at another line
 * is a change of evidence), then, among the rest, by what they are about: the same kind and key for the same
 * library, role, context and service (origins by library and role alone, so that {@code allow-list} turning into
 * {@code any} reads as one change; rooms by key and value; events by name and namespace, compared as a whole over
 * their directions). What stays unpaired was removed or added.
 *
 * <p>Breaking:
 * <ul>
 *   <li>removed: an event (direction in or out no longer there), envelope field, destination, room, namespace,
 *       auth mechanism, origin rule, serialization format, transport, library, adapter, broker, sticky-session
 *       rule, health endpoint, metric, endpoint path or port;</li>
 *   <li>an event's direction lost (in → out), a payload field removed or its type changed, a field newly required
 *       on a message clients send, a payload type renamed, a numeric discriminator changed;</li>
 *   <li>a limit lowered: sizes, timeouts, connection and queue limits, capacity (replicas, workers, autoscale
 *       bounds); {@code 0}, a negative number, {@code unlimited} or {@code Infinity} read as no limit; a value that
 *       became unknown (an environment variable with no fallback) counts as possibly lower;</li>
 *   <li>an endpoint path or port, an envelope field's role, a destination's type, an auth check's phase or the
 *       place its credential travels changed;</li>
 *   <li>origins widened to any, narrowed from any, or an allowed origin dropped;</li>
 *   <li>a library's major version changed (a library default that changes with it follows the rules above).</li>
 * </ul>
 * Everything else is additive: something new, a limit raised, a finding fixed, a description, a confidence or an
 * evidence line that moved.
 */
public final class FactDiff {

    /** Settings where a lower value can refuse what used to be accepted. */
    static final Set<String> LIMITS = Set.of("payload.max", "http.maxContent", "connections.max", "buffer.read",
            "buffer.write", "send.bufferLimit", "send.queue", "ping.timeout", "handshake.timeout", "connect.timeout",
            "upgrade.timeout", "idle.timeout", "send.timeLimit", "write.timeout");

    /** Settings clients address: any change breaks them. */
    static final Set<String> ADDRESSES = Set.of("path", "port");

    /** Capacity keys where fewer means less room. */
    static final Set<String> CAPACITY_LIMITS = Set.of("replicas", "workers", "autoscale.min", "autoscale.max");

    /** Kinds whose removal breaks someone who relied on them. */
    static final Set<String> BREAKING_REMOVALS = Set.of(Kinds.EVENT, Kinds.ENVELOPE, Kinds.DESTINATION, Kinds.ROOM,
            Kinds.NAMESPACE, Kinds.AUTH, Kinds.ORIGIN, Kinds.SERIALIZATION, Kinds.TRANSPORT, Kinds.LIBRARY,
            Kinds.ADAPTER, Kinds.BROKER, Kinds.STICKY, Kinds.HEALTH, Kinds.METRIC);

    private static final Comparator<FactChange> ORDER = Comparator
            .comparing((FactChange c) -> c.place(), Places.Place::compareTo)
            .thenComparing(FactChange::change)
            .thenComparing(FactChange::kind)
            .thenComparing(c -> (c.after() != null ? c.after() : c.before()).key())
            .thenComparing(c -> c.after() != null ? c.after() : c.before());

    private final Map<String, String[]> versionChanges = new TreeMap<>();

    private FactDiff() {
    }

    /** The changes from {@code before} to {@code after}, sorted by file, section, change, kind and key. */
    public static List<FactChange> compare(List<Fact> before, List<Fact> after) {
        return new FactDiff().run(before, after);
    }

    private List<FactChange> run(List<Fact> before, List<Fact> after) {
        noteVersionChanges(before, after);
        List<FactChange> out = new ArrayList<>();
        Map<String, List<Fact>> oldById = byIdentity(before);
        Map<String, List<Fact>> newById = byIdentity(after);
        List<Fact> removed = new ArrayList<>();
        List<Fact> added = new ArrayList<>();
        for (Map.Entry<String, List<Fact>> e : oldById.entrySet()) {
            List<Fact> olds = e.getValue();
            List<Fact> news = newById.getOrDefault(e.getKey(), List.of());
            int n = Math.min(olds.size(), news.size());
            for (int i = 0; i < n; i++) {
                FactChange moved = sameFact(olds.get(i), news.get(i));
                if (moved != null) {
                    out.add(moved);
                }
            }
            removed.addAll(olds.subList(n, olds.size()));
        }
        for (Map.Entry<String, List<Fact>> e : newById.entrySet()) {
            int had = oldById.getOrDefault(e.getKey(), List.of()).size();
            if (e.getValue().size() > had) {
                added.addAll(e.getValue().subList(had, e.getValue().size()));
            }
        }

        Map<String, List<Fact>> oldSlots = bySlot(removed);
        Map<String, List<Fact>> newSlots = bySlot(added);
        Set<String> slots = new TreeSet<>(oldSlots.keySet());
        slots.addAll(newSlots.keySet());
        List<FactChange> gone = new ArrayList<>();
        List<FactChange> fresh = new ArrayList<>();
        for (String slot : slots) {
            List<Fact> olds = oldSlots.getOrDefault(slot, List.of());
            List<Fact> news = newSlots.getOrDefault(slot, List.of());
            if (slot.startsWith(Kinds.EVENT + "\u0000") && !olds.isEmpty() && !news.isEmpty()) {
                out.add(events(olds, news));
                continue;
            }
            List<Fact> unpairedNew = new ArrayList<>(news);
            for (Fact o : olds) {
                Fact n = closest(o, unpairedNew);
                if (n == null) {
                    gone.add(removed(o));
                } else {
                    unpairedNew.remove(n);
                    out.add(changed(o, n));
                }
            }
            for (Fact n : unpairedNew) {
                fresh.add(added(n));
            }
        }
        renames(gone, fresh);
        out.addAll(gone);
        out.addAll(fresh);
        out.sort(ORDER);
        return List.copyOf(out);
    }

    // ---- pairing ----------------------------------------------------------------------------------------------

    private static Map<String, List<Fact>> byIdentity(List<Fact> facts) {
        Map<String, List<Fact>> m = new TreeMap<>();
        List<Fact> sorted = new ArrayList<>(facts);
        sorted.sort(Fact.ORDER);
        for (Fact f : sorted) {
            m.computeIfAbsent(f.identity(), k -> new ArrayList<>()).add(f);
        }
        return m;
    }

    private static Map<String, List<Fact>> bySlot(List<Fact> facts) {
        Map<String, List<Fact>> m = new TreeMap<>();
        List<Fact> sorted = new ArrayList<>(facts);
        sorted.sort(Fact.ORDER);
        for (Fact f : sorted) {
            m.computeIfAbsent(slot(f), k -> new ArrayList<>()).add(f);
        }
        return m;
    }

    /** What a fact is about: two facts of one slot are the same thing, changed. */
    static String slot(Fact f) {
        List<String> parts = new ArrayList<>();
        parts.add(f.kind());
        switch (f.kind()) {
            case Kinds.EVENT -> {
                parts.add(f.key());
                parts.add(String.valueOf(f.attr("namespace")));
            }
            case Kinds.ORIGIN -> {
                parts.add(String.valueOf(f.library()));
                parts.add(String.valueOf(f.attr("role")));
            }
            case Kinds.ROOM -> {
                parts.add(f.key());
                parts.add(f.value());
            }
            default -> {
                parts.add(f.key());
                parts.add(String.valueOf(f.library()));
                parts.add(String.valueOf(f.attr("role")));
                parts.add(String.valueOf(f.attr("context")));
                parts.add(String.valueOf(f.attr("service")));
            }
        }
        return String.join("\u0000", parts);
    }

    /** The fact of a slot to pair with: at the same place if any, else in the same file nearest, else the first. */
    private static Fact closest(Fact o, List<Fact> candidates) {
        if (candidates.isEmpty()) {
            return null;
        }
        Evidence e = o.primaryEvidence();
        Fact best = null;
        long bestScore = Long.MAX_VALUE;
        for (Fact c : candidates) {
            Evidence ce = c.primaryEvidence();
            long score;
            if (e == null || ce == null) {
                score = Integer.MAX_VALUE;
            } else if (e.path().equals(ce.path())) {
                score = Math.abs((long) e.line() - ce.line());
            } else {
                score = Integer.MAX_VALUE - 1L;
            }
            if (score < bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    // ---- the same fact, seen elsewhere ------------------------------------------------------------------------

    private FactChange sameFact(Fact o, Fact n) {
        List<Detail> d = new ArrayList<>();
        evidence(o, n, d);
        if (o.confidence() != n.confidence()) {
            d.add(Detail.additive("confidence " + o.confidence().id() + " → " + n.confidence().id()));
        }
        return d.isEmpty() ? null : FactChange.of(Change.CHANGED, o, n, subject(n), d);
    }

    private static void evidence(Fact o, Fact n, List<Detail> d) {
        Evidence a = o.primaryEvidence();
        Evidence b = n.primaryEvidence();
        if (a != null && b != null && !a.location().equals(b.location())) {
            d.add(Detail.additive("evidence moved: " + a.location() + " → " + b.location()));
            return;
        }
        List<String> was = locations(o);
        List<String> now = locations(n);
        if (!was.equals(now)) { // the memory shows the first place and how many more
            List<String> gone = new ArrayList<>(was);
            gone.removeAll(now);
            List<String> fresh = new ArrayList<>(now);
            fresh.removeAll(was);
            List<String> parts = new ArrayList<>();
            if (!gone.isEmpty()) {
                parts.add("no longer at " + String.join(", ", gone));
            }
            if (!fresh.isEmpty()) {
                parts.add("now also at " + String.join(", ", fresh));
            }
            d.add(Detail.additive("evidence " + String.join("; ", parts)));
        }
    }

    /** Places only: snippets are not part of the memory, and change with every edit of their line. */
    private static List<String> locations(Fact f) {
        List<String> out = new ArrayList<>();
        for (Evidence e : f.evidence()) {
            String l = e.location();
            if (!out.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }

    // ---- removed and added ------------------------------------------------------------------------------------

    private FactChange removed(Fact o) {
        return FactChange.of(Change.REMOVED, o, null, subject(o), List.of(removal(o)));
    }

    private static Detail removal(Fact o) {
        switch (o.kind()) {
            case Kinds.EVENT:
                return Detail.breaking("event removed or renamed: " + directionWords(o.value(), false));
            case Kinds.SETTING:
                if (ADDRESSES.contains(o.key())) {
                    return Detail.breaking("the endpoint's " + o.key() + " is no longer set here");
                }
                return Detail.additive("no longer set here; the library's default or no limit applies");
            case Kinds.AUTH:
                return "none".equals(o.key()) ? Detail.additive("no longer unauthenticated")
                        : Detail.breaking("authentication removed");
            case Kinds.ORIGIN:
                return "any".equals(o.key()) ? Detail.additive("no longer open to any origin")
                        : Detail.breaking("origin check removed");
            case Kinds.FINDING:
                return Detail.additive("finding gone");
            default:
                return BREAKING_REMOVALS.contains(o.kind()) ? Detail.breaking(o.kind() + " removed")
                        : Detail.additive(o.kind() + " removed");
        }
    }

    private FactChange added(Fact n) {
        String what = switch (n.kind()) {
            case Kinds.EVENT -> "new event: " + directionWords(n.value(), true);
            case Kinds.FINDING -> "new finding";
            default -> "new " + n.kind();
        };
        return FactChange.of(Change.ADDED, null, n, subject(n), List.of(Detail.additive(what)));
    }

    /** A removed fact and an added one of the same kind and value at the same place read as a rename. */
    private static void renames(List<FactChange> gone, List<FactChange> fresh) {
        for (int i = 0; i < gone.size(); i++) {
            FactChange g = gone.get(i);
            Evidence ge = g.before().primaryEvidence();
            for (FactChange f : fresh) {
                Evidence fe = f.after().primaryEvidence();
                if (ge != null && fe != null && ge.location().equals(fe.location())
                        && g.kind().equals(f.kind()) && g.before().value().equals(f.after().value())) {
                    List<Detail> d = new ArrayList<>(g.details());
                    d.add(new Detail("looks renamed to " + Format.code(f.after().key()) + " (added at the same place)",
                            g.impact()));
                    gone.set(i, new FactChange(g.change(), g.impact(), g.place(), g.kind(), g.subject(), g.before(),
                            null, d));
                    break;
                }
            }
        }
    }

    // ---- changed ----------------------------------------------------------------------------------------------

    private FactChange changed(Fact o, Fact n) {
        List<Detail> d = new ArrayList<>();
        if (!o.key().equals(n.key())) {
            d.add(keyChange(o, n));
        }
        if (!o.value().equals(n.value()) || !Objects.equals(Format.unitOf(o), Format.unitOf(n))) {
            d.add(valueChange(o, n));
        }
        if (o.source() != n.source()) {
            d.add(Detail.additive("now " + sourceWords(n) + " (was " + sourceWords(o) + ")"));
        }
        if (!Objects.equals(o.library(), n.library())) {
            d.add(Detail.additive("library " + words(o.library()) + " → " + words(n.library())));
        }
        attrs(o, n, d, Set.of());
        String follows = followsVersion(o, n);
        if (follows != null) {
            d.add(Detail.additive(follows));
        }
        evidence(o, n, d);
        if (o.confidence() != n.confidence()) {
            d.add(Detail.additive("confidence " + o.confidence().id() + " → " + n.confidence().id()));
        }
        return FactChange.of(Change.CHANGED, o, n, subject(n), d);
    }

    /** Only origins pair across keys. */
    private static Detail keyChange(Fact o, Fact n) {
        if (Kinds.ORIGIN.equals(o.kind())) {
            if ("any".equals(n.key())) {
                return Detail.breaking("origins widened from " + o.key() + " to any: every site can connect");
            }
            if ("any".equals(o.key())) {
                return Detail.breaking("origins narrowed from any to " + n.key()
                        + ": clients from other sites are refused");
            }
            return Detail.breaking("origin rule " + o.key() + " → " + n.key());
        }
        return Detail.breaking(o.kind() + " " + o.key() + " → " + n.key());
    }

    private Detail valueChange(Fact o, Fact n) {
        String from = Format.value(o.value(), Format.unitOf(o));
        String to = Format.value(n.value(), Format.unitOf(n));
        String change = from + " → " + to;
        switch (o.kind()) {
            case Kinds.SETTING:
                if (ADDRESSES.contains(o.key())) {
                    return Detail.breaking(o.key() + " " + change + ": clients connect there");
                }
                if (LIMITS.contains(o.key())) {
                    return limit(o, n, change);
                }
                return Detail.additive(change);
            case Kinds.CAPACITY:
                return CAPACITY_LIMITS.contains(o.key()) ? limit(o, n, change) : Detail.additive(change);
            case Kinds.LIBRARY:
                return version(o.value(), n.value());
            case Kinds.AUTH:
                return Detail.breaking("checked " + o.value() + " → " + n.value() + ": clients authenticate differently");
            case Kinds.ENVELOPE:
                return Detail.breaking("envelope field role " + change);
            case Kinds.DESTINATION:
                return Detail.breaking("destination type " + change);
            case Kinds.ORIGIN:
                return origins(o, n);
            default:
                return Detail.additive(change);
        }
    }

    private static Detail limit(Fact o, Fact n, String change) {
        BigDecimal a = limitValue(o);
        BigDecimal b = limitValue(n);
        if (b == null) {
            return Detail.breaking(change + ": the limit is now unknown and may be lower");
        }
        if (a == null) {
            return Detail.additive(change + " (was unknown)");
        }
        int c = b.compareTo(a);
        if (c < 0) {
            return Detail.breaking(change + ": a limit lowered");
        }
        return Detail.additive(c > 0 ? change + ": a limit raised" : change + " (the same limit)");
    }

    /** A limit in ms or bytes; a very large number for no limit; null when unknown. */
    static BigDecimal limitValue(Fact f) {
        String v = f.value().strip();
        if (v.isEmpty()) {
            return null;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals("unlimited") || lower.equals("infinity") || lower.equals("none")
                || lower.equals("number.max_safe_integer") || lower.equals("math.maxint64")) {
            return NO_LIMIT;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(v);
        } catch (NumberFormatException e) {
            return null;
        }
        if (d.signum() <= 0) {
            return NO_LIMIT;
        }
        String unit = Format.unitOf(f);
        if (unit != null) {
            switch (unit.toLowerCase(Locale.ROOT)) {
                case "s" -> d = d.multiply(BigDecimal.valueOf(1000));
                case "min" -> d = d.multiply(BigDecimal.valueOf(60_000));
                case "h" -> d = d.multiply(BigDecimal.valueOf(3_600_000));
                case "kb" -> d = d.multiply(BigDecimal.valueOf(1000));
                case "kib" -> d = d.multiply(BigDecimal.valueOf(1024));
                case "mb" -> d = d.multiply(BigDecimal.valueOf(1_000_000));
                case "mib" -> d = d.multiply(BigDecimal.valueOf(1024 * 1024));
                default -> {
                }
            }
        }
        return d;
    }

    private static final BigDecimal NO_LIMIT = new BigDecimal("1e40");

    private static final Pattern MAJOR = Pattern.compile("(\\d+)");

    /** A library version: a change of major version breaks, the rest is additive. */
    static Detail version(String from, String to) {
        Integer a = major(from);
        Integer b = major(to);
        String change = "version " + words(from) + " → " + words(to);
        if (a != null && b != null && !a.equals(b)) {
            return Detail.breaking(change + ": a new major version");
        }
        return Detail.additive(change);
    }

    private static Integer major(String version) {
        if (version == null || version.isBlank() || "unknown".equals(version)) {
            return null;
        }
        Matcher m = MAJOR.matcher(version);
        if (!m.find()) {
            return null;
        }
        try {
            int major = Integer.parseInt(m.group(1));
            if (major == 0 && m.find()) { // 0.x: the minor version is the major one
                return 1000 + Integer.parseInt(m.group(1));
            }
            return major;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Detail origins(Fact o, Fact n) {
        Set<String> a = list(o.value());
        Set<String> b = list(n.value());
        Set<String> dropped = new LinkedHashSet<>(a);
        dropped.removeAll(b);
        Set<String> gained = new LinkedHashSet<>(b);
        gained.removeAll(a);
        if (!dropped.isEmpty()) {
            return Detail.breaking("origins no longer allowed: " + String.join(", ", codes(dropped))
                    + (gained.isEmpty() ? "" : "; newly allowed: " + String.join(", ", codes(gained))));
        }
        return Detail.additive("origins newly allowed: " + String.join(", ", codes(gained)));
    }

    private static Set<String> list(String csv) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : csv.split(",")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    private static List<String> codes(Set<String> items) {
        List<String> out = new ArrayList<>();
        for (String s : items) {
            out.add(Format.code(s));
        }
        return out;
    }

    /** Attribute changes; {@code skip} names those the caller compares itself. */
    private static void attrs(Fact o, Fact n, List<Detail> d, Set<String> skip) {
        Set<String> names = new TreeSet<>(o.attrs().keySet());
        names.addAll(n.attrs().keySet());
        for (String name : names) {
            if (skip.contains(name)) {
                continue;
            }
            String a = o.attr(name);
            String b = n.attr(name);
            if (Objects.equals(a, b)) {
                continue;
            }
            String change = name + " " + words(a) + " → " + words(b);
            boolean breaking = switch (name) {
                case "carrier" -> Kinds.AUTH.equals(o.kind());
                case "code" -> Kinds.EVENT.equals(o.kind());
                default -> false;
            };
            d.add(new Detail(change + (breaking ? explain(name) : ""),
                    breaking ? FactChange.Impact.BREAKING : FactChange.Impact.ADDITIVE));
        }
    }

    private static String explain(String attr) {
        return switch (attr) {
            case "carrier" -> ": clients send the credential elsewhere";
            case "code" -> ": the message's number on the wire changed";
            default -> "";
        };
    }

    // ---- events -----------------------------------------------------------------------------------------------

    /** One event (name and namespace) with facts on both sides: directions, payloads and attributes compared. */
    private FactChange events(List<Fact> olds, List<Fact> news) {
        List<Detail> d = new ArrayList<>();
        Set<String> was = directions(olds);
        Set<String> now = directions(news);
        Set<String> lost = new TreeSet<>(was);
        lost.removeAll(now);
        Set<String> gained = new TreeSet<>(now);
        gained.removeAll(was);
        String change = "direction " + directionList(olds) + " → " + directionList(news);
        if (!lost.isEmpty()) {
            d.add(Detail.breaking(change + ": " + (lost.contains("in") ? "no longer received from clients"
                    : "no longer sent to clients")));
        } else if (!gained.isEmpty()) {
            d.add(Detail.additive(change + ": now also " + (gained.contains("in") ? "received from clients"
                    : "sent to clients")));
        } else if (!directionList(olds).equals(directionList(news))) {
            d.add(Detail.additive(change + " (the same directions)"));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String dir : List.of("in", "out")) {
            if (!was.contains(dir) || !now.contains(dir)) {
                continue;
            }
            Fact o = covering(olds, dir);
            Fact n = covering(news, dir);
            for (Detail p : payload(o, n, dir)) {
                if (seen.add(p.text())) {
                    d.add(p);
                }
            }
            List<Detail> other = new ArrayList<>();
            attrs(o, n, other, Set.of("payload", "required"));
            for (Detail p : other) {
                if (seen.add(p.text())) {
                    d.add(p);
                }
            }
        }
        Fact o = olds.get(0);
        Fact n = news.get(0);
        if (olds.size() == 1 && news.size() == 1) {
            evidence(o, n, d);
            if (o.source() != n.source()) {
                d.add(Detail.additive("now " + sourceWords(n) + " (was " + sourceWords(o) + ")"));
            }
            if (o.confidence() != n.confidence()) {
                d.add(Detail.additive("confidence " + o.confidence().id() + " → " + n.confidence().id()));
            }
        } else if (d.isEmpty()) {
            d.add(Detail.additive("evidence changed"));
        }
        return FactChange.of(Change.CHANGED, o, n, subject(n), d);
    }

    private static Set<String> directions(List<Fact> events) {
        Set<String> out = new TreeSet<>();
        for (Fact f : events) {
            out.addAll(covers(f.value()));
        }
        return out;
    }

    private static Set<String> covers(String direction) {
        return switch (direction) {
            case "in" -> Set.of("in");
            case "out" -> Set.of("out");
            case "both" -> Set.of("in", "out");
            default -> Set.of(direction);
        };
    }

    private static String directionList(List<Fact> events) {
        List<String> v = new ArrayList<>();
        for (Fact f : events) {
            v.add(f.value());
        }
        v.sort(null);
        return String.join(" + ", v);
    }

    private static Fact covering(List<Fact> events, String dir) {
        for (Fact f : events) {
            if (f.value().equals(dir)) {
                return f;
            }
        }
        for (Fact f : events) {
            if (covers(f.value()).contains(dir)) {
                return f;
            }
        }
        return events.get(0);
    }

    /** {@code in}: clients send it, {@code out}: the server sends it. */
    private static String directionWords(String dir, boolean added) {
        return switch (dir) {
            case "in" -> added ? "clients may send it" : "clients that send it are no longer heard";
            case "out" -> added ? "the server sends it" : "clients waiting for it no longer get it";
            case "both" -> added ? "sent both ways" : "no longer sent either way";
            default -> dir;
        };
    }

    /** A payload's fields, compared for one direction. */
    static List<Detail> payload(Fact o, Fact n, String dir) {
        String a = o.attr("payload");
        String b = n.attr("payload");
        List<Detail> d = new ArrayList<>();
        String where = " (" + dir + ")";
        if (Objects.equals(a, b)) {
            required(o, n, dir, d);
            return d;
        }
        if (b == null) {
            d.add(Detail.additive("payload no longer known" + where));
            return d;
        }
        if (a == null) {
            d.add(Detail.additive("payload now known: " + Format.code(b) + where));
            return d;
        }
        Map<String, String> fa = fields(a);
        Map<String, String> fb = fields(b);
        if (fa == null || fb == null) {
            d.add(Detail.breaking("payload type " + Format.code(a) + " → " + Format.code(b) + where));
            return d;
        }
        for (Map.Entry<String, String> e : fa.entrySet()) {
            String name = e.getKey();
            if (!fb.containsKey(name)) {
                d.add(Detail.breaking("payload field " + Format.code(name) + " removed" + where));
                continue;
            }
            String ta = e.getValue();
            String tb = fb.get(name);
            if (ta != null && tb != null && !ta.equals(tb)) {
                d.add(Detail.breaking("payload field " + Format.code(name) + " type " + Format.code(ta) + " → "
                        + Format.code(tb) + where));
            } else if (ta == null && tb != null) {
                d.add(Detail.additive("payload field " + Format.code(name) + " now typed " + Format.code(tb) + where));
            }
        }
        for (Map.Entry<String, String> e : fb.entrySet()) {
            if (!fa.containsKey(e.getKey())) {
                d.add(Detail.additive("payload field " + Format.code(e.getKey()) + " added" + where));
            }
        }
        required(o, n, dir, d);
        return d;
    }

    /** A field newly required on a message clients send breaks the clients that do not send it. */
    private static void required(Fact o, Fact n, String dir, List<Detail> d) {
        Set<String> a = list(Objects.requireNonNullElse(o.attr("required"), ""));
        Set<String> b = list(Objects.requireNonNullElse(n.attr("required"), ""));
        Set<String> more = new TreeSet<>(b);
        more.removeAll(a);
        for (String f : more) {
            boolean breaks = "in".equals(dir);
            d.add(new Detail("payload field " + Format.code(f) + " now required (" + dir + ")"
                    + (breaks ? ": clients that omit it are refused" : ""),
                    breaks ? FactChange.Impact.BREAKING : FactChange.Impact.ADDITIVE));
        }
        Set<String> less = new TreeSet<>(a);
        less.removeAll(b);
        for (String f : less) {
            d.add(Detail.additive("payload field " + Format.code(f) + " no longer required (" + dir + ")"));
        }
    }

    /**
     * {@code text: string, roomId: string}, {@code {channelId}}, {@code id, text?: string}: field name to type
     * (null when not given); null when the payload is not a field list (a type name such as {@code ChatMessage}).
     */
    static Map<String, String> fields(String payload) {
        String p = payload.strip();
        if (p.startsWith("{") && p.endsWith("}")) {
            p = p.substring(1, p.length() - 1).strip();
        }
        if (p.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : splitTopLevel(p)) {
            String s = part.strip();
            if (s.isEmpty()) {
                continue;
            }
            int colon = topLevelColon(s);
            String name = colon < 0 ? s : s.substring(0, colon).strip();
            String type = colon < 0 ? null : s.substring(colon + 1).strip();
            if (name.endsWith("?")) {
                name = name.substring(0, name.length() - 1).strip();
            }
            if (!name.matches("[\\p{L}_$][\\p{L}\\p{N}_$.\\-]*|\"[^\"]*\"|'[^']*'")) {
                return null;
            }
            out.put(name, type == null || type.isEmpty() ? null : type);
        }
        return out.size() == 1 && !p.contains(":") && !payload.strip().startsWith("{")
                && Character.isUpperCase(p.charAt(0)) ? null : out; // a lone type name is not a field
    }

    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' || c == '[' || c == '(' || c == '<') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')' || c == '>') {
                depth = Math.max(0, depth - 1);
            } else if ((c == ',' || c == ';') && depth == 0) {
                if (c == ';') {
                    return List.of("\u0001"); // "in message; out message": a description, not fields
                }
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    private static int topLevelColon(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' || c == '[' || c == '(' || c == '<') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')' || c == '>') {
                depth--;
            } else if (c == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    // ---- library versions behind defaults ---------------------------------------------------------------------

    private void noteVersionChanges(List<Fact> before, List<Fact> after) {
        Map<String, String> a = versions(before);
        Map<String, String> b = versions(after);
        for (Map.Entry<String, String> e : a.entrySet()) {
            String now = b.get(e.getKey());
            if (now != null && !now.equals(e.getValue())) {
                versionChanges.put(e.getKey(), new String[] {e.getValue(), now});
            }
        }
    }

    /** Library id to version, for libraries with one version on a side. */
    private static Map<String, String> versions(List<Fact> facts) {
        Map<String, String> out = new TreeMap<>();
        Set<String> several = new TreeSet<>();
        for (Fact f : facts) {
            if (Kinds.LIBRARY.equals(f.kind())) {
                String had = out.put(f.key(), f.value());
                if (had != null && !had.equals(f.value())) {
                    several.add(f.key());
                }
            }
        }
        several.forEach(out::remove);
        return out;
    }

    private String followsVersion(Fact o, Fact n) {
        if (o.source() != Source.DEFAULT && n.source() != Source.DEFAULT) {
            return null;
        }
        String lib = n.library() != null ? n.library() : o.library();
        String[] v = lib == null ? null : versionChanges.get(lib);
        if (v == null) {
            return null;
        }
        return "the library default follows " + lib + " " + v[0] + " → " + v[1];
    }

    // ---- words ------------------------------------------------------------------------------------------------

    /** {@code event `chat:message`}, {@code setting payload.max (server, socket.io)}. */
    static String subject(Fact f) {
        StringBuilder s = new StringBuilder(f.kind()).append(' ').append(Format.code(f.key()));
        List<String> q = new ArrayList<>();
        for (String a : List.of("namespace", "role", "context", "service")) {
            String v = f.attr(a);
            if (v != null && !v.isBlank()) {
                q.add("service".equals(a) || "namespace".equals(a) ? a + " " + Format.code(v) : Format.inline(v));
            }
        }
        if (f.library() != null && !f.library().isBlank() && !Kinds.LIBRARY.equals(f.kind())) {
            q.add(Format.inline(f.library()));
        }
        if (!q.isEmpty()) {
            s.append(" (").append(String.join(", ", q)).append(')');
        }
        return s.toString();
    }

    /** The value as the diff shows it, or an empty string when the fact has none worth showing. */
    static String shownValue(Fact f) {
        if (f.value().isBlank()) {
            return "";
        }
        if (Kinds.SETTING.equals(f.kind()) || Kinds.RECONNECT.equals(f.kind())) {
            return Format.sourced(f);
        }
        return Format.inline(f.value()) + Format.notes(f, true);
    }

    private static String sourceWords(Fact f) {
        return switch (f.source()) {
            case DEFAULT -> "the library default";
            case ENV -> f.attr("variable") == null ? "from the environment" : "from env " + f.attr("variable");
            case INFERRED -> "inferred";
            case EXPLICIT -> "written in the code";
        };
    }

    private static String words(String s) {
        return s == null || s.isBlank() ? "(none)" : Format.inline(s);
    }
}
