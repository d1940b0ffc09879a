package io.wsmemory.detectors.pysocketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.engine.ScanEngine;
import io.wsmemory.core.engine.ScanOptions;
import io.wsmemory.detectors.channels.ScanLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PySocketIoDetectorTest {

    @TempDir
    Path tmp;

    private static List<String> scan(Path dir) {
        return ScanLines.scan(dir, new PySocketIoDetector());
    }

    @Test
    void asyncServerWithRedisManagerJwtConnectPydanticAndAClient() {
        assertThat(scan(ScanLines.fixture("pysocketio-asgi-redis"))).containsExactly(
                "adapter redis=socketio.AsyncRedisManager [explicit] app/server.py:8",
                "auth jwt=handshake-middleware [explicit] app/server.py:27",
                "broker redis=redis:6379 [env] app/server.py:8",
                "broker redis=redis:6379 [env] worker/notify.py:8",
                "client-type server=bot/client.py [explicit] bot/client.py:10",
                "event chat:join=in [explicit] app/server.py:40",
                "event chat:joined=out [explicit] app/server.py:44",
                "event chat:message=both [explicit] app/server.py:48",
                "event notification=out [explicit] worker/notify.py:14",
                "library python-socketio=unknown [explicit] app/server.py:1",
                "namespace /= [default] app/server.py:25",
                "origin allow-list=https://app.example.com [env] app/server.py:17",
                "reconnect attempts=5 [explicit] bot/client.py:10",
                "reconnect delay.max=30000 [explicit] bot/client.py:10",
                "reconnect delay.min=1000 [default] bot/client.py:10",
                "reconnect enabled=true [default] bot/client.py:10",
                "reconnect jitter=0.5 [default] bot/client.py:10",
                "reconnect strategy=exponential [default] bot/client.py:10",
                "room user:{sub}=join [explicit] app/server.py:32",
                "room user:{user_id}=broadcast [explicit] worker/notify.py:14",
                "room {room}=broadcast [explicit] app/server.py:51",
                "room {room}=join [explicit] app/server.py:42",
                "room {socketId}=broadcast [explicit] app/server.py:44",
                "serialization json=socket.io default parser [default] app/server.py:14",
                "setting path=/realtime/socket.io [explicit] app/server.py:21",
                "setting payload.max=65536 [explicit] app/server.py:19",
                "setting ping.interval=10000 [explicit] app/server.py:18",
                "setting ping.timeout=20000 [default] app/server.py:14",
                "transport polling=fallback [default] app/server.py:14",
                "transport websocket=primary [default] app/server.py:14");
    }

    @Test
    void pydanticRulesTravelWithTheEvent() throws IOException {
        List<Fact> facts = new ScanEngine(List.of(new PySocketIoDetector()), List.of(), ScanOptions.defaults())
                .scan(ScanLines.fixture("pysocketio-asgi-redis")).facts();
        Fact message = facts.stream().filter(f -> f.key().equals("chat:message")).findFirst().orElseThrow();
        assertThat(message.attr("validation")).isEqualTo("pydantic: {room: str min_length=1 max_length=64, "
                + "text: str max_length=2000, reply_to?: int | None}");
        assertThat(message.attr("required")).isEqualTo("room,text");
        assertThat(message.attr("ack")).isEqualTo("true");
    }

    @Test
    void flaskSocketIoWithMessageQueueSessionAuthAndNamespaces() {
        assertThat(scan(ScanLines.fixture("pysocketio-flask-queue"))).containsExactly(
                "adapter redis=flask-socketio message_queue [explicit] board/extensions.py:16",
                "auth session-cookie=handshake-middleware [explicit] board/events.py:10",
                "broker redis=localhost:6379 [env] board/extensions.py:16",
                "event board.open=in [explicit] board/events.py:23",
                "event board.snapshot=out [explicit] board/events.py:27",
                "event card.move=in [explicit] board/events.py:15",
                "event card.moved=out [explicit] board/events.py:20",
                "event ping_board=in [explicit] board/events.py:31",
                "event presence=out [explicit] board/events.py:32",
                "library flask-socketio=unknown [explicit] board/events.py:3",
                "namespace /= [default] board/events.py:8",
                "namespace /presence= [explicit] board/events.py:35",
                "origin any=* [explicit] board/extensions.py:14",
                "room board-{board}=broadcast [explicit] board/events.py:20",
                "room board-{board}=join [explicit] board/events.py:25",
                "room user-{id}=join [explicit] board/events.py:12",
                "room {socketId}=broadcast [explicit] board/events.py:27",
                "serialization json=socket.io default parser [default] board/extensions.py:12",
                "setting path=/socket.io [default] board/extensions.py:12",
                "setting payload.max=1000000 [default] board/extensions.py:12",
                "setting ping.interval=25000 [default] board/extensions.py:12",
                "setting ping.timeout=20000 [default] board/extensions.py:12",
                "transport polling=fallback [default] board/extensions.py:12",
                "transport websocket=primary [default] board/extensions.py:12");
    }

    @Test
    void namespaceClassesTransportsMountAndNoAuth() {
        ScanLines.write(tmp, Map.of("main.py", """
                import socketio
                from fastapi import FastAPI

                sio = socketio.AsyncServer(async_mode="asgi", transports=["websocket"], ping_timeout=(30),
                                           cors_allowed_origins=[], serializer="msgpack")
                api = FastAPI()
                api.mount("/ws", socketio.ASGIApp(sio))

                class Game(socketio.AsyncNamespace):
                    async def on_connect(self, sid, environ):
                        pass

                    async def on_move(self, sid, data):
                        await self.emit("moved", data, room=data["game"])

                sio.register_namespace(Game("/game"))
                """));
        assertThat(scan(tmp)).containsExactly(
                "auth none=none [inferred] main.py:4",
                "event move=in [explicit] main.py:13",
                "event moved=out [explicit] main.py:14",
                "library python-socketio=unknown [explicit] main.py:1",
                "namespace /game= [explicit] main.py:16",
                "origin any= [explicit] main.py:5",
                "room {game}=broadcast [explicit] main.py:14",
                "serialization msgpack=serializer='msgpack' [explicit] main.py:5",
                "setting path=/ws/socket.io [explicit] main.py:7",
                "setting payload.max=1000000 [default] main.py:4",
                "setting ping.interval=25000 [default] main.py:4",
                "setting ping.timeout=30000 [explicit] main.py:4",
                "transport websocket=primary [explicit] main.py:4");
    }

    @Test
    void nothingWithoutSocketIo() {
        ScanLines.write(tmp, Map.of("app.py", """
                class Bus:
                    def emit(self, name, data):
                        pass
                bus = Bus()
                bus.emit("created", {})
                def join_room(x):
                    return x
                """));
        assertThat(scan(tmp)).isEmpty();
    }
}
