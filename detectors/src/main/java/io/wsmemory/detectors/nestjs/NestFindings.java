package io.wsmemory.detectors.nestjs;

import io.wsmemory.core.api.Evidence;
import io.wsmemory.detectors.js.JsOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one file says about NestJS WebSockets, as plain data: trees are released once a file is read, and what
 * needs the whole repository (which platform runs the gateways, the versions behind the defaults, events seen in a
 * handler and in an emit) is settled when the scan finishes.
 */
final class NestFindings {

    /** The WebSocket library under the gateways. */
    enum Platform { SOCKET_IO, WS, UNKNOWN }

    /** A {@code @WebSocketGateway(port?, options?)} class. */
    record Gateway(String className, Evidence at, JsOption port, Map<String, JsOption> options, Platform hint) {
    }

    /**
     * An event handled ({@code out} false) or sent. {@code viaSend} marks a raw {@code client.send(...)} of a JSON
     * envelope (the ws platform's way), which on Socket.IO would be its reserved {@code message} event.
     */
    record Event(String name, boolean out, Evidence at, String payload, boolean ack, String description,
                 String validation, String required, boolean viaSend) {
    }

    record Room(String pattern, String action, Evidence at) {
    }

    /** An authentication check: {@code guard} names the guard class when one applies it. */
    record Auth(String mechanism, String phase, String carrier, List<Evidence> at, String guard) {
    }

    record Adapter(String key, String pkg, Evidence at, JsOption broker) {
    }

    /** {@code app.useWebSocketAdapter(...)} or an adapter class: which platform it puts under the gateways. */
    record AdapterUse(Platform platform, String name, Evidence at) {
    }

    record LibraryUse(String id, Evidence at) {
    }

    final String path;
    final List<Gateway> gateways = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Room> rooms = new ArrayList<>();
    final List<Auth> auths = new ArrayList<>();
    final List<Adapter> adapters = new ArrayList<>();
    final List<AdapterUse> adapterUses = new ArrayList<>();
    final List<LibraryUse> libraries = new ArrayList<>();
    /** Options a custom adapter passes when it creates the server ({@code super.createIOServer(port, {...})}). */
    final Map<String, JsOption> adapterOptions = new LinkedHashMap<>();
    /** The port the bootstrap's {@code app.listen(...)} opens: where gateways without a port of their own listen. */
    JsOption listenPort;
    /** A guard or hook that looks like authentication but whose credential could not be told. */
    Evidence unreadCheck;

    NestFindings(String path) {
        this.path = path;
    }

    boolean isEmpty() {
        return gateways.isEmpty() && events.isEmpty() && rooms.isEmpty() && auths.isEmpty() && adapters.isEmpty()
                && adapterUses.isEmpty() && libraries.isEmpty() && adapterOptions.isEmpty() && listenPort == null
                && unreadCheck == null;
    }
}
