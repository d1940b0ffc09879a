/**
 * netty-socketio. Conventions: store factories are adapters ({@code redisson}, {@code hazelcast}); an authorization
 * listener reading the query or headers is {@code upgrade-request} auth, one reading the v4 auth payload
 * {@code handshake-middleware}, a connect listener that disconnects {@code connection-handler}; byte-array payloads
 * give {@code serialization binary}.
 */
package io.wsmemory.detectors.nettysocketio;
