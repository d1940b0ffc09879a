; The bindings of a JavaScript or TypeScript file that value resolution follows.
(import_statement) @import
(variable_declarator name: (_) @decl.name) @decl
(function_declaration name: (identifier) @fn.name) @fn
(export_statement) @export
(expression_statement
  (assignment_expression left: (member_expression) @assign.left right: (_) @assign.right)) @assign
(call_expression
  function: (identifier) @require.fn (#eq? @require.fn "require")
  arguments: (arguments . (string) @require.source)) @require
