package io.wsmemory.detectors.go;

import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.go.GoFile;
import io.wsmemory.core.resolve.go.GoResolver;
import io.wsmemory.core.resolve.go.GoWorkspace;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the files of one scan share while a Go detector reads them: the workspace, route index, package roles. */
public final class GoShared {

    private final GoWorkspace workspace;
    private final GoRoutes routes = new GoRoutes();
    private final Map<String, String> roles = new ConcurrentHashMap<>();
    private final java.util.Set<String> claims = ConcurrentHashMap.newKeySet();
    private final Map<String, List<io.wsmemory.core.parse.QueryMatch>> matches = new ConcurrentHashMap<>();

    /** A detector's one {@link GoShared} per scan, made by the first file that needs it. */
    public static final class Lazy {
        private volatile GoShared value;

        public GoShared get(SourceSet sources) {
            GoShared v = value;
            if (v == null) {
                synchronized (this) {
                    if (value == null) {
                        value = new GoShared(sources);
                    }
                    v = value;
                }
            }
            return v;
        }
    }

    public GoShared(SourceSet sources) {
        this.workspace = GoWorkspace.of(sources);
    }

    public GoWorkspace workspace() {
        return workspace;
    }

    public GoRoutes routes() {
        return routes;
    }

    /** True the first time a key is claimed in this scan: work done once for the whole repository. */
    public boolean claim(String key) {
        return claims.add(key);
    }

    /** The matches of a query over a whole file, computed once per scan. */
    public List<io.wsmemory.core.parse.QueryMatch> matches(GoFile g, io.wsmemory.core.parse.Query q) {
        return matches.computeIfAbsent(q + ":" + g.path(), k -> {
            io.wsmemory.core.parse.SyntaxTree t = g.parsed().tree();
            return t == null ? List.of() : q.matches(t.root());
        });
    }

    /** Client when the package of a file dials and never upgrades, else server. */
    String packageRole(GoResolver r, List<String> serverMarkers, List<String> clientMarkers) {
        return roles.computeIfAbsent(r.directory(), d -> {
            boolean server = false;
            boolean client = false;
            for (GoFile f : workspace.packageFiles(d)) {
                String text = f.parsed().file().text();
                server |= serverMarkers.stream().anyMatch(text::contains);
                client |= clientMarkers.stream().anyMatch(text::contains);
            }
            return client && !server ? "client" : "server";
        });
    }
}
