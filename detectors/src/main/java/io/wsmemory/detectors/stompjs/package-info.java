/**
 * STOMP clients in JavaScript and HTML. Library ids: {@code @stomp/stompjs}, {@code stompjs} (stomp.js 2.x and its
 * WebJar {@code stomp-websocket}), {@code webstomp-client}, {@code sockjs-client}; a {@code <script src>} gives the
 * version in its URL. Subscriptions are events {@code out} and publications {@code in} (the server's view), with
 * {@code attrs.role=client}; credentials in CONNECT headers are client-side {@code auth ... stomp-connect} facts only
 * when nothing on the server side reports auth.
 */
package io.wsmemory.detectors.stompjs;
