package io.camrig.engine.take;

import io.camrig.http.model.MediaFile;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The persistent offload queue of one take: its manifest, where every file not yet {@code
 * VERIFIED} is still to fetch. Each change (a file enqueued, verified, failed) is written to the
 * manifest at once, atomically, so a process killed at any instant restarts from the last state;
 * the bytes of a file in progress are in its partial file, which the next download resumes.
 *
 * <p>Thread-safe: changes take one lock for the take and write the manifest (blocking file I/O,
 * an fsync: call them from a bounded-elastic thread); reads ({@link #manifest()}, {@link #pending})
 * never wait for a change being written, so an event loop may call them (the service's
 * {@code GET /api/takes}).
 */
public final class OffloadQueue {
    private final TakeStore store;
    private volatile TakeManifest manifest;
    private boolean written;    // guarded by this: the manifest in hand is the one last written

    /** The queue of {@code manifest}'s take in {@code store}. */
    public OffloadQueue(TakeStore store, TakeManifest manifest) {
        this.store = Objects.requireNonNull(store, "store");
        this.manifest = Objects.requireNonNull(manifest, "manifest");
    }

    /** The store. */
    public TakeStore store() {
        return store;
    }

    /** The manifest as it stands (the last change, once applied; its write may still be under way). Never blocks. */
    public TakeManifest manifest() {
        return manifest;
    }

    /**
     * Applies {@code change} to the manifest and writes it; changes run one at a time. A change
     * that leaves the manifest as it was written is not written again (a camera's run re-queueing
     * files already listed would otherwise rewrite and {@code fsync} {@code take.json} for nothing).
     */
    public synchronized TakeManifest update(UnaryOperator<TakeManifest> change) {
        TakeManifest next = change.apply(manifest);
        if (written && next.equals(manifest)) {
            return manifest;
        }
        manifest = next;
        written = false;
        store.write(next);
        written = true;
        return next;
    }

    /** Adds the camera when absent (identity only), then writes. */
    public TakeManifest ensureCamera(TakeCamera camera) {
        return update(m -> m.camera(camera.serial()).isPresent() ? m : m.withCamera(camera));
    }

    /**
     * Enqueues {@code files} for camera {@code serial} (which must be in the take); a file
     * already listed keeps its state.
     */
    public TakeManifest enqueue(String serial, List<MediaFile> files) {
        return enqueue(serial, files, java.util.Set.of());
    }

    /**
     * As {@link #enqueue(String, List)}, each file followed by the {@code companions} the camera
     * offers for it (see {@link Companion#of}).
     */
    public TakeManifest enqueue(String serial, List<MediaFile> files, java.util.Set<Companion> companions) {
        return update(m -> m.updateCamera(serial, c -> {
            TakeCamera out = c;
            for (MediaFile f : files) {
                List<TakeFile> wanted = new java.util.ArrayList<>();
                wanted.add(TakeFile.pending(f.directory(), f.name(), f.size(), f.created().getEpochSecond()));
                for (Companion k : Companion.values()) {
                    if (companions.contains(k)) {
                        k.of(f).ifPresent(wanted::add);
                    }
                }
                for (TakeFile t : wanted) {
                    if (out.file(t.folder(), t.name()).isEmpty()) {
                        out = out.withFile(t);
                    }
                }
            }
            return out;
        }));
    }

    /** The files of {@code serial} still to fetch, in manifest order. Never blocks. */
    public List<TakeFile> pending(String serial) {
        return manifest().camera(serial).map(c -> c.files().stream().filter(f -> !f.verified()).toList())
                .orElse(List.of());
    }

    /** Marks a file verified at {@code relativePath} with its SHA-256. */
    public TakeManifest verified(String serial, TakeFile file, String relativePath, String sha256) {
        return update(m -> m.updateCamera(serial, c -> c.withFile(file.withVerified(relativePath, sha256))));
    }

    /** Marks a file failed; it stays in the queue. */
    public TakeManifest failed(String serial, TakeFile file, String reason) {
        return update(m -> m.updateCamera(serial, c -> c.withFile(file.withFailed(reason))));
    }

    /** Records the outcome of a step for a camera. */
    public TakeManifest step(String serial, String step, String outcome) {
        return update(m -> m.updateCamera(serial, c -> c.withStep(step, outcome)));
    }
}
