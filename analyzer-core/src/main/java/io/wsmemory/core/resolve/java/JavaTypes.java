package io.wsmemory.core.resolve.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.Language;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.core.source.UnreadableFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java types declared in the repository, by simple and qualified name, so that a constant, a DTO or a handler
 * class named in one file can be found in another. The index is built once per scan from the files' text (package
 * line and type keywords); the file that holds a type is parsed only when the type is asked for.
 */
public final class JavaTypes {

    private static final Map<SourceSet, JavaTypes> CACHE = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern TYPE = Pattern.compile(
            "\\b(?:class|interface|enum|record|@interface)\\s+([A-Za-z_$][\\w$]*)");

    /** A type declaration and the parsed file that holds it. */
    public record TypeRef(TypeDeclaration<?> decl, ParsedFile file) {
        public String name() {
            return decl.getNameAsString();
        }

        public String path() {
            return file.path();
        }
    }

    private final SourceSet sources;
    private final Map<String, List<String>> bySimple = new HashMap<>();
    private final Map<String, String> packageOf = new HashMap<>();

    private JavaTypes(SourceSet sources) {
        this.sources = sources;
        for (SourceFile f : sources.all()) {
            if (f.language() != Language.JAVA) {
                continue;
            }
            String text;
            try {
                text = f.text();
            } catch (UnreadableFileException e) {
                continue;
            }
            Matcher p = PACKAGE.matcher(text);
            packageOf.put(f.path(), p.find() ? p.group(1) : "");
            Matcher m = TYPE.matcher(text);
            while (m.find()) {
                List<String> paths = bySimple.computeIfAbsent(m.group(1), k -> new ArrayList<>());
                if (!paths.contains(f.path())) {
                    paths.add(f.path());
                }
            }
        }
    }

