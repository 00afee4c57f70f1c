package io.camrig.service.takes;

import io.camrig.engine.offload.OffloadCamera;
import io.camrig.engine.offload.OffloadEvent;
import io.camrig.engine.offload.OffloadOptions;
import io.camrig.engine.offload.Offloader;
import io.camrig.engine.offload.OffloadRuns;
import io.camrig.engine.offload.OffloadsClosedException;
import io.camrig.engine.take.TakeStore;
import io.camrig.engine.session.HttpAddressResolver;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpOptions;
import io.camrig.http.model.Recording;
import io.camrig.service.events.EventHub;
import io.camrig.service.rig.ErrorView;
import io.camrig.service.rig.RigAccess;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Downloads a take's files through the engine's {@link Offloader}: for each camera that recorded
 * (fire on and off both succeeded) and whose serial names a directory, the newest recording of
 * its media list (its newest file and every other chapter of it, {@link Recording}), checked to come from that camera (its serial over HTTP), into
 * {@code <media-dir>/<take id>/<serial>/<folder>/<file>} with each file's SHA-256 in the take's manifest
 * (so {@code camrig takes verify} checks it). Progress goes to the take and out as {@code take}
 * events, at most every 200 ms per camera. A camera whose serial is unknown or is not a plain
 * name (one that sends {@code ../}) gets nothing written and a typed failure.
 *
 * <p>The downloads it starts ({@link #launch}) are its own ({@link OffloadRuns}): one take downloads
 * once at a time, and {@link #close} cancels those under way (partial files kept, resumed with
 * {@code Range} by the next download or {@code camrig offload}), waits for their last manifest
 * write, and refuses later ones with {@link OffloadsClosedException}.
 */
public final class TakeDownloads {
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(200);

    private final RigAccess rig;
    private final HttpAddressResolver http;
    private final EventHub hub;
    private final OffloadRuns runs;
    private final Set<String> downloading = ConcurrentHashMap.newKeySet();

    /** Downloads into {@code store}, the take log's (closed by {@link #close}). */
    public TakeDownloads(RigAccess rig, HttpAddressResolver http, EventHub hub, TakeStore store) {
        this.rig = rig;
        this.http = http;
        this.hub = hub;
        this.runs = new OffloadRuns("the rig service", store);
    }

    /**
     * Starts the take's downloads in the background, owned by this object; progress and outcome go
     * out as events and log lines.
     *
     * @return {@code false} when the take is already downloading (nothing started)
     * @throws OffloadsClosedException after {@link #close}
     */
    public boolean launch(Take take) {
        if (runs.isClosed()) {
            throw new OffloadsClosedException("the rig service");
        }
        if (!downloading.add(take.takeId())) {
            return false;
        }
        start(take).doFinally(s -> downloading.remove(take.takeId()))
                .subscribe(null, e -> hub.log(e instanceof OffloadsClosedException ? "info" : "error", null,
                        "downloads of take " + take.takeId() + ": " + e.getMessage()));
        return true;
    }

    /** Downloads under way. */
    public int active() {
        return runs.active();
    }

    /**
     * Cancels every download under way (partial files kept, resumable), refuses new ones, and
     * waits up to {@code timeout} for the last manifest write; after it returns {@code true},
     * nothing writes under the media directory any more.
     *
     * @return {@code false} when a manifest write was still under way at the timeout (logged)
     */
    public boolean close(Duration timeout) {
        int running = runs.active();
        boolean settled = runs.close(timeout);
        if (running > 0) {
            hub.log(settled ? "info" : "error", null, settled
                    ? "stopped " + running + " take download(s); partial files kept for a later download to resume"
                    : "stopped " + running + " take download(s) but a manifest write had not finished after "
                            + timeout.toMillis() + " ms");
        }
        return settled;
    }

    /**
     * The take's downloads, 4 cameras at a time, owned by this object (see {@link #close}); completes
     * when all ended (each ok or failed); errors with {@link OffloadsClosedException} when closed.
     */
    public Mono<Void> start(Take take) {
        Offloader offloader = new Offloader(take.queue(), OffloadOptions.defaults(), Optional.empty());
        return runs.track(Flux.fromIterable(take.recorded())
                .flatMap(p -> one(take, offloader, p), 4)
                .then(Mono.fromRunnable(() -> hub.publish("take", "take:" + take.id(), take.view()))));
    }

    private Mono<Void> one(Take take, Offloader offloader, Take.Part p) {
        take.download(p.camera(), new Take.DownloadView("pending", 0, 0, null, null));
        if (p.serial() == null) {
            return Mono.fromRunnable(() -> failed(take, p, new IllegalStateException(p.name()
                    + ": its serial number is unknown or cannot name a directory; nothing is written for it")));
        }
        java.util.concurrent.atomic.AtomicReference<Throwable> cameraFailed = new java.util.concurrent.atomic.AtomicReference<>();
        return Mono.fromCallable(() -> http.resolve(p.serial())
                        .orElseThrow(() -> new IllegalStateException(p.name() + ": no HTTP address")))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(address -> offloader.recording(OffloadCamera.of(p.serial(), p.name(),
                        new CameraHttpClient(address, HttpOptions.defaults()), OffloadCamera.Link.OTHER),
                        client -> client.mediaList().flatMap(list -> Mono.justOrEmpty(io.camrig.http.UnsafeMediaNameException
                                .requireNewestRecording(list, p.name())))))
                .doOnNext(e -> {
                    if (e instanceof OffloadEvent.Failed f && f.file() == null) {
                        cameraFailed.set(f.error());
                    } else if (e instanceof OffloadEvent.Progress g) {
                        take.download(p.camera(), new Take.DownloadView("running", g.bytesDone(), g.total(),
                                g.file().name(), null));
                    }
                })
                .sample(PROGRESS_EVERY)
                .doOnNext(e -> hub.publish("take", "take:" + take.id(), take.view()))
                .then(Mono.fromRunnable(() -> finished(take, p, cameraFailed.get())))
                .onErrorResume(e -> Mono.fromRunnable(() -> failed(take, p, e)))
                .then();
    }

    /** The camera's part as the manifest now tells it (verified, or failed with its reason). */
    private void finished(Take take, Take.Part p, Throwable cameraFailed) {
        Take.DownloadView d = take.stored(p.serial());
        if (d == null) {
            failed(take, p, cameraFailed != null ? cameraFailed
                    : new IllegalStateException(p.name() + ": the media list is empty"));
            return;
        }
        take.download(p.camera(), d);
        hub.publish("take", "take:" + take.id(), take.view());
        if ("done".equals(d.state())) {
            rig.member(Integer.toString(p.camera())).ifPresent(m -> rig.metrics().downloaded(m.advertisedName(), d.total()));
            hub.log("info", p.name(), "take " + take.takeId() + ": downloaded " + d.file() + " (" + d.total() + " B)");
        } else {
            hub.log("error", p.name(), "take " + take.takeId() + ": download " + d.state() + ": "
                    + (d.error() == null ? "" : d.error().message()));
        }
    }

    private void failed(Take take, Take.Part p, Throwable e) {
        take.download(p.camera(), new Take.DownloadView("failed", 0, 0, null, ErrorView.of(e, "download")));
        hub.publish("take", "take:" + take.id(), take.view());
        hub.log("error", p.name(), "take " + take.takeId() + ": download failed: " + e.getClass().getSimpleName()
                + ": " + e.getMessage());
    }
}
