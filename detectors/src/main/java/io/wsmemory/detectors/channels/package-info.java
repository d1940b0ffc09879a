/**
 * Django Channels (2.x to 4.x), channels_redis, daphne and uvicorn.
 *
 * <p>Fact conventions where spec/facts.md is silent (named in issue 6's closing note):
 * <ul>
 *   <li>Each websocket route is a {@code setting path} (with {@code attrs.context} = the consumer class) and a
 *       {@code namespace} of the same path; regex groups and path converters become {@code {placeholders}}, the
 *       prefixes of nested {@code URLRouter}s included.</li>
 *   <li>{@code AuthMiddlewareStack} is {@code auth session-cookie} with phase {@code upgrade-request} and carrier
 *       {@code cookie} (shared/reference/libraries.md §6.1); a repository middleware that reads a credential from
 *       the scope is {@code jwt}, {@code api-key} or {@code token} at {@code upgrade-request}, its carriers
 *       comma-separated. No middleware and no credential check in {@code connect()} is {@code auth none}.</li>
 *   <li>Inbound events are the constants a consumer compares a field of the client's JSON with (comparisons,
 *       {@code match}, {@code getattr(self, f"handle_{type}")}, dicts of handlers, pydantic {@code Literal}
 *       fields); that field is an {@code envelope} discriminator. A field named like a type
 *       ({@code type}, {@code action}, {@code command}, ...) needs one constant, any other field two.</li>
 *   <li>A channel-layer message ({@code group_send(g, {"type": "chat.message"})}) is an {@code out} event only when
 *       the method it reaches ({@code chat_message}) sends to the client: named by the sent message's own string
 *       discriminator when it has one ({@code attrs.layer} keeps the layer type), else by the layer type, with a
 *       numeric discriminator's value in {@code attrs.code}.</li>
 *   <li>Replies with no discriminator that a consumer tells apart by their first key ({@code {"join": id}},
 *       {@code {"error": code}}) are {@code out} events named by that key (low confidence) when the key is also an
 *       inbound event or when there are at least two such keys.</li>
 *   <li>{@code CHANNEL_LAYERS}: channels_redis is {@code adapter redis} (value = backend, {@code attrs.pubsub} for
 *       the pub/sub layer) with {@code broker redis} at the configured hosts ({@code attrs.channels} = the group
 *       patterns); {@code capacity} is {@code setting send.queue} and {@code expiry} {@code setting send.timeLimit}
 *       (ms), both with {@code attrs.context: channel-layer}; {@code group_expiry} is {@code attrs.group_expiry} of
 *       the adapter. {@code InMemoryChannelLayer} is {@code finding WS-INMEMORY-LAYER} (single process).</li>
 *   <li>The server's heartbeat: daphne's or uvicorn's command-line options, and their defaults when a command line
 *       (or {@code manage.py runserver} with daphne in charge) shows which one runs the application; defaults carry
 *       the router's evidence first.</li>
 *   <li>Test files are not read: they exercise the application, they do not define it.</li>
 * </ul>
 */
package io.wsmemory.detectors.channels;
