; app.get("/health", handler), router.all(...), fastify.head(...), app.use("/healthz", mw)
(call_expression
  function: (member_expression
    object: (_) @recv
    property: (property_identifier) @method)
  arguments: (arguments . (_) @path) @args
  (#any-of? @method "get" "all" "head" "use" "options")) @route

; fastify / hapi: server.route({ method: "GET", url: "/health", handler })
(call_expression
  function: (member_expression
    property: (property_identifier) @method)
  arguments: (arguments . (object) @opts)
  (#eq? @method "route")) @route.object

; raw node:http: if (req.url === "/health"), url.pathname == "/healthz"
(binary_expression
  left: (_) @left
  operator: ["===" "=="]
  right: (_) @right) @compare

; req.url.startsWith("/health")
(call_expression
  function: (member_expression
    object: (_) @left
    property: (property_identifier) @method)
  arguments: (arguments . (_) @right)
  (#eq? @method "startsWith")) @starts

; switch (req.url) { case "/health": ... }
(switch_statement
  value: (_) @switch.value
  body: (switch_body
    (switch_case
      value: (_) @right) @case))

; NestJS: @Controller("health"), @Get("ready")
(decorator
  (call_expression
    function: (identifier) @deco
    arguments: (arguments) @deco.args)) @decorator

; NestJS: app.setGlobalPrefix("api", { exclude: [...] })
(call_expression
  function: (member_expression
    property: (property_identifier) @method)
  arguments: (arguments . (_) @prefix) @prefix.args
  (#eq? @method "setGlobalPrefix")) @global.prefix
