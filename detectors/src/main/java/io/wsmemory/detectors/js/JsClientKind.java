package io.wsmemory.detectors.js;

import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.js.JsFile;
import io.wsmemory.core.source.SourceFile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of client a file is: a browser page or app (markup, JSX, a front-end framework in its imports or its
 * package.json), a React Native app, or a Node process (a script that reads argv or exits is a CLI).
 */
public final class JsClientKind {

    /** The kind ({@code browser}, {@code mobile}, {@code cli}, {@code server}) and what shows it. */
    public record Kind(String type, String why) {
    }

    private static final List<String[]> FRONTENDS = List.of(new String[] {"\"react-native\"", "React Native"},
            new String[] {"\"vue\"", "Vue"}, new String[] {"\"react\"", "React"},
            new String[] {"\"@angular/core\"", "Angular"}, new String[] {"\"svelte\"", "Svelte"},
            new String[] {"\"next\"", "Next.js"}, new String[] {"\"nuxt\"", "Nuxt"});

    private JsClientKind() {
    }

    public static Kind of(ParsedFile file, JsFile js, SourceSet sources) {
        SourceFile f = file.file();
        if (js.importsModule("react-native") || js.importsModule("expo")) {
            return new Kind("mobile", "React Native");
        }
        String p = f.path().toLowerCase(Locale.ROOT);
        if (f.isEmbeddedScript() || p.endsWith(".jsx") || p.endsWith(".tsx") || js.importsModule("react")
                || js.importsModule("vue") || js.importsModule("svelte") || js.importsModule("@angular/core")
                || f.contains("window.") || f.contains("document.") || f.contains("localStorage")
                || f.contains("location.host") || f.contains("$(") || f.contains("jQuery")) {
            return new Kind("browser", "browser code");
        }
        String app = frontendOfPackage(f, sources);
        if (app != null) {
            return new Kind(app.equals("React Native") ? "mobile" : "browser", app + " app");
        }
        if (f.contains("process.argv") || f.contains("process.exit") || f.contains("readline")) {
            return new Kind("cli", "Node script");
        }
        if (f.contains("process.") || f.contains("require(")) {
            return new Kind("server", "Node process");
        }
        return new Kind("browser", "client module");
    }

    /** The front-end framework the nearest package.json depends on, or null. */
    private static String frontendOfPackage(SourceFile f, SourceSet sources) {
        String dir = f.directory();
        while (true) {
            Optional<SourceFile> pkg = sources.file(dir.isEmpty() ? "package.json" : dir + "/package.json");
            if (pkg.isPresent()) {
                try {
                    String text = pkg.get().text();
                    for (String[] fw : FRONTENDS) {
                        if (text.contains(fw[0] + ":") || text.contains(fw[0] + " :")) {
                            return fw[1];
                        }
                    }
                } catch (RuntimeException e) {
                    return null;
                }
                return null;
            }
            if (dir.isEmpty()) {
                return null;
            }
            int slash = dir.lastIndexOf('/');
            dir = slash < 0 ? "" : dir.substring(0, slash);
        }
    }
}
