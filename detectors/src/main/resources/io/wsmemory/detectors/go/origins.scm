; Parts of an origin check: calls it makes, comparisons with the request's host, string literals, names it reads.
(call_expression) @call
(selector_expression operand: (_) @host.operand field: (field_identifier) @host.field (#eq? @host.field "Host")) @host
(interpreted_string_literal) @string
(raw_string_literal) @string
(argument_list (identifier) @id)
(binary_expression (identifier) @id)
(index_expression operand: (identifier) @id)
(range_clause right: (identifier) @id)
(range_clause right: (selector_expression) @id)
(index_expression operand: (selector_expression) @id)
