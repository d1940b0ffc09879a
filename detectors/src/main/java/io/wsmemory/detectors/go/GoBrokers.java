package io.wsmemory.detectors.go;

/** go-redis and nats.go publish/subscribe: broker facts with channel and subject patterns. */
final class GoBrokers {

    private GoBrokers() {
    }

    static void scan(GoWsFileScan s) {
    }
}
