package io.wsmemory.detectors.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.engine.ScanEngine;
import io.wsmemory.core.engine.ScanOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelsDetectorTest {

    @TempDir
    Path tmp;

    private static List<String> scan(Path dir) {
        return ScanLines.scan(dir, new ChannelsDetector());
    }

    @Test
    void channels4ChatWithOriginValidatorSessionAuthAndRedisFromEnv() {
        assertThat(scan(ScanLines.fixture("channels-chat-redis"))).containsExactly(
                "adapter redis=channels_redis.core.RedisChannelLayer [explicit] myproject/settings.py:24",
                "auth session-cookie=upgrade-request [explicit] myproject/asgi.py:20",
                "broker redis=localhost:6379 [env] myproject/settings.py:26",
                "envelope type=discriminator [explicit] chat/consumers.py:21",
                "event error=out [explicit] chat/consumers.py:38",
                "event message=out [explicit] chat/consumers.py:27",
                "event send_message=in [explicit] chat/consumers.py:22",
                "event typing=both [explicit] chat/consumers.py:32",
                "library channels-redis=unknown [explicit] myproject/settings.py:24",
                "library django-channels=unknown [explicit] chat/consumers.py:3",
                "namespace /ws/chat/{room_name}/= [explicit] chat/routing.py:8",
                "origin allow-list=chat.example.com [env] myproject/asgi.py:19",
                "room chat_{room_name}=broadcast [explicit] chat/consumers.py:24",
                "room chat_{room_name}=join [explicit] chat/consumers.py:13",
                "serialization json=json.loads [explicit] chat/consumers.py:20",
                "setting handshake.timeout=5000 [default] myproject/asgi.py:14",
                "setting path=/ws/chat/{room_name}/ [explicit] chat/routing.py:8",
                "setting ping.interval=15000 [explicit] Procfile:3",
                "setting ping.timeout=45000 [explicit] Procfile:3",
                "setting send.queue=1500 [explicit] myproject/settings.py:27",
                "setting send.timeLimit=60000 [default] myproject/settings.py:24",
                "transport websocket=primary [explicit] myproject/asgi.py:19");
    }

    @Test
    void jwtQueryStringMiddlewareJsonConsumersAndSplitSettings() {
        assertThat(scan(ScanLines.fixture("channels-token-json"))).containsExactly(
                "adapter redis=channels_redis.core.RedisChannelLayer [explicit] config/settings/production.py:9",
                "auth jwt=upgrade-request [explicit] boards/middleware.py:23",
                "auth session-cookie=upgrade-request [explicit] boards/middleware.py:30",
                "broker redis= [env] config/settings/production.py:11",
                "envelope action=discriminator [explicit] boards/consumers.py:20",
                "envelope cmd=discriminator [explicit] boards/consumers.py:41",
                "envelope type=discriminator [explicit] boards/consumers.py:52",
                "event card_moved=out [explicit] boards/consumers.py:28",
                "event error=out [explicit] boards/consumers.py:31",
                "event fetch=in [explicit] boards/consumers.py:48",
                "event items=out [explicit] boards/consumers.py:49",
                "event mark_read=in [explicit] boards/consumers.py:45",
                "event marked=out [explicit] boards/consumers.py:46",
                "event move_card=in [explicit] boards/consumers.py:23",
                "event notify=out [explicit] boards/views.py:11",
                "event subscribe=in [explicit] boards/consumers.py:21",
                "event subscribed=out [explicit] boards/consumers.py:22",
                "finding WS-INMEMORY-LAYER=warning [explicit] config/settings/base.py:21",
                "library channels-redis=unknown [explicit] config/settings/production.py:9",
                "library django-channels=unknown [explicit] boards/consumers.py:2",
                "namespace /ws/boards/{board_id}/= [explicit] boards/routing.py:16",
                "namespace /ws/notifications/= [explicit] boards/routing.py:13",
                "origin any= [default] config/asgi.py:20",
                "room board.{board_id}=broadcast [explicit] boards/consumers.py:26",
                "room board.{board_id}=join [explicit] boards/consumers.py:16",
                "room notifications=broadcast [explicit] boards/views.py:9",
                "room notifications=join [explicit] boards/consumers.py:38",
                "serialization json=JsonWebsocketConsumer [explicit] boards/consumers.py:8",
                "setting path=/ws/boards/{board_id}/ [explicit] boards/routing.py:16",
                "setting path=/ws/notifications/ [explicit] boards/routing.py:13",
                "setting payload.max=1048576 [explicit] bin/start.sh:8",
                "setting ping.interval=25000 [explicit] bin/start.sh:8",
                "setting ping.timeout=10000 [explicit] bin/start.sh:8",
                "setting port=8000 [explicit] bin/start.sh:8",
                "setting send.queue=300 [env] config/settings/production.py:12",
                "setting send.timeLimit=30000 [explicit] config/settings/production.py:13",
                "transport websocket=primary [explicit] config/asgi.py:20");
    }

    @Test
    void inMemoryLayerOriginListNoAuthAndRunserverDefaults() {
        assertThat(scan(ScanLines.fixture("channels-inmemory-lobby"))).containsExactly(
                "auth none=none [inferred] game/asgi.py:17",
                "finding WS-INMEMORY-LAYER=warning [explicit] game/settings.py:13",
                "library django-channels=unknown [explicit] game/asgi.py:1",
                "namespace /lobby/= [explicit] game/asgi.py:19",
                "origin allow-list=https://play.example.com,http://localhost:3000 [explicit] game/asgi.py:17",
                "room lobby=broadcast [explicit] lobby/consumers.py:14",
                "room lobby=join [explicit] lobby/consumers.py:9",
                "setting handshake.timeout=5000 [default] game/asgi.py:12",
                "setting path=/lobby/ [explicit] game/asgi.py:19",
                "setting ping.interval=20000 [default] game/asgi.py:12",
                "setting ping.timeout=30000 [default] game/asgi.py:12",
                "transport websocket=primary [explicit] game/asgi.py:17");
    }

    @Test
    void channels2RoutingWithoutAsAsgiAndRoomFromAModelProperty() {
        ScanLines.write(tmp, Map.of(
                "site/routing.py", """
                        from django.conf.urls import url
                        from channels.routing import ProtocolTypeRouter, URLRouter
                        from channels.auth import AuthMiddlewareStack
                        from tables.consumers import TableConsumer

                        application = ProtocolTypeRouter({
                            "websocket": AuthMiddlewareStack(
                                URLRouter([
                                    url(r"^tables/(?P<table_id>\\d+)/stream/?$", TableConsumer),
                                ])
                            ),
                        })
                        """,
                "site/settings.py", """
                        INSTALLED_APPS = ["channels", "tables"]
                        CHANNEL_LAYERS = {"default": {"BACKEND": "channels_redis.core.RedisChannelLayer",
                                                      "CONFIG": {"hosts": [("redis", 6380)]}}}
                        """,
                "tables/__init__.py", "",
                "tables/models.py", """
                        class Table:
                            @property
                            def channel_group(self):
                                return "table-{}".format(self.pk)
                        """,
                "tables/consumers.py", """
                        from channels.generic.websocket import AsyncJsonWebsocketConsumer
                        from .models import Table

                        class TableConsumer(AsyncJsonWebsocketConsumer):
                            async def receive_json(self, content):
                                op = content["op"]
                                table = Table.objects.get(pk=content["table"])
                                if op == "sit":
                                    await self.channel_layer.group_add(table.channel_group, self.channel_name)
                                    await self.send_json({"sit": table.pk})
                                elif op in ("bet", "fold"):
                                    await self.channel_layer.group_send(table.channel_group, {"type": "table.move", "op": op})

                            async def table_move(self, event):
                                await self.send_json({"op": event["op"], "kind": "move"})
                        """));
        assertThat(scan(tmp)).containsExactly(
                "adapter redis=channels_redis.core.RedisChannelLayer [explicit] site/settings.py:2",
                "auth session-cookie=upgrade-request [explicit] site/routing.py:7",
                "broker redis=redis:6380 [explicit] site/settings.py:3",
                "envelope kind=discriminator [explicit] tables/consumers.py:15",
                "envelope op=discriminator [explicit] tables/consumers.py:6",
                "event bet=in [explicit] tables/consumers.py:11",
                "event fold=in [explicit] tables/consumers.py:11",
                "event move=out [explicit] tables/consumers.py:12",
                "event sit=both [explicit] tables/consumers.py:8",
                "library channels-redis=unknown [explicit] site/settings.py:2",
                "library django-channels=unknown [explicit] site/routing.py:2",
                "namespace /tables/{table_id}/stream/= [explicit] site/routing.py:9",
                "origin any= [default] site/routing.py:7",
                "room table-{pk}=broadcast [explicit] tables/consumers.py:12",
                "room table-{pk}=join [explicit] tables/consumers.py:9",
                "serialization json=AsyncJsonWebsocketConsumer [explicit] tables/consumers.py:4",
                "setting path=/tables/{table_id}/stream/ [explicit] site/routing.py:9",
                "setting send.queue=100 [default] site/settings.py:2",
                "setting send.timeLimit=60000 [default] site/settings.py:2",
                "transport websocket=primary [explicit] site/routing.py:7");
    }

    @Test
    void commandLinesInComposeListsAndGunicornWorkers() throws IOException {
        ScanLines.write(tmp, Map.of(
                "app/asgi.py", """
                        from channels.routing import ProtocolTypeRouter, URLRouter
                        application = ProtocolTypeRouter({"websocket": URLRouter([])})
                        """,
                "docker-compose.yml", """
                        services:
                          ws:
                            command: ["daphne", "-b", "0.0.0.0", "-p", "9000", "--ping-interval", "10", "app.asgi:application"]
                        """,
                "deploy/run.sh", """
                        gunicorn app.asgi:application -k uvicorn.workers.UvicornWorker --bind 0.0.0.0:8000
                        """,
                "notes.yml", "- uvicorn\n"));
        assertThat(scan(tmp)).containsExactly(
                "auth none=none [inferred] app/asgi.py:2",
                "library django-channels=unknown [explicit] app/asgi.py:1",
                "origin any= [default] app/asgi.py:2",
                "setting handshake.timeout=5000 [default] app/asgi.py:2",
                "setting payload.max=16777216 [default] app/asgi.py:2",
                "setting ping.interval=10000 [explicit] docker-compose.yml:3",
                "setting ping.interval=20000 [default] app/asgi.py:2",
                "setting ping.timeout=20000 [default] app/asgi.py:2",
                "setting ping.timeout=30000 [default] app/asgi.py:2",
                "setting port=9000 [explicit] docker-compose.yml:3",
                "transport websocket=primary [explicit] app/asgi.py:2");
    }

    @Test
    void developmentInMemoryAndProductionRedisBothReported() throws IOException {
        ScanLines.write(tmp, Map.of(
                "proj/settings.py", """
                        import os
                        from channels.layers import get_channel_layer
                        if os.environ.get("REDIS_URL"):
                            CHANNEL_LAYERS = {"default": {"BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
                                                          "CONFIG": {"hosts": [os.environ["REDIS_URL"]]}}}
                        else:
                            CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
                        """,
                "live/consumers.py", """
                        from channels.generic.websocket import WebsocketConsumer
                        class Live(WebsocketConsumer):
                            pass
                        """));
        List<Fact> facts = new ScanEngine(List.of(new ChannelsDetector()), List.of(), ScanOptions.defaults())
                .scan(tmp).facts();
        assertThat(facts).extracting(ScanLines::line).containsExactly(
                "adapter redis=channels_redis.pubsub.RedisPubSubChannelLayer [explicit] proj/settings.py:4",
                "broker redis= [env] proj/settings.py:5",
                "finding WS-INMEMORY-LAYER=warning [explicit] proj/settings.py:7",
                "library channels-redis=unknown [explicit] proj/settings.py:4",
                "library django-channels=unknown [explicit] live/consumers.py:1",
                "transport websocket=primary [explicit] live/consumers.py:2");
        assertThat(facts.get(0).attr("pubsub")).isEqualTo("true");
        assertThat(facts.get(1).attr("variable")).isEqualTo("REDIS_URL");
    }

    @Test
    void djangoChannelsRestFrameworkActionsAndMixins() {
        ScanLines.write(tmp, Map.of("todo/consumers.py", """
                from djangochannelsrestframework.generics import GenericAsyncAPIConsumer
                from djangochannelsrestframework.mixins import ListModelMixin
                from djangochannelsrestframework.decorators import action

                class TodoConsumer(ListModelMixin, GenericAsyncAPIConsumer):
                    @action()
                    async def mark_done(self, pk, **kwargs):
                        return {"pk": pk}, 200
                """));
        assertThat(scan(tmp)).containsExactly(
                "envelope action=discriminator [explicit] todo/consumers.py:5",
                "event list=both [explicit] todo/consumers.py:5",
                "event mark_done=both [explicit] todo/consumers.py:7",
                "serialization json=GenericAsyncAPIConsumer [explicit] todo/consumers.py:5",
                "transport websocket=primary [explicit] todo/consumers.py:5");
    }

    @Test
    void relayWithoutTypeFieldIsTheLayerTypeOnlyAndGroupFromAMethod() {
        ScanLines.write(tmp, Map.of("rooms/consumers.py", """
                import json
                from channels.generic.websocket import AsyncWebsocketConsumer

                class RoomConsumer(AsyncWebsocketConsumer):
                    @staticmethod
                    def group_for(room):
                        return f"room_{room}"

                    async def connect(self):
                        self.group = self.group_for(self.scope["url_route"]["kwargs"]["room"])
                        await self.channel_layer.group_add(self.group, self.channel_name)
                        await self.accept()

                    async def receive(self, text_data):
                        body = json.loads(text_data)
                        await self.channel_layer.group_send(self.group, {"type": "room.say", "text": body["text"]})

                    async def room_say(self, event):
                        await self.send(text_data=json.dumps({"text": event["text"]}))
                """));
        assertThat(scan(tmp)).containsExactly(
                "event room.say=out [explicit] rooms/consumers.py:16",
                "library django-channels=unknown [explicit] rooms/consumers.py:2",
                "room room_{room}=broadcast [explicit] rooms/consumers.py:16",
                "room room_{room}=join [explicit] rooms/consumers.py:11",
                "serialization json=json.loads [explicit] rooms/consumers.py:15",
                "transport websocket=primary [explicit] rooms/consumers.py:4");
    }

    @Test
    void sendWrappersLayerHelpersAndOpaqueRelays() {
        ScanLines.write(tmp, Map.of(
                "live/consumers.py", """
                        import json
                        from channels.generic.websocket import AsyncWebsocketConsumer

                        class LiveConsumer(AsyncWebsocketConsumer):
                            async def _push(self, payload):
                                await self.send(text_data=json.dumps(payload))

                            async def receive(self, text_data=None, bytes_data=None):
                                await self._push({"type": "pong"})

                            async def score_changed(self, event):
                                await self._relay(event)

                            async def _relay(self, event):
                                await self._push({"type": "score", "home": event["home"]})

                            async def stats_ready(self, event):
                                await self.send(text_data=json.dumps(event["stats"]))
                        """,
                "live/api.py", """
                        from asgiref.sync import async_to_sync
                        from channels.layers import get_channel_layer

                        def _broadcast(match_id, event):
                            layer = get_channel_layer()
                            async_to_sync(layer.group_send)(f"match-{match_id}", event)

                        def goal(match):
                            _broadcast(match.id, {"type": "score.changed", "home": match.home})
                            _broadcast(match.id, {"type": "stats.ready", "stats": {}})
                        """));
        assertThat(scan(tmp)).containsExactly(
                "envelope type=discriminator [explicit] live/consumers.py:9",
                "event pong=out [explicit] live/consumers.py:9",
                "event score=out [explicit] live/api.py:9",
                "event stats.ready=out [explicit] live/api.py:10",
                "library django-channels=unknown [explicit] live/api.py:2",
                "room match-{match_id}=broadcast [explicit] live/api.py:6",
                "serialization json=json.dumps [explicit] live/consumers.py:6",
                "transport websocket=primary [explicit] live/consumers.py:4");
    }

    @Test
    void aliasedValidatorAndMiddlewareImportedFromAnotherModule() {
        ScanLines.write(tmp, Map.of(
                "proj/asgi.py", """
                        from channels.routing import ProtocolTypeRouter
                        from channels.security.websocket import AllowedHostsOriginValidator as OnlyOurHosts
                        from proj.ws import websocket_app
                        application = ProtocolTypeRouter({"websocket": OnlyOurHosts(websocket_app)})
                        """,
                "proj/ws.py", """
                        from channels.routing import URLRouter
                        from channels.sessions import SessionMiddlewareStack
                        from django.urls import path
                        from .consumers import Feed
                        websocket_app = SessionMiddlewareStack(URLRouter([path("feed/", Feed.as_asgi())]))
                        """,
                "proj/settings.py", "ALLOWED_HOSTS = ['feed.example.org']\n",
                "proj/consumers.py", """
                        from channels.generic.websocket import WebsocketConsumer
                        class Feed(WebsocketConsumer):
                            pass
                        """));
        assertThat(scan(tmp)).containsExactly(
                "auth none=none [inferred] proj/asgi.py:4",
                "library django-channels=unknown [explicit] proj/asgi.py:1",
                "namespace /feed/= [explicit] proj/ws.py:5",
                "origin allow-list=feed.example.org [explicit] proj/asgi.py:4",
                "setting path=/feed/ [explicit] proj/ws.py:5",
                "transport websocket=primary [explicit] proj/asgi.py:4");
    }

    @Test
    void httpOnlyChannelsSaysNothingAboutWebSockets() {
        ScanLines.write(tmp, Map.of(
                "api/consumers.py", """
                        from channels.generic.http import AsyncHttpConsumer
                        class Feed(AsyncHttpConsumer):
                            async def handle(self, body):
                                await self.send_response(200, b"ok")
                        """,
                "site/settings.py", """
                        CHANNEL_LAYERS = {"default": {"BACKEND": "channels_redis.core.RedisChannelLayer"}}
                        """));
        assertThat(scan(tmp)).containsExactly("library django-channels=unknown [explicit] api/consumers.py:1");
    }

    @Test
    void nothingWithoutChannels() {
        ScanLines.write(tmp, Map.of(
                "settings.py", "INSTALLED_APPS = ['django.contrib.auth']\n",
                "Procfile", "web: uvicorn main:app --ws-ping-interval 5\n",
                "views.py", "def send(x):\n    return x.group_send\n"));
        assertThat(scan(tmp)).isEmpty();
    }

    @Test
    void routePaths() {
        assertThat(RoutePaths.join("", "ws/chat/(?P<room_name>\\w+)/$", true)).isEqualTo("/ws/chat/{room_name}/");
        assertThat(RoutePaths.join("", "^ws/(?P<a>[^/]+)/(?P<b>\\d+)/?$", true)).isEqualTo("/ws/{a}/{b}/");
        assertThat(RoutePaths.join("/ws/", "boards/<int:board_id>/", false)).isEqualTo("/ws/boards/{board_id}/");
        assertThat(RoutePaths.join("", "", false)).isEqualTo("/");
        assertThat(RoutePaths.join("", "^live\\.json$", true)).isEqualTo("/live.json");
    }

    @Test
    void redisUrls() {
        assertThat(RedisHosts.fromUrl("redis://:secret@cache.internal:6380/1")).isEqualTo("cache.internal:6380");
        assertThat(RedisHosts.fromUrl("rediss://redis.example.com")).isEqualTo("redis.example.com:6379");
        assertThat(RedisHosts.fromUrl("redis")).isEqualTo("redis:6379");
        assertThat(RedisHosts.fromUrl("unix:///tmp/redis.sock")).isEqualTo("unix:///tmp/redis.sock");
    }
}
