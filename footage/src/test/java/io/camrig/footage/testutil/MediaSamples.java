package io.camrig.footage.testutil;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real GoPro files for tests (../shared/media-samples, never copied into the project): system
 * property {@code camrig.media.samples.dir}. When a file is absent the test is skipped with a
 * message, unless {@code camrig.media.samples.required=true} (as in CI), then it fails.
 */
public final class MediaSamples {
    private MediaSamples() {
    }

    public static Path require(String name) {
        String dir = System.getProperty("camrig.media.samples.dir");
        Path file = dir == null || dir.isBlank() ? null : Path.of(dir).resolve(name);
        if (file == null || !Files.isReadable(file)) {
            String why = "media sample " + name + " not found (camrig.media.samples.dir=" + dir + ")";
            if (Boolean.getBoolean("camrig.media.samples.required")) {
                fail(why + " and camrig.media.samples.required=true");
            }
            assumeTrue(false, why + "; skipping");
        }
        return file;
    }
}
