/**
 * What the Go WebSocket detectors ({@code gorilla}, {@code coderws}) share: reading a file around the
 * library's upgrade call (routes, authentication, origins, deadlines, ping timers, messages, hub rooms, brokers)
 * into plain {@link io.wsmemory.detectors.go.GoFindings}, and turning them into facts when the scan finishes.
 *
 * <h2>Conventions where spec/facts.md is silent</h2>
 * <ul>
 *   <li>{@code setting payload.max=unlimited} (source {@code default}): gorilla/websocket reads without a limit
 *       until {@code SetReadLimit}; {@code SetReadLimit(0)} / coder's {@code SetReadLimit(-1)} are also
 *       {@code unlimited}.</li>
 *   <li>{@code setting send.queue}: the buffer of the per-client outbound channel made where the connection is
 *       accepted ({@code make(chan []byte, 256)}), unit {@code messages}, confidence low.</li>
 *   <li>Heartbeats follow the rulings: {@code ping.interval} is the period of the timer whose case sends the
 *       ping, {@code ping.timeout} the read deadline renewed by the pong handler (coder: the context timeout
 *       around {@code Ping}), {@code write.timeout} the write deadline (coder: the context timeout around a
 *       write). A read deadline without a pong handler is {@code idle.timeout}.</li>
 *   <li>{@code auth} facts carry {@code attrs.carrier} ({@code query}, {@code header}, {@code cookie}); a
 *       credential read only after the upgrade (a session looked up in the handler) is phase
 *       {@code connection-handler}. {@code auth none} is said only when the route is found, nothing in front
 *       of it is middleware of the repository, and neither the handler nor its direct callees nor any message
 *       name speaks of credentials.</li>
 *   <li>An allow-list the code delegates to a function it cannot read is {@code origin allow-list} with value
 *       {@code custom function}; a check that also accepts the request's own host adds {@code origin
 *       same-origin} at that comparison.</li>
 *   <li>{@code event} and {@code envelope} facts name the Go struct in {@code attrs.type}; numeric
 *       discriminators are keyed by the constant's name with {@code attrs.code}; messages of a struct with no
 *       discriminator are keyed by the type name with {@code attrs.unnamed=true}. Validation rules come from
 *       {@code validate:"..."} and gin's {@code binding:"..."} tags of incoming payloads.</li>
 *   <li>Rooms of the hub pattern are {@code {placeholder}} patterns named after the key the code indexes the
 *       group map with; {@code broadcast} where the group is iterated to send, else {@code join}.</li>
 *   <li>{@code broker} facts are made only when the repository publishes or subscribes (a Redis client used
 *       as a cache is not a broker); {@code attrs.channels} lists the channel or subject patterns.</li>
 * </ul>
 */
package io.wsmemory.detectors.go;
