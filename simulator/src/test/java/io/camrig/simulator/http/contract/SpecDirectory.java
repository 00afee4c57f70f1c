package io.camrig.simulator.http.contract;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the Open GoPro spec lives for tests: system property {@code camrig.spec.dir}. Absent,
 * a spec-based test is skipped with a message, unless {@code camrig.spec.required=true}, when it
 * fails.
 */
final class SpecDirectory {
    private SpecDirectory() {
    }

    /** {@code <spec>/http/openapi.json}, or the test is skipped (or failed when required). */
    static Path openApi() {
        String property = System.getProperty("camrig.spec.dir");
        Path file = property == null || property.isBlank() ? null : Path.of(property, "http", "openapi.json");
        if (file == null || !Files.isRegularFile(file)) {
            String message = "Open GoPro openapi.json not found (camrig.spec.dir=" + property
                    + "): contract test skipped";
            if (Boolean.getBoolean("camrig.spec.required")) {
                fail(message.replace("skipped", "required by camrig.spec.required=true"));
            }
            Assumptions.abort(message);
        }
        return file;
    }
}
