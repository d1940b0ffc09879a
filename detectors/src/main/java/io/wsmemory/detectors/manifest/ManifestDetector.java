package io.wsmemory.detectors.manifest;

import io.wsmemory.core.api.DetectionContext;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.DetectorDescriptor;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.source.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A manifest reader: selected by file name only, reads the file as text, emits {@code library} facts for the
 * WebSocket libraries of {@link LibraryCatalog}. A manifest that does not parse yields nothing rather than a guess.
 */
abstract class ManifestDetector implements Detector {

    protected final LibraryCatalog catalog = LibraryCatalog.standard();
    private final DetectorDescriptor descriptor;

    ManifestDetector(String id, String description) {
        this.descriptor = new DetectorDescriptor(id, description, Set.of(), List.of());
    }

    @Override
    public final DetectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final boolean accepts(SourceFile file) {
        return acceptsName(file.fileName(), file.path());
    }

    /** Cheap: decides on the file name and path, never on content. */
    abstract boolean acceptsName(String fileName, String path);

    @Override
    public final void detect(ParsedFile file, DetectionContext context) {
        List<Fact> facts = new ArrayList<>();
        try {
            read(file.file(), context, facts);
        } catch (IOException | MalformedManifestException e) {
            return; // not a manifest we can trust: say nothing
        }
        facts.forEach(context::emit);
    }

    /** Reads one manifest; facts go to {@code out} and are emitted only when the whole file was read. */
    abstract void read(SourceFile manifest, DetectionContext context, List<Fact> out) throws IOException;

    /** Thrown by readers for content they cannot make sense of. */
    static final class MalformedManifestException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedManifestException(String message) {
            super(message, null, false, false);
        }
    }
}
