package io.wsmemory.detectors.go;

/** Messages: envelopes, discriminators and events read and written on the connection. */
final class GoMessages {

    private GoMessages() {
    }

    static void scan(GoWsFileScan s) {
    }
}
