package io.camrig.cluster.node;

import io.camrig.cluster.wire.CameraEntry;
import io.camrig.cluster.wire.Command;
import io.camrig.cluster.wire.Reply;
import io.camrig.engine.camera.Camera;
import io.camrig.engine.offload.OffloadCamera;
import io.camrig.engine.offload.OffloadEvent;
import io.camrig.engine.offload.Offloader;
import io.camrig.engine.offload.OffloadRuns;
import io.camrig.engine.offload.OffloadsClosedException;
import io.camrig.engine.offload.TakeFootage;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.model.MediaFile;
import io.camrig.http.model.PathNames;
import io.camrig.http.model.Recording;
import io.camrig.proto.error.PermanentCamrigException;
import io.camrig.proto.message.HardwareInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A node's part of a take's offload ({@code offload} command): each of its cameras' newest
 * recording (its newest file and every other chapter of it, {@link Recording}, first chapter first)
 * fetched through the engine's {@link Offloader} (serial checked over HTTP, Range resume from a
 * partial file, SHA-256 while streaming, size and media-info check, per-link concurrency: over
 * COHN or directly in parallel, over each camera's own AP one at a time through the node's host
 * Wi-Fi, see {@link NodeLinks}) into the
 * node's own media directory, {@code <media-dir>/<take>/<serial>/<folder>/<file>}, the footage
 * facts read from each file, and one reply entry per camera carrying its part of the take
 * ({@link CameraEntry#take()}). The node's queue is {@code <take>/take.<node>.json}: a file verified
 * once is not fetched again, a partial one is resumed. Runs once per request id (the node's
 * {@link RequestLog}). {@link #close} stops the offloads under way, leaving only resumable state.
 */
final class NodeOffload {
    private final String node;
    private final Rig rig;
    private final Map<Integer, HardwareInfo> identities;
    private final NodeMedia media;
    private final TakeStore store;
    private final NodeLinks links;
    private final Consumer<OffloadEvent> events;
    private final IntFunction<Optional<Map<String, Object>>> cameraClock;
    private final OffloadRuns runs;

    /**
     * @param cameraClock by rig index, how the node last set the camera's clock (the manifest's
     *     {@code cameraClock} extension), if it did
     */
    NodeOffload(String node, Rig rig, Map<Integer, HardwareInfo> identities, NodeMedia media,
                Consumer<OffloadEvent> events, IntFunction<Optional<Map<String, Object>>> cameraClock) {
        this.node = node;
        this.rig = rig;
        this.identities = identities;
        this.media = media;
        this.store = new TakeStore(media.mediaDir()).withManifestName("take." + node + ".json");
        this.links = new NodeLinks(node, media);
        this.events = events;
        this.cameraClock = cameraClock;
        this.runs = new OffloadRuns("node " + node, store);
    }

    /**
     * Stops the offloads under way (partial files kept, resumable), refuses later ones, and waits
     * up to {@code timeout} for their last manifest write ({@link OffloadRuns#close}).
     */
    boolean close(Duration timeout) {
        return runs.close(timeout);
    }

    Mono<Reply> offload(Command c) {
        if (c.take() == null || !PathNames.isSafeSegment(c.take())) {
            return Mono.just(reply(c, Entries.allFailed(rig.members(), new PermanentCamrigException(
                    "offload needs a take id that names one directory", null, "offload", null))));
        }
        Map<Integer, Throwable> failures = new ConcurrentHashMap<>();
        return runs.track(Mono.fromCallable(() -> new OffloadQueue(store, store.open("rig", c.take())))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(queue -> Flux.fromIterable(rig.members()).filter(m -> takesPart(c, m))
                        .flatMap(m -> camera(m, queue).onErrorResume(e -> {
                            failures.put(m.index(), e);
                            return Mono.empty();
                        }))
                        .collectList()
                        .flatMapMany(cameras -> new Offloader(queue, media.offload(), media.wifi())
                                .runRecordings(cameras, cam -> NodeOffload::newest))
                        .doOnNext(events)
                        .doOnNext(e -> failed(e, failures))
                        .then(TakeFootage.read(queue))
                        .then(Mono.fromCallable(() -> reply(c, rig.members().stream()
                                .map(m -> takesPart(c, m) ? entry(m, queue, failures.get(m.index())) : skipped(c, m))
                                .toList())))))
                // The node is stopping: no reply, the coordinator learns it from the node's presence.
                .onErrorResume(OffloadsClosedException.class, e -> Mono.empty())
                // The media directory cannot be written, or a bug: every camera fails with it, the reply still goes.
                .onErrorResume(e -> Mono.just(reply(c, Entries.allFailed(rig.members(), e))));
    }

    /** {@code true} when the command lists the camera as having recorded in the take (or lists none). */
    private boolean takesPart(Command c, RigMember m) {
        return c.cameras() == null || c.cameras().getOrDefault(node, List.of()).contains(m.index());
    }

    private static CameraEntry skipped(Command c, RigMember m) {
        return new CameraEntry(m.index(), m.advertisedName(), CameraEntry.SKIPPED, 0, null, null, null, null,
                "did not record in take " + c.take() + ": nothing of it to offload", null);
    }

    /**
     * The camera to offload: its identity (read again when the node's start could not), and how it
     * is reached ({@link NodeLinks}: COHN, direct, or its own AP).
     */
    private Mono<OffloadCamera> camera(RigMember m, OffloadQueue queue) {
        Mono<HardwareInfo> id = Mono.justOrEmpty(identities.get(m.index()))
                .switchIfEmpty(Mono.defer(() -> m.currentCamera().flatMap(Camera::hardwareInfo)
                        .doOnNext(h -> identities.put(m.index(), h))));
        return id.flatMap(h -> Mono.fromCallable(() -> {
            if (!PathNames.isSafeSegment(h.serialNumber())) {
                throw new PermanentCamrigException("the camera reports a serial number that cannot name a directory; "
                        + "nothing is written for it", m.advertisedName(), "offload", null);
            }
            queue.ensureCamera(TakeCamera.of(h.serialNumber(), m.advertisedName(), h.modelName(), h.firmwareVersion())
                    .withNode(node));
            return h.serialNumber();
        }).subscribeOn(Schedulers.boundedElastic()).flatMap(serial -> links.reach(m, serial)));
    }

    /** The camera's newest recording: its newest file and every other chapter of it, first chapter first. */
    private static Mono<Recording> newest(CameraHttpClient client) {
        return client.mediaList().flatMap(list -> Mono.fromCallable(() -> io.camrig.http.UnsafeMediaNameException
                        .requireNewestRecording(list, client.baseUri().toString())).flatMap(o -> Mono.justOrEmpty(o))
                .switchIfEmpty(Mono.error(() -> new PermanentCamrigException("the media list is empty", null,
                        "media list", null))));
    }

    /** A whole camera's failure, or its first failed file, by the camera's rig index. */
    private void failed(OffloadEvent e, Map<Integer, Throwable> failures) {
        if (e instanceof OffloadEvent.Failed f && f.error() != null) {
            identities.forEach((index, h) -> {
                if (h.serialNumber().equals(f.serial())) {
                    failures.putIfAbsent(index, f.error());
                }
            });
        }
    }

    /** The camera's entry: ok when every file of it is verified, else failed with the first error; its take either way. */
    private CameraEntry entry(RigMember m, OffloadQueue queue, Throwable failure) {
        HardwareInfo h = identities.get(m.index());
        Optional<TakeCamera> take = h == null ? Optional.empty() : queue.manifest().camera(h.serialNumber());
        if (take.isPresent() && failure == null && take.get().files().isEmpty()) {
            failure = new PermanentCamrigException("no file to offload", m.advertisedName(), "offload", null);
        }
        String outcome = failure == null ? "ok" : "failed: " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
        Optional<Map<String, Object>> clockSet = cameraClock.apply(m.index());
        TakeCamera camera = take.map(t -> t.withStep("offload on " + node, outcome))
                .map(t -> clockSet.map(s -> t.withExtension("cameraClock", s)).orElse(t)).orElse(null);
        if (failure == null) {
            return new CameraEntry(m.index(), m.advertisedName(), CameraEntry.OK, 0, null, null, null, null, null, null,
                    camera);
        }
        CameraEntry failed = Entries.failed(m, failure, 0);
        return new CameraEntry(failed.index(), failed.name(), failed.status(), 0, null, null, null, failed.error(),
                failed.message(), null, camera);
    }

    private Reply reply(Command c, List<CameraEntry> cameras) {
        return new Reply(c.id(), node, c.op(), cameras, null, null);
    }
}
