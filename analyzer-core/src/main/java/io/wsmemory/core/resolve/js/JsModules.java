package io.wsmemory.core.resolve.js;

import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.SourceFile;
import java.util.List;
import java.util.Optional;

/** Finds the repository file behind a relative import specifier, the way Node and bundlers do. */
public final class JsModules {

    private static final List<String> EXTENSIONS = List.of("", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts",
            ".cts", "/index.ts", "/index.tsx", "/index.js", "/index.jsx", "/index.mjs");

    private JsModules() {
    }

    /** The file {@code specifier} names from {@code fromPath}; empty for packages and files outside the scan. */
    public static Optional<SourceFile> resolve(SourceSet sources, String fromPath, String specifier) {
        if (specifier == null || !(specifier.startsWith("./") || specifier.startsWith("../")
                || specifier.equals(".") || specifier.equals(".."))) {
            return Optional.empty();
        }
        int slash = fromPath.lastIndexOf('/');
        String dir = slash < 0 ? "" : fromPath.substring(0, slash);
        String joined = SourceSet.normalise(dir.isEmpty() ? specifier : dir + "/" + specifier);
        if (joined == null) {
            return Optional.empty();
        }
        String base = joined;
        // TypeScript sources import their compiled name: "./config.js" means ./config.ts
        String stem = base.replaceFirst("\\.(js|mjs|cjs|jsx)$", "");
        for (String candidate : List.of(base, stem)) {
            for (String ext : EXTENSIONS) {
                Optional<SourceFile> f = sources.file(candidate + ext);
                if (f.isPresent() && f.get().language().isJsFamily()) {
                    return f;
                }
            }
        }
        return Optional.empty();
    }
}
