/**
 * Jakarta / javax WebSocket (JSR-356). Conventions: without a {@code Configurator.checkOrigin} override the origin
 * is {@code any} (the container accepts every Origin); without {@code @OnMessage(maxMessageSize)} an endpoint exported
 * by Spring Boot ({@code ServerEndpointExporter}) gets Tomcat's 8192-byte buffer as its {@code payload.max} default;
 * {@code Map<String, Set<Session>>} kept per key are rooms.
 */
package io.wsmemory.detectors.jakarta;
