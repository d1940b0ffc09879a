; STOMP clients in JavaScript: constructions, calls on clients, settings assigned after construction.

; new StompJs.Client({...}), new Client({...}), new SockJS(url)
(new_expression
  constructor: (_) @ctor
  arguments: (arguments)? @args) @new

; Stomp.over(ws), Stomp.client(url), client.subscribe(...), client.publish(...), client.send(...), client.connect(...)
(call_expression
  function: (member_expression
    object: (_) @recv
    property: (property_identifier) @method)
  arguments: (arguments) @args
  (#any-of? @method "over" "client" "subscribe" "publish" "send" "connect")) @call

; client.reconnectDelay = 0; client.heartbeat.outgoing = 20000; client.brokerURL = "ws://..."
(assignment_expression
  left: (member_expression
    object: (_) @obj
    property: (property_identifier) @prop)
  right: (_) @value
  (#any-of? @prop "reconnectDelay" "heartbeatIncoming" "heartbeatOutgoing" "outgoing" "incoming" "brokerURL"
    "webSocketFactory" "connectHeaders")) @assign
