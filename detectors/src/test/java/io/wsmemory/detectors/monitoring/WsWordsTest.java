package io.wsmemory.detectors.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WsWordsTest {

    @Test
    void splitsIdentifiersAndSentences() {
        assertThat(WordList.words("wsActiveConnections")).containsExactly("ws", "active", "connections");
        assertThat(WordList.words("chat.ws.sessions")).containsExactly("chat", "ws", "sessions");
        assertThat(WordList.words("HTTPRequestLatency")).containsExactly("http", "request", "latency");
        assertThat(WordList.words("Open WebSocket connections")).containsExactly("open", "web", "socket",
                "connections");
        assertThat(WordList.words(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "websocket_connections_active ; false ; true",
        "ws_messages_total ; false ; true",
        "app_active_connections ; false ; true",
        "db_pool_connections ; false ; false",
        "http_requests_total ; true ; false",
        "http_request_latency_seconds ; true ; false",
        "gateway_events_emitted_total ; true ; true",
        "gateway_events_emitted_total ; false ; false",
        "process_cpu_seconds_total ; true ; false",
        "node_num_clients ; true ; true",
        "kafka_messages_consumed ; false ; false",
        "sessions_tracked_memory ; false ; true",
        "clients_memory_bytes ; true ; false",
        "decoded_frames ; false ; false"})
    void decidesRelevance(String name, boolean wsFile, boolean relevant) {
        assertThat(WsWords.relevant(wsFile, name)).as(name).isEqualTo(relevant);
    }

    @Test
    void mentionsWebSockets() {
        assertThat(WsWords.mentionsWebSocket("import { Server } from 'socket.io'")).isTrue();
        assertThat(WsWords.mentionsWebSocket("const url = 'wss://x'")).isTrue();
        assertThat(WsWords.mentionsWebSocket("the socks and stompers")).isFalse();
    }
}
