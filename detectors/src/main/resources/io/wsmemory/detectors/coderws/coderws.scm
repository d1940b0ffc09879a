; coder/websocket (nhooyr.io/websocket): Accept and Dial with their options, wsjson/wspb, connection methods.
(call_expression
  function: (selector_expression operand: (identifier) @pkg.alias field: (field_identifier) @pkg.fn)
  arguments: (argument_list) @pkg.args
  (#any-of? @pkg.fn "Accept" "Dial" "Read" "Write")) @pkg

(call_expression
  function: (selector_expression operand: (_) @conn.recv field: (field_identifier) @conn.method)
  arguments: (argument_list) @conn.args
  (#any-of? @conn.method "SetReadLimit" "Read" "Write" "Reader" "Writer" "Ping")) @conn
