package io.wsmemory.detectors.go;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.QueryMatch;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import io.wsmemory.core.resolve.go.GoFile;
import io.wsmemory.core.resolve.go.GoResolver;
import io.wsmemory.core.resolve.go.GoSyntax;
import io.wsmemory.core.resolve.go.GoType;
import io.wsmemory.core.resolve.go.GoValue;
import io.wsmemory.detectors.go.GoFindings.Opt;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Fan-out through a message broker from Go: go-redis ({@code Publish}, {@code Subscribe}, {@code PSubscribe}),
 * redigo ({@code Do("PUBLISH", ...)}, {@code PubSubConn}) and nats.go ({@code Publish}, {@code Subscribe},
 * {@code QueueSubscribe}) with their channel and subject patterns, and the address the client connects to. A client
 * that never publishes or subscribes (a cache) is not a broker.
 */
final class GoBrokers {

    static final String[] REDIS = {"github.com/redis/go-redis", "github.com/go-redis/redis", "gopkg.in/redis.v5",
        "gopkg.in/redis.v4", "github.com/gomodule/redigo", "github.com/garyburd/redigo"};
    static final String[] NATS = {"github.com/nats-io/nats.go", "github.com/nats-io/go-nats"};
    private static final Query Q = Query.load(GoBrokers.class, "brokers.scm");
    private static final Pattern CONTEXT = Pattern.compile("(?i).*(ctx|context.*|\\.Context\\(\\))");

    private GoBrokers() {
    }

    static void scan(GoWsFileScan s) {
        GoFile g = s.goFile();
        GoFile.Import redis = g.importMatching(REDIS);
        GoFile.Import nats = g.importMatching(NATS);
        if (redis == null && nats == null) {
            return;
        }
        SyntaxTree tree = g.parsed().tree();
        if (tree == null) {
            return;
        }
        GoResolver r = s.resolver();
        List<GoFindings.Broker> found = new ArrayList<>();
        List<GoFindings.Broker> endpoints = new ArrayList<>();
        for (QueryMatch m : Q.matches(tree.root())) {
            SyntaxNode call = m.node("bus");
            String method = m.text("bus.method");
            SyntaxNode recv = m.node("bus.recv");
            List<SyntaxNode> args = GoSyntax.arguments(call);
            String broker = brokerOf(r, recv, redis, nats);
            if (broker == null) {
                continue;
            }
            Evidence at = r.evidence(call);
            String pkg = broker.equals("redis") ? redis.path() : nats.path();
            boolean pkgCall = recv.is("identifier") && g.importOf(recv.text()) != null;
            switch (method) {
                case "NewClient", "NewClusterClient", "NewFailoverClient", "NewUniversalClient", "Connect",
                     "ParseURL" -> {
                    if (!pkgCall) {
                        continue;
                    }
                    Opt endpoint = endpoint(r, broker, method, args);
                    endpoints.add(new GoFindings.Broker(broker, endpoint, List.of(), at, pkg));
                }
                case "Publish", "SPublish", "PublishMsg" -> {
                    if (pkgCall) {
                        continue;
                    }
                    int i = broker.equals("redis") && args.size() >= 3 ? 1 : 0;
                    channels(r, broker, args, i, i + 1, at, pkg, found);
                }
                case "Subscribe", "PSubscribe", "SSubscribe" -> {
                    if (pkgCall) {
                        continue;
                    }
                    if (broker.equals("redis")) {
                        int from = !args.isEmpty() && CONTEXT.matcher(args.get(0).text()).matches() ? 1 : 0;
                        channels(r, broker, args, from, args.size(), at, pkg, found);
                    } else {
                        channels(r, broker, args, 0, 1, at, pkg, found);
                    }
                }
                case "QueueSubscribe", "ChanSubscribe", "QueueSubscribeSync", "SubscribeSync",
                     "ChanQueueSubscribe" -> {
                    if (!pkgCall) {
                        channels(r, broker, args, 0, 1, at, pkg, found);
                    }
                }
                case "Do" -> {
                    if (!args.isEmpty()) {
                        GoValue cmd = r.resolve(args.get(0));
                        if (cmd.is(GoValue.Kind.STRING) && Pattern.matches("(?i)P?(UN)?SUBSCRIBE|PUBLISH",
                                cmd.string())) {
                            channels(r, broker, args, 1, 2, at, pkg, found);
                        }
                    }
                }
                default -> {
                }
            }
        }
        if (!found.isEmpty() || !endpoints.isEmpty()) {
            s.findings().brokers.addAll(endpoints);
            s.findings().brokers.addAll(found);
            s.findings().flags.put("broker.pubsub", !found.isEmpty());
        }
    }

