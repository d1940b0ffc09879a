; TypeScript declarations that describe payloads and name constants (TypeScript and TSX grammars only).
(type_alias_declaration name: (type_identifier) @type.name) @type
(interface_declaration name: (type_identifier) @type.name) @type
(enum_declaration name: (identifier) @enum.name) @enum
