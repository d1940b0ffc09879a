package io.wsmemory.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One thing the analyzer learned about the repository, with the places that prove it.
 * The JSON contract of spec/facts.md; immutable, build with {@link #of(String, String)}.
 */
@JsonPropertyOrder({"kind", "key", "value", "unit", "library", "source", "confidence", "evidence", "attrs"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fact(
        String kind,
        String key,
        String value,
        String unit,
        String library,
        Source source,
        Confidence confidence,
        List<Evidence> evidence,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, String> attrs) implements Comparable<Fact> {

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    public static final Comparator<Fact> ORDER = Comparator.comparing(Fact::kind)
            .thenComparing(Fact::key)
            .thenComparing(Fact::value, NULLS_FIRST)
            .thenComparing(Fact::library, NULLS_FIRST)
            .thenComparing(f -> f.source().id())
            .thenComparing(f -> f.evidence().isEmpty() ? "" : f.evidence().get(0).path())
            .thenComparingInt(f -> f.evidence().isEmpty() ? 0 : f.evidence().get(0).line())
            .thenComparing(f -> f.attrs().toString())
            .thenComparing(Fact::unit, NULLS_FIRST)
            .thenComparing(f -> f.confidence().id());

    public Fact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        value = value == null ? "" : value;
        source = source == null ? Source.EXPLICIT : source;
        confidence = confidence == null ? Confidence.HIGH : confidence;
        evidence = primaryThenSorted(evidence == null ? List.of() : evidence);
        attrs = Collections.unmodifiableSortedMap(new TreeMap<>(attrs == null ? Map.of() : attrs));
    }

    /**
     * The first evidence a detector gives is the fact's primary place (the option, not the constant behind it);
     * the others follow in path and line order.
     */
    private static List<Evidence> primaryThenSorted(List<Evidence> given) {
        if (given.isEmpty()) {
            return List.of();
        }
        Evidence primary = given.get(0);
        TreeSet<Evidence> rest = new TreeSet<>(given);
        rest.remove(primary);
        List<Evidence> out = new ArrayList<>(rest.size() + 1);
        out.add(primary);
        out.addAll(rest);
        return List.copyOf(out);
    }

    public static Builder of(String kind, String key) {
        return new Builder(kind, key);
    }

    public Builder toBuilder() {
        Builder b = new Builder(kind, key).value(value).unit(unit).library(library).source(source).confidence(confidence);
        b.evidence.addAll(evidence);
        b.attrs.putAll(attrs);
        return b;
    }

    public String attr(String name) {
        return attrs.get(name);
    }

    /** The place that proves the fact best (the detector's first), or null for a fact with none. */
    public Evidence primaryEvidence() {
        return evidence.isEmpty() ? null : evidence.get(0);
    }

    /** Identity of a fact for merging: everything but evidence and confidence. */
    public String identity() {
        return String.join("\u0000", kind, key, value, String.valueOf(unit), String.valueOf(library), source.id(),
                attrs.toString());
    }

    /** Same fact seen in more places: evidence united, the higher confidence kept. */
    public Fact mergedWith(Fact other) {
        List<Evidence> all = new ArrayList<>();
        Evidence a = primaryEvidence();
        Evidence b = other.primaryEvidence();
        if (a != null && b != null) {
            all.add(a.compareTo(b) <= 0 ? a : b); // merged order must not depend on which fact came first
        }
        all.addAll(evidence);
        all.addAll(other.evidence);
        Confidence c = confidence.compareTo(other.confidence) >= 0 ? confidence : other.confidence;
        return new Fact(kind, key, value, unit, library, source, c, all, attrs);
    }

    @Override
    public int compareTo(Fact o) {
        return ORDER.compare(this, o);
    }

    public static final class Builder {
        private final String kind;
        private String key;
        private String value = "";
        private String unit;
        private String library;
        private Source source = Source.EXPLICIT;
        private Confidence confidence = Confidence.HIGH;
        private final List<Evidence> evidence = new ArrayList<>();
        private final SortedMap<String, String> attrs = new TreeMap<>();

        private Builder(String kind, String key) {
            this.kind = kind;
            this.key = key;
        }

        public Builder key(String key) {
            this.key = key;
            return this;
        }

        public Builder value(String value) {
            this.value = value;
            return this;
        }

        public Builder unit(String unit) {
            this.unit = unit;
            return this;
        }

        public Builder library(String library) {
            this.library = library;
            return this;
        }

        public Builder source(Source source) {
            this.source = source;
            return this;
        }

        public Builder confidence(Confidence confidence) {
            this.confidence = confidence;
            return this;
        }

        public Builder evidence(Evidence e) {
            if (e != null) {
                evidence.add(e);
            }
            return this;
        }

        public Builder evidence(List<Evidence> es) {
            evidence.addAll(es);
            return this;
        }

        public Builder attr(String name, String value) {
            if (value != null && !value.isEmpty()) {
                attrs.put(name, value);
            }
            return this;
        }

        public Fact build() {
            return new Fact(kind, key, value, unit, library, source, confidence, evidence, attrs);
        }
    }
}
