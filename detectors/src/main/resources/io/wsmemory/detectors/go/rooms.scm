; Hubs: struct fields, and the places a field of a hub is indexed (h.rooms[id]).
(field_declaration type: (map_type key: (_) @field.key value: (_) @field.value)) @field
(index_expression operand: (selector_expression field: (field_identifier) @index.field) index: (_) @index.key) @index
