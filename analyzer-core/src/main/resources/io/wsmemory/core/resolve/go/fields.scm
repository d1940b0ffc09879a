; Where a Go file sets a struct field by name: keyed elements of composite literals, assignments to x.f, and &x.f
; handed to a call (config loaders).
(keyed_element key: (literal_element (identifier) @key)) @kv
(assignment_statement left: (expression_list (selector_expression field: (field_identifier) @key))) @assign
(argument_list (unary_expression operator: "&" operand: (selector_expression field: (field_identifier) @key)) @ref)
