package io.wsmemory.detectors.infra.k8s;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.RepoContext;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.core.source.UnreadableFileException;
import io.wsmemory.detectors.infra.InfraEvidence;
import io.wsmemory.detectors.infra.StructuredText;
import io.wsmemory.detectors.infra.YNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Helm chart templates ({@code CHART/templates/*.yaml} beside {@code CHART/Chart.yaml}), rendered with the chart's
 * own values.yaml by {@link HelmTemplate} and read like any manifest: {@code replicas: {{ .Values.replicaCount }}}
 * becomes {@code capacity replicas} with its evidence at the values.yaml line first and the template line second
 * (confidence medium: one level of indirection). Only the chart's default values are used; other values files
 * (values-prod.yaml) are deployment choices the scan cannot pick between.
 */
public final class HelmDetector implements Detector {

    private static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor("infra-helm",
            "Helm chart templates rendered with the chart's values.yaml: replicas, autoscaling, session affinity, "
                    + "ingress annotations, probes, brokers",
            Set.of(), List.of("kind:"));

    private final Manifests.Collected collected = new Manifests.Collected();

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** A YAML file under a templates/ folder that holds template actions. */
    static boolean isChartTemplate(SourceFile file) {
        return InfraEvidence.isYaml(file) && ("/" + file.path()).contains("/templates/") && file.contains("{{");
    }

    @Override
    public boolean accepts(SourceFile file) {
        if (isChartFile(file)) {
            return file.contains("dependencies");
        }
        return isChartTemplate(file) && file.containsAny(DESCRIPTOR.keywords());
    }

    private static boolean isChartFile(SourceFile file) {
        return file.fileName().equals("Chart.yaml") || file.fileName().equals("requirements.yaml");
    }

    @Override
    public void detect(ParsedFile parsed, DetectionContext context) {
        SourceFile file = parsed.file();
        if (isChartFile(file)) {
            dependencies(file, context);
            return;
        }
        Optional<String> chartDir = chartDir(file.path(), context.sources());
        if (chartDir.isEmpty()) {
            return;
        }
        String dir = chartDir.get();
        YNode chart = read(context.sources(), dir + "Chart.yaml");
        Optional<SourceFile> valuesFile = context.sources().file(dir + "values.yaml")
                .or(() -> context.sources().file(dir + "values.yml"));
        YNode values = valuesFile.map(f -> first(StructuredText.yaml(f.text()).documents())).orElse(null);
        String chartName = chart == null ? null : chart.text("name");
        String appVersion = chart == null ? null : chart.text("appVersion");
        List<HelmTemplate.Line> lines = HelmTemplate.render(file.text(), values, chartName, appVersion);
        StringBuilder text = new StringBuilder();
        for (HelmTemplate.Line l : lines) {
            text.append(l.text()).append('\n');
        }
        Origin origin = new HelmOrigin(file, valuesFile.orElse(null), lines, chartName);
        Manifests.Collected local = new Manifests.Collected();
        new Manifests(origin, context, local).read(StructuredText.yaml(text.toString()).documents());
        synchronized (collected) {
            collected.addAll(local);
        }
    }

    @Override
    public void finish(RepoContext context) {
        synchronized (collected) {
            collected.brokers.sort(Comparator.comparing((Manifests.BrokerWorkload w) -> w.origin().path())
                    .thenComparingInt(Manifests.BrokerWorkload::imageLine));
            collected.services.sort(Comparator.comparing((Manifests.Service s) -> s.origin().path())
                    .thenComparingInt(Manifests.Service::nameLine));
            collected.scaling.sort(io.wsmemory.core.api.Fact.ORDER);
            Manifests.scaling(collected, context);
            Manifests.brokers(collected, context);
        }
    }

    /**
     * Broker charts the chart depends on (bitnami/redis, nats, rabbitmq, kafka), unless the condition that enables
     * them is false in values.yaml: {@code broker KEY} with no address (it depends on the release name) and
     * {@code attrs.chartDependency}.
     */
    private static void dependencies(SourceFile file, DetectionContext context) {
        String dir = file.directory().isEmpty() ? "" : file.directory() + "/";
        YNode chart = first(StructuredText.yaml(file.text()).documents());
        if (chart == null) {
            return;
        }
        YNode values = read(context.sources(), dir + "values.yaml");
        for (YNode dep : chart.seq("dependencies")) {
            String name = dep.text("name");
            io.wsmemory.detectors.infra.Images.Broker broker = io.wsmemory.detectors.infra.Images.broker(name);
            if (broker == null) {
                continue;
            }
            List<Evidence> ev = new ArrayList<>();
            ev.add(InfraEvidence.at(file, dep.keyLine("name")));
            String condition = dep.text("condition");
            if (condition != null && values != null) {
                YNode flag = values.at(condition.split(",")[0].strip().split("\\."));
                if (flag instanceof YNode.Scalar s && !s.isTrue()) {
                    continue; // switched off by default
                }
                if (flag != null) {
                    context.sources().file(dir + "values.yaml")
                            .ifPresent(v -> ev.add(InfraEvidence.at(v, flag.line())));
                }
            }
            context.emit(io.wsmemory.core.api.Fact.of(io.wsmemory.core.api.Kinds.BROKER, broker.key()).value("")
                    .evidence(ev).confidence(Confidence.MEDIUM).attr("chartDependency", name)
                    .attr("repository", dep.text("repository")).attr("platform", "helm").build());
        }
    }

    /** The chart folder ("" or "a/b/", with its slash) of a template: the nearest parent of templates/ with a Chart.yaml. */
    private static Optional<String> chartDir(String path, SourceSet sources) {
        String p = "/" + path;
        int at = p.lastIndexOf("/templates/");
        while (at >= 0) {
            String dir = p.substring(1, at + 1);
            if (sources.file(dir + "Chart.yaml").isPresent()) {
                return Optional.of(dir);
            }
            at = p.lastIndexOf("/templates/", at - 1);
        }
        return Optional.empty();
    }

    private static YNode read(SourceSet sources, String path) {
        try {
            return sources.file(path).map(f -> first(StructuredText.yaml(f.text()).documents())).orElse(null);
        } catch (UnreadableFileException e) {
            return null;
        }
    }

    private static YNode first(List<YNode> docs) {
        return docs.isEmpty() ? null : docs.get(0);
    }

    private record HelmOrigin(SourceFile template, SourceFile values, List<HelmTemplate.Line> lines, String chart)
            implements Origin {

        @Override
        public String path() {
            return template.path();
        }

        private HelmTemplate.Line line(int rendered) {
            return rendered >= 1 && rendered <= lines.size() ? lines.get(rendered - 1) : null;
        }

        @Override
        public List<Evidence> evidence(int rendered) {
            HelmTemplate.Line l = line(rendered);
            if (l == null) {
                return List.of(InfraEvidence.at(template, rendered));
            }
            List<Evidence> ev = new ArrayList<>(2);
            if (l.valuesLine() > 0 && values != null) {
                ev.add(InfraEvidence.at(values, l.valuesLine()));
            }
            ev.add(InfraEvidence.at(template, l.templateLine()));
            return ev;
        }

        @Override
        public Confidence confidence(int rendered) {
            HelmTemplate.Line l = line(rendered);
            return l != null && l.valuesLine() > 0 ? Confidence.MEDIUM : Confidence.HIGH;
        }

        @Override
        public String fallbackName() {
            return chart;
        }
    }
}
