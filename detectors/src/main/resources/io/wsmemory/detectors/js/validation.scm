; Calls that validate a payload against a schema: zod, joi, yup, superstruct, ajv
(call_expression
  function: (member_expression
    object: (_) @schema
    property: (property_identifier) @method)
  arguments: (arguments . (_) @first)
  (#any-of? @method "parse" "safeParse" "parseAsync" "safeParseAsync" "validate" "validateAsync" "validateSync"
    "isValid" "isValidSync" "assert" "create" "is")) @validation
