package io.camrig.ble.packet;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the Open GoPro spec lives for tests: system property {@code camrig.spec.dir}. Absent,
 * a spec-based test is skipped, unless {@code camrig.spec.required=true}, when it fails.
 */
final class SpecDirectory {
    private SpecDirectory() {
    }

    static Path require() {
        String property = System.getProperty("camrig.spec.dir");
        Path dir = property == null || property.isBlank() ? null : Path.of(property);
        if (dir == null || !Files.isDirectory(dir.resolve("tutorials"))) {
            String message = "Open GoPro spec directory not found (camrig.spec.dir=" + property
                    + "): spec-based test skipped";
            if (Boolean.getBoolean("camrig.spec.required")) {
                fail(message.replace("skipped", "required by camrig.spec.required=true"));
            }
            Assumptions.abort(message);
        }
        return dir;
    }
}
