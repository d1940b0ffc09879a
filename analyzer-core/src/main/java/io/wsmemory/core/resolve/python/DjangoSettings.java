package io.wsmemory.core.resolve.python;

import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.SourceFile;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Django settings module that {@code django.conf.settings} stands for: the module named by
 * {@code DJANGO_SETTINGS_MODULE} in {@code manage.py}, {@code asgi.py} or {@code wsgi.py}, else the settings module
 * nearest the file that asks ({@code settings.py}, or a {@code settings} package).
 */
public final class DjangoSettings {

    private static final Pattern MODULE = Pattern.compile(
            "DJANGO_SETTINGS_MODULE['\"]\\s*,\\s*(?:[\\w.]+\\s*\\(\\s*['\"]\\w+['\"]\\s*,\\s*)?['\"]([\\w.]+)['\"]");
    private static final Map<SourceSet, Optional<String>> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private DjangoSettings() {
    }

    /** {@code settings.NAME} read from {@code resolver}'s file. */
    static PyValue value(PyResolver resolver, String name, int depth) {
        Optional<String> path = modulePath(resolver.sources(), resolver.parsed().path());
        if (path.isEmpty()) {
            return PyValue.unknown(null, resolver.parsed().path());
        }
        return resolver.resolverFor(path.get()).exported(name, depth);
    }

    /** The path of the settings module for code in {@code fromPath}. */
    public static Optional<String> modulePath(SourceSet sources, String fromPath) {
        Optional<String> declared = CACHE.computeIfAbsent(sources, DjangoSettings::declared);
        if (declared.isPresent()) {
            return declared;
        }
        String best = null;
        int bestScore = -1;
        for (SourceFile f : PyModules.of(sources).files()) {
            String p = f.path();
            if (!(p.equals("settings.py") || p.endsWith("/settings.py") || p.endsWith("settings/__init__.py"))) {
                continue;
            }
            String dir = PyModules.dirOf(PyModules.dirOf(p));
            int score = fromPath.startsWith(dir) ? dir.length() + 1 : 0;
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<String> declared(SourceSet sources) {
        PyModules modules = PyModules.of(sources);
        for (String name : new String[] {"asgi.py", "manage.py", "wsgi.py"}) {
            for (SourceFile f : modules.files()) {
                if (!f.fileName().equals(name)) {
                    continue;
                }
                Matcher m = MODULE.matcher(f.text());
                if (m.find()) {
                    Optional<SourceFile> target = modules.resolve(f.path(), m.group(1), 0);
                    if (target.isPresent()) {
                        return Optional.of(target.get().path());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
