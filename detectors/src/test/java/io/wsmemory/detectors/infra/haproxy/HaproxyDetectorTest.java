package io.wsmemory.detectors.infra.haproxy;

import static io.wsmemory.detectors.infra.InfraScan.brief;
import static io.wsmemory.detectors.infra.InfraScan.facts;
import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Fact;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HaproxyDetectorTest {

    @TempDir
    Path dir;

    @Test
    void stickTablesAndCookiesInDefaults() {
        List<Fact> facts = facts(dir, Map.of("ops/haproxy/haproxy.cfg", """
                defaults
                  mode http
                  cookie SERVERID insert indirect
                  timeout tunnel 2h

                backend by_ip
                  stick-table type ip size 200k expire 30m
                  stick on src
                  server a 10.0.0.1:80

                backend by_cookie
                  stick on req.cook(sessionid)
                  server b 10.0.0.2:80
                """), new HaproxyDetector());
        assertThat(brief(facts)).containsExactly(
                "setting idle.timeout=7200000 ops/haproxy/haproxy.cfg:4",
                "sticky cookie=HAProxy 'cookie SERVERID insert indirect' in defaults ops/haproxy/haproxy.cfg:3",
                "sticky cookie=HAProxy 'stick on req.cook(sessionid)' on backend by_cookie ops/haproxy/haproxy.cfg:12",
                "sticky ip_hash=HAProxy 'stick on src' on backend by_ip ops/haproxy/haproxy.cfg:8");
    }

    @Test
    void wordsHonourQuotesEscapesAndComments() {
        assertThat(HaproxyDetector.words("  option httpchk GET \"/health check\" # comment"))
                .containsExactly("option", "httpchk", "GET", "/health check");
        assertThat(HaproxyDetector.words("acl a path_beg /a\\ b#c")).containsExactly("acl", "a", "path_beg", "/a b");
        assertThat(HaproxyDetector.words("# balance source")).isEmpty();
    }

    @Test
    void aCfgThatIsNoHaproxyConfigurationGivesNothing() {
        List<Fact> facts = facts(dir, Map.of(
                "setup.cfg", "[metadata]\nname = backend listen\n[options]\ntimeout tunnel = 5\n",
                "haproxy.cfg", "backend b\n  balance\n  cookie\n  timeout tunnel\n  option httpchk\n"),
                new HaproxyDetector());
        assertThat(facts).isEmpty();
    }
}
