package io.wsmemory.detectors.stompjs;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one JavaScript, TypeScript or HTML file says about STOMP clients, as plain data. */
final class StompFindings {

    /** A value read from code, with how it was learned. */
    record Value(String value, Source source, Confidence confidence, String variable, List<Evidence> evidence) {
        Fact.Builder apply(Fact.Builder b) {
            return b.source(source).confidence(confidence).evidence(evidence).attr("variable", variable);
        }
    }

    record Library(String id, String version, Evidence at, String via) {
    }

    /** A client construction: modern ({@code new Client}) or legacy ({@code Stomp.over}). */
    record Client(String library, boolean modern, Evidence at, Map<String, Value> options, Value path, Evidence sockJs,
                  boolean browser) {
    }

    /** A subscription ({@code publish == false}) or a publication. */
    record Message(String destination, boolean publish, Evidence at, String library) {
    }

    record Json(Evidence at, String library) {
    }

    record Credential(String mechanism, Evidence at, String library) {
    }

    final String path;
    final List<Library> libraries = new ArrayList<>();
    final List<Client> clients = new ArrayList<>();
    final List<Message> messages = new ArrayList<>();
    final List<Json> json = new ArrayList<>();
    final List<Credential> credentials = new ArrayList<>();

    StompFindings(String path) {
        this.path = path;
    }

    boolean isEmpty() {
        return libraries.isEmpty() && clients.isEmpty() && messages.isEmpty() && json.isEmpty()
                && credentials.isEmpty();
    }
}
