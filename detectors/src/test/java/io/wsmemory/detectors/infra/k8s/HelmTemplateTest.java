package io.wsmemory.detectors.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.detectors.infra.StructuredText;
import io.wsmemory.detectors.infra.YNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelmTemplateTest {

    private static final YNode VALUES = StructuredText.yaml("""
            replicaCount: 4
            enabled: true
            off: false
            name: chat
            nested:
              port: 8080
              labels:
                tier: realtime
                team: "core"
            mode: cluster
            """).documents().get(0);

    private static List<HelmTemplate.Line> render(String t) {
        return HelmTemplate.render(t, VALUES, "mychart", "1.0.0");
    }

    private static String text(List<HelmTemplate.Line> lines) {
        StringBuilder b = new StringBuilder();
        for (HelmTemplate.Line l : lines) {
            b.append(l.text()).append('\n');
        }
        return b.toString();
    }

    @Test
    void valuesConditionsAndLinesStayAligned() {
        List<HelmTemplate.Line> out = render("""
                a: {{ .Values.replicaCount }}
                {{- if .Values.off }}
                b: hidden
                {{- else if eq .Values.mode "cluster" }}
                b: cluster
                {{- else }}
                b: other
                {{- end }}
                c: {{ .Values.missing | default 7 }}
                d: {{ .Values.name | quote }}
                e: {{ include "x" . }}
                f: {{ .Chart.Name }}
                """);
        assertThat(text(out)).isEqualTo("a: 4\n\n\n\nb: cluster\n\n\n\nc: 7\nd: \"chat\"\ne: __helm__\nf: mychart\n\n");
        assertThat(out.get(0).valuesLine()).isEqualTo(1);
        assertThat(out.get(0).templateLine()).isEqualTo(1);
        assertThat(out.get(8).valuesLine()).isZero();
        assertThat(out.get(9).valuesLine()).isEqualTo(4);
    }

    @Test
    void withAndToYamlKeepValuesLines() {
        List<HelmTemplate.Line> out = render("""
                metadata:
                  {{- with .Values.nested.labels }}
                  labels:
                    {{- toYaml . | nindent 4 }}
                  {{- end }}
                  annotations:
                    {{- .Values.nested.labels | toYaml | nindent 4 }}
                spec:
                  port: {{ .Values.nested.port }}
                """);
        YNode doc = StructuredText.yaml(text(out)).documents().get(0);
        assertThat(doc.text("metadata", "labels", "tier")).isEqualTo("realtime");
        assertThat(doc.text("metadata", "labels", "team")).isEqualTo("core");
        assertThat(doc.text("spec", "port")).isEqualTo("8080");
        assertThat(doc.text("metadata", "annotations", "tier")).isEqualTo("realtime");
        int tierLine = doc.keyLine("metadata", "labels", "tier");
        assertThat(out.get(tierLine - 1).valuesLine()).isEqualTo(8);
        assertThat(out.get(tierLine - 1).templateLine()).isEqualTo(4);
    }

    @Test
    void definesRangesAndUnknownConditions() {
        List<HelmTemplate.Line> out = render("""
                {{- define "x" }}
                secret: hidden
                {{- end }}
                {{- range .Values.list }}
                item: {{ .name }}
                {{- end }}
                {{- if (include "x.enabled" .) }}
                shown: yes
                {{- end }}
                """);
        assertThat(text(out)).contains("item: __helm__").contains("shown: yes").doesNotContain("secret");
    }

    @Test
    void noValuesFileLeavesEveryValueUnresolved() {
        List<HelmTemplate.Line> out = HelmTemplate.render("replicas: {{ .Values.replicaCount }}\n", null, null, null);
        assertThat(out.get(0).text()).isEqualTo("replicas: __helm__");
    }
}
