; Django Channels, located natively; ChannelsFileScan resolves names and values.

; ProtocolTypeRouter({"websocket": ...}): the ASGI application's protocol map
(call
  function: [(identifier) @router.fn (attribute attribute: (identifier) @router.fn)]
  (#eq? @router.fn "ProtocolTypeRouter")) @router

; channel-layer operations: layer.group_send(group, message), layer.group_add(group, channel), layer.send(...)
(call
  function: (attribute object: (_) @layer.receiver attribute: (identifier) @layer.op)
  arguments: (argument_list) @layer.args
  (#any-of? @layer.op "group_send" "group_add" "send")) @layer.call

; the same through async_to_sync(layer.group_send)(group, message)
(call
  function: (call
    function: [(identifier) (attribute)] @layer.wrap
    arguments: (argument_list (attribute object: (_) @layer.receiver attribute: (identifier) @layer.op)))
  arguments: (argument_list) @layer.args
  (#match? @layer.wrap "async_to_sync$")
  (#any-of? @layer.op "group_send" "group_add" "send")) @layer.call

; uvicorn.run(app, ws_ping_interval=...) and uvicorn.Config(...)
(call
  function: (attribute object: (identifier) @uvicorn.module attribute: (identifier) @uvicorn.fn)
  (#eq? @uvicorn.module "uvicorn")
  (#any-of? @uvicorn.fn "run" "Config")) @uvicorn
