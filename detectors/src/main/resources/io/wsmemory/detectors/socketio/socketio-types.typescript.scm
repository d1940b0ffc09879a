; TypeScript only: typed parameters ((socket: Socket) tells what a handler module receives)
(required_parameter
  pattern: (identifier) @param.name
  type: (type_annotation [(type_identifier) @param.type (generic_type name: (type_identifier) @param.type)])) @param
