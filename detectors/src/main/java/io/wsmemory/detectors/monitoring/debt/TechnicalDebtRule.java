package io.wsmemory.detectors.monitoring.debt;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.FactRule;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.core.source.UnreadableFileException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Technical debt in the files that touch WebSockets: a TODO, FIXME, HACK or XXX that opens a comment (also
 * {@code @todo}), in any file that is evidence of a WebSocket fact of the scan (library imports, settings, auth,
 * origins, transports, events, rooms, adapters, sticky sessions...). One {@code finding} per comment line: key
 * {@code WS-DEBT-TODO}, value {@code info}, {@code attrs.text} the comment from its marker (at most 160 characters),
 * {@code attrs.marker}. Manifests are not read; markers inside strings or code are not comments.
 */
public final class TechnicalDebtRule implements FactRule {

    public static final String ID = "WS-DEBT-TODO";
    private static final Set<String> WS_KINDS = Set.of(Kinds.LIBRARY, Kinds.SETTING, Kinds.AUTH, Kinds.ORIGIN,
            Kinds.RECONNECT, Kinds.TRANSPORT, Kinds.CLIENT_TYPE, Kinds.EVENT, Kinds.ENVELOPE, Kinds.SERIALIZATION,
            Kinds.ROOM, Kinds.NAMESPACE, Kinds.DESTINATION, Kinds.ADAPTER, Kinds.BROKER, Kinds.STICKY);
    private static final Set<String> MANIFESTS = Set.of("package.json", "package-lock.json", "npm-shrinkwrap.json",
            "yarn.lock", "pnpm-lock.yaml", "go.mod", "go.sum", "pom.xml", "build.gradle", "build.gradle.kts",
            "requirements.txt", "pyproject.toml", "poetry.lock", "pipfile", "pipfile.lock", "setup.py", "setup.cfg",
            "cargo.toml", "cargo.lock", "gemfile", "gemfile.lock", "composer.json", "composer.lock");
    private static final Pattern MARKER = Pattern.compile(
            "^[\\s*/#!<-]*((?:TODO|FIXME|HACK|XXX)(?![A-Za-z0-9_])|@(?i:todo|fixme)\\b)(.*)$");
    private static final int MAX_TEXT = 160;

    @Override
    public String id() {
        return "monitoring-debt";
    }

    @Override
    public void apply(RepoContext context) {
        Set<String> files = new TreeSet<>();
        for (Fact f : context.facts()) {
            if (!touchesWebSockets(f)) {
                continue;
            }
            for (Evidence e : f.evidence()) {
                String name = e.path().substring(e.path().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                if (!MANIFESTS.contains(name)) {
                    files.add(e.path());
                }
            }
        }
        for (String path : files) {
            Optional<SourceFile> file = context.sources().file(path);
            if (file.isEmpty()) {
                continue;
            }
            String text;
            try {
                text = file.get().text();
            } catch (UnreadableFileException e) {
                continue;
            }
            for (CommentScanner.Comment c : CommentScanner.comments(file.get().fileName(), text)) {
                Matcher m = MARKER.matcher(c.text());
                if (!m.matches()) {
                    continue;
                }
                String marker = m.group(1).startsWith("@") ? m.group(1).substring(1).toUpperCase(Locale.ROOT)
                        : m.group(1);
                String body = (m.group(1) + m.group(2)).replaceAll("\\s*(\\*/|-->)\\s*$", "").strip();
                if (body.length() > MAX_TEXT) {
                    body = body.substring(0, MAX_TEXT - 1) + "…";
                }
                context.emit(Fact.of(Kinds.FINDING, ID).value("info")
                        .evidence(new Evidence(path, c.line(), file.get().line(c.line())))
                        .attr("text", body).attr("marker", marker)
                        .attr("why", "technical debt noted in a file that handles WebSockets").build());
            }
        }
    }

    private static boolean touchesWebSockets(Fact f) {
        if (!WS_KINDS.contains(f.kind()) || f.evidence().isEmpty()) {
            return false;
        }
        if (Kinds.BROKER.equals(f.kind())) {
            return f.library() != null; // a broker seen through the WebSocket library, not a compose service
        }
        return true;
    }
}
