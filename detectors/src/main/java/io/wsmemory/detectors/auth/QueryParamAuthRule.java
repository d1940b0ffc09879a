package io.wsmemory.detectors.auth;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.FactRule;
import io.wsmemory.core.api.Kinds;
import io.wsmemory.core.api.RepoContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A credential read from the URL's query string is, in the library reference's words, {@code query-param}: how the
 * client must send it matters as much as when the server checks it. Every {@code auth} fact whose carrier includes
 * the query string gets a companion {@code auth <mechanism>=query-param} at the same place, keeping the phase in
 * {@code attrs.phase}; the phase fact itself stays, since a query token is still checked at that phase and other
 * carriers (a header, a cookie) may be accepted there too.
 */
public final class QueryParamAuthRule implements FactRule {

    static final String QUERY_PARAM = "query-param";

    @Override
    public String id() {
        return "query-param-auth"; // after "findings": the query token is one finding, not two
    }

    @Override
    public void apply(RepoContext context) {
        List<Fact> facts = context.facts();
        Set<String> done = new HashSet<>();
        for (Fact f : facts) {
            if (Kinds.AUTH.equals(f.kind()) && QUERY_PARAM.equals(f.value())) {
                done.add(f.key());
            }
        }
        for (Fact f : facts) {
            if (!Kinds.AUTH.equals(f.kind()) || !carriedInQuery(f) || !done.add(f.key())) {
                continue;
            }
            context.emit(Fact.of(Kinds.AUTH, f.key()).value(QUERY_PARAM).library(f.library()).source(f.source())
                    .confidence(f.confidence()).evidence(f.evidence()).attr("carrier", "query")
                    .attr("phase", f.value()).build());
        }
    }

    private static boolean carriedInQuery(Fact f) {
        String carrier = f.attr("carrier");
        return carrier != null && List.of(carrier.split(",")).contains("query");
    }
}
