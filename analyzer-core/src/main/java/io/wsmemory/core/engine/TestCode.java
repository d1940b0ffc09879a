package io.wsmemory.core.engine;

import java.util.Locale;
import java.util.Set;

/** Recognises test code by its path: test folders and the test-file names of each ecosystem. */
public final class TestCode {

    private static final Set<String> FOLDERS = Set.of("test", "tests", "__tests__", "__mocks__", "spec", "specs", "e2e",
            "cypress", "playwright", "testdata", "test-utils", "testing");

    private TestCode() {
    }

    public static boolean isTest(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.contains("src/test/") || p.contains("src/it/")) {
            return true;
        }
        String[] parts = p.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (FOLDERS.contains(parts[i])) {
                return true;
            }
        }
        String name = parts[parts.length - 1];
        // Java test classes by JUnit's conventions, in their own case: FooTest, FooTests, FooIT, FooTestCase
        // (lower-cased, "Init.java" or "Audit.java" would end in "it.java" too)
        String javaName = path.substring(path.lastIndexOf('/') + 1);
        return name.matches(".*\\.(test|spec|e2e|cy)\\.[a-z]+$") || name.endsWith("_test.go")
                || name.matches("test_.*\\.py") || name.endsWith("_test.py")
                || javaName.matches(".*(Test|Tests|IT|TestCase)\\.java")
                || name.equals("conftest.py");
    }
}
