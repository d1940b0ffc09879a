package io.wsmemory.detectors.infra.traefik;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.infra.InfraEvidence;
import io.wsmemory.detectors.infra.YNode;
import io.wsmemory.detectors.infra.Yamls;
import io.wsmemory.detectors.infra.compose.ComposeDetector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traefik sticky sessions, all reported as {@code sticky cookie} (the ruling): Docker labels in compose files
 * ({@code traefik.http.services.S.loadbalancer.sticky.cookie=true}, any {@code sticky.cookie.*} option, Traefik 1's
 * {@code loadbalancer.sticky}/{@code stickiness}), Kubernetes {@code IngressRoute} and {@code TraefikService}
 * resources, Service and Ingress annotations ({@code traefik.ingress.kubernetes.io/service.sticky.cookie}), and the
 * file provider's dynamic configuration in YAML or TOML ({@code http.services.S.loadBalancer.sticky.cookie}).
 * Values name the syntax ({@code Traefik docker label loadbalancer.sticky.cookie=true (name io)}); attrs
 * {@code lb=traefik}, {@code cookie} (when named), {@code service}.
 */
public final class TraefikDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("infra-traefik",
            "Traefik sticky cookies: Docker labels, IngressRoute and TraefikService resources, annotations, file "
                    + "provider configuration (YAML, TOML)",
            Set.of(), List.of("sticky", "stickiness"));

    /** traefik.http.services.NAME.loadbalancer.sticky.cookie[.OPTION] (v2/v3) and v1's backend stickiness. */
    private static final Pattern LABEL = Pattern.compile(
            "(?i)^traefik\\.(?:http\\.services\\.([^.]+)\\.)?(?:([^.]+)\\.)?(?:backend\\.)?(loadbalancer\\.(sticky|stickiness)"
                    + "(?:\\.cookie)?(?:\\.([a-z_]+))?)$");

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(SourceFile file) {
        String n = InfraEvidence.lowerName(file);
        return (InfraEvidence.isYaml(file) || n.endsWith(".toml")) && file.containsAny(DESCRIPTOR.keywords());
    }

    @Override
    public void detect(ParsedFile parsed, DetectionContext ctx) {
        SourceFile file = parsed.file();
        if (InfraEvidence.lowerName(file).endsWith(".toml")) {
            toml(file, ctx);
            return;
        }
        boolean compose = ComposeDetector.isComposeFile(file);
        for (YNode doc : Yamls.of(parsed).documents()) {
            if (compose && doc.at("services") instanceof YNode.Map services) {
                for (YNode.Entry e : services.entries()) {
                    labels(file, ctx, e.key(), e.value().at("labels"));
                    labels(file, ctx, e.key(), e.value().at("deploy", "labels"));
                }
                continue;
            }
            String kind = doc.text("kind");
            if (kind != null) {
                kubernetes(file, ctx, doc, kind);
            } else if (doc.at("http", "services") instanceof YNode.Map services) {
                for (YNode.Entry e : services.entries()) {
                    YNode lb = e.value() instanceof YNode.Map m ? m.entryIgnoreCase("loadBalancer") == null ? null
                            : m.entryIgnoreCase("loadBalancer").value() : null;
                    if (lb instanceof YNode.Map lbm && lbm.entryIgnoreCase("sticky") != null
                            && lbm.entryIgnoreCase("sticky").value() instanceof YNode.Map sticky
                            && sticky.entryIgnoreCase("cookie") != null) {
                        String cookie = cookieName(sticky.entryIgnoreCase("cookie").value());
                        emit(ctx, file, lbm.entryIgnoreCase("sticky").keyLine(), "Traefik file provider http.services."
                                + e.key() + ".loadBalancer.sticky.cookie" + named(cookie), cookie, e.key(), null);
                    }
                }
            }
        }
    }

    private static String named(String cookie) {
        return cookie == null ? "" : " (name " + cookie + ")";
    }

    private static String cookieName(YNode cookie) {
        if (cookie instanceof YNode.Map m && m.entryIgnoreCase("name") != null
                && m.entryIgnoreCase("name").value() instanceof YNode.Scalar s) {
            return s.value();
        }
        return null;
    }

    private static void emit(DetectionContext ctx, SourceFile file, int line, String value, String cookie,
                             String service, String container) {
        ctx.emit(Fact.of(Kinds.STICKY, "cookie").value(value).evidence(InfraEvidence.at(file, line))
                .attr("lb", "traefik").attr("cookie", cookie).attr("service", service).attr("container", container)
                .build());
    }

    private record Label(String key, String value, int line) {
    }

    /** A compose service's labels, as a list of KEY=VALUE or a map. */
    private static void labels(SourceFile file, DetectionContext ctx, String container, YNode labels) {
        List<Label> all = new ArrayList<>();
        if (labels instanceof YNode.Seq q) {
            for (YNode i : q.items()) {
                if (i instanceof YNode.Scalar s && s.value() != null) {
                    int eq = s.value().indexOf('=');
                    all.add(eq < 0 ? new Label(s.value().strip(), "", s.line())
                            : new Label(s.value().substring(0, eq).strip(), s.value().substring(eq + 1).strip(), s.line()));
                }
            }
        } else if (labels instanceof YNode.Map m) {
            for (YNode.Entry e : m.entries()) {
                String v = e.value() instanceof YNode.Scalar s && s.value() != null ? s.value() : "";
                all.add(new Label(e.key(), v, e.keyLine()));
            }
        }
        // per Traefik service: the first sticky label, the cookie name, and whether it is switched off
        Map<String, Label> first = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Boolean> off = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Label l : all) {
            Matcher m = LABEL.matcher(l.key());
            if (!m.matches()) {
                continue;
            }
            String service = m.group(1) != null ? m.group(1)
                    : m.group(2) != null && !m.group(2).equalsIgnoreCase("backend") ? m.group(2) : container;
            String option = m.group(5) == null ? null : m.group(5).toLowerCase(Locale.ROOT);
            boolean isSwitch = option == null || option.equals("cookie");
            if (isSwitch && l.value().equalsIgnoreCase("false")) {
                off.put(service, true);
            }
            if (option != null && (option.equals("name") || option.equals("cookiename"))) {
                names.put(service, l.value());
            }
            if (!first.containsKey(service)) {
                first.put(service, l);
                texts.put(service, m.group(3) + "=" + l.value());
            }
        }
        for (Map.Entry<String, Label> e : first.entrySet()) {
            if (off.getOrDefault(e.getKey(), false)) {
                continue;
            }
            String cookie = names.get(e.getKey());
            emit(ctx, file, e.getValue().line(), "Traefik docker label " + texts.get(e.getKey()) + named(cookie),
                    cookie, e.getKey(), container);
        }
    }

    private static void kubernetes(SourceFile file, DetectionContext ctx, YNode doc, String kind) {
        String api = doc.text("apiVersion");
        boolean traefikApi = api != null && api.startsWith("traefik.");
        if (kind.equals("IngressRoute") && traefikApi) {
            for (YNode route : doc.seq("spec", "routes")) {
                for (YNode svc : route.seq("services")) {
                    if (svc.at("sticky", "cookie") != null) {
                        String cookie = cookieName(svc.at("sticky", "cookie"));
                        emit(ctx, file, svc.keyLine("sticky"), "Traefik IngressRoute services[].sticky.cookie"
                                + named(cookie), cookie, svc.text("name"), null);
                    }
                }
            }
        } else if (kind.equals("TraefikService") && traefikApi) {
            YNode weighted = doc.at("spec", "weighted");
            if (weighted != null && weighted.at("sticky", "cookie") != null) {
                String cookie = cookieName(weighted.at("sticky", "cookie"));
                emit(ctx, file, weighted.keyLine("sticky"), "Traefik TraefikService weighted.sticky.cookie"
                        + named(cookie), cookie, doc.text("metadata", "name"), null);
            }
        }
        if (doc.at("metadata", "annotations") instanceof YNode.Map ann) {
            String name = doc.text("metadata", "name");
            YNode.Entry on = ann.entry("traefik.ingress.kubernetes.io/service.sticky.cookie");
            YNode.Entry affinity = ann.entry("traefik.ingress.kubernetes.io/affinity");
            YNode.Entry chosen = on != null ? on : affinity;
            if (chosen != null && chosen.value() instanceof YNode.Scalar s && s.isTrue()) {
                YNode.Entry n = on != null ? ann.entry("traefik.ingress.kubernetes.io/service.sticky.cookie.name")
                        : ann.entry("traefik.ingress.kubernetes.io/session-cookie-name");
                String cookie = n != null && n.value() instanceof YNode.Scalar c ? c.value() : null;
                String local = chosen.key().substring(chosen.key().indexOf('/') + 1);
                emit(ctx, file, chosen.keyLine(), "Traefik " + kind + " annotation " + local + ": true" + named(cookie),
                        cookie, name, null);
            }
        }
    }

    private static final Pattern TABLE = Pattern.compile("^\\s*\\[\\[?\\s*([^\\]]+?)\\s*\\]\\]?\\s*(#.*)?$");
    private static final Pattern KV = Pattern.compile("^\\s*([A-Za-z0-9_.\"-]+)\\s*=\\s*(.+?)\\s*(#.*)?$");

    /**
     * Traefik's TOML dynamic configuration, read line by line: a {@code [http.services.S.loadBalancer.sticky.cookie]}
     * table (v2) or {@code [backends.B.loadBalancer.stickiness]} (v1), with {@code name} / {@code cookieName} keys.
     */
    private static void toml(SourceFile file, DetectionContext ctx) {
        String table = "";
        int tableLine = 0;
        String pendingService = null;
        String pendingText = null;
        int pendingLine = 0;
        String cookie = null;
        int n = file.lineCount();
        for (int i = 1; i <= n + 1; i++) {
            String line = i <= n ? file.line(i) : "[end]";
            Matcher t = TABLE.matcher(line);
            if (t.matches()) {
                if (pendingText != null) {
                    emit(ctx, file, pendingLine, pendingText + named(cookie), cookie, pendingService, null);
                    pendingText = null;
                }
                table = t.group(1).replace("\"", "");
                tableLine = i;
                cookie = null;
                String lower = table.toLowerCase(Locale.ROOT);
                Matcher v2 = Pattern.compile("^http\\.services\\.([^.]+)\\.loadbalancer\\.sticky\\.cookie$").matcher(lower);
                Matcher v1 = Pattern.compile("^backends\\.([^.]+)\\.loadbalancer\\.stickiness$").matcher(lower);
                if (v2.matches() || v1.matches()) {
                    String[] parts = table.split("\\.");
                    pendingService = v2.matches() ? parts[2] : parts[1];
                    pendingText = "Traefik file provider " + table;
                    pendingLine = tableLine;
                }
                continue;
            }
            Matcher kv = KV.matcher(line);
            if (kv.matches() && pendingText != null) {
                String key = kv.group(1).replace("\"", "").toLowerCase(Locale.ROOT);
                if (key.equals("name") || key.equals("cookiename")) {
                    cookie = kv.group(2).replace("\"", "").replace("'", "");
                }
            }
        }
    }
}
