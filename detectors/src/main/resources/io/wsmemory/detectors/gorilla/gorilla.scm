; gorilla/websocket: Upgrader and Dialer constructions, their fields set later, connection methods, message types.

(composite_literal
  type: (qualified_type package: (package_identifier) @lit.pkg name: (type_identifier) @lit.type)
  body: (literal_value) @lit.body
  (#any-of? @lit.type "Upgrader" "Dialer")) @lit

(call_expression
  function: (identifier) @zero.new (#eq? @zero.new "new")
  arguments: (argument_list
    (qualified_type package: (package_identifier) @zero.pkg name: (type_identifier) @zero.type))
  (#any-of? @zero.type "Upgrader" "Dialer")) @zero

(var_spec
  name: (identifier) @zero.name
  type: (qualified_type package: (package_identifier) @zero.pkg name: (type_identifier) @zero.type)
  (#any-of? @zero.type "Upgrader" "Dialer")) @zero

(assignment_statement
  left: (expression_list (selector_expression operand: (_) @set.target field: (field_identifier) @set.field))
  right: (expression_list (_) @set.value)
  (#any-of? @set.field "CheckOrigin" "ReadBufferSize" "WriteBufferSize" "EnableCompression" "HandshakeTimeout")) @set

(call_expression
  function: (selector_expression operand: (_) @conn.recv field: (field_identifier) @conn.method)
  arguments: (argument_list) @conn.args
  (#any-of? @conn.method "Upgrade" "SetReadLimit" "SetReadDeadline" "SetWriteDeadline" "ReadJSON" "WriteJSON"
    "ReadMessage" "WriteMessage" "NextReader" "NextWriter" "WritePreparedMessage" "EnableWriteCompression"
    "Dial" "DialContext")) @conn
