package io.wsmemory.core.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The cache slot of a scan: one per scanned folder and settings, so that a rescan replaces its own entry and the
 * cache holds one entry per folder rather than one per state the folder was ever in.
 */
final class CacheKeys {

    private CacheKeys() {
    }

    static String slot(Path root, String settings) {
        return hash(root.toAbsolutePath().normalize().toString(), settings).substring(0, 32);
    }

    /** What an entry must have been computed under to be reused: the analyzer, the settings, the files. */
    static String key(String analyzerIdentity, String settings, String repositoryHash) {
        return hash(analyzerIdentity, settings, repositoryHash);
    }

    private static String hash(String... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                d.update(p.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
