package io.wsmemory.detectors.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradleBuildDetectorTest {

    private static List<String> scan(Map<String, String> files) {
        return ManifestScan.scan(new GradleBuildDetector(), files);
    }

    @Test
    void groovyStringAndMapNotationsWithTheBootPluginVersion() {
        assertThat(scan(Map.of("build.gradle", """
                plugins {
                	id 'org.springframework.boot' version '3.5.11'
                	id 'io.spring.dependency-management' version '1.1.7'
                	id 'java'
                }

                ext {
                    nettyVersion = '4.1.108.Final'
                }

                dependencies {
                	implementation 'org.springframework.boot:spring-boot-starter-websocket'
                	// implementation 'com.corundumstudio.socketio:netty-socketio:2.0.9'
                	implementation group: 'io.netty', name: 'netty-codec-http', version: "$nettyVersion"
                	testImplementation 'org.springframework.boot:spring-boot-starter-test'
                	testImplementation("io.socket:socket.io-client:2.1.0")
                	implementation "org.glassfish.tyrus:tyrus-server:${tyrusVersion}"
                	/* implementation 'javax.websocket:javax.websocket-api:1.1' */
                }
                """))).containsExactly(
                "jakarta-websocket=unknown @build.gradle:17 {language=java, manifest=build.gradle, "
                        + "range=${tyrusVersion}, role=server}",
                "netty-websocket=4.1.108.Final @build.gradle:14 {language=java, manifest=build.gradle, "
                        + "range=$nettyVersion, role=server}",
                "socket.io-client=2.1.0 @build.gradle:16 {language=java, manifest=build.gradle, role=client, scope=dev}",
                "spring-websocket=3.5.11 @build.gradle:12 {language=java, manifest=build.gradle, role=server, "
                        + "versionOf=spring-boot}");
    }

    @Test
    void kotlinDslWithARootPluginVersionAndGradleProperties() {
        Map<String, String> files = Map.of(
                "settings.gradle.kts", """
                        pluginManagement {
                            plugins { id("org.springframework.boot") version "3.2.0" }
                        }
                        """,
                "gradle.properties", "socketioVersion=2.0.11\n",
                "server/build.gradle.kts", """
                        plugins {
                            id("org.springframework.boot")
                        }
                        val stompVersion = "6.1.0"
                        dependencies {
                            implementation("org.springframework:spring-websocket")
                            implementation(
                                "com.corundumstudio.socketio:netty-socketio:${property("socketioVersion")}"
                            )
                            constraints {
                                implementation("io.netty:netty-all:4.1.100.Final")
                            }
                            api(group = "jakarta.websocket", name = "jakarta.websocket-client-api", version = "2.1.1")
                        }
                        """);
        assertThat(scan(files)).containsExactly(
                "jakarta-websocket=2.1.1 @server/build.gradle.kts:13 {language=java, manifest=server/build.gradle.kts, "
                        + "role=client}",
                "netty-socketio=2.0.11 @server/build.gradle.kts:8 {language=java, manifest=server/build.gradle.kts, "
                        + "range=${property(\"socketioVersion\")}, role=server}",
                "spring-websocket=3.2.0 @server/build.gradle.kts:6 {language=java, manifest=server/build.gradle.kts, "
                        + "role=server, versionOf=spring-boot}");
    }

    @Test
    void legacyBuildscriptClasspathGivesTheBootVersion() {
        assertThat(scan(Map.of("build.gradle", """
                buildscript {
                    ext {
                        springBootVersion = '2.1.4.RELEASE'
                    }
                    dependencies {
                        classpath("org.springframework.boot:spring-boot-gradle-plugin:${springBootVersion}")
                    }
                }
                apply plugin: 'org.springframework.boot'

                dependencies {
                    compile('org.springframework.boot:spring-boot-starter-websocket')
                    testCompile "javax.websocket:javax.websocket-client-api:1.1"
                }
                """))).containsExactly(
                "jakarta-websocket=1.1 @build.gradle:13 {language=java, manifest=build.gradle, role=client, scope=dev}",
                "spring-websocket=2.1.4.RELEASE @build.gradle:12 {language=java, manifest=build.gradle, role=server, "
                        + "versionOf=spring-boot}");
    }

    @Test
    void webJarsAreBrowserLibraries() {
        assertThat(scan(Map.of("build.gradle.kts", """
                dependencies {
                    implementation("org.webjars:sockjs-client:1.5.1")
                    implementation("org.webjars:stomp-websocket:2.3.4")
                    implementation("org.webjars:bootstrap:5.3.1")
                }
                """))).containsExactly(
                "sockjs-client=1.5.1 @build.gradle.kts:2 {language=javascript, manifest=build.gradle.kts, role=client}",
                "stompjs=2.3.4 @build.gradle.kts:3 {language=javascript, manifest=build.gradle.kts, role=client}");
    }

    @Test
    void versionCatalogs() {
        Map<String, String> files = Map.of(
                "gradle/libs.versions.toml", """
                        [versions]
                        springBoot = "3.3.1"
                        socketio = "2.1.1"

                        [libraries]
                        spring-boot-starter-websocket = { module = "org.springframework.boot:spring-boot-starter-websocket" }
                        socketio-client = { group = "io.socket", name = "socket.io-client", version.ref = "socketio" }
                        netty-all = "io.netty:netty-all:4.1.110.Final"

                        [plugins]
                        spring-boot = { id = "org.springframework.boot", version.ref = "springBoot" }
                        """,
                "app/build.gradle.kts", """
                        plugins {
                            alias(libs.plugins.spring.boot)
                        }
                        dependencies {
                            implementation(libs.spring.boot.starter.websocket)
                            implementation(libs.socketio.client)
                            testImplementation(libs.netty.all)
                        }
                        """);
        assertThat(scan(files)).containsExactly(
                "netty-websocket=4.1.110.Final @app/build.gradle.kts:7 {catalog=gradle/libs.versions.toml, "
                        + "language=java, manifest=app/build.gradle.kts, role=server, scope=dev}",
                "socket.io-client=2.1.1 @app/build.gradle.kts:6 {catalog=gradle/libs.versions.toml, language=java, "
                        + "manifest=app/build.gradle.kts, role=client}",
                "spring-websocket=3.3.1 @app/build.gradle.kts:5 {catalog=gradle/libs.versions.toml, language=java, "
                        + "manifest=app/build.gradle.kts, role=server, versionOf=spring-boot}");
    }

    @Test
    void garbageSaysNothing() {
        assertThat(scan(Map.of("build.gradle", "dependencies { implementation 'a:b:c:d:e:f' \n id 'x:y:z'\n\"\"\"",
                "gradle/libs.versions.toml", "[[[ not toml"))).isEmpty();
        assertThat(scan(Map.of("build.gradle", "dependencies { implementation libs.netty.all }",
                "gradle/libs.versions.toml", "[[[ not toml"))).isEmpty();
    }
}
