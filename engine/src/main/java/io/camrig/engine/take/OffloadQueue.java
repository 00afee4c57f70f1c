package io.camrig.engine.take;

import io.camrig.http.model.GroupMember;
import io.camrig.http.model.MediaFile;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The persistent offload queue of one take: its manifest, where every file not yet {@code
 * VERIFIED} is still to fetch. Each change (a file enqueued, verified, failed) is written to the
 * manifest at once, atomically, so a process killed at any instant restarts from the last state;
 * the bytes of a file in progress are in its partial file, which the next download resumes.
 *
 * <p>Thread-safe: a change returns once the manifest holding it is on disk (blocking file I/O,
 * an fsync: call them from a bounded-elastic thread). Changes from many threads (one per camera)
 * share writes: a change made while another thread writes the manifest waits for that write to
 * end, then one of the waiting threads writes the manifest with all their changes at once (a group
 * commit), so N cameras verifying files at the same time cost about one write per fsync, not N.
 * Reads ({@link #manifest()}, {@link #pending}) never wait for a write, so an event loop may call
 * them (the service's {@code GET /api/takes}).
 */
public final class OffloadQueue {
    private final TakeStore store;
    private final Consumer<TakeManifest> writer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition writeEnded = lock.newCondition();
    private volatile TakeManifest manifest;
    private long applied;       // guarded by lock: changes applied to the manifest in hand
    private long written = -1;  // guarded by lock: changes on disk (-1: the manifest given was never written here)
    private boolean writing;    // guarded by lock: a thread is writing the manifest

    /** The queue of {@code manifest}'s take in {@code store}. */
    public OffloadQueue(TakeStore store, TakeManifest manifest) {
        this(store, manifest, store::write);
    }

    /** As {@link #OffloadQueue(TakeStore, TakeManifest)}, the manifest written by {@code writer} (tests). */
    OffloadQueue(TakeStore store, TakeManifest manifest, Consumer<TakeManifest> writer) {
        this.store = Objects.requireNonNull(store, "store");
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** Threads waiting for a write under way to end (tests). */
    int waitingForAWrite() {
        lock.lock();
        try {
            return lock.getWaitQueueLength(writeEnded);
        } finally {
            lock.unlock();
        }
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
     * Applies {@code change} to the manifest and returns once a manifest holding it is written;
     * changes are applied one at a time, in the order they take the lock. A change that leaves
     * the manifest as it was written is not written again (a camera's run re-queueing files
     * already listed would otherwise rewrite and {@code fsync} {@code take.json} for nothing).
     * The manifest returned holds this change, and may hold others made meanwhile.
     *
     * @throws java.io.UncheckedIOException when this thread wrote the manifest and the write
     *     failed (the change stays applied in memory; the next write carries it)
     */
    public TakeManifest update(UnaryOperator<TakeManifest> change) {
        lock.lock();
        try {
            TakeManifest next = change.apply(manifest);
            if (!next.equals(manifest) || written < 0) {
                manifest = next;
                applied++;
            }
            long mine = applied;
            while (written < mine) {
                if (writing) {
                    writeEnded.awaitUninterruptibly();
                } else {
                    writeAll();
                }
            }
            return manifest;
        } finally {
            lock.unlock();
        }
    }

    /** Writes the manifest in hand without the lock; called with it held, returns with it held. */
    private void writeAll() {
        long upTo = applied;
        TakeManifest snapshot = manifest;
        writing = true;
        lock.unlock();
        boolean ok = false;
        try {
            writer.accept(snapshot);
            ok = true;
        } finally {
            lock.lock();
            writing = false;
            if (ok) {
                written = Math.max(written, upTo);
            }
            writeEnded.signalAll();
        }
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
     * offers for it (see {@link Companion#of}), and preceded by those always fetched ({@link
     * Companion#always()}: a photo's RAW version), so that they are fetched before it.
     */
    public TakeManifest enqueue(String serial, List<MediaFile> files, java.util.Set<Companion> companions) {
        return update(m -> m.updateCamera(serial, c -> {
            TakeCamera out = c;
            for (MediaFile f : files) {
                List<TakeFile> wanted = new java.util.ArrayList<>();
                // A RAW version first: the photo is deleted (--delete-after-verify) only once it is fetched.
                for (Companion k : Companion.values()) {
                    if (k.always()) {
                        k.of(f).ifPresent(wanted::add);
                    }
                }
                wanted.add(TakeFile.pending(f.directory(), f.name(), f.size(), f.created().getEpochSecond()));
                for (Companion k : Companion.values()) {
                    if (!k.always() && companions.contains(k)) {
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

    /**
     * Enqueues a camera's {@code recording}: a group's photos as its members ({@link
     * #enqueueMembers}: the group's name kept with each, as a card's offload queues them), else
     * its chapters with {@code companions} ({@link #enqueue(String, List, java.util.Set)}).
     */
    public TakeManifest enqueue(String serial, io.camrig.http.model.Recording recording,
            java.util.Set<Companion> companions) {
        return recording.members().isEmpty() ? enqueue(serial, recording.chapters(), companions)
                : enqueueMembers(serial, recording.members());
    }

    /**
     * Enqueues the member files of grouped items (bursts, time lapses) for camera {@code serial}
     * ({@link TakeFile#pendingMember}: size not listed, the group's creation time and name); a
     * file already listed keeps its state.
     */
    public TakeManifest enqueueMembers(String serial, List<GroupMember> members) {
        if (members.isEmpty()) {
            return manifest;
        }
        return update(m -> m.updateCamera(serial, c -> {
            TakeCamera out = c;
            for (GroupMember g : members) {
                if (out.file(g.directory(), g.name()).isEmpty()) {
                    out = out.withFile(TakeFile.pendingMember(g.directory(), g.name(), g.created().getEpochSecond(),
                            g.group().name()));
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

    /** Records that the camera deleted a verified file ({@code --delete-after-verify}): later runs leave it be. */
    public TakeManifest deletedFromCamera(String serial, TakeFile file) {
        return update(m -> m.updateCamera(serial, c -> c.file(file.folder(), file.name())
                .map(f -> c.withFile(f.withDeletedFromCamera())).orElse(c)));
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
