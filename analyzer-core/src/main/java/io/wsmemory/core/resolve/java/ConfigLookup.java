package io.wsmemory.core.resolve.java;

import io.wsmemory.core.api.Evidence;
import java.util.List;

/**
 * Where Spring-style property keys get their values: {@code application.properties}, {@code application.yml} and
 * their profile variants. Keys are compared in Spring's relaxed form ({@code ws.ping-interval} =
 * {@code ws.pingInterval}).
 */
@FunctionalInterface
public interface ConfigLookup {

    /** One value of a key: the raw text (placeholders unresolved), the profile (null = default) and its line. */
    record ConfigValue(String value, String profile, Evidence at) {
    }

    /** Every value the key has, default profile first; empty when no file sets it. */
    List<ConfigValue> lookup(String key);

    ConfigLookup NONE = key -> List.of();

    /** Spring's canonical comparison form of a property key: lower case, no dashes or underscores. */
    static String canonical(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '-' && c != '_') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }
}
