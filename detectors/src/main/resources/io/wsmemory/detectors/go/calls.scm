; Every call under a node, with its callee split into operand and name.
(call_expression function: (selector_expression operand: (_) @call.operand field: (field_identifier) @call.name)) @call
(call_expression function: (identifier) @call.name) @call
