/**
 * Infrastructure detectors: what a WebSocket engineer must remember about the proxies, orchestrators, process
 * managers and brokers around the application. Each sub-package reads one kind of file as text (nginx, HAProxy,
 * Traefik, Kubernetes and Helm, docker-compose, dotenv, Terraform, CloudFormation) or, for Node process counts,
 * through the tree-sitter facade. This package holds what they share: YAML and JSON with line numbers
 * ({@link io.wsmemory.detectors.infra.StructuredText}, {@link io.wsmemory.detectors.infra.YNode}), durations,
 * image classification, broker variables and redaction.
 *
 * <p>Fact conventions (spec/facts.md, with the choices the spec leaves open):
 * <ul>
 *   <li>{@code sticky ip_hash | hash | cookie | session-affinity}: the value names the syntax and where it sits
 *       ({@code nginx 'ip_hash' in upstream chat}, {@code HAProxy 'cookie io prefix indirect nocache' on backend
 *       bk_socket}, {@code Kubernetes Service sessionAffinity: ClientIP}, {@code Traefik docker label
 *       loadbalancer.sticky.cookie=true (name io)}); {@code attrs.lb} the balancer ({@code nginx}, {@code haproxy},
 *       {@code traefik}, {@code ingress-nginx}, {@code kubernetes-service}, {@code aws-alb}, {@code aws-nlb},
 *       {@code gce}, {@code istio}), {@code attrs.cookie} the cookie name, {@code attrs.timeout} an affinity timeout
 *       in ms. Client-IP hashing (HAProxy {@code balance source}, {@code stick on src}, AWS {@code source_ip},
 *       Istio {@code useSourceIp}) is {@code ip_hash}; Kubernetes and Google {@code CLIENT_IP} affinity is
 *       {@code session-affinity}, their own name for it; every Traefik, cloud and ingress cookie is
 *       {@code cookie}; hashing on anything else ({@code hash $request_uri}, {@code balance url_param},
 *       {@code upstream-hash-by}) is {@code hash}, with {@code attrs.hashKey}.</li>
 *   <li>{@code setting idle.timeout} (ms, {@code attrs.role: proxy}): the timeouts that close an idle WebSocket at
 *       the proxy, {@code attrs.context} naming the directive ({@code nginx proxy_read_timeout},
 *       {@code haproxy timeout tunnel}, {@code ingress-nginx proxy-read-timeout}, {@code aws alb idle_timeout}).
 *       HAProxy's client/server timeouts count only where no {@code timeout tunnel} exists. Where a WebSocket
 *       location or an application load balancer sets nothing, the product's default (nginx and AWS: 60 s) is a
 *       {@code source: default} fact.</li>
 *   <li>{@code setting path} with {@code attrs.role: proxy}: an nginx location that proxies WebSockets;
 *       {@code attrs.upgrade} is {@code true} (Upgrade and Connection headers in force), {@code partial} or
 *       {@code false} (a WebSocket-looking path without them, confidence low), for findings to flag.</li>
 *   <li>{@code capacity replicas | autoscale.min | autoscale.max | autoscale.target}: {@code attrs.service} names
 *       the workload (Deployment name, compose service, HPA scale target, pm2 app), {@code attrs.platform} where it
 *       runs. Third-party images (Redis, Traefik, databases, operators) and system namespaces are not the
 *       application's capacity and give no capacity fact. Node processes are replicas too: pm2 {@code instances}
 *       and {@code cluster.fork()} loops, {@code cpus} for one per CPU. An autoscale target's value is the number
 *       as written, {@code attrs.metric} and {@code attrs.targetType} say of what.</li>
 *   <li>{@code broker redis | nats | rabbitmq | kafka | activemq}: {@code host:port} as other services reach it
 *       (compose service name and container port, Kubernetes Service and port, a variable's URL without its
 *       credentials), empty when the address depends on deployment (a Helm dependency, a workload without a
 *       Service). Always confidence medium or low: a Redis may serve only an adapter (tolerated by the ruling) or
 *       a cache; variables and Services named for a cache or a session store are left out.</li>
 *   <li>{@code health PATH}: HTTP probes of manifests, the value says which ({@code liveness}, {@code readiness},
 *       {@code startup}, {@code healthcheck}, {@code haproxy httpchk}).</li>
 * </ul>
 *
 * <p>Rules every detector here follows: evidence is the line that states the value (for a value that came through
 * values.yaml, a variable or a parameter, that line first and the reference second, confidence medium); snippets
 * and values never carry credentials ({@link io.wsmemory.detectors.infra.Redact}); a file that does not parse gives
 * what was read before the error and never fails the scan; templates ({@code .env.example}, Helm templates' other
 * values files) are not configuration; includes are not followed.
 */
package io.wsmemory.detectors.infra;
