package io.wsmemory.core.resolve.python;

import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.SourceFile;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Properties of the repository's classes by name, for attributes whose object cannot be typed statically:
 * {@code room.group_name} with {@code group_name} a {@code @property} returning {@code "room-%s" % self.id} gives
 * {@code room-{id}}. Used only when exactly one class of the repository defines a property of that name.
 */
final class PropertyIndex {

    private static final Map<SourceSet, Map<String, Optional<String>>> CACHE =
            Collections.synchronizedMap(new WeakHashMap<>());

    private PropertyIndex() {
    }

    static String pattern(PyResolver from, String name, int depth) {
        Map<String, Optional<String>> byName = CACHE.computeIfAbsent(from.sources(), s -> new HashMap<>());
        synchronized (byName) {
            Optional<String> known = byName.get(name);
            if (known != null) {
                return known.orElse(null);
            }
        }
        String found = null;
        int count = 0;
        String needle = "def " + name + "(";
        for (SourceFile f : PyModules.of(from.sources()).files()) {
            if (!f.contains(needle) || !f.contains("property")) {
                continue;
            }
            ParsedFile pf = from.sources().parsed(f);
            PyResolver there = new PyResolver(pf, from.sources());
            for (SyntaxNode cls : there.pyFile().classes().values()) {
                SyntaxNode m = PyFile.methods(cls).get(name);
                if (m != null && PyResolver.isProperty(m)) {
                    count++;
                    found = there.returnPattern(m, depth + 1);
                }
            }
        }
        String result = count == 1 ? found : null;
        synchronized (byName) {
            byName.put(name, Optional.ofNullable(result));
        }
        return result;
    }
}
