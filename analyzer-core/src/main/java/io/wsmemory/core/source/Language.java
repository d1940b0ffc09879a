package io.wsmemory.core.source;

import java.util.Locale;

/** The languages wsmemory parses. Everything else (manifests, configuration) is {@link #OTHER}, read as text. */
public enum Language {
    JAVASCRIPT("javascript"),
    TYPESCRIPT("typescript"),
    TSX("typescript"),
    GO("go"),
    PYTHON("python"),
    JAVA("java"),
    OTHER("other");

    private final String family;

    Language(String family) {
        this.family = family;
    }

    /** The language as users name it: TSX is TypeScript. */
    public String family() {
        return family;
    }

    public boolean isCode() {
        return this != OTHER;
    }

    public boolean isJsFamily() {
        return this == JAVASCRIPT || this == TYPESCRIPT || this == TSX;
    }

    /** Language from a file name; single-file components (.vue, .svelte) and HTML carry JavaScript in script blocks. */
    public static Language of(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        return switch (ext) {
            case "js", "mjs", "cjs", "jsx", "vue", "svelte", "html", "htm" -> JAVASCRIPT;
            case "ts", "mts", "cts" -> TYPESCRIPT;
            case "tsx" -> TSX;
            case "go" -> GO;
            case "py", "pyi" -> PYTHON;
            case "java" -> JAVA;
            default -> OTHER;
        };
    }

    /** True for files whose code sits inside {@code <script>} blocks of markup. */
    public static boolean isEmbedded(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".vue") || n.endsWith(".svelte") || n.endsWith(".html") || n.endsWith(".htm");
    }
}
