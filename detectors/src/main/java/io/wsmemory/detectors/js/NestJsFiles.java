package io.wsmemory.detectors.js;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.resolve.js.JsFile;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Files that NestJS wires to a WebSocket library: gateways ({@code @nestjs/websockets}) and the platform adapters
 * ({@code @nestjs/platform-socket.io}, {@code @nestjs/platform-ws}). The NestJS detector reads them whole (decorators
 * decide what their sockets and servers are); the Socket.IO and ws detectors leave them to it, so one event seen
 * in a handler and in an emit is one fact with one direction.
 */
public final class NestJsFiles {

    /** The attribute the NestJS detector puts on its event facts. */
    public static final String FRAMEWORK = "framework";

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

    /**
     * The events the NestJS detector reported (it finishes first): the server's own account of them, which a
     * client's use of the same names repeats without adding a direction.
     */
    public static Set<String> serverEvents(RepoContext ctx) {
        Set<String> names = new HashSet<>();
        for (Fact f : ctx.facts()) {
            if (Kinds.EVENT.equals(f.kind()) && "nestjs".equals(f.attr(FRAMEWORK))) {
                names.add(f.key());
            }
        }
        return names;
    }
}
