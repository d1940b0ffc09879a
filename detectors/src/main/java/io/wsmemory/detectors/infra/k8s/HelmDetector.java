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
        return isChartTemplate(file) && file.containsAny(DESCRIPTOR.keywords());
    }

    @Override
    public void detect(ParsedFile parsed, DetectionContext context) {
        SourceFile file = parsed.file();
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
