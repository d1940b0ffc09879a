package io.wsmemory.core.resolve.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaResolverTest {

    /** The value of the initializer of local or field {@code name} in the first file. */
    private static JavaValue value(String name, ConfigLookup config, String... files) {
        List<SourceFile> sources = new ArrayList<>();
        for (int i = 0; i < files.length; i += 2) {
            sources.add(SourceFile.ofContent(files[i], files[i + 1]));
        }
        SourceSet set = new SourceSet(sources, 10_000);
        ParsedFile first = set.parsed(sources.get(0));
        CompilationUnit cu = first.java().orElseThrow();
        VariableDeclarator v = cu.findAll(VariableDeclarator.class).stream()
                .filter(d -> d.getNameAsString().equals(name)).findFirst().orElseThrow();
        Expression init = v.getInitializer().orElseThrow();
        return new JavaResolver(first, set, config).resolve(init);
    }

    private static JavaValue value(String name, String... files) {
        return value(name, ConfigLookup.NONE, files);
    }

    @Test
    void arithmeticAndConcatenation() {
        String src = """
                class A {
                    static final int K = 1024;
                    void m() {
                        int a = 5 * K * K;
                        long b = 1L << 20;
                        int c = 7 / 2;
                        double d = 1.5e3;
                        String s = "/ws" + "/" + a;
                        int h = 0x10 + 1_000;
                        int neg = -(3 + 4);
                    }
                }
                """;
        assertThat(value("a", "A.java", src).text()).isEqualTo("5242880");
        assertThat(value("b", "A.java", src).text()).isEqualTo("1048576");
        assertThat(value("c", "A.java", src).text()).isEqualTo("3");
        assertThat(value("d", "A.java", src).text()).isEqualTo("1500");
        assertThat(value("s", "A.java", src).text()).isEqualTo("/ws/5242880");
        assertThat(value("h", "A.java", src).text()).isEqualTo("1016");
        assertThat(value("neg", "A.java", src).text()).isEqualTo("-7");
        JavaValue a = value("a", "A.java", src);
        assertThat(a.confidence()).hasToString("MEDIUM");
        assertThat(a.via()).extracting(Evidence::line).containsExactly(2);
    }

    @Test
    void constantsInOtherClassesSamePackageImportsAndStaticImports() {
        String a = """
                package app.config;
                import app.shared.Limits;
                import static app.shared.Limits.FRAME;
                class A {
                    void m() {
                        String p = Paths.STOMP;
                        int f = Limits.MAX * 2;
                        int g = FRAME;
                        String inner = Limits.Ws.PATH;
                    }
                }
                """;
        String paths = """
                package app.config;
                public final class Paths {
                    public static final String BASE = "/ws";
                    public static final String STOMP = BASE + "/chat";
                }
                """;
        String limits = """
                package app.shared;
                public interface Limits {
                    int MAX = 64 * 1024;
                    int FRAME = MAX / 2;
                    class Ws { public static final String PATH = "/inner"; }
                }
                """;
        String[] files = {"src/app/config/A.java", a, "src/app/config/Paths.java", paths,
                "src/app/shared/Limits.java", limits};
        JavaValue p = value("p", files);
        assertThat(p.text()).isEqualTo("/ws/chat");
        assertThat(p.via()).extracting(Evidence::path).contains("src/app/config/Paths.java");
        assertThat(value("f", files).text()).isEqualTo("131072");
        assertThat(value("g", files).text()).isEqualTo("32768");
        assertThat(value("inner", files).text()).isEqualTo("/inner");
    }

    @Test
    void durationsTimeUnitsDataSizesAndEnums() {
        String src = """
                import java.time.Duration;
                import java.util.concurrent.TimeUnit;
                class A {
                    enum Mode { FAST, SLOW }
                    void m() {
                        long a = Duration.ofSeconds(30).toMillis();
                        long b = TimeUnit.MINUTES.toMillis(2);
                        var c = Duration.ofMinutes(1);
                        long d = DataSize.ofMegabytes(2).toBytes();
                        Mode e = Mode.SLOW;
                        TimeUnit f = TimeUnit.SECONDS;
                        long g = Duration.parse("PT1M30S").toMillis();
                        long h = TimeUnit.MILLISECONDS.toSeconds(90_000);
                    }
                }
                """;
        assertThat(value("a", "A.java", src).text()).isEqualTo("30000");
        assertThat(value("b", "A.java", src).text()).isEqualTo("120000");
        assertThat(value("c", "A.java", src).isMillis()).isTrue();
        assertThat(value("c", "A.java", src).text()).isEqualTo("60000");
        assertThat(value("d", "A.java", src).text()).isEqualTo("2097152");
        assertThat(value("e", "A.java", src).text()).isEqualTo("SLOW");
        assertThat(value("f", "A.java", src).type()).isEqualTo("TimeUnit");
        assertThat(value("g", "A.java", src).text()).isEqualTo("90000");
        assertThat(value("h", "A.java", src).text()).isEqualTo("90");
    }

    @Test
    void environmentAndSystemPropertiesKeepTheirFallbacks() {
        String src = """
                class A {
                    static final String URL = System.getProperty("url", "ws://127.0.0.1:8080/websocket");
                    void m() {
                        String a = URL;
                        String b = System.getenv("WS_HOST");
                        int c = Integer.parseInt(System.getenv().getOrDefault("WS_PORT", "9092"));
                        String d = Optional.ofNullable(System.getenv("ORIGIN")).orElse("*");
                        String e = System.getenv("X") != null ? System.getenv("X") : "fallback";
                        int f = Integer.getInteger("ws.ping", 25_000);
                    }
                }
                """;
        JavaValue a = value("a", "A.java", src);
        assertThat(a.kind()).isEqualTo(JavaValue.Kind.ENV);
        assertThat(a.variable()).isEqualTo("url");
        assertThat(a.envKind()).isEqualTo("system-property");
        assertThat(a.text()).isEqualTo("ws://127.0.0.1:8080/websocket");
        assertThat(a.source()).isEqualTo(Source.ENV);
        JavaValue b = value("b", "A.java", src);
        assertThat(b.variable()).isEqualTo("WS_HOST");
        assertThat(b.text()).isEmpty();
        JavaValue c = value("c", "A.java", src);
        assertThat(c.variable()).isEqualTo("WS_PORT");
        assertThat(c.text()).isEqualTo("9092");
        assertThat(value("d", "A.java", src).text()).isEqualTo("*");
        assertThat(value("e", "A.java", src).text()).isEqualTo("fallback");
        assertThat(value("f", "A.java", src).text()).isEqualTo("25000");
    }

    @Test
    void springValueAnnotationsAgainstConfigurationWithProfiles() {
        Evidence dev = new Evidence("src/main/resources/application.yml", 3, "ping: 20s");
        Evidence prod = new Evidence("src/main/resources/application-prod.yml", 2, "ping: 45s");
        ConfigLookup config = key -> switch (ConfigLookup.canonical(key)) {
            case "ws.ping" -> List.of(new ConfigLookup.ConfigValue("20s", null, dev),
                    new ConfigLookup.ConfigValue("45s", "prod", prod));
            case "ws.origins" -> List.of(new ConfigLookup.ConfigValue("${ALLOWED_ORIGINS:http://localhost:3000}",
                    null, dev));
            default -> List.of();
        };
        String src = """
                class A {
                    @Value("${ws.ping}") private Duration ping;
                    @Value("${ws.origins}") private String[] origins;
                    @Value("${ws.size:65536}") private int size;
                    @Value("${ws.path}") private String path;
                    void m() {
                        long a = ping.toMillis();
                        String[] b = origins;
                        int c = size;
                        String d = path;
                    }
                }
                """;
        JavaValue a = value("a", config, "A.java", src);
        assertThat(a.text()).isEqualTo("20000");
        assertThat(a.property()).isEqualTo("ws.ping");
        assertThat(a.via()).contains(dev);
        assertThat(a.variants()).hasSize(1);
        assertThat(a.variants().get(0).text()).isEqualTo("45000");
        assertThat(a.variants().get(0).profile()).isEqualTo("prod");
        JavaValue b = value("b", config, "A.java", src);
        assertThat(b.kind()).isEqualTo(JavaValue.Kind.ENV);
        assertThat(b.variable()).isEqualTo("ALLOWED_ORIGINS");
        assertThat(b.envKind()).isEqualTo("env");
        assertThat(b.text()).isEqualTo("http://localhost:3000");
        JavaValue c = value("c", config, "A.java", src);
        assertThat(c.kind()).isEqualTo(JavaValue.Kind.ENV);
        assertThat(c.variable()).isEqualTo("ws.size");
        assertThat(c.envKind()).isEqualTo("property");
        assertThat(c.text()).isEqualTo("65536");
        JavaValue d = value("d", config, "A.java", src);
        assertThat(d.kind()).isEqualTo(JavaValue.Kind.ENV);
        assertThat(d.text()).isEmpty();
    }

    @Test
    void configurationPropertiesThroughGettersAndRecords() {
        ConfigLookup config = key -> ConfigLookup.canonical(key).equals("app.ws.maxmessagesize")
                ? List.of(new ConfigLookup.ConfigValue("256KB", null, Evidence.at("application.properties", 4)))
                : List.of();
        String a = """
                class A {
                    private final WsProps props;
                    private final Relay relay;
                    void m() {
                        long a = props.getMaxMessageSize().toBytes();
                        int b = props.getSendTimeLimit();
                        String c = relay.host();
                        int d = relay.port();
                    }
                }
                """;
        String props = """
                @ConfigurationProperties(prefix = "app.ws")
                public class WsProps {
                    private DataSize maxMessageSize = DataSize.ofKilobytes(64);
                    private int sendTimeLimit = 10 * 1000;
                    public DataSize getMaxMessageSize() { return maxMessageSize; }
                    public int getSendTimeLimit() { return sendTimeLimit; }
                }
                """;
        String relay = """
                @ConfigurationProperties("app.relay")
                public record Relay(@DefaultValue("localhost") String host, @DefaultValue("61613") int port) {
                }
                """;
        String[] files = {"A.java", a, "WsProps.java", props, "Relay.java", relay};
        JavaValue v = value("a", config, files);
        assertThat(v.text()).isEqualTo("262144");
        assertThat(v.property()).isEqualTo("app.ws.max-message-size");
        JavaValue b = value("b", config, files);
        assertThat(b.text()).isEqualTo("10000");
        assertThat(b.property()).isEqualTo("app.ws.send-time-limit");
        assertThat(value("c", config, files).text()).isEqualTo("localhost");
        assertThat(value("d", config, files).text()).isEqualTo("61613");
    }

    @Test
    void unknownsStayUnknown() {
        String src = """
                class A {
                    int counter = 0;
                    void m(int param) {
                        int a = param * 2;
                        int b = counter;
                        String c = compute();
                        int x = 1;
                        x = 2;
                        int d = x;
                    }
                    void inc() { counter++; counter = counter + 1; }
                }
                """;
        assertThat(value("a", "A.java", src).isKnown()).isFalse();
        assertThat(value("b", "A.java", src).isKnown()).isFalse();
        assertThat(value("c", "A.java", src).isKnown()).isFalse();
        assertThat(value("d", "A.java", src).isKnown()).isFalse();
    }

    @Test
    void patternsNameTheirUnknownParts() {
        String src = """
                class A {
                    static final String TOPIC = "/topic";
                    void m(String roomId, Msg msg) {
                        String a = TOPIC + "/room." + roomId;
                        String b = "/queue/" + msg.getUserId() + "/inbox";
                        String c = String.format("/topic/%s/events", roomId);
                    }
                }
                """;
        SourceFile f = SourceFile.ofContent("A.java", src);
        SourceSet set = new SourceSet(List.of(f), 10_000);
        ParsedFile pf = set.parsed(f);
        JavaResolver r = new JavaResolver(pf, set, ConfigLookup.NONE);
        Map<String, String> got = new java.util.TreeMap<>();
        for (VariableDeclarator v : pf.java().orElseThrow().findAll(VariableDeclarator.class)) {
            v.getInitializer().ifPresent(i -> got.put(v.getNameAsString(), r.pattern(i)));
        }
        assertThat(got).containsEntry("a", "/topic/room.{roomId}").containsEntry("b", "/queue/{userId}/inbox")
                .containsEntry("c", "/topic/{roomId}/events");
    }
}
