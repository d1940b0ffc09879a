; prometheus_client: Counter("name", "help", labels), prometheus_client.Gauge(name=..., documentation=...), and
; aliases (from prometheus_client import Counter as C); PyMetrics checks what the callee was imported as.
(call
  function: [(identifier) (attribute)] @fn
  arguments: (argument_list) @args) @call
