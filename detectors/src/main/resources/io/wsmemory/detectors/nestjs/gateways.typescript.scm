; Calls NestJS WebSocket code makes, located natively; NestFileScan decides what each receiver is.

; server.emit(...), client.join(room), server.use(mw), app.useWebSocketAdapter(adapter), app.listen(port)
(call_expression
  function: (member_expression
    object: (_) @receiver
    property: (property_identifier) @method)
  arguments: (arguments) @args
  (#any-of? @method "emit" "send" "join" "leave" "socketsJoin" "use" "useWebSocketAdapter" "listen")) @member.call

; this.gateway.notify(...): a method of an injected class, perhaps a gateway's send wrapper
(call_expression
  function: (member_expression
    object: (member_expression object: (this) property: (property_identifier) @field.name)
    property: (property_identifier) @field.method)
  arguments: (arguments) @args) @field.call

; this.notify(...): a method of the same class (or of its base class)
(call_expression
  function: (member_expression object: (this) property: (property_identifier) @self.method)
  arguments: (arguments) @args) @self.call

; await this.notify<T>(...): the grammar reads a typed call after await as a call of the awaited member
(call_expression
  function: (await_expression (member_expression object: (this) property: (property_identifier) @self.method))
  arguments: (arguments) @args) @self.call
(call_expression
  function: (await_expression (member_expression
    object: (member_expression object: (this) property: (property_identifier) @field.name)
    property: (property_identifier) @field.method))
  arguments: (arguments) @args) @field.call

; createAdapter(pubClient, subClient) and other factories of adapter packages
(call_expression
  function: (identifier) @callee
  arguments: (arguments) @args) @plain.call

; super.createIOServer(port, {...options, cors}) in an adapter class
(call_expression
  function: (member_expression object: (super) property: (property_identifier) @super.method)
  arguments: (arguments) @args) @super.call
