package io.wsmemory.detectors.endpoints;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.FactRule;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.api.Source;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The paths a raw WebSocket server accepts upgrades on are its namespaces in the vocabulary ("a Socket.IO namespace
 * or a server path"): {@code /ws} of a gorilla handler, a Spring endpoint, a ws {@code path} option. Each server-side
 * {@code setting path} found in the code becomes a {@code namespace} with the same evidence. Socket.IO's
 * {@code path} is where its engine listens, not a namespace, so Socket.IO servers keep their own namespaces; a
 * library default is not a place anyone chose, so it gives none.
 */
public final class ServerPathNamespaceRule implements FactRule {

    @Override
    public String id() {
        return "server-path-namespaces";
    }

    @Override
    public void apply(RepoContext context) {
        List<Fact> facts = context.facts();
        Set<String> known = new HashSet<>();
        for (Fact f : facts) {
            if (Kinds.NAMESPACE.equals(f.kind())) {
                known.add(f.key());
            }
        }
        for (Fact f : facts) {
            if (!isServerPath(f) || !known.add(f.value())) {
                continue;
            }
            Fact.Builder ns = Fact.of(Kinds.NAMESPACE, f.value()).value("").library(f.library()).source(f.source())
                    .confidence(f.confidence()).evidence(f.evidence()).attr("via", "server path");
            if (f.attr("variable") != null) {
                ns.attr("variable", f.attr("variable"));
            }
            context.emit(ns.build());
        }
    }

    private static boolean isServerPath(Fact f) {
        return Kinds.SETTING.equals(f.kind()) && "path".equals(f.key()) && "server".equals(f.attr("role"))
                && f.source() != Source.DEFAULT && f.value() != null && f.value().startsWith("/")
                && !isSocketIo(f.library());
    }

    private static boolean isSocketIo(String library) {
        String l = library == null ? "" : library.toLowerCase(Locale.ROOT);
        return l.contains("socket.io") || l.contains("socketio") || l.contains("engine.io");
    }
}
