package io.wsmemory.core.api;

import io.wsmemory.core.source.Language;
import java.util.List;
import java.util.Set;

/**
 * What a detector is: its id ({@code socketio}), one sentence on what it finds, the languages whose syntax trees
 * it reads (empty for detectors that read manifests or configuration as text) and the keywords of its pre-filter:
 * a file of those languages that contains none of them is never parsed for this detector.
 */
public record DetectorDescriptor(String id, String description, Set<Language> languages, List<String> keywords) {
    public DetectorDescriptor {
        languages = Set.copyOf(languages);
        keywords = List.copyOf(keywords);
    }
}
