; Raw WebSocket code: ws servers and clients, browser WebSockets, reconnecting wrappers.

; new WebSocketServer({...}), new WebSocket.Server(...), new WebSocket(url), new ReconnectingWebSocket(url, ...)
(new_expression
  constructor: (_) @ctor
  arguments: (arguments)? @args) @new

; wss.on("connection", h), ws.on("message", h), server.on("upgrade", h), ws.send(x), ws.addEventListener("message", h),
; wss.handleUpgrade(...), ws.ping(), wss.clients.forEach(c => ...)
(call_expression
  function: (member_expression
    object: (_) @receiver
    property: (property_identifier) @method)
  arguments: (arguments) @args
  (#any-of? @method "on" "once" "addEventListener" "send" "handleUpgrade" "ping" "forEach")) @call

; ws.onmessage = h, ws.onclose = h, ws.binaryType = "arraybuffer"
(assignment_expression
  left: (member_expression
    object: (_) @target
    property: (property_identifier) @prop)
  right: (_) @value
  (#any-of? @prop "onmessage" "onclose" "onopen" "binaryType")) @assign

; setInterval(() => { ... ws.ping() ... }, 30000)
(call_expression
  function: (identifier) @timer
  arguments: (arguments . (_) @timer.fn . (_) @timer.delay)
  (#eq? @timer "setInterval")) @interval

; send("joined", data): calls of a file's own functions, for send wrappers
(call_expression
  function: (identifier) @plain.fn
  arguments: (arguments) @plain.args) @plain

; for (const client of wss.clients) { client.send(...) }
(for_in_statement
  left: (_) @loop.var
  right: (_) @loop.over) @loop
