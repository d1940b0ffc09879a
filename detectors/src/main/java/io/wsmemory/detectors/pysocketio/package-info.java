/**
 * Socket.IO in Python: python-socketio (servers, clients, namespaces, client managers) and Flask-SocketIO.
 *
 * <p>Fact conventions where spec/facts.md is silent (named in issue 6's closing note):
 * <ul>
 *   <li>A client manager given to the server ({@code AsyncRedisManager}, {@code KombuManager}, ...) or
 *       Flask-SocketIO's {@code message_queue} is the {@code adapter} (value = the class, or
 *       {@code flask-socketio message_queue}) with a {@code broker} at its URL; a {@code write_only=True} manager
 *       emitting from another process is a {@code broker} only ({@code attrs.write_only}), and its emits are
 *       {@code out} events.</li>
 *   <li>A connect handler that reads a credential and refuses the connection ({@code ConnectionRefusedError},
 *       {@code return False}) is {@code auth} with phase {@code handshake-middleware}; its carrier is the auth
 *       payload, a header, the query string or a cookie (Flask-Login's {@code current_user} is
 *       {@code session-cookie}).</li>
 *   <li>Without {@code cors_allowed_origins} the origin is {@code same-origin} (python-engineio's default); an
 *       empty list disables the check ({@code any}).</li>
 *   <li>The endpoint's {@code setting path} comes from {@code ASGIApp(socketio_path=...)} under the prefix it is
 *       mounted at; handlers of a namespace class registered in another module keep no namespace.</li>
 *   <li>{@code emit(..., to=sid)} to the handler's own {@code sid} (or Flask's {@code request.sid}) is the room
 *       {@code {socketId}}.</li>
 * </ul>
 */
package io.wsmemory.detectors.pysocketio;
