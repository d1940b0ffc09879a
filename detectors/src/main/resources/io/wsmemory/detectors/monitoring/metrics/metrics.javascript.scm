; prom-client: new client.Counter({ name, help, labelNames }), new Gauge({...}); which import the constructor comes
; from is decided in JsMetrics.
(new_expression
  constructor: (_) @ctor
  arguments: (arguments . (_) @opts)) @new

; @willsoto/nestjs-prometheus: makeCounterProvider({ name, help })
(call_expression
  function: (identifier) @fn
  arguments: (arguments . (_) @opts)
  (#match? @fn "^make(Counter|Gauge|Histogram|Summary)Provider$")) @provider
