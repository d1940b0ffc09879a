; cluster.fork() and worker-spawning calls: the object is checked to be Node's cluster module by the detector
(call_expression
  function: (member_expression
    object: (_) @fork.object
    property: (property_identifier) @fork.method (#eq? @fork.method "fork"))) @fork.call