    /** Which broker a receiver belongs to: by its type when known, else by the only broker the file imports. */
    private static String brokerOf(GoResolver r, SyntaxNode recv, GoFile.Import redis, GoFile.Import nats) {
        if (recv.is("identifier")) {
            GoFile.Import i = r.goFile().importOf(recv.text());
            if (i != null) {
                return redis != null && i.path().equals(redis.path()) ? "redis"
                        : nats != null && i.path().equals(nats.path()) ? "nats" : null;
            }
        }
        GoType t = r.typeOf(recv);
        String ip = t == null ? null : t.base().importPath();
        if (ip != null) {
            if (redis != null && ip.equals(redis.path())) {
                return "redis";
            }
            if (nats != null && ip.equals(nats.path())) {
                return "nats";
            }
            return null;
        }
        if (redis != null && nats == null) {
            return "redis";
        }
        if (nats != null && redis == null) {
            return "nats";
        }
        return null;
    }

    private static void channels(GoResolver r, String broker, List<SyntaxNode> args, int from, int to, Evidence at,
                                 String pkg, List<GoFindings.Broker> out) {
        List<String> names = new ArrayList<>();
        for (int i = from; i < to && i < args.size(); i++) {
            SyntaxNode a = args.get(i);
            if (a.text().endsWith("...")) {
                continue;
            }
            String p = GoPatterns.of(r, a);
            if (p != null && !GoPatterns.isOnlyPlaceholder(p)) {
                names.add(p);
            }
        }
        out.add(new GoFindings.Broker(broker, null, names, at, pkg));
    }

    /** The address a client connects to, as {@code host:port}, from options, a URL or nats.DefaultURL. */
    private static Opt endpoint(GoResolver r, String broker, String method, List<SyntaxNode> args) {
        if (args.isEmpty()) {
            return null;
        }
        SyntaxNode first = args.get(0);
        GoValue v;
        if (method.equals("Connect") || method.equals("ParseURL")) {
            v = r.resolve(first);
            if (first.text().endsWith("DefaultURL")) {
                return new Opt("127.0.0.1:4222", null, io.wsmemory.core.api.Source.DEFAULT,
                        io.wsmemory.core.api.Confidence.HIGH, null, List.of(r.evidence(first)));
            }
        } else {
            GoValue opts = r.resolve(first);
            v = opts.get("Addr");
            if (!v.isKnown()) {
                GoValue addrs = opts.get("Addrs");
                v = addrs.items().isEmpty() ? addrs : addrs.items().get(0);
            }
        }
        if (!v.isKnown()) {
            return null;
        }
        String text = v.text() == null ? "" : hostPort(v.text(), broker);
        List<Evidence> ev = new ArrayList<>();
        ev.add(r.evidence(first));
        ev.addAll(v.via());
        return new Opt(text, null, v.source(), v.confidence(), v.variable(), List.copyOf(ev));
    }

    static String hostPort(String s, String broker) {
        if (s.isEmpty()) {
            return s;
        }
        String first = s.split(",")[0].strip();
        if (first.contains("://")) {
            try {
                URI u = URI.create(first);
                if (u.getHost() != null) {
                    int port = u.getPort() > 0 ? u.getPort() : broker.equals("nats") ? 4222 : 6379;
                    return u.getHost() + ":" + port;
                }
            } catch (IllegalArgumentException e) {
                return first;
            }
        }
        return first;
    }
}
