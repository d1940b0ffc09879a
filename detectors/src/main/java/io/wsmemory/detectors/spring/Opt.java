package io.wsmemory.detectors.spring;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.resolve.java.JavaValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A value read from Java code or Spring configuration, as plain data that outlives the syntax tree: normalised text
 * (null when it could not be resolved), list items, how it was learned, the environment variable or property behind
 * it, the Spring profile, and the places that prove it (the use first, then the definitions crossed).
 */
public record Opt(String value, List<String> items, Source source, Confidence confidence, String variable,
                  String profile, List<Evidence> evidence) {

    public Opt {
        items = items == null ? List.of() : List.copyOf(items);
        evidence = List.copyOf(evidence);
    }

    /** A value written in place at {@code at}. */
    public static Opt literal(String value, Evidence at) {
        return new Opt(value, value == null ? List.of() : List.of(value), Source.EXPLICIT, Confidence.HIGH, null,
                null, List.of(at));
    }

    /** One option per profile the value has (the default profile first). */
    public static List<Opt> of(JavaValue v, Evidence at) {
        List<Opt> out = new ArrayList<>();
        for (JavaValue p : v.allProfiles()) {
            out.add(one(p, at));
        }
        return out;
    }

    /** The value of the default profile (or the only one). */
    public static Opt first(JavaValue v, Evidence at) {
        return one(v, at);
    }

    private static Opt one(JavaValue v, Evidence at) {
        List<Evidence> ev = new ArrayList<>();
        if (at != null) {
            ev.add(at);
        }
        ev.addAll(v.via());
        String text = v.isKnown() ? v.text() : null;
        String variable = v.is(JavaValue.Kind.ENV) ? v.variable() : null;
        return new Opt(text, v.isKnown() ? v.texts() : List.of(), v.source(), v.confidence(), variable, v.profile(),
                ev);
    }

    public boolean known() {
        return value != null;
    }

    public Evidence at() {
        return evidence.isEmpty() ? null : evidence.get(0);
    }

    public Opt withValue(String v) {
        return new Opt(v, v == null ? List.of() : List.of(v), source, confidence, variable, profile, evidence);
    }

    public Opt map(UnaryOperator<String> f) {
        return value == null ? this : withValue(f.apply(value));
    }

    /** Source, confidence, evidence, variable and profile of this option on a fact. */
    public Fact.Builder apply(Fact.Builder b) {
        b.source(source).confidence(confidence).evidence(evidence).attr("variable", variable)
                .attr("profile", profile);
        return b;
    }
}
