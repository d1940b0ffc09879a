; new Redis(...), new IORedis.Cluster([...])
(new_expression
  constructor: (_) @client.callee
  arguments: (arguments)? @client.args) @client

; createClient({ url }), redis.createClient()
(call_expression
  function: (_) @client.callee
  arguments: (arguments) @client.args
  (#match? @client.callee "(createClient|createCluster)$")) @client

; publisher.publish(channel, message), subscriber.subscribe(channel, ...), psubscribe(pattern)
(call_expression
  function: (member_expression
    property: (property_identifier) @pubsub.method)
  arguments: (arguments . (_) @pubsub.channel)
  (#any-of? @pubsub.method "publish" "subscribe" "psubscribe" "pSubscribe" "sSubscribe" "spublish")) @pubsub
