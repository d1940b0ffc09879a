package io.wsmemory.detectors.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonManifestDetectorTest {

    private static List<String> scan(Map<String, String> files) {
        return ManifestScan.scan(new PythonManifestDetector(), files);
    }

    @Test
    void requirementsSpecifiersAsWrittenAndPinsAsVersions() {
        assertThat(scan(Map.of("multichat/requirements.txt", """
                Django~=2.0.0
                channels~=2.0,>=2.0.2
                channels_redis~=2.0
                """))).containsExactly(
                "channels-redis=~=2.0 @multichat/requirements.txt:3 {language=python, "
                        + "manifest=multichat/requirements.txt, role=server}",
                "django-channels=~=2.0,>=2.0.2 @multichat/requirements.txt:2 {language=python, "
                        + "manifest=multichat/requirements.txt, role=server}");
        assertThat(scan(Map.of("requirements/dev.txt", """
                -r base.txt
                # channels==3.0.0
                channels[daphne]>=4 ; python_version >= "3.8"  # the ASGI server too
                Flask-SocketIO==5.3.6 \\
                    --hash=sha256:abc
                python-socketio
                uvicorn[standard]==0.30.1
                websockets @ https://example.invalid/websockets-12.0.tar.gz
                -e git+https://example.invalid/daphne.git#egg=daphne
                """))).containsExactly(
                "django-channels=>=4 @requirements/dev.txt:3 {extras=daphne, language=python, "
                        + "manifest=requirements/dev.txt, role=server, scope=dev}",
                "flask-socketio=5.3.6 @requirements/dev.txt:4 {language=python, manifest=requirements/dev.txt, "
                        + "range===5.3.6, role=server, scope=dev}",
                "python-socketio=unknown @requirements/dev.txt:6 {language=python, manifest=requirements/dev.txt, "
                        + "role=server, scope=dev}",
                "websockets=unknown @requirements/dev.txt:8 {language=python, manifest=requirements/dev.txt, "
                        + "role=server, scope=dev}");
    }

    @Test
    void pyprojectPep621WithALock() {
        assertThat(scan(Map.of("pyproject.toml", """
                [project]
                name = "chat"
                dependencies = [
                    "django>=5",
                    "channels[daphne]>=4.0",
                    'channels-redis',
                ]

                [project.optional-dependencies]
                test = ["websockets==12.0"]

                [dependency-groups]
                dev = ["python-socketio>=5"]
                """, "uv.lock", """
                version = 1

                [[package]]
                name = "channels"
                version = "4.1.0"

                [[package]]
                name = "channels-redis"
                version = "4.2.0"
                """))).containsExactly(
                "channels-redis=4.2.0 @pyproject.toml:6 {language=python, lock=uv.lock, manifest=pyproject.toml, "
                        + "role=server}",
                "django-channels=4.1.0 @pyproject.toml:5 {extras=daphne, language=python, lock=uv.lock, "
                        + "manifest=pyproject.toml, range=>=4.0, role=server}",
                "python-socketio=>=5 @pyproject.toml:13 {group=dev, language=python, manifest=pyproject.toml, "
                        + "role=server, scope=dev}",
                "websockets=12.0 @pyproject.toml:10 {group=test, language=python, manifest=pyproject.toml, "
                        + "range===12.0, role=server, scope=dev}");
    }

    @Test
    void poetryAndPipfile() {
        assertThat(scan(Map.of("svc/pyproject.toml", """
                [tool.poetry]
                name = "svc"

                [tool.poetry.dependencies]
                python = "^3.11"
                Channels = { version = "^4.0", extras = ["daphne"] }
                "channels_redis" = "^4.1"

                [tool.poetry.group.dev.dependencies]
                websockets = "*"
                """, "svc/poetry.lock", """
                [[package]]
                name = "channels"
                version = "4.0.0"
                """))).containsExactly(
                "channels-redis=^4.1 @svc/pyproject.toml:7 {language=python, manifest=svc/pyproject.toml, role=server}",
                "django-channels=4.0.0 @svc/pyproject.toml:6 {language=python, lock=svc/poetry.lock, "
                        + "manifest=svc/pyproject.toml, range=^4.0, role=server}",
                "websockets=* @svc/pyproject.toml:10 {group=dev, language=python, manifest=svc/pyproject.toml, "
                        + "role=server, scope=dev}");
        assertThat(scan(Map.of("Pipfile", """
                [packages]
                flask-socketio = "*"

                [dev-packages]
                websocket-client = ">=1.6"
                """, "Pipfile.lock", """
                {"default": {"flask-socketio": {"version": "==5.3.6"}}, "develop": {}}
                """))).containsExactly(
                "flask-socketio=5.3.6 @Pipfile:2 {language=python, lock=Pipfile.lock, manifest=Pipfile, range=*, "
                        + "role=server}",
                "websocket-client=>=1.6 @Pipfile:5 {language=python, manifest=Pipfile, role=client, scope=dev}");
    }

    @Test
    void setupCfg() {
        assertThat(scan(Map.of("setup.cfg", """
                [metadata]
                name = chat

                [options]
                install_requires =
                    Django>=5.2
                    channels>=4.0.0  # the consumers
                python_requires = >=3.10

                [options.extras_require]
                daphne =
                    daphne>=4.0.0
                tests =
                    websockets~=12.0
                """))).containsExactly(
                "daphne=>=4.0.0 @setup.cfg:12 {group=daphne, language=python, manifest=setup.cfg, role=server, "
                        + "scope=optional}",
                "django-channels=>=4.0.0 @setup.cfg:7 {language=python, manifest=setup.cfg, role=server}",
                "websockets=~=12.0 @setup.cfg:14 {group=tests, language=python, manifest=setup.cfg, role=server, "
                        + "scope=dev}");
    }

    @Test
    void notRequirementsAndBrokenFiles() {
        assertThat(scan(Map.of("docs/notes.txt", "channels==4.0.0\n"))).isEmpty();
        assertThat(scan(Map.of("pyproject.toml", "[project\ndependencies = [\"channels\"]"))).isEmpty();
        assertThat(scan(Map.of("requirements.txt", "channels is great\n<<>>\n==1\n"))).isEmpty();
    }
}
