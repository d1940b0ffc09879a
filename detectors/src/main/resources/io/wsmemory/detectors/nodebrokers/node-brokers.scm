; connect(...), amqp.connect(url), nc.publish(subject, data), channel.assertExchange(name, ...)
(call_expression
  function: (_) @callee
  arguments: (arguments) @args) @call

; new Kafka({ brokers })
(new_expression
  constructor: (_) @callee
  arguments: (arguments)? @args) @call
