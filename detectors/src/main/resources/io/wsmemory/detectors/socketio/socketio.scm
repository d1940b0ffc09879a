; Socket.IO API calls, located natively; SocketIoFileScan decides what each receiver is.

; socket.on("x", h), socket.emit("x", ...), io.to(room).emit(...), socket.join(room), io.use(mw), io.of("/ns") ...
(call_expression
  function: (member_expression
    object: (_) @receiver
    property: (property_identifier) @method)
  arguments: (arguments) @args
  (#any-of? @method "on" "once" "emit" "emitWithAck" "join" "leave" "use" "of" "adapter" "listen" "attach")) @method.call

; calls that may construct a server, a client, an adapter or a sticky master: io(url), require("socket.io")(srv),
; createAdapter(pub, sub), Server.listen(3000)
(call_expression
  function: [(identifier) (call_expression) (member_expression)] @callee
  arguments: (arguments) @args) @ctor.call

(new_expression
  constructor: (_) @callee
  arguments: (arguments)? @args) @ctor.new
