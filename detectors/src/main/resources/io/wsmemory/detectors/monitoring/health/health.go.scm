; net/http, gin, echo, chi, gorilla/mux, fiber routes: mux.HandleFunc("/healthz", h), r.GET("/health", h),
; g.Match([]string{"GET"}, "/health", h), r.Method("GET", "/health", h), r.Path("/health").HandlerFunc(h), and
; route groups v1 := r.Group("/api") whose prefix the routes inherit.
(call_expression
  function: (selector_expression
    operand: (_) @recv
    field: (field_identifier) @method)
  arguments: (argument_list) @args
  (#any-of? @method "HandleFunc" "Handle" "GET" "Get" "HEAD" "Head" "Any" "All" "Match" "Method" "MethodFunc"
    "Path" "Group")) @call
