; The package-level bindings of a Go file that value resolution follows.
(package_clause (package_identifier) @package)
(import_spec path: (interpreted_string_literal) @import.path) @import
(source_file (const_declaration) @const)
(source_file (var_declaration) @var)
(source_file (function_declaration name: (identifier) @fn.name) @fn)
(source_file (method_declaration name: (field_identifier) @method.name) @method)
(source_file (type_declaration (type_spec name: (type_identifier) @type.name) @type))
(source_file (type_declaration (type_alias name: (type_identifier) @type.name) @type))
