package io.wsmemory.detectors.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code package-lock.json} / {@code npm-shrinkwrap.json}: v1 ({@code dependencies.<name>.version}) and v2/v3
 * ({@code packages["<folder>/node_modules/<name>"]}, workspace folders as their own entries). Read as a stream:
 * only the fields that hold versions are kept.
 */
final class PackageLockFile implements NpmLock {

    private record Entry(String version, String resolved, boolean link, boolean aliased) {
    }

    private final String path;
    private final Map<String, Entry> packages = new HashMap<>();
    private final Map<String, String> v1 = new HashMap<>();

    private PackageLockFile(String path) {
        this.path = path;
    }

    static PackageLockFile parse(String path, byte[] content) throws IOException {
        PackageLockFile lock = new PackageLockFile(path);
        try (JsonParser p = Parsers.JSON.createParser(content)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_OBJECT && field.equals("packages")) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        if (p.nextToken() == JsonToken.START_OBJECT) {
                            Entry e = readEntry(p);
                            if (worthKeeping(key, e)) {
                                lock.packages.put(key, e);
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                } else if (t == JsonToken.START_OBJECT && field.equals("dependencies")) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        if (p.nextToken() == JsonToken.START_OBJECT) {
                            Entry e = readEntry(p);
                            if (e.version() != null) {
                                lock.v1.put(name, e.version());
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return lock;
    }

    /**
     * Workspace folders, links, aliases and the catalogued libraries are all a manifest can ask for; the thousands
     * of other installed packages are dropped as they are read.
     */
    private static boolean worthKeeping(String key, Entry e) {
        int nm = key.lastIndexOf("node_modules/");
        if (nm < 0 || e.link() || e.aliased()) {
            return true;
        }
        return LibraryCatalog.standard().lookup(LibraryCatalog.Ecosystem.NPM, key.substring(nm + 13)).isPresent();
    }

    /** Reads one entry object, keeping version, resolved and link, skipping everything nested. */
    private static Entry readEntry(JsonParser p) throws IOException {
        String version = null;
        String resolved = null;
        boolean link = false;
        boolean named = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_STRING && f.equals("version")) {
                version = p.getText();
            } else if (t == JsonToken.VALUE_STRING && f.equals("resolved")) {
                resolved = p.getText();
            } else if (t == JsonToken.VALUE_TRUE && f.equals("link")) {
                link = true;
            } else if (t == JsonToken.VALUE_STRING && f.equals("name")) {
                named = true; // v2/v3 name an installed package only when it is an alias
            } else {
                p.skipChildren();
            }
        }
        return new Entry(version, resolved, link, named);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean records(String rel) {
        return rel.isEmpty() || packages.containsKey(rel);
    }

    @Override
    public String resolve(String rel, String name, String spec) {
        if (!packages.isEmpty()) {
            String dir = rel;
            while (true) { // Node's lookup: the nearest node_modules folder on the way up wins
                Entry e = packages.get(NpmLock.join(dir, "node_modules/" + name));
                if (e != null) {
                    if (e.link() && e.resolved() != null) {
                        Entry target = packages.get(e.resolved());
                        return target == null ? null : clean(target.version());
                    }
                    return clean(e.version());
                }
                if (dir.isEmpty()) {
                    return null;
                }
                dir = NpmLock.parent(dir);
            }
        }
        return rel.isEmpty() ? clean(v1.get(name)) : null;
    }

    /** v1 writes aliases as {@code npm:real@1.2.3}; URLs and paths are no version. */
    private static String clean(String v) {
        if (v == null) {
            return null;
        }
        if (v.startsWith("npm:")) {
            int at = v.lastIndexOf('@');
            return at > 4 ? v.substring(at + 1) : null;
        }
        return v.contains(":") || v.contains("/") ? null : v;
    }
}
