/**
 * Spring WebSocket, STOMP messaging and WebFlux WebSocket handlers, and the Java pieces every Java detector shares
 * ({@link io.wsmemory.detectors.spring.Opt}, {@link io.wsmemory.detectors.spring.JavaAuth},
 * {@link io.wsmemory.detectors.spring.JavaDispatch}, {@link io.wsmemory.detectors.spring.JavaChains},
 * {@link io.wsmemory.detectors.spring.SpringConfig}).
 *
 * <h2>Fact conventions where spec/facts.md is silent</h2>
 * <ul>
 *   <li>Library ids: {@code spring-websocket} (raw handlers, and under every STOMP endpoint), {@code spring-stomp}
 *       (from {@code @EnableWebSocketMessageBroker} or {@code WebSocketStompClient}; version of the nearest
 *       {@code spring-websocket}, {@code spring-boot} or {@code spring-messaging} library fact, since STOMP has no
 *       artifact of its own), {@code spring-webflux} (handlers mapped by {@code SimpleUrlHandlerMapping}).</li>
 *   <li>Destination prefixes ({@code enableSimpleBroker("/topic")}, {@code setApplicationDestinationPrefixes("/app")},
 *       an explicit user prefix) are {@code destination} facts with {@code attrs.prefix=true}.</li>
 *   <li>{@code @MessageMapping} joins the application prefix and class-level mappings ({@code .} with a dot path
 *       matcher); a return value without {@code @SendTo} goes to {@code /topic} + the mapping (Spring's default).
 *       {@code @SendToUser} and {@code convertAndSendToUser} destinations are written as the client subscribes to
 *       them, {@code /user/queue/x}. Unknown parts of a destination are {@code {name}} placeholders named after the
 *       variable or getter they come from; a destination with no known part is no fact.</li>
 *   <li>{@code setTimeToFirstMessage} (STOMP) and netty-socketio's {@code firstDataTimeout} are
 *       {@code setting connect.timeout} with {@code attrs.option}.</li>
 *   <li>Container limits ({@code ServletServerContainerFactoryBean}) carry {@code attrs.context=container}; the binary
 *       buffer is a second {@code payload.max} with {@code attrs.frame=binary}. Raw handlers without one get Tomcat's
 *       8192-byte default ({@code attrs.container=tomcat}, medium confidence).</li>
 *   <li>SockJS heart-beats are {@code setting ping.interval} with {@code attrs.transport=sockjs}.</li>
 *   <li>Endpoint paths under {@code server.servlet.context-path} (or {@code spring.webflux.base-path}) carry
 *       {@code attrs.contextPath}; values from a profile's configuration carry {@code attrs.profile}.</li>
 *   <li>Spring Security in front of the handshake: an endpoint its rules {@code permitAll} is {@code auth none}; an
 *       endpoint they require authentication for is {@code auth <jwt|basic|session-cookie|oauth2> upgrade-request}
 *       with {@code attrs.via=Spring Security} (medium confidence).</li>
 *   <li>Raw handlers' envelopes: {@code event} per discriminator value with {@code attrs.field}, and
 *       {@code envelope <field> discriminator}; a JSON message of one class with no discriminator is an event named
 *       after the class with {@code attrs.unnamed=true}.</li>
 *   <li>The Redis pub/sub an application publishes WebSocket traffic through ({@code RedisTemplate.convertAndSend},
 *       {@code ChannelTopic}) is {@code broker redis} with {@code attrs.channels}.</li>
 * </ul>
 */
package io.wsmemory.detectors.spring;
