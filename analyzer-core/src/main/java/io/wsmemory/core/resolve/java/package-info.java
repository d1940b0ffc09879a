/**
 * Static evaluation of Java expressions for the Java detectors: {@link io.wsmemory.core.resolve.java.JavaResolver}
 * (values with how they were learned: source, confidence, the definitions crossed, Spring profiles),
 * {@link io.wsmemory.core.resolve.java.JavaTypes} (the repository's types by name, parsed on demand),
 * {@link io.wsmemory.core.resolve.java.JavaPayloads} (message classes' fields and Bean Validation constraints) and
 * {@link io.wsmemory.core.resolve.java.ConfigLookup} (Spring configuration, provided by the caller). JavaParser types
 * stay in this package and the detectors that need them.
 */
package io.wsmemory.core.resolve.java;
