package io.camrig.cli.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A command's own temporary directory (broker data, node logins and logs): created under
 * {@code java.io.tmpdir}, deleted with everything in it by {@link #close()} (success or failure) and,
 * until then, by a JVM shutdown hook (Ctrl-C, SIGTERM). HiveMQ's persistence alone is hundreds of MB
 * per run, so nothing may stay behind.
 */
public final class ScratchDirectory implements AutoCloseable {
    /** Passes over the tree: a broker or node stopping at the same time may still add a file. */
    private static final int PASSES = 3;

    private final Path path;
    private final Thread shutdownHook;

    private ScratchDirectory(Path path) {
        this.path = path;
        this.shutdownHook = new Thread(this::delete, "camrig-scratch-delete");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * A fresh directory named {@code prefix} + a random suffix (mode 0700).
     *
     * @throws IOException when it cannot be created
     */
    public static ScratchDirectory create(String prefix) throws IOException {
        return new ScratchDirectory(Files.createTempDirectory(prefix));
    }

    /** The directory. */
    public Path path() {
        return path;
    }

    /** Deletes the directory and everything in it. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook deletes it
        }
        delete();
    }

    private void delete() {
        for (int pass = 1; pass <= PASSES && Files.exists(path); pass++) {
            try (Stream<Path> all = Files.walk(path)) {
                List<Path> deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
                for (Path p : deepestFirst) {
                    Files.deleteIfExists(p);
                }
            } catch (NoSuchFileException | DirectoryNotEmptyException | UncheckedIOException raced) {
                // a file appeared or went while walking: walk again
            } catch (IOException e) {
                return;
            }
        }
    }
}
