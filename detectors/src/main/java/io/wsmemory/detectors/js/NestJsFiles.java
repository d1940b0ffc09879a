package io.wsmemory.detectors.js;

import io.wsmemory.core.resolve.js.JsFile;
import java.util.List;

/**
 * Files that NestJS wires to a WebSocket library: gateways ({@code @nestjs/websockets}) and the platform adapters
 * ({@code @nestjs/platform-socket.io}, {@code @nestjs/platform-ws}). The NestJS detector reads them whole (decorators
 * decide what their sockets and servers are); the Socket.IO and ws detectors leave them to it, so one event seen
 * in a handler and in an emit is one fact with one direction.
 */
public final class NestJsFiles {

    public static final List<String> MODULES = List.of("@nestjs/websockets", "@nestjs/platform-socket.io",
            "@nestjs/platform-ws");

    private NestJsFiles() {
    }

    /** True when the file imports a NestJS WebSocket module. */
    public static boolean isNestWebSocketFile(JsFile js) {
        for (String m : MODULES) {
            if (js.importsModule(m)) {
                return true;
            }
        }
        return false;
    }
}
