package io.wsmemory.core.resolve.go;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoResolverTest {

    /** The argument of every {@code probe(...)} call: the expressions under test. */
    private static final Query PROBES = Query.of("probes",
            "(call_expression function: (identifier) @f (#eq? @f \"probe\") arguments: (argument_list (_) @arg))");

    private static List<GoValue> probe(String mainPath, String... files) {
        List<SourceFile> sources = new ArrayList<>();
        for (int i = 0; i < files.length; i += 2) {
            sources.add(SourceFile.ofContent(files[i], files[i + 1]));
        }
        SourceSet set = new SourceSet(sources, 5_000);
        ParsedFile main = set.parsed(set.file(mainPath).orElseThrow());
        GoResolver r = new GoResolver(main, set);
        List<GoValue> out = new ArrayList<>();
        for (var m : PROBES.matches(main.tree().root())) {
            out.add(r.resolve(m.node("arg")));
        }
        return out;
    }

    private static List<String> texts(List<GoValue> vs) {
        return vs.stream().map(GoValue::text).toList();
    }

    @Test
    void durationsAndConstantArithmetic() {
        List<GoValue> v = probe("chat/client.go", "chat/client.go", """
                package main

                import "time"

                const (
                	writeWait = 10 * time.Second
                	pongWait = 60 * time.Second
                	pingPeriod = (pongWait * 9) / 10
                	maxMessageSize = 512
                )

                func f() {
                	probe(writeWait); probe(pingPeriod); probe(maxMessageSize); probe(time.Minute + 30*time.Second)
                	probe(7 / 2); probe(1 << 20); probe(0x10); probe(1.5); probe(500 * time.Millisecond)
                	probe(time.Duration(45) * time.Second); probe("a" + "b"); probe(true)
                }
                """);
        assertThat(texts(v)).containsExactly("10000", "54000", "512", "90000", "3", "1048576", "16", "1.5", "500",
                "45000", "ab", "true");
        assertThat(v.get(1).isDuration()).isTrue();
        assertThat(v.get(2).isDuration()).isFalse();
        assertThat(v.get(1).via()).isNotEmpty();
    }

    @Test
    void iotaAndTypedConstantsAcrossFilesOfThePackage() {
        List<GoValue> v = probe("ws/handler.go", "ws/types.go", """
                package ws

                type MsgType int

                const (
                	MsgJoin MsgType = iota + 1
                	MsgLeave
                	MsgChat
                )
                const readLimit int64 = 4 << 10
                """, "ws/handler.go", """
                package ws

                func h() { probe(MsgJoin); probe(MsgChat); probe(readLimit) }
                """);
        assertThat(texts(v)).containsExactly("1", "3", "4096");
        assertThat(v.get(1).type()).isEqualTo("MsgType");
    }

    @Test
    void constantsOfAnotherPackageOfTheModule() {
        List<GoValue> v = probe("cmd/server/main.go", "go.mod", "module example.com/app\n\ngo 1.22\n",
                "internal/config/limits.go", """
                package config

                import "time"

                const PingInterval = 25 * time.Second
                var MaxMessage = 64 * 1024
                """, "cmd/server/main.go", """
                package main

                import cfg "example.com/app/internal/config"

                func main() { probe(cfg.PingInterval); probe(cfg.MaxMessage) }
                """);
        assertThat(texts(v)).containsExactly("25000", "65536");
    }

    @Test
    void environmentWithFallbacks() {
        List<GoValue> v = probe("main.go", "main.go", """
                package main

                import (
                	"os"
                	"strconv"
                	"time"
                )

                func getEnv(key, def string) string {
                	if v, ok := os.LookupEnv(key); ok {
                		return v
                	}
                	return def
                }

                func envDuration(name string, def time.Duration) time.Duration {
                	raw := getEnv(name, "")
                	if raw == "" {
                		return def
                	}
                	d, _ := time.ParseDuration(raw)
                	return d
                }

                func port() string {
                	if p := os.Getenv("PORT"); p != "" {
                		return p
                	}
                	return "8080"
                }

                func main() {
                	probe(port())
                	ping := os.Getenv("PING_INTERVAL")
                	if ping == "" {
                		ping = "30s"
                	}
                	d, _ := time.ParseDuration(ping)
                	probe(d)
                	probe(getEnv("WS_PATH", "/ws"))
                	n, _ := strconv.Atoi(getEnv("MAX_CONN", "100"))
                	probe(n)
                	probe(envDuration("PONG_WAIT", 60*time.Second))
                	probe(os.Getenv("SECRET"))
                }
                """);
        assertThat(texts(v)).containsExactly("8080", "30000", "/ws", "100", "60000", "");
        assertThat(v).allMatch(x -> x.source() == Source.ENV);
        assertThat(v.stream().map(GoValue::variable).toList()).containsExactly("PORT", "PING_INTERVAL", "WS_PATH",
                "MAX_CONN", "PONG_WAIT", "SECRET");
    }

    @Test
    void parametersThroughTheirCallSitesAndConfigStructs() {
        List<GoValue> v = probe("stream/client.go", "go.mod", "module example.com/push\n",
                "config/config.go", """
                package config

                import "os"

                type Stream struct{ PingSeconds int }
                type Server struct{ Stream Stream }
                type Configuration struct{ Server Server }

                const EnvPing = "PUSH_STREAM_PINGSECONDS"

                func lookup(env string) (string, bool) { return os.LookupEnv(env) }

                func parseInt(target *int, env string) error {
                	raw, ok := lookup(env)
                	_ = raw
                	_ = ok
                	return nil
                }

                func Get() *Configuration {
                	c := &Configuration{Server: Server{Stream: Stream{PingSeconds: 45}}}
                	parseInt(&c.Server.Stream.PingSeconds, EnvPing)
                	return c
                }
                """, "router/router.go", """
                package router

                import (
                	"time"

                	"example.com/push/config"
                	"example.com/push/stream"
                )

                func Create(conf *config.Configuration) {
                	stream.New(time.Duration(conf.Server.Stream.PingSeconds)*time.Second, 15*time.Second)
                }
                """, "main.go", """
                package main

                import (
                	"example.com/push/config"
                	"example.com/push/router"
                )

                func main() {
                	conf := config.Get()
                	router.Create(conf)
                }
                """, "stream/stream.go", """
                package stream

                import "time"

                type API struct {
                	pingPeriod  time.Duration
                	pongTimeout time.Duration
                }

                func New(pingPeriod, pongTimeout time.Duration) *API {
                	return &API{pingPeriod: pingPeriod, pongTimeout: pingPeriod + pongTimeout}
                }

                func (a *API) Handle() {
                	c := &client{}
                	go c.startReading(a.pongTimeout)
                	go c.startWriting(a.pingPeriod)
                }
                """, "stream/client.go", """
                package stream

                import "time"

                type client struct{}

                func (c *client) startReading(pongWait time.Duration) { probe(pongWait) }

                func (c *client) startWriting(pingPeriod time.Duration) { probe(pingPeriod) }
                """);
        assertThat(texts(v)).containsExactly("60000", "45000");
        assertThat(v.get(0).variable()).isEqualTo("PUSH_STREAM_PINGSECONDS");
        assertThat(v.get(1).source()).isEqualTo(Source.ENV);
    }

    @Test
    void structTagsAndViperDefaults() {
        List<GoValue> v = probe("main.go", "main.go", """
                package main

                import (
                	"time"

                	"github.com/spf13/viper"
                )

                type Config struct {
                	PingInterval time.Duration `env:"WS_PING_INTERVAL" envDefault:"20s"`
                	ReadLimit    int64         `env:"WS_READ_LIMIT" envDefault:"8192"`
                }

                func main() {
                	var cfg Config
                	probe(cfg.PingInterval)
                	probe(cfg.ReadLimit)
                	viper.SetDefault("ws.pong_wait", "75s")
                	probe(viper.GetDuration("ws.pong_wait"))
                }
                """);
        assertThat(texts(v)).containsExactly("20000", "8192", "75000");
        assertThat(v.get(0).variable()).isEqualTo("WS_PING_INTERVAL");
        assertThat(v.get(2).variable()).isEqualTo("ws.pong_wait");
    }

    @Test
    void unknownRatherThanAGuess() {
        List<GoValue> v = probe("main.go", "main.go", """
                package main

                func a(n int) { probe(n) }

                func main() {
                	a(1)
                	a(2)
                	probe(someLib.Value)
                }
                """);
        assertThat(v).noneMatch(GoValue::isKnown);
    }

    @Test
    void typesOfVariablesFollowDeclarations() {
        List<SourceFile> sources = List.of(SourceFile.ofContent("hub.go", """
                package main

                type Message struct {
                	Type string `json:"type"`
                	Room string `json:"room,omitempty" validate:"required"`
                }

                type Client struct{ send chan *Message }

                func (c *Client) run() {
                	for {
                		select {
                		case m, ok := <-c.send:
                			probe(m)
                			_ = ok
                		}
                	}
                }
                """));
        SourceSet set = new SourceSet(sources, 5_000);
        ParsedFile main = set.parsed(set.file("hub.go").orElseThrow());
        GoResolver r = new GoResolver(main, set);
        var m = PROBES.matches(main.tree().root()).get(0);
        GoType t = r.typeOf(m.node("arg"));
        assertThat(t).isNotNull();
        assertThat(t.name()).isEqualTo("Message");
        assertThat(t.fields()).extracting(GoType.Field::name).containsExactly("Type", "Room");
        assertThat(t.field("Room").tags()).containsEntry("json", "room,omitempty").containsEntry("validate", "required");
    }
}
