package io.wsmemory.core.resolve.python;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.Query;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class PyResolverTest {

    /** The argument of every {@code probe(...)} call: the expressions under test. */
    private static final Query PROBES = Query.of("probes",
            "(call function: (identifier) @f (#eq? @f \"probe\") arguments: (argument_list (_) @arg))");

    private static <T> List<T> probe(BiFunction<PyResolver, SyntaxNode, T> f, String mainPath, String... files) {
        List<SourceFile> sources = new ArrayList<>();
        for (int i = 0; i < files.length; i += 2) {
            sources.add(SourceFile.ofContent(files[i], files[i + 1]));
        }
        SourceSet set = new SourceSet(sources, 5_000);
        ParsedFile main = set.parsed(set.file(mainPath).orElseThrow());
        PyResolver r = new PyResolver(main, set);
        List<T> out = new ArrayList<>();
        for (var m : PROBES.matches(main.tree().root())) {
            out.add(f.apply(r, m.node("arg")));
        }
        return out;
    }

    private static List<PyValue> values(String mainPath, String... files) {
        return probe(PyResolver::resolve, mainPath, files);
    }

    private static List<String> texts(List<PyValue> vs) {
        return vs.stream().map(PyValue::text).toList();
    }

    @Test
    void literalsAndArithmetic() {
        List<PyValue> v = values("a.py", "a.py", """
                probe(30 * 1000); probe(1e6); probe(0x10); probe(1_000); probe(-5); probe(2 ** 10)
                probe("s"); probe(r'\\d'); probe(True); probe(None); probe(60 * 60 * 24); probe(0.5)
                probe(7 // 2); probe("a" "b"); probe('%s-%d' % ("x", 3)); probe("{}:{}".format("h", 1))
                probe(f"{'a'}b"); probe(1 if True else 2); probe(3j)
                """);
        assertThat(texts(v)).containsExactly("30000", "1000000", "16", "1000", "-5", "1024", "s", "\\d", "true",
                "None", "86400", "0.5", "3", "ab", "x-3", "h:1", "ab", "1", null);
        assertThat(v.get(0).source()).isEqualTo(Source.EXPLICIT);
        assertThat(v.get(0).confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void scopesModuleFunctionClassAndSelf() {
        List<PyValue> v = values("a.py", "a.py", """
                PING = 20
                TIMEOUT = PING * 1.5
                class C:
                    LIMIT = 100
                    probe(LIMIT)
                    def __init__(self):
                        self.prefix = "chat"
                    def f(self, room):
                        PING = 5
                        probe(PING)
                        probe(self.prefix)
                        probe(room)
                        probe(self.LIMIT)
                        for x in [1, 2]:
                            probe(x)
                probe(TIMEOUT)
                probe(C.LIMIT)
                """);
        assertThat(texts(v)).containsExactly("100", "5", "chat", null, "100", null, "30", "100");
        assertThat(v.get(6).via()).extracting(e -> e.line()).contains(1, 2);
        assertThat(v.get(6).confidence()).isEqualTo(Confidence.MEDIUM);
    }

    @Test
    void environmentWithFallbacks() {
        List<PyValue> v = values("settings.py", "settings.py", """
                import os
                from os import getenv
                import environ
                from decouple import config
                env = environ.Env(DEBUG=(bool, False))
                redis_host = os.environ.get('REDIS_HOST', 'localhost')
                probe(redis_host)
                probe(os.getenv("PORT", "8000"))
                probe(int(os.environ.get("PING", "25")))
                probe(os.environ["SECRET"])
                probe(getenv("X") or "fallback")
                probe(env("REDIS_URL", default="redis://localhost:6379"))
                probe(env.int("CAPACITY", 1500))
                probe(env.bool("DEBUG"))
                probe(config("EXPIRY", default=10, cast=int))
                probe(os.environ.get("HOSTS", "a,b").split(","))
                probe(env("NO_DEFAULT"))
                """);
        assertThat(v).allMatch(x -> x.is(PyValue.Kind.ENV));
        assertThat(v).extracting(PyValue::variable).containsExactly("REDIS_HOST", "PORT", "PING", "SECRET", "X",
                "REDIS_URL", "CAPACITY", "DEBUG", "EXPIRY", "HOSTS", "NO_DEFAULT");
        assertThat(texts(v)).containsExactly("localhost", "8000", "25", "", "fallback", "redis://localhost:6379",
                "1500", "false", "10", "a,b", "");
        assertThat(v.get(0).source()).isEqualTo(Source.ENV);
        assertThat(v.get(2).fallback().is(PyValue.Kind.NUMBER)).isTrue();
    }

    @Test
    void importsBetweenModulesAndSplitSettings() {
        List<PyValue> v = values("chat/consumers.py",
                "chat/consumers.py", """
                        from django.conf import settings
                        from .constants import PREFIX as P, LIMITS
                        from myproj.settings import base
                        from . import constants
                        probe(P)
                        probe(LIMITS["capacity"])
                        probe(settings.MSG_TYPE_ENTER)
                        probe(base.HOST)
                        probe(constants.PREFIX)
                        probe(settings.CHANNEL_LAYERS["default"]["CONFIG"]["capacity"])
                        """,
                "chat/constants.py", "PREFIX = 'chat'\nLIMITS = {'capacity': 10 * 10}\n",
                "manage.py", "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"myproj.settings.production\")\n",
                "myproj/__init__.py", "",
                "myproj/settings/__init__.py", "",
                "myproj/settings/base.py", "HOST = 'localhost'\nMSG_TYPE_ENTER = 4\nCHANNEL_LAYERS = {'default': {'CONFIG': {'capacity': 100}}}\n",
                "myproj/settings/production.py", "from .base import *\nCHANNEL_LAYERS = {'default': {'CONFIG': {'capacity': 1500}}}\n");
        assertThat(texts(v)).containsExactly("chat", "100", "4", "localhost", "chat", "1500");
    }

    @Test
    void qualifiedNamesAndClasses() {
        List<String> q = probe(PyResolver::qualifiedName, "routing.py",
                "routing.py", """
                        from channels.auth import AuthMiddlewareStack
                        import channels.routing
                        from channels.generic import websocket as ws
                        from chat.consumers import ChatConsumer
                        from chat import consumers
                        probe(AuthMiddlewareStack)
                        probe(channels.routing.URLRouter)
                        probe(ws.AsyncJsonWebsocketConsumer)
                        probe(ChatConsumer)
                        probe(consumers.ChatConsumer)
                        """,
                "chat/__init__.py", "",
                "chat/consumers.py", "from .base import Base\nclass ChatConsumer(Base):\n    pass\n",
                "chat/base.py", "from channels.generic.websocket import AsyncWebsocketConsumer as A\nclass Base(A):\n    pass\n");
        assertThat(q).containsExactly("channels.auth.AuthMiddlewareStack", "channels.routing.URLRouter",
                "channels.generic.websocket.AsyncJsonWebsocketConsumer", "chat.consumers.ChatConsumer",
                "chat.consumers.ChatConsumer");
        List<List<String>> ancestors = probe((r, n) -> r.ancestors(r.resolve(n)), "routing.py",
                "routing.py", "from chat.consumers import ChatConsumer\nprobe(ChatConsumer)\n",
                "chat/consumers.py", "from .base import Base\nclass ChatConsumer(Base):\n    pass\n",
                "chat/base.py", "from channels.generic.websocket import AsyncWebsocketConsumer as A\nclass Base(A):\n    pass\n");
        assertThat(ancestors.get(0)).containsExactly("chat.base.Base",
                "channels.generic.websocket.AsyncWebsocketConsumer");
    }

    @Test
    void anAttributeBoundToSeveralValuesIsLeftToRunTime() {
        String src = """
                class C:
                    def __init__(self):
                        self.session_id = None
                        self.kind = "feed"
                        self.limit = 10
                    async def connect(self):
                        self.session_id = self.scope["query_string"]
                        self.kind = "feed"
                        probe(f"heartbeat_{self.session_id}")
                        probe(f"{self.kind}_all")
                        probe(self.session_id)
                        probe(self.limit)
                """;
        assertThat(probe(PyResolver::pattern, "c.py", "c.py", src)).containsExactly("heartbeat_{session_id}",
                "feed_all", null, "10"); // a bare unknown is no pattern
        assertThat(texts(values("c.py", "c.py", src))).containsExactly(null, "feed_all", null, "10");
    }

    @Test
    void patternsWithPlaceholders() {
        List<String> p = probe(PyResolver::pattern, "chat/consumers.py",
                "chat/consumers.py", """
                        from .models import Room
                        PREFIX = "chat"
                        def group_for(user_id):
                            return f"user_{user_id}"
                        class C:
                            async def connect(self):
                                self.room_name = self.scope["url_route"]["kwargs"]["room_name"]
                                self.room_group_name = f"{PREFIX}_{self.room_name}"
                                probe(self.room_group_name)
                                probe("room-%s" % self.room_name)
                                probe("notify.{}".format(self.scope["user"].id))
                                probe(group_for(self.scope["user"].pk))
                                probe("x" + str(self.room_name))
                                room = Room.objects.get(pk=1)
                                probe(room.group_name)
                                probe("static")
                                probe(self.group_for(self.scope["user"].id))
                            @staticmethod
                            def group_for(uid):
                                return "inbox-" + str(uid)
                        """,
                "chat/models.py", """
                        class Room:
                            @property
                            def group_name(self):
                                return "room-%s" % self.id
                        """);
        assertThat(p).containsExactly("chat_{room_name}", "room-{room_name}", "notify.{id}", "user_{user_id}",
                "x{room_name}", "room-{id}", "static", "inbox-{uid}");
    }
}
