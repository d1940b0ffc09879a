; Classes of a TypeScript file: gateways, adapters, guards, services and DTOs; NestClasses reads their members.
(class_declaration name: (type_identifier) @class.name body: (class_body) @class.body) @class
(abstract_class_declaration name: (type_identifier) @class.name body: (class_body) @class.body) @class
