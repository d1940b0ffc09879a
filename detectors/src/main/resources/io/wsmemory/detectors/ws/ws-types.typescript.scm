; TypeScript only: parameters typed with ws's WebSocket class ((ws: WebSocket, body) => ws.send(...))
(required_parameter
  pattern: (identifier) @param.name
  type: (type_annotation [(type_identifier) @param.type (generic_type name: (type_identifier) @param.type)])) @param
