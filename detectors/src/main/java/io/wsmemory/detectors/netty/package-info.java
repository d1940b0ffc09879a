/**
 * Netty's WebSocket codec. Conventions: {@code HttpObjectAggregator} and compression-handler sizes are not frame
 * limits and yield no fact; {@code IdleStateHandler} in a WebSocket pipeline gives {@code idle.timeout} (reader or
 * all idle) and {@code ping.interval} (writer idle), {@code attrs.option} naming which; a path's {@code attrs.tls} is
 * {@code true} or {@code conditional} when the pipeline adds an SslHandler; Netty clients are {@code client-type cli}
 * when they read standard input, else {@code server}; channel groups kept in a map by key are rooms.
 */
package io.wsmemory.detectors.netty;
