package io.wsmemory.detectors.js;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import java.util.List;

/**
 * An option value read from code, as plain data: its normalised text (null when unknown), list items, how it was
 * learned, the environment variable behind it, and where (the option first, then the definitions crossed).
 */
public record JsOption(String value, List<String> items, Source source, Confidence confidence, String variable,
                       List<Evidence> evidence, boolean literal) {
}
