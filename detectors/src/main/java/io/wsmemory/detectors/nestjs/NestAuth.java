package io.wsmemory.detectors.nestjs;

import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.parse.SyntaxNode;
import io.wsmemory.core.resolve.js.JsFile;
import io.wsmemory.core.resolve.js.JsSyntax;
import io.wsmemory.detectors.nestjs.NestClasses.ClassInfo;
import io.wsmemory.detectors.nestjs.NestClasses.Field;
import io.wsmemory.detectors.nestjs.NestClasses.Method;
import io.wsmemory.detectors.socketio.AuthReading;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a gateway's checks read: a guard class ({@code canActivate} and the methods it calls, in the guard and in
 * the services it injects), or {@code handleConnection} with the helpers it calls. The credential is judged the way
 * the Socket.IO detector judges a handshake hook.
 */
final class NestAuth {

    private static final Pattern SELF_CALL = Pattern.compile(
            "(?<![\\w$])(?:this|_this|self|that)\\s*\\.\\s*([A-Za-z_$][\\w$]*)\\s*\\(");
    private static final Pattern FIELD_CALL = Pattern.compile(
            "(?<![\\w$])(?:this|_this|self|that)\\s*\\.\\s*([A-Za-z_$][\\w$]*)\\s*\\.\\s*([A-Za-z_$][\\w$]*)\\s*\\(");
    private static final Pattern PLAIN_CALL = Pattern.compile("(?<![\\w$.])([A-Za-z_$][\\w$]*)\\s*\\(");
    private static final Pattern AUTHISH = Pattern.compile("token|auth|jwt|session|credential|bearer|user",
            Pattern.CASE_INSENSITIVE);
    /** How a connection is refused: Socket.IO's disconnect, ws's close or terminate. */
    private static final Pattern REJECT = Pattern.compile("\\bdisconnect\\s*\\(|\\.\\s*(close|terminate)\\s*\\(");
    private static final int MAX_DEPTH = 3;
    private static final int MAX_TEXT = 200_000;

    /** A check read: the credential, or none with {@code looksLikeAuth} when its words say it is one anyway. */
    record Reading(Optional<AuthReading.Credential> credential, boolean looksLikeAuth, boolean disconnects,
                   String text) {
    }

    private NestAuth() {
    }

    /** The text of a method with the methods it calls on {@code this} and on injected classes of the repository. */
    static Reading method(NestTypes types, ParsedFile file, ClassInfo cls, Method m) {
        StringBuilder text = new StringBuilder();
        Set<String> seen = new HashSet<>();
        Set<ParsedFile> modules = new java.util.LinkedHashSet<>();
        gather(types, file, cls, m, text, seen, modules, 0);
        return reading(text.toString(), file, modules);
    }

    /** The text of a whole guard class with the injected-class methods it calls. */
    static Reading guard(NestTypes types, ParsedFile file, ClassInfo cls) {
        StringBuilder text = new StringBuilder(cls.node.text());
        Set<String> seen = new HashSet<>();
        Set<ParsedFile> modules = new java.util.LinkedHashSet<>();
        modules.add(file);
        for (Method m : cls.methods.values()) {
            seen.add(file.path() + "#" + cls.name + "." + m.name());
        }
        for (Method m : cls.methods.values()) {
            calledOnFields(types, file, cls, m.node().text(), text, seen, modules, 1);
        }
        Matcher fn = PLAIN_CALL.matcher(cls.node.text()); // helpers of the guard's file: decodeToken(token)
        JsFile js = JsFile.of(file);
        while (fn.find()) {
            SyntaxNode helper = js.function(fn.group(1));
            if (helper != null && seen.add(file.path() + "#" + fn.group(1))) {
                text.append('\n').append(helper.text());
            }
        }
        return reading(text.toString(), file, modules);
    }

