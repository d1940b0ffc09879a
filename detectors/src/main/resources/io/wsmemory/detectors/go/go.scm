; Library-independent Go shapes around a WebSocket connection.

; timers that pace pings: time.NewTicker(pingPeriod), time.Tick(d), case <-time.After(d) in a loop
(call_expression
  function: (selector_expression operand: (identifier) @tick.pkg field: (field_identifier) @tick.fn)
  arguments: (argument_list . (_) @tick.period)
  (#eq? @tick.pkg "time") (#any-of? @tick.fn "NewTicker" "Tick" "After")) @tick

; struct types, for envelopes and hubs
(type_spec name: (type_identifier) @struct.name type: (struct_type) @struct.body) @struct