    /** The index of a scan's sources, built on first use. */
    public static JavaTypes of(SourceSet sources) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(sources, JavaTypes::new);
        }
    }

    public SourceSet sources() {
        return sources;
    }

    /** Files whose text declares a type of this simple name. */
    public List<String> pathsDeclaring(String simpleName) {
        return bySimple.getOrDefault(simpleName, List.of());
    }

    public String packageOf(String path) {
        return packageOf.getOrDefault(path, "");
    }

    /**
     * The type a name means in a file: a type nested in the file, a single-type import, the file's package, an
     * on-demand import, else the one type of that simple name in the repository (the nearest package when several).
     * {@code Outer.Inner} and qualified names work too.
     */
    public Optional<TypeRef> find(String name, ParsedFile from) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        int lt = name.indexOf('<');
        if (lt > 0) {
            name = name.substring(0, lt);
        }
        name = name.replace("[]", "").trim();
        String simple = name.substring(name.lastIndexOf('.') + 1);
        CompilationUnit cu = from == null ? null : from.java().orElse(null);
        if (cu != null) {
            for (TypeDeclaration<?> t : cu.findAll(TypeDeclaration.class)) {
                if (t.getNameAsString().equals(simple)) {
                    return Optional.of(new TypeRef(t, from));
                }
            }
        }
        List<String> candidates = pathsDeclaring(simple);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        String wantedPackage = null;
        if (name.contains(".")) {
            String qualifier = name.substring(0, name.lastIndexOf('.'));
            if (Character.isLowerCase(qualifier.charAt(0))) {
                wantedPackage = qualifier;
            } else {
                // Outer.Inner: find the outer type, then its member
                Optional<TypeRef> outer = qualifier.equals(name) ? Optional.empty() : find(qualifier, from);
                if (outer.isPresent()) {
                    for (TypeDeclaration<?> t : outer.get().decl().findAll(TypeDeclaration.class)) {
                        if (t.getNameAsString().equals(simple)) {
                            return Optional.of(new TypeRef(t, outer.get().file()));
                        }
                    }
                }
            }
        }
        if (wantedPackage == null && cu != null) {
            for (ImportDeclaration i : cu.getImports()) {
                if (i.isStatic()) {
                    continue;
                }
                String in = i.getNameAsString();
                if (!i.isAsterisk() && (in.endsWith("." + simple))) {
                    String qualifier = in.substring(0, in.length() - simple.length() - 1);
                    Optional<TypeRef> r = inPackage(candidates, qualifier, simple);
                    if (r.isPresent()) {
                        return r;
                    }
                    // an import of Outer.Inner names the outer type's file
                    String outerName = qualifier.substring(qualifier.lastIndexOf('.') + 1);
                    if (!outerName.isEmpty() && Character.isUpperCase(outerName.charAt(0))) {
                        String outerPackage = qualifier.contains(".")
                                ? qualifier.substring(0, qualifier.lastIndexOf('.')) : "";
                        Optional<TypeRef> outer = inPackage(pathsDeclaring(outerName), outerPackage, outerName);
                        if (outer.isPresent()) {
                            for (TypeDeclaration<?> t : outer.get().decl().findAll(TypeDeclaration.class)) {
                                if (t.getNameAsString().equals(simple)) {
                                    return Optional.of(new TypeRef(t, outer.get().file()));
                                }
                            }
                        }
                    }
                    return Optional.empty(); // imported from a library
                }
            }
        }
        if (wantedPackage != null) {
            return inPackage(candidates, wantedPackage, simple);
        }
        String own = from == null ? "" : packageOf(from.path());
        Optional<TypeRef> same = inPackage(candidates, own, simple);
        if (same.isPresent()) {
            return same;
        }
        if (cu != null) {
            for (ImportDeclaration i : cu.getImports()) {
                if (i.isAsterisk() && !i.isStatic()) {
                    Optional<TypeRef> r = inPackage(candidates, i.getNameAsString(), simple);
                    if (r.isPresent()) {
                        return r;
                    }
                }
            }
            if (importsFromLibrary(cu, simple)) {
                return Optional.empty();
            }
        }
        // nearest package: the longest common prefix with the asking file's package
        String best = null;
        int bestScore = -1;
        for (String p : candidates) {
            int score = commonPrefix(packageOf(p), own);
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return best == null ? Optional.empty() : declaredIn(best, simple);
    }

    private static boolean importsFromLibrary(CompilationUnit cu, String simple) {
        for (ImportDeclaration i : cu.getImports()) {
            if (!i.isAsterisk() && !i.isStatic() && i.getNameAsString().endsWith("." + simple)) {
                return true;
            }
        }
        return false;
    }

    private Optional<TypeRef> inPackage(List<String> candidates, String pkg, String simple) {
        for (String p : candidates) {
            if (packageOf(p).equals(pkg)) {
                Optional<TypeRef> r = declaredIn(p, simple);
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        return Optional.empty();
    }

    /** The declaration of {@code simple} in the file at {@code path}, parsing it if needed. */
    public Optional<TypeRef> declaredIn(String path, String simple) {
        Optional<SourceFile> f = sources.file(path);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        ParsedFile pf = sources.parsed(f.get());
        Optional<CompilationUnit> cu;
        try {
            cu = pf.java();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (cu.isEmpty()) {
            return Optional.empty();
        }
        for (TypeDeclaration<?> t : cu.get().findAll(TypeDeclaration.class)) {
            if (t.getNameAsString().equals(simple)) {
                return Optional.of(new TypeRef(t, pf));
            }
        }
        return Optional.empty();
    }

    /** Every parsed type of the repository whose text mentions {@code keyword}: for scans across files. */
    public List<ParsedFile> filesContaining(String keyword) {
        List<ParsedFile> out = new ArrayList<>();
        for (SourceFile f : sources.all()) {
            if (f.language() != Language.JAVA) {
                continue;
            }
            try {
                if (f.contains(keyword)) {
                    out.add(sources.parsed(f));
                }
            } catch (UnreadableFileException e) {
                // skipped by the engine as well
            }
        }
        return out;
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
