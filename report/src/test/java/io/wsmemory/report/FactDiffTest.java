package io.wsmemory.report;

import static io.wsmemory.report.SampleFacts.fact;
import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.Source;
import io.wsmemory.report.FactChange.Change;
import io.wsmemory.report.FactChange.Impact;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactDiffTest {

    private static List<FactChange> diff(List<Fact> before, List<Fact> after) {
        return FactDiff.compare(before, after);
    }

    private static FactChange only(List<Fact> before, List<Fact> after) {
        List<FactChange> d = diff(before, after);
        assertThat(d).hasSize(1);
        return d.get(0);
    }

    private static String details(FactChange c) {
        return String.join(" | ", c.details().stream().map(FactChange.Detail::text).toList());
    }

    private static Fact event(String name, String dir, String payload, int line) {
        return fact(Kinds.EVENT, name, dir, "server/chat.js", line).attr("payload", payload).build();
    }

    private static Fact setting(String key, String value, Source source) {
        return fact(Kinds.SETTING, key, value, "server/index.js", 14).library("socket.io").source(source)
                .attr("role", "server").build();
    }

    @Test
    void theSameFactsMakeNoChange() {
        assertThat(diff(SampleFacts.chatApp(), SampleFacts.chatApp())).isEmpty();
        assertThat(diff(List.of(), List.of())).isEmpty();
    }

    @Test
    void aRenamedEventIsABreakingRemovalAndAnAdditiveAddition() {
        List<FactChange> d = diff(List.of(event("chat:message", "both", null, 10)),
                List.of(event("chat:post", "both", null, 10)));

        assertThat(d).extracting(FactChange::change, FactChange::impact, FactChange::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Change.REMOVED, Impact.BREAKING, "event `chat:message`"),
                org.assertj.core.groups.Tuple.tuple(Change.ADDED, Impact.ADDITIVE, "event `chat:post`"));
        assertThat(details(d.get(0))).contains("looks renamed to `chat:post`");
        assertThat(d.get(0).place()).isEqualTo(Places.block(Memory.MESSAGE_SCHEMAS, "messages.events"));
        assertThat(d.get(0).evidence().location()).isEqualTo("server/chat.js:10");
    }

    @Test
    void directionsCountAsASet() {
        List<Fact> split = List.of(event("x", "in", null, 10), event("x", "out", null, 12));
        FactChange merged = only(split, List.of(event("x", "both", null, 10)));
        assertThat(merged.impact()).isEqualTo(Impact.ADDITIVE);
        assertThat(details(merged)).contains("direction in + out → both (the same directions)");

        FactChange narrowed = only(List.of(event("x", "both", null, 10)), List.of(event("x", "in", null, 10)));
        assertThat(narrowed.impact()).isEqualTo(Impact.BREAKING);
        assertThat(details(narrowed)).contains("no longer sent to clients");

        FactChange widened = only(List.of(event("x", "in", null, 10)), List.of(event("x", "both", null, 10)));
        assertThat(widened.impact()).isEqualTo(Impact.ADDITIVE);

        FactChange flipped = only(List.of(event("x", "in", null, 10)), List.of(event("x", "out", null, 10)));
        assertThat(flipped.impact()).isEqualTo(Impact.BREAKING);
        assertThat(details(flipped)).contains("direction in → out");
    }

    @Test
    void payloadFieldsRemovedOrRetypedBreakAddedOnesDoNot() {
        Fact before = event("chat:message", "in", "text: string, roomId: string", 10);
        assertThat(only(List.of(before), List.of(event("chat:message", "in", "text: string", 10))))
                .satisfies(c -> assertThat(c.impact()).isEqualTo(Impact.BREAKING))
                .satisfies(c -> assertThat(details(c)).contains("payload field `roomId` removed (in)"));
        assertThat(only(List.of(before), List.of(event("chat:message", "in", "text: string, roomId: number", 10))))
                .satisfies(c -> assertThat(details(c)).contains("payload field `roomId` type `string` → `number`"))
                .satisfies(c -> assertThat(c.impact()).isEqualTo(Impact.BREAKING));
        assertThat(only(List.of(before),
                List.of(event("chat:message", "in", "text: string, roomId: string, replyTo?: string", 10))))
                .satisfies(c -> assertThat(c.impact()).isEqualTo(Impact.ADDITIVE))
                .satisfies(c -> assertThat(details(c)).isEqualTo("payload field `replyTo` added (in)"));
        assertThat(only(List.of(event("e", "out", "ChatMessage", 10)), List.of(event("e", "out", "ChatPost", 10))))
                .satisfies(c -> assertThat(details(c)).contains("payload type `ChatMessage` → `ChatPost`"))
                .satisfies(c -> assertThat(c.impact()).isEqualTo(Impact.BREAKING));
    }

    @Test
    void aFieldNewlyRequiredOnAnIncomingMessageBreaks() {
        Fact a = fact(Kinds.EVENT, "m", "in", "s.js", 1).attr("payload", "text, roomId").attr("required", "text")
                .build();
        Fact b = fact(Kinds.EVENT, "m", "in", "s.js", 1).attr("payload", "text, roomId")
                .attr("required", "text,roomId").build();
        FactChange c = only(List.of(a), List.of(b));
        assertThat(c.impact()).isEqualTo(Impact.BREAKING);
        assertThat(details(c)).contains("payload field `roomId` now required (in): clients that omit it are refused");
    }

    @Test
    void limitsLoweredBreakRaisedDoNot() {
        Fact oneMb = setting("payload.max", "1000000", Source.EXPLICIT);
        FactChange lowered = only(List.of(oneMb), List.of(setting("payload.max", "65536", Source.EXPLICIT)));
        assertThat(lowered.impact()).isEqualTo(Impact.BREAKING);
        assertThat(details(lowered)).isEqualTo("1 MB → 64 KiB: a limit lowered");
        assertThat(lowered.subject()).isEqualTo("setting `payload.max` (server, socket.io)");

        assertThat(only(List.of(oneMb), List.of(setting("payload.max", "2000000", Source.EXPLICIT))).impact())
                .isEqualTo(Impact.ADDITIVE);
        assertThat(only(List.of(oneMb), List.of(setting("payload.max", "unlimited", Source.EXPLICIT))).impact())
                .isEqualTo(Impact.ADDITIVE);
        assertThat(only(List.of(oneMb), List.of(setting("payload.max", "", Source.ENV))))
                .satisfies(c -> assertThat(c.impact()).isEqualTo(Impact.BREAKING))
                .satisfies(c -> assertThat(details(c)).contains("may be lower"));
        assertThat(only(List.of(setting("ping.timeout", "20000", Source.EXPLICIT)),
                List.of(setting("ping.timeout", "5000", Source.EXPLICIT))).impact()).isEqualTo(Impact.BREAKING);
        assertThat(only(List.of(setting("ping.interval", "25000", Source.EXPLICIT)),
                List.of(setting("ping.interval", "5000", Source.EXPLICIT))).impact()).isEqualTo(Impact.ADDITIVE);
        assertThat(only(List.of(setting("path", "/ws", Source.EXPLICIT)),
                List.of(setting("path", "/socket", Source.EXPLICIT))).impact()).isEqualTo(Impact.BREAKING);
    }

    @Test
    void aDefaultThatChangesWithTheLibraryVersionSaysSo() {
        Fact v2 = fact(Kinds.LIBRARY, "socket.io", "2.4.1", "package.json", 5).attr("role", "server").build();
        Fact v4 = fact(Kinds.LIBRARY, "socket.io", "4.7.5", "package.json", 5).attr("role", "server").build();
        List<FactChange> d = diff(List.of(v2, setting("ping.timeout", "60000", Source.DEFAULT)),
                List.of(v4, setting("ping.timeout", "20000", Source.DEFAULT)));

        assertThat(d).hasSize(2);
        FactChange lib = d.stream().filter(c -> c.kind().equals(Kinds.LIBRARY)).findFirst().orElseThrow();
        assertThat(lib.impact()).isEqualTo(Impact.BREAKING);
        assertThat(details(lib)).isEqualTo("version 2.4.1 → 4.7.5: a new major version");
        FactChange timeout = d.stream().filter(c -> c.kind().equals(Kinds.SETTING)).findFirst().orElseThrow();
        assertThat(timeout.impact()).isEqualTo(Impact.BREAKING);
        assertThat(details(timeout)).isEqualTo("60 s → 20 s: a limit lowered"
                + " | the library default follows socket.io 2.4.1 → 4.7.5");

        assertThat(only(List.of(v4), List.of(fact(Kinds.LIBRARY, "socket.io", "^4.8.1", "package.json", 5)
                .attr("role", "server").build())).impact()).isEqualTo(Impact.ADDITIVE);
    }

    @Test
    void authRemovedOrMovedBreaks() {
        Fact jwt = fact(Kinds.AUTH, "jwt", "handshake-middleware", "server/auth.js", 5).attr("carrier", "auth-payload")
                .build();
        assertThat(only(List.of(jwt), List.of()).impact()).isEqualTo(Impact.BREAKING);
        assertThat(only(List.of(jwt), List.of(fact(Kinds.AUTH, "jwt", "first-message", "server/auth.js", 5)
                .attr("carrier", "auth-payload").build())).impact()).isEqualTo(Impact.BREAKING);
        assertThat(only(List.of(jwt), List.of(fact(Kinds.AUTH, "jwt", "handshake-middleware", "server/auth.js", 5)
                .attr("carrier", "query").build())))
                .satisfies(c -> assertThat(c.impact()).isEqualTo(Impact.BREAKING))
                .satisfies(c -> assertThat(details(c)).contains("carrier auth-payload → query"));
        assertThat(only(List.of(), List.of(jwt)).impact()).isEqualTo(Impact.ADDITIVE);
    }

    @Test
    void originsWidenedToAnyOrNarrowedBreak() {
        Fact list = fact(Kinds.ORIGIN, "allow-list", "https://a.example,https://b.example", "s.js", 3).build();
        FactChange any = only(List.of(list), List.of(fact(Kinds.ORIGIN, "any", "", "s.js", 3).build()));
        assertThat(any.impact()).isEqualTo(Impact.BREAKING);
        assertThat(details(any)).contains("widened from allow-list to any");
        assertThat(only(List.of(list), List.of(fact(Kinds.ORIGIN, "allow-list", "https://a.example", "s.js", 3)
                .build())).impact()).isEqualTo(Impact.BREAKING);
        assertThat(only(List.of(list), List.of(fact(Kinds.ORIGIN, "allow-list",
                "https://a.example,https://b.example,https://c.example", "s.js", 3).build())).impact())
                .isEqualTo(Impact.ADDITIVE);
    }

    @Test
    void removalsOfContractKindsBreakOthersDoNot() {
        for (String kind : List.of(Kinds.DESTINATION, Kinds.ROOM, Kinds.NAMESPACE, Kinds.ENVELOPE,
                Kinds.SERIALIZATION, Kinds.TRANSPORT, Kinds.STICKY, Kinds.HEALTH, Kinds.METRIC)) {
            assertThat(only(List.of(fact(kind, "k", "v", "a", 1).build()), List.of()).impact()).as(kind)
                    .isEqualTo(Impact.BREAKING);
        }
        for (String kind : List.of(Kinds.RECONNECT, Kinds.CLIENT_TYPE, Kinds.ALERT, Kinds.FINDING)) {
            assertThat(only(List.of(fact(kind, "k", "v", "a", 1).build()), List.of()).impact()).as(kind)
                    .isEqualTo(Impact.ADDITIVE);
        }
        assertThat(only(List.of(fact(Kinds.DESTINATION, "/topic/a", "broker", "a", 1).build()),
                List.of(fact(Kinds.DESTINATION, "/topic/a", "user", "a", 1).build())).impact())
                .isEqualTo(Impact.BREAKING);
        assertThat(only(List.of(fact(Kinds.CAPACITY, "replicas", "3", "k.yaml", 8).attr("service", "chat").build()),
                List.of(fact(Kinds.CAPACITY, "replicas", "2", "k.yaml", 8).attr("service", "chat").build())).impact())
                .isEqualTo(Impact.BREAKING);
    }

    @Test
    void aFactSeenAtAnotherLineIsAnAdditiveChangeOfEvidence() {
        Fact a = fact(Kinds.ROOM, "room:{id}", "join", "server/rooms.js", 7).build();
        Fact b = fact(Kinds.ROOM, "room:{id}", "join", "server/rooms.js", 9).build();
        FactChange c = only(List.of(a), List.of(b));
        assertThat(c.change()).isEqualTo(Change.CHANGED);
        assertThat(c.impact()).isEqualTo(Impact.ADDITIVE);
        assertThat(details(c)).isEqualTo("evidence moved: server/rooms.js:7 → server/rooms.js:9");

        Fact snippet = Fact.of(Kinds.ROOM, "room:{id}").value("join")
                .evidence(new Evidence("server/rooms.js", 7, "socket.join(x)")).build();
        assertThat(diff(List.of(a), List.of(snippet))).as("snippets are not part of the memory").isEmpty();
    }

    @Test
    void changesComeInMemoryOrder() {
        List<Fact> before = new ArrayList<>(SampleFacts.chatApp());
        List<Fact> after = new ArrayList<>();
        List<FactChange> d = diff(before, after);
        assertThat(d).hasSize(before.size());
        List<String> files = d.stream().map(c -> c.place().file()).distinct().toList();
        assertThat(files).containsExactly(Memory.CONNECTION_PATTERNS, Memory.MESSAGE_SCHEMAS, Memory.SCALING_CONFIG);
        assertThat(diff(after, before)).allMatch(c -> c.change() == Change.ADDED && !c.breaking());
    }
}
