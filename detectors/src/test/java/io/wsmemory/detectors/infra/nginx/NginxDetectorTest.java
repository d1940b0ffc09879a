package io.wsmemory.detectors.infra.nginx;

import static io.wsmemory.detectors.infra.InfraScan.brief;
import static io.wsmemory.detectors.infra.InfraScan.facts;
import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Fact;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NginxDetectorTest {

    @TempDir
    Path dir;

    private List<Fact> scan(String path, String conf) {
        return facts(dir, Map.of(path, conf), new NginxDetector());
    }

    @Test
    void stickyCookieAndPlainHashInUpstreams() {
        List<Fact> facts = scan("nginx/conf.d/app.conf", """
                upstream a {
                    sticky cookie srv_id expires=1h domain=.example.test path=/;
                    server a1:80;
                }
                upstream b {
                    hash $request_uri;
                    server b1:80;
                }
                upstream c {
                    sticky learn create=$upstream_cookie_sid lookup=$cookie_sid zone=client_sessions:1m;
                    server c1:80;
                }
                """);
        assertThat(brief(facts)).containsExactly(
                "sticky cookie=nginx 'sticky cookie srv_id expires=1h domain=.example.test path=/' in upstream a nginx/conf.d/app.conf:2",
                "sticky cookie=nginx 'sticky learn create=$upstream_cookie_sid lookup=$cookie_sid zone=client_sessions:1m' in upstream c nginx/conf.d/app.conf:10",
                "sticky hash=nginx 'hash $request_uri' in upstream b nginx/conf.d/app.conf:6");
        assertThat(facts.get(0).attr("cookie")).isEqualTo("srv_id");
        assertThat(facts.get(1).attr("cookie")).isEqualTo("sid");
        assertThat(facts.get(2).attr("hashKey")).isEqualTo("$request_uri");
    }

    @Test
    void commentsQuotesAndLuaBlocksDoNotConfuseTheReader() {
        List<Fact> facts = scan("nginx.conf", """
                http {
                    upstream ws { # ip_hash;
                        server "ws-1:80"; # a comment with { braces }
                        server 'ws-2:80';
                    }
                    server {
                        location /ws/ {
                            access_by_lua_block {
                                local t = { "}" }  -- a brace in a string
                                if ngx.var.x then ngx.exit(403) end
                            }
                            add_header X-Note "a;b#c{";
                            proxy_pass http://ws;
                            proxy_set_header Upgrade $http_upgrade;
                            proxy_set_header Connection "Upgrade";
                            proxy_read_timeout 600s;
                        }
                    }
                }
                """);
        assertThat(brief(facts)).containsExactly(
                "setting idle.timeout=600000 nginx.conf:16",
                "setting path=/ws/ nginx.conf:7");
    }

    @Test
    void timeoutsInheritedFromTheServerLevelPointAtTheirDirective() {
        List<Fact> facts = scan("deploy/nginx/site.conf", """
                server {
                    proxy_read_timeout 1d;
                    location /socket.io/ {
                        proxy_pass http://app:3000;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection "upgrade";
                    }
                    location /chat {
                        proxy_pass http://app:3000;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                    }
                }
                """);
        assertThat(brief(facts)).containsExactly(
                "setting idle.timeout=86400000 deploy/nginx/site.conf:2",
                "setting path=/chat deploy/nginx/site.conf:9",
                "setting path=/socket.io/ deploy/nginx/site.conf:3");
        assertThat(facts.get(0).attr("location")).isEqualTo("/socket.io/,/chat");
        assertThat(facts.get(2).attr("upstream")).isEqualTo("app:3000");
    }

    @Test
    void aLocationWithAnIncludeMayHaveItsHeadersThere() {
        List<Fact> facts = scan("nginx/sites-enabled/app", """
                server {
                    location /ws {
                        include snippets/websocket.conf;
                        proxy_pass http://app;
                    }
                }
                """);
        assertThat(facts).isEmpty();
    }

    @Test
    void anIncludedWebSocketSnippetGivesItsTimeouts() {
        List<Fact> facts = scan("nginx/snippets/websocket.conf", """
                proxy_http_version 1.1;
                proxy_set_header Upgrade $http_upgrade;
                proxy_set_header Connection "upgrade";
                proxy_read_timeout 3600;
                proxy_send_timeout ${SEND_TIMEOUT};
                """);
        assertThat(brief(facts)).containsExactly("setting idle.timeout=3600000 nginx/snippets/websocket.conf:4");
    }

    @Test
    void otherConfFormatsAndBrokenFilesGiveNothing() {
        List<Fact> facts = facts(dir, Map.of(
                "supervisord.conf", "[program:upstream]\ncommand=node upstream.js\n",
                "httpd.conf", "<Proxy balancer://nodes>\n  BalancerMember http://a:3000\n</Proxy>\nProxyPass / balancer://nodes/\n",
                "nginx/broken.conf", "upstream x {\n  ip_hash;\n  server a:1;\n\nserver { location / { proxy_pass http://x;\n"),
                new NginxDetector());
        assertThat(brief(facts)).containsExactly("sticky ip_hash=nginx 'ip_hash' in upstream x nginx/broken.conf:2");
    }

    @Test
    void templatedConfigurationReadsAroundItsActions() {
        List<Fact> facts = scan("web/rootfs/defaults/meet.conf", """
                {{ $WS := .Env.ENABLE_WS | default "1" | toBool }}
                location = /http-bind {
                    proxy_pass {{ .Env.BOSH_URL }}/http-bind;
                }
                {{ if $WS }}
                location = /xmpp-websocket {
                    proxy_pass {{ .Env.BOSH_URL }}/xmpp-websocket?prefix=$prefix;
                    proxy_http_version 1.1;
                    proxy_set_header Connection $connection_upgrade;
                    proxy_set_header Upgrade $http_upgrade;
                    tcp_nodelay on;
                }
                {{ end }}
                {% if chat_enabled %}
                location = /{{ chat_path }}/ {
                    proxy_pass http://chat;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection "upgrade";
                    proxy_read_timeout {{ chat_timeout }};
                }
                {% endif %}
                """);
        assertThat(brief(facts)).containsExactly(
                "setting idle.timeout=60000 web/rootfs/defaults/meet.conf:6",
                "setting path=/xmpp-websocket web/rootfs/defaults/meet.conf:6");
        assertThat(facts.get(1).attr("upstream")).isNull();
    }

    @Test
    void aFragmentKeepsNoDefaultWhenAnotherFileSetsTheOuterTimeout() {
        String site = """
                server {
                    location /ws {
                        proxy_pass http://app;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection "upgrade";
                    }
                }
                """;
        assertThat(brief(facts(dir.resolve("alone"), Map.of("nginx/sites-enabled/app.conf", site), new NginxDetector())))
                .containsExactly("setting idle.timeout=60000 nginx/sites-enabled/app.conf:2",
                        "setting path=/ws nginx/sites-enabled/app.conf:2");
        List<Fact> facts = facts(dir.resolve("with-main"), Map.of("nginx/sites-enabled/app.conf", site,
                "nginx/nginx.conf", "http {\n  proxy_read_timeout 1h;\n  include sites-enabled/*.conf;\n}\n"),
                new NginxDetector());
        assertThat(brief(facts)).containsExactly("setting idle.timeout=3600000 nginx/nginx.conf:2",
                "setting path=/ws nginx/sites-enabled/app.conf:2");
    }
}
