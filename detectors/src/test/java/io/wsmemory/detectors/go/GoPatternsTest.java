package io.wsmemory.detectors.go;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.go.GoResolver;
import io.wsmemory.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoPatternsTest {

    private static final Query PROBES = Query.of("probes",
            "(call_expression function: (identifier) @f (#eq? @f \"probe\") arguments: (argument_list (_) @arg))");

    @Test
    void channelNamesBecomePatterns() {
        SourceSet set = new SourceSet(List.of(SourceFile.ofContent("bus.go", """
                package main

                import (
                	"fmt"
                	"strconv"
                )

                const prefix = "room:"

                func f(roomID string, msg struct{ UserID int }, n int) {
                	probe("presence")
                	probe(prefix + roomID)
                	probe(fmt.Sprintf("rooms.%s.users.%d", roomID, msg.UserID))
                	probe("user:" + strconv.Itoa(n))
                	probe(roomID)
                }
                """)), 5_000);
        ParsedFile pf = set.parsed(set.file("bus.go").orElseThrow());
        GoResolver r = new GoResolver(pf, set);
        List<String> out = new ArrayList<>();
        for (var m : PROBES.matches(pf.tree().root())) {
            out.add(GoPatterns.of(r, m.node("arg")));
        }
        assertThat(out).containsExactly("presence", "room:{roomID}", "rooms.{roomID}.users.{userID}", "user:{n}",
                "{roomID}");
        assertThat(GoPatterns.isOnlyPlaceholder(out.get(4))).isTrue();
        assertThat(GoPatterns.isOnlyPlaceholder(out.get(1))).isFalse();
    }

    @Test
    void brokerAddressesAreHostAndPort() {
        assertThat(GoBrokers.hostPort("redis://cache.internal:6380/0", "redis")).isEqualTo("cache.internal:6380");
        assertThat(GoBrokers.hostPort("nats://nats-1:4222,nats://nats-2:4222", "nats")).isEqualTo("nats-1:4222");
        assertThat(GoBrokers.hostPort("redis://cache.internal", "redis")).isEqualTo("cache.internal:6379");
        assertThat(GoBrokers.hostPort("localhost:6379", "redis")).isEqualTo("localhost:6379");
    }
}
