; python-socketio and Flask-SocketIO, located natively; PySocketIoFileScan decides what each receiver is.

; @sio.on("x"), @sio.event, @socketio.on("x", namespace="/chat"), @sio.event(namespace="/chat")
(decorated_definition
  (decorator
    [(attribute object: (_) @dec.receiver attribute: (identifier) @dec.method)
     (call
       function: (attribute object: (_) @dec.receiver attribute: (identifier) @dec.method)
       arguments: (argument_list) @dec.args)])
  definition: (function_definition name: (identifier) @handler.name) @handler
  (#any-of? @dec.method "on" "event")) @decorated

; calls on a receiver: sio.emit(...), sio.on("x", h), sio.enter_room(sid, room), self.emit(...), app.mount(...)
(call
  function: (attribute object: (_) @call.receiver attribute: (identifier) @call.method)
  arguments: (argument_list) @call.args
  (#any-of? @call.method "emit" "send" "call" "on" "enter_room" "leave_room" "close_room" "register_namespace"
    "on_namespace" "init_app" "connect" "mount")) @call

; Flask-SocketIO's functions: emit("x", data), join_room(room), leave_room(room), close_room(room)
(call
  function: (identifier) @fn.name
  arguments: (argument_list) @fn.args
  (#any-of? @fn.name "emit" "join_room" "leave_room" "close_room")) @fn.call

; constructions: servers, apps, clients and client managers
(call
  function: [(identifier) @ctor.name (attribute attribute: (identifier) @ctor.name)]
  arguments: (argument_list) @ctor.args
  (#any-of? @ctor.name "AsyncServer" "Server" "SocketIO" "ASGIApp" "WSGIApp" "AsyncClient" "Client"
    "AsyncRedisManager" "RedisManager" "KombuManager" "AsyncAioPikaManager" "KafkaManager" "ZmqManager")) @ctor
