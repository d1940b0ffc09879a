package io.wsmemory.detectors.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Detector;
import io.wsmemory.core.engine.Detectors;
import io.wsmemory.core.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ManifestDetectorsTest {

    @Test
    void everyReaderIsDiscoveredAndReadsNoSyntaxTree() {
        Map<String, Detector> byId = new TreeMap<>();
        for (Detector d : Detectors.load()) {
            byId.put(d.descriptor().id(), d);
        }
        assertThat(byId).containsKeys("manifest-go", "manifest-gradle", "manifest-maven", "manifest-npm",
                "manifest-python");
        byId.entrySet().stream().filter(e -> e.getKey().startsWith("manifest-")).forEach(e -> {
            assertThat(e.getValue().descriptor().languages()).isEmpty();
            assertThat(e.getValue().descriptor().keywords()).isEmpty();
        });
    }

    @ParameterizedTest
    @CsvSource({
        "package.json, manifest-npm", "web/app/package.json, manifest-npm", "go.mod, manifest-go",
        "svc/pom.xml, manifest-maven", "build.gradle, manifest-gradle", "app/build.gradle.kts, manifest-gradle",
        "requirements.txt, manifest-python", "requirements-dev.txt, manifest-python",
        "requirements/prod.txt, manifest-python", "dev-requirements.txt, manifest-python",
        "pyproject.toml, manifest-python", "Pipfile, manifest-python", "setup.cfg, manifest-python",
        "package-lock.json, -", "yarn.lock, -", "go.sum, -", "settings.gradle, -", "notes.txt, -",
        "Pipfile.lock, -", "tsconfig.json, -"})
    void acceptsByNameWithoutReadingTheFile(String path, String detector) {
        // a file whose content cannot be read: accepts must not try
        SourceFile file = new SourceFile(path, null, 100, 10);
        List<String> takers = Detectors.load().stream()
                .filter(d -> d.descriptor().id().startsWith("manifest-"))
                .filter(d -> d.accepts(file))
                .map(d -> d.descriptor().id())
                .toList();
        assertThat(takers).containsExactlyElementsOf(detector.equals("-") ? List.of() : List.of(detector));
        assertThat(file.isLoaded()).isFalse();
    }

    @Test
    void theCatalogNamesEveryLibraryOnce() {
        LibraryCatalog c = LibraryCatalog.standard();
        assertThat(c.lookup(LibraryCatalog.Ecosystem.PYPI, "Channels_Redis")).map(LibraryCatalog.Entry::id)
                .contains("channels-redis");
        assertThat(c.lookup(LibraryCatalog.Ecosystem.PYPI, "flask.socketio")).map(LibraryCatalog.Entry::id)
                .contains("flask-socketio");
        assertThat(c.lookup(LibraryCatalog.Ecosystem.NPM, "Socket.IO")).isEmpty();
        assertThat(c.lookup(LibraryCatalog.Ecosystem.NPM, "@socket.io/redis-adapter")).isEmpty();
        assertThat(c.lookup(LibraryCatalog.Ecosystem.MAVEN, "org.glassfish.tyrus.bundles:tyrus-standalone-client"))
                .map(LibraryCatalog.Entry::role).contains("client");
        assertThat(c.lookup(LibraryCatalog.Ecosystem.MAVEN, "org.glassfish.tyrus:tyrus-server"))
                .map(LibraryCatalog.Entry::role).contains("server");
        assertThat(c.lookup(LibraryCatalog.Ecosystem.MAVEN, "org.springframework:spring-messaging")).isEmpty();
        assertThat(c.lookup(LibraryCatalog.Ecosystem.GO, "nhooyr.io/websocket")).map(LibraryCatalog.Entry::id)
                .contains("coder/websocket");
    }
}
