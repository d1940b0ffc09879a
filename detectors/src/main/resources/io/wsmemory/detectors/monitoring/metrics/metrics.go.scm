; Prometheus Go client: prometheus.NewCounter(prometheus.CounterOpts{...}), NewGaugeVec(...), promauto.NewHistogram,
; promauto.With(reg).NewSummaryVec, NewGaugeFunc(opts, f); the Opts type's package is checked in GoMetrics.
(call_expression
  function: (selector_expression
    field: (field_identifier) @fn)
  arguments: (argument_list
    .
    (composite_literal
      type: (qualified_type
        package: (package_identifier) @opts.pkg
        name: (type_identifier) @opts.type)
      body: (literal_value) @opts.body))
  (#match? @fn "^New(Counter|Gauge|Histogram|Summary)(Vec|Func)?$")) @call
