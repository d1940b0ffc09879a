package io.wsmemory.detectors.manifest;

/** A JavaScript lock file, reduced to what library facts need. */
interface NpmLock {

    /** The lock file's repository path. */
    String path();

    /**
     * True when the lock records the package in folder {@code rel} (relative to the lock's folder, "" for that
     * folder itself) as one of its workspaces or importers; false when it cannot tell.
     */
    boolean records(String rel);

    /**
     * The version the lock installed for dependency {@code name} of the package in folder {@code rel}, declared as
     * {@code spec}; null when the lock does not say.
     */
    String resolve(String rel, String name, String spec);

    static String parent(String rel) {
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
    }

    static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }
}
