; Where Go code dispatches on, builds and moves messages.
(expression_switch_statement
  value: (selector_expression operand: (_) @switch.operand field: (field_identifier) @switch.field)) @switch
(binary_expression
  left: (selector_expression operand: (_) @cmp.operand field: (field_identifier) @cmp.field)
  operator: "==" right: (_) @cmp.value) @cmp
(index_expression
  operand: (_) @index.operand
  index: (selector_expression operand: (_) @index.msg field: (field_identifier) @index.field)) @index
(composite_literal type: (type_identifier) @lit.type body: (literal_value) @lit.body) @lit
(composite_literal type: (qualified_type name: (type_identifier) @lit.type) body: (literal_value) @lit.body) @lit
(composite_literal type: (generic_type type: (type_identifier) @lit.type) body: (literal_value) @lit.body) @lit
(assignment_statement
  left: (expression_list (selector_expression operand: (_) @set.operand field: (field_identifier) @set.field))
  right: (expression_list (_) @set.value)) @set
(send_statement channel: (_) @send.channel value: (_) @send.value) @send
(call_expression
  function: (selector_expression operand: (identifier) @json.pkg field: (field_identifier) @json.fn)
  (#any-of? @json.fn "Unmarshal" "Marshal" "MarshalIndent" "NewDecoder")) @json
(assignment_statement
  left: (expression_list (index_expression operand: (_) @iset.map index: (_) @iset.key))
  right: (expression_list (_) @iset.value)) @iset
