package io.wsmemory.detectors.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Fact;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MavenPomDetectorTest {

    private static List<String> scan(Map<String, String> files) {
        return ManifestScan.scan(new MavenPomDetector(), files);
    }

    @Test
    void bootParentVersionGoesToVersionLessStarters() {
        assertThat(scan(Map.of("pom.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-starter-parent</artifactId>
                    <version>3.5.11</version>
                    <relativePath/>
                  </parent>
                  <artifactId>chat</artifactId>
                  <dependencies>
                    <dependency>
                      <groupId>org.springframework.boot</groupId>
                      <artifactId>spring-boot-starter-websocket</artifactId>
                    </dependency>
                    <dependency>
                      <groupId>org.springframework</groupId>
                      <artifactId>spring-messaging</artifactId>
                    </dependency>
                    <dependency>
                      <groupId>org.springframework.boot</groupId>
                      <artifactId>spring-boot-starter-test</artifactId>
                      <scope>test</scope>
                    </dependency>
                    <dependency>
                      <groupId>com.corundumstudio.socketio</groupId>
                      <artifactId>netty-socketio</artifactId>
                    </dependency>
                  </dependencies>
                </project>
                """))).containsExactly(
                "netty-socketio=unknown @pom.xml:27 {language=java, manifest=pom.xml, role=server}",
                "spring-websocket=3.5.11 @pom.xml:14 {language=java, manifest=pom.xml, role=server, "
                        + "versionOf=spring-boot}");
    }

    @Test
    void propertiesParentsInTheRepositoryAndManagedVersions() {
        Map<String, String> files = Map.of(
                "pom.xml", """
                        <project>
                          <groupId>io.example</groupId>
                          <artifactId>root</artifactId>
                          <version>2.1.0</version>
                          <packaging>pom</packaging>
                          <properties>
                            <netty.version>4.1.100.Final</netty.version>
                            <tyrus.version>${tyrus.major}.5</tyrus.version>
                            <tyrus.major>2.1</tyrus.major>
                          </properties>
                          <dependencyManagement>
                            <dependencies>
                              <dependency>
                                <groupId>io.netty</groupId><artifactId>netty-codec-http</artifactId>
                                <version>${netty.version}</version>
                              </dependency>
                              <dependency>
                                <groupId>org.springframework</groupId>
                                <artifactId>spring-websocket</artifactId>
                                <version>6.1.4</version>
                              </dependency>
                            </dependencies>
                          </dependencyManagement>
                        </project>
                        """,
                "server/pom.xml", """
                        <project>
                          <parent>
                            <groupId>io.example</groupId>
                            <artifactId>root</artifactId>
                            <version>2.1.0</version>
                          </parent>
                          <artifactId>server</artifactId>
                          <properties><netty.version>4.1.108.Final</netty.version></properties>
                          <dependencies>
                            <dependency><groupId>io.netty</groupId><artifactId>netty-codec-http</artifactId></dependency>
                            <dependency>
                              <groupId>org.glassfish.tyrus</groupId>
                              <artifactId>tyrus-server</artifactId>
                              <version>${tyrus.version}</version>
                            </dependency>
                            <dependency>
                              <groupId>org.glassfish.tyrus.bundles</groupId>
                              <artifactId>tyrus-standalone-client-jdk</artifactId>
                              <version>${missing.version}</version>
                              <scope>test</scope>
                            </dependency>
                            <dependency>
                              <groupId>${project.groupId}</groupId>
                              <artifactId>protocol</artifactId>
                              <version>${project.version}</version>
                            </dependency>
                          </dependencies>
                          <profiles>
                            <profile>
                              <id>legacy</id>
                              <dependencies>
                                <dependency>
                                  <groupId>javax.websocket</groupId>
                                  <artifactId>javax.websocket-api</artifactId>
                                  <version>1.1</version>
                                </dependency>
                              </dependencies>
                            </profile>
                          </profiles>
                        </project>
                        """);
        List<Fact> facts = ManifestScan.run(new MavenPomDetector(), files);
        assertThat(ManifestScan.render(facts)).containsExactly(
                "jakarta-websocket=1.1 @server/pom.xml:34 {language=java, manifest=server/pom.xml, profile=legacy, "
                        + "role=server}",
                "jakarta-websocket=2.1.5 @server/pom.xml:13 {language=java, manifest=server/pom.xml, "
                        + "range=${tyrus.version}, role=server}",
                "jakarta-websocket=unknown @server/pom.xml:18 {language=java, manifest=server/pom.xml, "
                        + "range=${missing.version}, role=client, scope=dev}",
                "netty-websocket=4.1.108.Final @server/pom.xml:10 {language=java, managed=true, "
                        + "manifest=server/pom.xml, range=${netty.version}, role=server}");
        assertThat(facts.get(3).confidence()).isEqualTo(Confidence.MEDIUM);
    }

    @Test
    void importedFrameworkBomsGiveTheirOwnGroupsVersions() {
        assertThat(scan(Map.of("pom.xml", """
                <project>
                  <artifactId>portfolio</artifactId>
                  <dependencyManagement><dependencies>
                    <dependency>
                      <groupId>org.springframework</groupId><artifactId>spring-framework-bom</artifactId>
                      <version>5.3.22</version><type>pom</type><scope>import</scope>
                    </dependency>
                    <dependency>
                      <groupId>io.netty</groupId><artifactId>netty-bom</artifactId>
                      <version>${netty.version}</version><type>pom</type><scope>import</scope>
                    </dependency>
                  </dependencies></dependencyManagement>
                  <properties><netty.version>4.1.115.Final</netty.version></properties>
                  <dependencies>
                    <dependency><groupId>org.springframework</groupId><artifactId>spring-websocket</artifactId></dependency>
                    <dependency><groupId>io.netty</groupId><artifactId>netty-codec-http</artifactId></dependency>
                  </dependencies>
                </project>
                """))).containsExactly(
                "netty-websocket=4.1.115.Final @pom.xml:16 {language=java, manifest=pom.xml, role=server, "
                        + "versionOf=netty-bom}",
                "spring-websocket=5.3.22 @pom.xml:15 {language=java, manifest=pom.xml, role=server, "
                        + "versionOf=spring-framework-bom}");
    }

    @Test
    void importedBootBomAndAParentThatIsNotInTheTree() {
        assertThat(scan(Map.of("app/pom.xml", """
                <project>
                  <parent><groupId>com.acme</groupId><artifactId>acme-parent</artifactId><version>7</version></parent>
                  <artifactId>app</artifactId>
                  <dependencyManagement><dependencies><dependency>
                    <groupId>org.springframework.boot</groupId><artifactId>spring-boot-dependencies</artifactId>
                    <version>${boot.version}</version><type>pom</type><scope>import</scope>
                  </dependency></dependencies></dependencyManagement>
                  <properties><boot.version>3.2.4</boot.version></properties>
                  <dependencies><dependency><groupId>org.springframework</groupId><artifactId>spring-websocket</artifactId></dependency></dependencies>
                </project>
                """,
                "pom.xml", "<project><artifactId>other</artifactId></project>"))).containsExactly(
                "spring-websocket=3.2.4 @app/pom.xml:9 {language=java, manifest=app/pom.xml, role=server, "
                        + "versionOf=spring-boot}");
    }

    @Test
    void parentByRelativeFolderAndAParentThatIsSomeoneElse() {
        Map<String, String> files = Map.of(
                "build/parent/pom.xml", """
                        <project><groupId>g</groupId><artifactId>parent</artifactId><version>1</version>
                          <properties><ws.version>2.1.1</ws.version></properties></project>
                        """,
                "pom.xml", """
                        <project><groupId>g</groupId><artifactId>other</artifactId><version>1</version>
                          <properties><ws.version>9.9.9</ws.version></properties></project>
                        """,
                "app/pom.xml", """
                        <project>
                          <parent><groupId>g</groupId><artifactId>parent</artifactId><version>1</version>
                            <relativePath>../build/parent</relativePath></parent>
                          <dependencies><dependency><groupId>jakarta.websocket</groupId>
                            <artifactId>jakarta.websocket-api</artifactId><version>${ws.version}</version>
                            <scope>provided</scope></dependency></dependencies>
                        </project>
                        """,
                "lib/pom.xml", """
                        <project>
                          <parent><groupId>g</groupId><artifactId>parent</artifactId><version>1</version></parent>
                          <dependencies><dependency><groupId>jakarta.websocket</groupId>
                            <artifactId>jakarta.websocket-api</artifactId><version>${ws.version}</version>
                          </dependency></dependencies>
                        </project>
                        """);
        assertThat(scan(files)).containsExactly(
                "jakarta-websocket=2.1.1 @app/pom.xml:5 {language=java, manifest=app/pom.xml, range=${ws.version}, "
                        + "role=server}",
                "jakarta-websocket=unknown @lib/pom.xml:4 {language=java, manifest=lib/pom.xml, range=${ws.version}, "
                        + "role=server}");
    }

    @Test
    void hostileOrBrokenXmlSaysNothing() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE project [<!ENTITY v SYSTEM "file:///etc/hostname">]>
                <project><dependencies><dependency>
                  <groupId>org.springframework</groupId><artifactId>spring-websocket</artifactId><version>&v;</version>
                </dependency></dependencies></project>
                """;
        List<String> facts = scan(Map.of("pom.xml", xxe));
        assertThat(String.join("\n", facts)).doesNotContain("file:").doesNotContain("hostname");
        assertThat(scan(Map.of("pom.xml", "<project><dependencies><dependency><groupId>io.netty"))).isEmpty();
        assertThat(scan(Map.of("pom.xml", "not xml at all"))).isEmpty();
        String billion = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                + "<project><properties><v>&lol2;</v></properties></project>";
        assertThat(scan(Map.of("pom.xml", billion))).isEmpty();
    }
}
