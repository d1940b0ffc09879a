package io.wsmemory.detectors.spring;

import io.wsmemory.core.api.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one Java file says about Spring WebSocket and STOMP, as plain data (syntax trees are released once a file is
 * read): endpoint registrations, broker configuration, transport limits, message mappings, template sends, auth
 * hooks, raw handlers' protocols. Facts are made when the scan finishes, once prefixes, the servlet context path and
 * versions from other files are known.
 */
final class SpringFindings {

    enum EndpointKind { STOMP, HANDLER, WEBFLUX }

    /** {@code registry.addEndpoint("/ws")...} or {@code registry.addHandler(h, "/ws")...}. */
    record Endpoint(EndpointKind kind, List<Opt> paths, Evidence at, List<Opt> origins, boolean patterns,
                    Evidence sockJs, List<Opt> sockJsOptions, List<String> interceptors, Evidence interceptorsAt,
                    String handshakeHandler, String handler) {
    }

    /** A broker: {@code enableSimpleBroker} or {@code enableStompBrokerRelay}, with its chain's options. */
    record Broker(boolean relay, List<Opt> prefixes, Evidence at, Map<String, Opt> options, boolean scheduler) {
    }

    /** A setting written in code: {@code configureWebSocketTransport}, a container bean. */
    record Setting(String key, Opt value, String context) {
    }

    /** {@code @MessageMapping}, {@code @SubscribeMapping} or {@code @MessageExceptionHandler} on a method. */
    record Mapping(String kind, List<String> classPaths, List<String> paths, Evidence at, List<String> sendTo,
                   Evidence sendToAt,
                   List<String> sendToUser, Evidence sendToUserAt, String inPayload, String outPayload,
                   String validation, String required, boolean returnsValue, String description) {
    }

    /** {@code template.convertAndSend(dest, payload)} and {@code convertAndSendToUser(user, dest, payload)}. */
    record Send(String destination, boolean toUser, Evidence at, String payload, String direction, boolean client) {
    }

    /** An auth hook: mechanism, phase, carrier. */
    record Auth(String mechanism, String phase, String carrier, Evidence at, String via) {
    }

    /** A raw WebSocket handler's protocol: events by discriminator, serialization. */
    record RawEvent(String name, String field, boolean outbound, Evidence at, String payload, String code) {
    }

    record Room(String pattern, String action, Evidence at) {
    }

    record Serialization(String key, String value, Evidence at, boolean explicit) {
    }

    record LibraryUse(String id, String role, Evidence at) {
    }

    /** An HTTP authorization rule of Spring Security, in declaration order: patterns and the access they get. */
    record SecurityRule(List<String> patterns, String access, Evidence at) {
    }

    /** A redis/kafka/rabbitmq channel the application publishes to or listens on itself. */
    record BrokerUse(String key, String channel, Evidence at, boolean publish) {
    }

    final String path;
    final List<Endpoint> endpoints = new ArrayList<>();
    final List<Broker> brokers = new ArrayList<>();
    final List<Opt> appPrefixes = new ArrayList<>();
    Evidence appPrefixesAt;
    Opt userPrefix;
    final List<Setting> settings = new ArrayList<>();
    final List<Mapping> mappings = new ArrayList<>();
    final List<Send> sends = new ArrayList<>();
    final List<Auth> auths = new ArrayList<>();
    final List<RawEvent> rawEvents = new ArrayList<>();
    final List<Room> rooms = new ArrayList<>();
    final List<Serialization> serializations = new ArrayList<>();
    final List<LibraryUse> libraries = new ArrayList<>();
    final List<BrokerUse> brokerUses = new ArrayList<>();
    /** {@code @EnableWebSocketMessageBroker}, {@code @EnableWebSocket}: where the stack is switched on. */
    Evidence stompEnabled;
    Evidence webSocketEnabled;
    Evidence transportConfigured;
    /** Spring Security's messaging configuration or web security: the app is not unauthenticated. */
    Evidence security;
    /** The HTTP security chain's rules and how it authenticates ({@code jwt}, {@code basic}, {@code session-cookie}). */
    final List<SecurityRule> securityRules = new ArrayList<>();
    String securityMechanism;
    /** A path matcher with "." separators ({@code new AntPathMatcher(".")}): mappings join with dots. */
    boolean dotSeparator;
    /** The file uses RSocket: its {@code @MessageMapping}s are RSocket routes, not STOMP destinations. */
    boolean rsocket;
    boolean test;

    SpringFindings(String path) {
        this.path = path;
        this.test = path.contains("/test/") || path.startsWith("test/") || path.contains("/it/");
    }

    boolean isEmpty() {
        return endpoints.isEmpty() && brokers.isEmpty() && appPrefixes.isEmpty() && userPrefix == null
                && settings.isEmpty() && mappings.isEmpty() && sends.isEmpty() && auths.isEmpty()
                && rawEvents.isEmpty() && rooms.isEmpty() && serializations.isEmpty() && libraries.isEmpty() && brokerUses.isEmpty()
                && stompEnabled == null && webSocketEnabled == null && security == null && !dotSeparator;
    }
}
