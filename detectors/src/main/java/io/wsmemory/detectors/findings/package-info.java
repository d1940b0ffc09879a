/**
 * Known issues read off the facts of a whole scan: {@code finding} facts keyed by a rule id ({@code WS-...}),
 * valued by severity, with {@code attrs.why} (one line) and {@code attrs.area} ({@code security},
 * {@code connection}, {@code scaling}) and the proving facts' places as evidence. See
 * {@link io.wsmemory.detectors.findings.KnownIssuesRule}.
 */
package io.wsmemory.detectors.findings;