    private static Reading reading(String text, ParsedFile file, Set<ParsedFile> files) {
        Optional<AuthReading.Credential> c = AuthReading.credential(text, JsFile.of(file));
        if (c.isEmpty() && text.toLowerCase(Locale.ROOT).contains("verify") && importsJwt(files)) {
            c = AuthReading.credential(text + "\njwt", JsFile.of(file)); // verify() of a JWT library imported elsewhere
        }
        return new Reading(c, AUTHISH.matcher(text).find(), REJECT.matcher(text).find(), text);
    }

    private static boolean importsJwt(Set<ParsedFile> files) {
        for (ParsedFile f : files) {
            JsFile js = JsFile.of(f);
            if (js.importsModule("jsonwebtoken") || js.importsModule("jose") || js.importsModule("@nestjs/jwt")
                    || js.importsModule("express-jwt")) {
                return true;
            }
        }
        return false;
    }

    private static void gather(NestTypes types, ParsedFile file, ClassInfo cls, Method m, StringBuilder text,
                               Set<String> seen, Set<ParsedFile> modules, int depth) {
        if (m == null || depth > MAX_DEPTH || text.length() > MAX_TEXT
                || !seen.add(file.path() + "#" + cls.name + "." + m.name())) {
            return;
        }
        modules.add(file);
        String body = m.node().text();
        text.append(body).append('\n');
        Matcher self = SELF_CALL.matcher(body);
        while (self.find()) {
            Method called = cls.method(self.group(1));
            if (called != null) {
                gather(types, file, cls, called, text, seen, modules, depth + 1);
            }
        }
        calledOnFields(types, file, cls, body, text, seen, modules, depth);
    }

    /** {@code this.authService.verify(token)}: the service's method, when the repository declares the service. */
    private static void calledOnFields(NestTypes types, ParsedFile file, ClassInfo cls, String body,
                                       StringBuilder text, Set<String> seen, Set<ParsedFile> modules, int depth) {
        Matcher field = FIELD_CALL.matcher(body);
        while (field.find()) {
            Field f = cls.field(field.group(1));
            if (f == null || f.typeName() == null) {
                continue;
            }
            JsFile.Import imp = JsFile.of(file).importOf(f.typeName());
            if (imp != null && !imp.source().startsWith(".") && types.modules().resolve(file.path(), imp.source())
                    .isEmpty()) {
                text.append(' ').append(imp.source()).append('.').append(field.group(2)).append('\n');
                continue; // a package: its name says what it is (@nestjs/jwt, jsonwebtoken)
            }
            Optional<NestTypes.Found> target = types.classNamed(file, f.typeName());
            if (target.isPresent()) {
                Method called = target.get().cls().method(field.group(2));
                gather(types, target.get().file(), target.get().cls(), called, text, seen, modules, depth + 1);
            }
        }
    }

    /** The source text of a middleware: inline, a function of this file, or one imported from the repository. */
    static String hookText(NestTypes types, ParsedFile file, io.wsmemory.core.resolve.js.JsResolver resolver,
                           SyntaxNode hook) {
        SyntaxNode h = JsSyntax.unwrap(hook);
        if (h != null && h.is("call_expression") && h.field("function") != null
                && h.field("function").is("identifier")) { // SocketAuthMiddleware(this.authService): the factory
            String factory = hookText(types, file, resolver, h.field("function"));
            if (factory != null && !factory.equals(h.field("function").text())) {
                return h.text() + "\n" + factory;
            }
        }
        if (h != null && h.is("identifier")) {
            JsFile.Import imp = JsFile.of(file).importOf(h.text());
            if (imp != null) {
                Optional<ParsedFile> target = types.file(file, imp.source());
                if (target.isPresent()) {
                    JsFile there = JsFile.of(target.get());
                    SyntaxNode fn = there.function(imp.imported());
                    if (fn == null) {
                        for (JsFile.Declaration d : there.declarations(imp.imported())) {
                            if (d.value() != null) {
                                fn = d.value();
                            }
                        }
                    }
                    if (fn != null) {
                        return fn.text();
                    }
                }
            }
        }
        return AuthReading.hookText(resolver, hook);
    }
}
