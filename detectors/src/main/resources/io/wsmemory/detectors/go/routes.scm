; HTTP route registrations: mux.HandleFunc("/ws", h), r.GET("/ws", mw, h), router.Handle("GET", "/ws", h).
(call_expression
  function: (selector_expression operand: (_) @route.recv field: (field_identifier) @route.method)
  arguments: (argument_list)
  (#any-of? @route.method "HandleFunc" "Handle" "GET" "Get" "Any" "HandlerFunc" "Handler" "Match" "Add"
    "Websocket" "WebSocket")) @route
