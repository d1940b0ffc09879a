/**
 * The incremental cache: a scan's result kept under a fingerprint of everything it was computed from (each listed
 * file's path and content hash, the walk's skips, the options that change results, the analyzer's code), so an
 * unchanged repository is re-checked by hashing its files instead of parsing them.
 */
package io.wsmemory.core.cache;
