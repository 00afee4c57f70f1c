package io.camrig.cli.take;

import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A take an offload created but found nothing for: no camera had a file to queue (e.g. {@code
 * --since-last-take} with nothing recorded since). Run every few minutes, such an offload would
 * otherwise leave one empty take each time in {@code takes list}.
 */
final class EmptyTake {
    private EmptyTake() {
    }

    /** {@code true} when no camera of the take has any file (queued, failed or verified). */
    static boolean isEmpty(TakeManifest m) {
        return m.cameras().stream().allMatch(c -> c.files().isEmpty());
    }

    /**
     * Removes the take's manifest and its directory when the take is empty and the directory holds
     * nothing else; a take with any file, or a directory with anything besides the manifest, is left.
     *
     * @return {@code true} when the take was removed
     * @throws UncheckedIOException when the manifest cannot be deleted
     */
    static boolean discard(TakeStore store, TakeManifest m) {
        if (!isEmpty(m)) {
            return false;
        }
        Path dir = store.takeDir(m.takeId());
        try (var entries = Files.list(dir)) {
            if (entries.anyMatch(p -> !p.getFileName().toString().equals(TakeStore.MANIFEST))) {
                return false;
            }
            Files.deleteIfExists(dir.resolve(TakeStore.MANIFEST));
            Files.delete(dir);
            return true;
        } catch (DirectoryNotEmptyException raced) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the empty take " + dir + ": " + e.getMessage(), e);
        }
    }
}
