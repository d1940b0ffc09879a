; Every call of a Go file with the name it calls: f(...), pkg.F(...), x.m(...).
(call_expression function: (identifier) @callee) @call
(call_expression function: (selector_expression field: (field_identifier) @callee)) @call
