package io.wsmemory.core.parse;

import io.wsmemory.core.source.Language;
import org.treesitter.TSLanguage;
import org.treesitter.TreeSitterGo;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterTsx;
import org.treesitter.TreeSitterTypescript;

/** The tree-sitter grammars, each loaded on first use only: a Go-only repository never loads the others. */
final class Grammars {

    private Grammars() {
    }

    static TSLanguage of(Language language) {
        return switch (language) {
            case JAVASCRIPT -> Js.GRAMMAR;
            case TYPESCRIPT -> Ts.GRAMMAR;
            case TSX -> Tsx.GRAMMAR;
            case GO -> Go.GRAMMAR;
            case PYTHON -> Py.GRAMMAR;
            default -> throw new IllegalArgumentException("no tree-sitter grammar for " + language);
        };
    }

    static boolean supports(Language language) {
        return language == Language.JAVASCRIPT || language == Language.TYPESCRIPT || language == Language.TSX
                || language == Language.GO || language == Language.PYTHON;
    }

    private static final class Js {
        static final TSLanguage GRAMMAR = new TreeSitterJavascript();
    }

    private static final class Ts {
        static final TSLanguage GRAMMAR = new TreeSitterTypescript();
    }

    private static final class Tsx {
        static final TSLanguage GRAMMAR = new TreeSitterTsx();
    }

    private static final class Go {
        static final TSLanguage GRAMMAR = new TreeSitterGo();
    }

    private static final class Py {
        static final TSLanguage GRAMMAR = new TreeSitterPython();
    }
}
