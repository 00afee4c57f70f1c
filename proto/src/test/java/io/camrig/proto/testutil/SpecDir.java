package io.camrig.proto.testutil;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Open GoPro spec directory for tests that read it: system property {@code camrig.spec.dir}.
 * When it is absent the test is skipped with a message, unless {@code camrig.spec.required=true},
 * then it fails.
 */
public final class SpecDir {
    private SpecDir() {
    }

    public static Path require(String relative) {
        String dir = System.getProperty("camrig.spec.dir");
        Path file = dir == null || dir.isBlank() ? null : Path.of(dir).resolve(relative);
        if (file == null || !Files.isReadable(file)) {
            String why = "spec file " + relative + " not found (camrig.spec.dir=" + dir + ")";
            if (Boolean.getBoolean("camrig.spec.required")) {
                fail(why + " and camrig.spec.required=true");
            }
            assumeTrue(false, why + "; skipping");
        }
        return file;
    }
}
