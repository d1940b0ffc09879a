; Flask / FastAPI / Sanic / Quart: @app.get("/health"), @bp.route("/healthz"), @router.get("/ready")
(decorator
  (call
    function: (attribute
      object: (_) @recv
      attribute: (identifier) @method)
    arguments: (argument_list) @args)) @decorator

; Django path("health/", view), re_path(r"^healthz$", view); aiohttp app.router.add_get("/health", h),
; web.get("/health", h); Starlette Route("/health", endpoint); Flask add_url_rule; FastAPI add_api_route
(call
  function: [(identifier) (attribute)] @fn
  arguments: (argument_list) @args
  (#match? @fn "(^|\\.)(path|re_path|url|add_get|add_head|add_route|add_api_route|add_url_rule|get|head|route|Route)$")) @call
