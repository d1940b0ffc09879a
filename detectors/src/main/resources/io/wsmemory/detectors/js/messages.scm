; How a message handler reads its messages: JSON.parse, dispatch on a field (switch, comparisons, handler maps)
(call_expression
  function: (member_expression object: (identifier) @json property: (property_identifier) @parse)
  arguments: (arguments . (_) @parsed)
  (#eq? @json "JSON") (#eq? @parse "parse")) @json.parse

(switch_statement
  value: (parenthesized_expression (_) @switch.on)
  body: (switch_body) @switch.body) @switch

(binary_expression
  left: (_) @cmp.left
  operator: ["===" "=="]
  right: (_) @cmp.right) @cmp

(subscript_expression
  object: (_) @map.object
  index: (_) @map.index) @map

(member_expression
  object: (identifier) @field.object
  property: (property_identifier) @field.name) @field
