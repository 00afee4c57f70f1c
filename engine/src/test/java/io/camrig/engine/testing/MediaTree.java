package io.camrig.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a media directory holds, for tests that check nothing writes there after a close (shared
 * with the service's and the cluster's tests through this module's test-jar).
 */
public final class MediaTree {
    private MediaTree() {
    }

    /** Every path under {@code dir} (itself included) with its size in bytes, {@code -1} for a directory. */
    public static Map<Path, Long> of(Path dir) throws IOException {
        Map<Path, Long> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                out.put(p, Files.isDirectory(p) ? -1L : Files.size(p));
            }
        }
        return out;
    }

    /** The size of {@code file} in bytes, or {@code -1} while it does not exist. */
    public static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
