; Message brokers used from Go: go-redis, redigo and nats.go clients, publishes and subscriptions.
(call_expression
  function: (selector_expression operand: (_) @bus.recv field: (field_identifier) @bus.method)
  arguments: (argument_list) @bus.args
  (#any-of? @bus.method "Publish" "Subscribe" "PSubscribe" "SSubscribe" "SPublish" "QueueSubscribe"
    "ChanSubscribe" "QueueSubscribeSync" "SubscribeSync" "ChanQueueSubscribe" "PublishMsg" "Do"
    "Connect" "NewClient" "NewClusterClient" "NewFailoverClient" "NewUniversalClient" "ParseURL")) @bus
