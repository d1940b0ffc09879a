package io.wsmemory.detectors.nestjs;

import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.parse.SyntaxTree;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.resolve.js.JsFile;
import io.wsmemory.core.resolve.js.JsSyntax;
import io.wsmemory.core.source.SourceFile;
import io.wsmemory.detectors.nestjs.NestClasses.ClassInfo;
import java.util.Optional;

/**
 * Finds the declaration of a class a file names (a DTO, a guard, a gateway, a base class): in the file itself, or
 * through its import into another file of the repository, across barrel files ({@code export * from './x'}).
 */
final class NestTypes {

    private static final int MAX_DEPTH = 4;

    /** A class and the file that declares it. */
    record Found(ParsedFile file, ClassInfo cls) {
    }

    /** A TypeScript type alias or interface and the file that declares it. */
    record FoundType(ParsedFile file, SyntaxNode declaration) {
    }

    private final SourceSet sources;
    private final NestModules modules;

    NestTypes(SourceSet sources, NestModules modules) {
        this.sources = sources;
        this.modules = modules;
    }

    SourceSet sources() {
        return sources;
    }

    NestModules modules() {
        return modules;
    }

    Optional<Found> classNamed(ParsedFile from, String name) {
        return classNamed(from, name, 0);
    }

    private Optional<Found> classNamed(ParsedFile from, String name, int depth) {
        if (name == null || depth > MAX_DEPTH || from.tree() == null) {
            return Optional.empty();
        }
        ClassInfo here = NestClasses.of(from).named(name);
        if (here != null) {
            return Optional.of(new Found(from, here));
        }
        JsFile.Import imp = JsFile.of(from).importOf(name);
        if (imp == null || imp.imported().equals("*")) {
            return Optional.empty();
        }
        Optional<ParsedFile> target = file(from, imp.source());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        String wanted = imp.imported();
        if (wanted.equals("default")) {
            return defaultClass(target.get());
        }
        return exported(target.get(), wanted, depth + 1);
    }

    /** A class exported under {@code name} by {@code file}, declared there or re-exported from another module. */
    private Optional<Found> exported(ParsedFile file, String name, int depth) {
        if (depth > MAX_DEPTH || file.tree() == null) {
            return Optional.empty();
        }
        ClassInfo here = NestClasses.of(file).named(name);
        if (here != null) {
            return Optional.of(new Found(file, here));
        }
        JsFile js = JsFile.of(file);
        JsFile.Export e = js.exports().get(name);
        if (e != null && e.fromSource() != null) {
            Optional<ParsedFile> next = file(file, e.fromSource());
            return next.isEmpty() ? Optional.empty() : exported(next.get(), e.fromName(), depth + 1);
        }
        if (e != null && e.local() != null && !e.local().equals(name)) {
            return classNamed(file, e.local(), depth + 1);
        }
        if (js.importOf(name) != null) {
            return classNamed(file, name, depth + 1); // import { X } from './x'; export { X };
        }
        SyntaxTree tree = file.tree();
        for (SyntaxNode c : tree.root().namedChildren()) { // export * from './x'
            if (c.is("export_statement") && c.text().startsWith("export *") && !c.text().startsWith("export * as")) {
                String src = JsSyntax.stringValue(c.field("source"));
                Optional<ParsedFile> next = file(file, src);
                if (next.isPresent()) {
                    Optional<Found> f = exported(next.get(), name, depth + 1);
                    if (f.isPresent()) {
                        return f;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Found> defaultClass(ParsedFile file) {
        for (SyntaxNode c : file.tree().root().namedChildren()) {
            if (c.is("export_statement") && c.text().startsWith("export default")) {
                SyntaxNode d = c.field("declaration");
                SyntaxNode n = d == null ? null : d.field("name");
                if (n != null) {
                    ClassInfo info = NestClasses.of(file).named(n.text());
                    if (info != null) {
                        return Optional.of(new Found(file, info));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The file where a name exported by {@code file} is bound (a constant, an enum, a function, a class), following
     * re-exports across barrels; empty when it cannot be told.
     */
    Optional<ParsedFile> declaring(ParsedFile file, String name) {
        return declaring(file, name, 0);
    }

    private Optional<ParsedFile> declaring(ParsedFile file, String name, int depth) {
        if (depth > MAX_DEPTH || file.tree() == null) {
            return Optional.empty();
        }
        JsFile js = JsFile.of(file);
        if (!js.declarations(name).isEmpty() || js.enumDeclaration(name) != null || js.function(name) != null
                || NestClasses.of(file).named(name) != null) {
            return Optional.of(file);
        }
        JsFile.Export e = js.exports().get(name);
        if (e != null && e.fromSource() != null) {
            Optional<ParsedFile> next = file(file, e.fromSource());
            return next.isEmpty() ? Optional.empty() : declaring(next.get(), e.fromName(), depth + 1);
        }
        JsFile.Import imp = js.importOf(name);
        if (imp != null && !imp.imported().equals("*") && !imp.imported().equals("default")) {
            Optional<ParsedFile> next = file(file, imp.source());
            return next.isEmpty() ? Optional.empty() : declaring(next.get(), imp.imported(), depth + 1);
        }
        for (SyntaxNode c : file.tree().root().namedChildren()) {
            if (c.is("export_statement") && c.text().startsWith("export *") && !c.text().startsWith("export * as")) {
                Optional<ParsedFile> next = file(file, JsSyntax.stringValue(c.field("source")));
                if (next.isPresent()) {
                    Optional<ParsedFile> found = declaring(next.get(), name, depth + 1);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** An interface or type alias named {@code name} in {@code from} or in the file it imports it from. */
    Optional<FoundType> typeNamed(ParsedFile from, String name) {
        if (name == null || from.tree() == null) {
            return Optional.empty();
        }
        JsFile js = JsFile.of(from);
        SyntaxNode here = js.typeDeclaration(name);
        if (here != null) {
            return Optional.of(new FoundType(from, here));
        }
        JsFile.Import imp = js.importOf(name);
        if (imp == null || imp.imported().equals("*") || imp.imported().equals("default")) {
            return Optional.empty();
        }
        Optional<ParsedFile> target = file(from, imp.source());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        SyntaxNode there = JsFile.of(target.get()).typeDeclaration(imp.imported());
        return there == null ? Optional.empty() : Optional.of(new FoundType(target.get(), there));
    }

    Optional<ParsedFile> file(ParsedFile from, String specifier) {
        Optional<SourceFile> f = modules.resolve(from.path(), specifier);
        return f.map(sources::parsed);
    }
}
