/**
 * NestJS WebSocket gateways ({@code @nestjs/websockets}) on Socket.IO or ws.
 *
 * <p>Who reads what. Files that import {@code @nestjs/websockets}, {@code @nestjs/platform-socket.io} or
 * {@code @nestjs/platform-ws} belong to this detector alone (the Socket.IO and ws detectors skip them, see
 * {@link io.wsmemory.detectors.js.NestJsFiles}): decorators decide what their sockets and servers are. In other
 * files of a NestJS application it reads only what those detectors cannot: {@code this.gateway.server},
 * {@code this.gateway.sendX(...)}, fields typed as a Socket.IO or ws server, and sockets taken with
 * {@code context.switchToWs().getClient()}.
 *
 * <p>Where classes and constants come from. DTOs, guards, event classes, gateways injected into services and
 * constants named in decorators are followed across files: relative imports, the nearest {@code tsconfig.json}
 * ({@code baseUrl}, {@code paths}, {@code extends}), barrels ({@code export * from}) and the repository's own
 * workspace packages (a {@code package.json} name whose build entry {@code dist/index.js} stands for
 * {@code src/index.ts}).
 *
 * <p>Fact conventions.
 * <ul>
 *   <li>The platform: ws when the bootstrap installs {@code WsAdapter} (or an adapter class extending it), or when
 *       only {@code @nestjs/platform-ws} is declared; otherwise Socket.IO. Facts carry the underlying library
 *       ({@code socket.io} or {@code ws}) as their {@code library}; the NestJS packages themselves are the manifest
 *       reader's {@code library} facts.</li>
 *   <li>Settings: one set per {@code @WebSocketGateway}, evidence at the decorator, with the library's defaults for
 *       what it leaves out. The Socket.IO version behind the defaults is the declared {@code socket.io}, else the one
 *       the platform package ships ({@code @nestjs/platform-socket.io} 8+ → Socket.IO 4, 5–7 → Socket.IO 2; the
 *       {@code default} attribute names it, e.g. "Socket.IO 4.x via @nestjs/platform-socket.io ^10.3.0").
 *       Options a custom {@code IoAdapter} passes to {@code super.createIOServer} override the gateways'.
 *       A gateway without a port of its own gets the {@code setting port} of the bootstrap's {@code app.listen}
 *       (with a note). {@code namespace: 'chat'} is the namespace {@code /chat}; none is {@code /} (default).</li>
 *   <li>Origins: {@code cors.origin} as the Socket.IO detector reads it; {@code cors: true}, {@code '*'} or cors
 *       options without an origin are {@code origin any=*} (the cors package's default); Socket.IO 2 (Nest 7) has no
 *       cors option: {@code origins}, else {@code any=*:*}. On ws: {@code any} by default.</li>
 *   <li>Events: {@code @SubscribeMessage} is {@code in}; a returned {@code {event, data}} (WsResponse, also inside
 *       the Observable a handler returns), emits on the gateway's server, on sockets and through a gateway's send
 *       method named by its caller ({@code notify(userId, 'order:shipped', ...)}, {@code broadcast(client, rooms,
 *       new MessageSeenEvent(...))} with the event class's {@code eventName} getter) are {@code out}. The payload
 *       is the {@code @MessageBody()} parameter (the second parameter when no parameter is decorated), written
 *       {@code Dto {field: type, ...}} from the DTO class or interface; class-validator decorators give
 *       {@code attrs.validation} ({@code class-validator: {field: type Rule(args) ...}}) and {@code attrs.required}.
 *       A handler returning another value answers the client's acknowledgement: {@code attrs.ack=true}
 *       (Socket.IO only). Every event fact carries {@code attrs.framework=nestjs}, so the Socket.IO and ws detectors
 *       add no second fact for a client's use of the same name. Socket.IO's reserved names (including
 *       {@code message}) are left out on Socket.IO; on ws every {@code event} value is a message type. Lifecycle
 *       hooks ({@code afterInit}, {@code handleConnection}, {@code handleDisconnect}) are not events.</li>
 *   <li>ws platform: {@code envelope event=discriminator} and {@code envelope data=field}, {@code serialization
 *       json}, all {@code source: default} at the gateway; {@code client.send(JSON.stringify({event, data}))} is an
 *       {@code out} event.</li>
 *   <li>Auth: one fact per mechanism, its value the earliest phase that checks it: middleware set with
 *       {@code server.use} in {@code afterInit} or in an adapter is {@code handshake-middleware}; a
 *       {@code handleConnection} that reads a credential and disconnects (ws: closes) is {@code connection-handler};
 *       a guard ({@code @UseGuards}) is {@code per-message}, since Nest runs guards on every message, never on
 *       connect. {@code attrs.guard} names the guards, {@code attrs.phases} lists every phase when there are several.
 *       A guard the scan cannot open counts by its name ({@code ...Jwt...} is JWT). {@code auth none} only when no
 *       gateway check looks like authentication at all.</li>
 *   <li>Adapters: {@code createAdapter(...)} of a Socket.IO adapter package in an adapter or gateway file is the
 *       {@code adapter} fact, with {@code broker redis} when the Redis endpoint can be read.</li>
 * </ul>
 */
package io.wsmemory.detectors.nestjs;
