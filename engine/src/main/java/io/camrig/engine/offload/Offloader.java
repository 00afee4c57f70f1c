package io.camrig.engine.offload;

import io.camrig.engine.take.Companion;
import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.DownloadOptions;
import io.camrig.http.DownloadProgress;
import io.camrig.http.model.MediaFile;
import io.camrig.http.model.Recording;
import io.camrig.http.wifi.HostWifi;
import io.camrig.http.wifi.HostWifiLink;
import io.camrig.proto.error.TransientCamrigException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Fetches what a take's {@link OffloadQueue} still holds from each camera:
 * <ol>
 *   <li>over a camera's own AP ({@link OffloadCamera.Link#AP}), one camera at a time on the host's
 *       Wi-Fi interface: join its AP ({@link HostWifi#join}), fetch, leave ({@link
 *       HostWifiLink#restore}); COHN, USB and other cameras up to {@link OffloadOptions#maxParallel()} at once;</li>
 *   <li>check that the camera answering is the one expected ({@code GET /gopro/camera/info},
 *       its serial), else {@link WrongCameraException} and nothing is credited; asked again after
 *       each file arrives, before it is credited: another serial then fails that file with {@link
 *       WrongCameraException} (what this run wrote for it is deleted) and leaves the camera's other
 *       files queued;</li>
 *   <li>turbo transfer on ({@link OffloadOptions#turbo()}), each pending file downloaded to
 *       {@code <take>/<serial>/<folder>/<file>} (SHA-256 while streaming, resumed from its partial
 *       file, never replacing another file), its size and duration compared with the camera's
 *       media info ({@link OffloadOptions#checkMediaInfo()}; a mismatch fails it with {@link
 *       MediaInfoMismatchException}) and marked verified in the manifest, optionally deleted from
 *       the camera; the companions asked for ({@link OffloadOptions#companions()}: LRV downloaded
 *       like the video, THM from the thumbnail endpoint) beside it; a group's member (a burst's
 *       photo, {@link TakeFile#group()}) like any file, its size taken from the response since
 *       the list gives none ({@link MediaFile#SIZE_NOT_LISTED}); turbo off, also on failure or cancel.</li>
 * </ol>
 * Cameras are isolated: a camera's failure is an event; after a transient one (the camera is
 * gone, too slow, out of time) its remaining files stay queued for the next run. Cancelling keeps
 * every partial file and the manifest as it stood: a next run resumes.
 */
public final class Offloader {
    private final OffloadQueue queue;
    private final OffloadOptions options;
    private final Optional<HostWifi> wifi;
    private final ApLinks links = new ApLinks();

    /**
     * @param queue the take's queue (its manifest lists the cameras' files to fetch)
     * @param options parallelism, turbo, deletion, download settings
     * @param wifi the host's Wi-Fi interface, for AP cameras with {@link OffloadCamera#ap()}
     */
    public Offloader(OffloadQueue queue, OffloadOptions options, Optional<HostWifi> wifi) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.options = Objects.requireNonNull(options, "options");
        this.wifi = Objects.requireNonNull(wifi, "wifi");
    }

    /**
     * Offloads every camera's pending files.
     *
     * @return events of all cameras; completes when every camera is done; never errors for a
     *     camera's failure. Cold
     */
    public Flux<OffloadEvent> run(List<OffloadCamera> cameras) {
        return run(cameras, c -> client -> Mono.just(List.of()));
    }

    /**
     * As {@link #run(List)}, each camera's files from {@code select} queued once it is reached
     * (joined, serial checked): over an AP the media list can only be read then.
     *
     * @param select per camera, the files to add to its queue from its client
     */
    public Flux<OffloadEvent> run(List<OffloadCamera> cameras,
            Function<OffloadCamera, Function<CameraHttpClient, Mono<List<MediaFile>>>> select) {
        return runEach(cameras, c -> camera(c, select.apply(c)));
    }

    /**
     * As {@link #run(List, Function)}, each camera's {@link Recording} from {@code select} queued
     * ({@link OffloadQueue#enqueue(String, Recording, java.util.Set)}: a group's photos as its members).
     *
     * @param select per camera, the recording to add to its queue from its client; e.g. its newest
     */
    public Flux<OffloadEvent> runRecordings(List<OffloadCamera> cameras,
            Function<OffloadCamera, Function<CameraHttpClient, Mono<Recording>>> select) {
        return runEach(cameras, c -> recording(c, select.apply(c)));
    }

    private Flux<OffloadEvent> runEach(List<OffloadCamera> cameras, Function<OffloadCamera, Flux<OffloadEvent>> each) {
        List<OffloadCamera> viaAp = cameras.stream().filter(c -> c.link() == OffloadCamera.Link.AP).toList();
        List<OffloadCamera> direct = cameras.stream().filter(c -> c.link() != OffloadCamera.Link.AP).toList();
        return Flux.merge(
                Flux.fromIterable(viaAp).concatMap(each),
                Flux.fromIterable(direct).flatMap(each, options.maxParallel()));
    }

    /**
     * Offloads one camera: join its AP when it has one, check its serial, fetch its pending files.
     *
     * @return its events; never errors
     */
    public Flux<OffloadEvent> camera(OffloadCamera camera) {
        return camera(camera, client -> Mono.just(List.of()));
    }

    /**
     * As {@link #camera(OffloadCamera)}, queueing the files {@code select} lists once the camera
     * is joined and its serial checked (over an AP the media list can only be read then).
     *
     * @param select the files to add to the camera's queue, from its client; e.g. the newest file
     */
    public Flux<OffloadEvent> camera(OffloadCamera camera, Function<CameraHttpClient, Mono<List<MediaFile>>> select) {
        return reached(camera, client -> select.apply(client)
                .map(files -> () -> queue.enqueue(camera.serial(), files, options.companions())));
    }

    /**
     * As {@link #camera(OffloadCamera, Function)}, queueing the {@link Recording} {@code select}
     * gives ({@link OffloadQueue#enqueue(String, Recording, java.util.Set)}: a group's photos as
     * its members, so that a later {@code --since-last-take} knows them).
     *
     * @param select the recording to add to the camera's queue, from its client; e.g. its newest
     */
    public Flux<OffloadEvent> recording(OffloadCamera camera, Function<CameraHttpClient, Mono<Recording>> select) {
        return reached(camera, client -> select.apply(client)
                .map(r -> () -> queue.enqueue(camera.serial(), r, options.companions())));
    }

    /** Joins the camera's AP when it has one, checks its serial, queues what {@code select} gives (blocking, off the event loop), fetches. */
    private Flux<OffloadEvent> reached(OffloadCamera camera, Function<CameraHttpClient, Mono<Runnable>> select) {
        Flux<OffloadEvent> work = checked(camera, select);
        if (camera.ap().isPresent()) {
            if (wifi.isEmpty()) {
                return Flux.just(new OffloadEvent.Failed(camera.serial(), null, new IllegalStateException(
                        "camera " + camera.serial() + " is reached over its AP but no host Wi-Fi interface was given")));
            }
            OffloadCamera.ApAccess ap = camera.ap().get();
            work = Flux.usingWhen(links.join(wifi.get().join(ap.ssid(), ap.password(), options.joinTimeout())),
                    link -> checked(camera, select),
                    links::leave,
                    (link, e) -> links.leave(link).onErrorResume(x -> Mono.empty()),
                    links::leave);
        }
        return work.onErrorResume(e -> Mono.just(new OffloadEvent.Failed(camera.serial(), null, e)));
    }

    private Flux<OffloadEvent> checked(OffloadCamera camera, Function<CameraHttpClient, Mono<Runnable>> select) {
        CameraHttpClient client = camera.client();
        return client.query().info()
                .flatMapMany(info -> info.serialNumber().equals(camera.serial())
                        ? select.apply(client)
                                .flatMap(enqueue -> Mono.fromRunnable(enqueue).subscribeOn(Schedulers.boundedElastic()))
                                .thenMany(options.turbo() ? withTurbo(camera) : files(camera))
                        : Flux.error(new WrongCameraException(camera.serial(), info.serialNumber(),
                                client.baseUri().toString())));
    }

    private Flux<OffloadEvent> withTurbo(OffloadCamera camera) {
        CameraHttpClient client = camera.client();
        Mono<OffloadEvent> off = client.control().turboTransfer(false).then(Mono.<OffloadEvent>empty())
                .onErrorResume(e -> Mono.just(new OffloadEvent.Warning(camera.serial(),
                        "turbo transfer could not be switched off: " + e.getMessage())));
        Mono<OffloadEvent> on = client.control().turboTransfer(true).then(Mono.<OffloadEvent>empty())
                .onErrorResume(e -> Mono.just(new OffloadEvent.Warning(camera.serial(),
                        "turbo transfer unavailable, offloading at normal speed: " + e.getMessage())));
        return Flux.usingWhen(Mono.just(camera),
                c -> Flux.concat(on, files(c)),
                c -> off.then(),
                (c, e) -> off.then(),
                c -> off.then());
    }

    private Flux<OffloadEvent> files(OffloadCamera camera) {
        AtomicBoolean gone = new AtomicBoolean();
        int[] done = {0};
        // Taken before any file of this run: the files an earlier run verified and did not see
        // deleted, which --delete-after-verify deletes too (after this run's files).
        List<TakeFile> onCamera = new java.util.ArrayList<>();
        return Mono.fromCallable(() -> {
                    if (options.deleteAfterVerify()) {
                        onCamera.addAll(stillOnCamera(camera.serial()));
                    }
                    return queue.pending(camera.serial());
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(pending -> Flux.concat(
                        Mono.fromCallable(() -> (OffloadEvent) new OffloadEvent.CameraStarted(camera.serial(),
                                pending.size(),
                                pending.stream().filter(TakeFile::sizeKnown).mapToLong(TakeFile::size).sum(),
                                pending.stream().mapToLong(f -> partSize(part(camera.serial(), f))).sum()))
                                .subscribeOn(Schedulers.boundedElastic()),
                        Flux.fromIterable(pending).concatMap(f -> gone.get() ? Flux.empty() : file(camera, f, gone, done)),
                        Flux.fromIterable(onCamera).concatMap(f -> gone.get() ? Flux.empty() : deleteEarlier(camera, f)),
                        Mono.fromCallable(() -> (OffloadEvent) new OffloadEvent.CameraDone(camera.serial(), done[0],
                                queue.pending(camera.serial()).size())).subscribeOn(Schedulers.boundedElastic())));
    }

    private Flux<OffloadEvent> file(OffloadCamera camera, TakeFile file, AtomicBoolean gone, int[] done) {
        String serial = camera.serial();
        Path takeDir = queue.store().takeDir(queue.manifest().takeId());
        Path target = queue.store().target(queue.manifest().takeId(), serial, file);
        Flux<DownloadProgress> fetch;
        TakeFile entry = file;
        long[] resumed = {0};
        if (file.companionOf() != null && file.name().endsWith(".THM")) {
            fetch = FileChecks.thumbnail(camera.client(), file, target, options.download().existing()).map(r -> new DownloadProgress(r.bytes(), r.bytes(), r))
                    .flux();
        } else {
            // A group's member has no listed size (SIZE_NOT_LISTED): the download takes it from the response.
            long listed = file.sizeKnown() ? file.size() : MediaFile.SIZE_NOT_LISTED;
            MediaFile media = new MediaFile(file.folder(), file.name(), listed,
                    Instant.ofEpochSecond(file.createdEpochSeconds()), Instant.ofEpochSecond(file.createdEpochSeconds()));
            // What the partial file holds before this run, so that a rate counts only the bytes fetched now.
            Path part = part(serial, file);
            fetch = Mono.fromRunnable(() -> resumed[0] = partSize(part)).subscribeOn(Schedulers.boundedElastic())
                    .thenMany(camera.client().download(media, target, options.download()));
        }
        return fetch
                .concatMap(p -> p.complete() ? verified(camera, entry.withSize(p.result().bytes()), p, takeDir, done)
                        : Mono.just(new OffloadEvent.Progress(serial, entry, p.bytesDone(), p.totalBytes(), resumed[0])))
                .onErrorResume(e -> {
                    if (e instanceof TransientCamrigException || e instanceof WrongCameraException) {
                        gone.set(true);     // the camera is not reachable as itself: its other files wait
                    }
                    return Mono.fromCallable(() -> {
                        queue.failed(serial, entry, e.getClass().getSimpleName() + ": " + e.getMessage());
                        return (OffloadEvent) new OffloadEvent.Failed(serial, entry, e);
                    }).subscribeOn(Schedulers.boundedElastic());
                });
    }

    private Flux<OffloadEvent> verified(OffloadCamera camera, TakeFile file, DownloadProgress p, Path takeDir,
            int[] done) {
        String relative = takeDir.relativize(p.result().path()).toString();
        Mono<Optional<MediaInfoMismatchException>> check = options.checkMediaInfo()
                ? FileChecks.mediaInfo(camera.client(), camera.name(), file, p.result()) : Mono.just(Optional.empty());
        // Still the same camera once the bytes are in: a host that fell onto another camera's AP
        // mid-offload (all answer at 10.5.5.9, and their files are named alike) must not get its
        // file credited here. What this run wrote for it is removed.
        Mono<Void> same = FileChecks.sameCamera(camera.client(), camera.serial(), p.result());
        Mono<OffloadEvent> record = same.then(check).flatMap(mismatch -> mismatch.isPresent() ? Mono.error(mismatch.get())
                : Mono.fromCallable(() -> {
                    queue.verified(camera.serial(), file, relative, p.result().sha256());
                    done[0]++;
                    return (OffloadEvent) new OffloadEvent.Verified(camera.serial(), file, p.result());
                }).subscribeOn(Schedulers.boundedElastic()));
        if (!options.deleteAfterVerify()) {
            return record.flux();
        }
        // Only once the manifest saying VERIFIED is on disk (record completed), never when it failed.
        Mono<OffloadEvent> delete = delete(camera, file, p.result().path());
        // A companion goes with its video: deleting the video removes it from the card.
        return file.companionOf() != null ? record.flux() : Flux.concat(record, delete);
    }

    /**
     * Deletes a verified {@code file} from the camera ({@link CameraDeletion}) and records it in the
     * manifest when done; a photo only once its RAW version is verified too (a camera may delete
     * both at once).
     */
    private Mono<OffloadEvent> delete(OffloadCamera camera, TakeFile file, Path local) {
        return Mono.defer(() -> rawLeft(camera.serial(), file)
                .map(raw -> Mono.<OffloadEvent>just(new OffloadEvent.KeptOnCamera(camera.serial(), file,
                        OffloadEvent.KeptReason.RAW_NOT_FETCHED, "its RAW version " + raw.name()
                        + " is not verified yet: deleting the photo could delete it too")))
                .orElseGet(() -> CameraDeletion.delete(camera, file, local)))
                .flatMap(e -> e instanceof OffloadEvent.DeletedFromCamera
                        ? Mono.fromCallable(() -> {
                            queue.deletedFromCamera(camera.serial(), file);
                            return e;
                        }).subscribeOn(Schedulers.boundedElastic())
                        : Mono.just(e));
    }

    /** The camera's own files (not companions) an earlier run verified and did not see deleted, in manifest order. */
    private List<TakeFile> stillOnCamera(String serial) {
        return queue.manifest().camera(serial).map(c -> c.files().stream()
                .filter(f -> f.verified() && !f.deleted() && f.companionOf() == null).toList()).orElse(List.of());
    }

    /**
     * A file verified by an earlier run, deleted from the camera now: only when its copy here still
     * has the size and SHA-256 its manifest records (re-hashed), then with every check of a first
     * deletion. Never errors.
     */
    private Mono<OffloadEvent> deleteEarlier(OffloadCamera camera, TakeFile file) {
        String takeId = queue.manifest().takeId();
        return Mono.fromCallable(() -> queue.store().check(takeId, camera.serial(), file))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(check -> check.result() == TakeStore.FileCheck.Result.OK
                        ? delete(camera, file, queue.store().takeDir(takeId).resolve(file.path()))
                        : Mono.just(new OffloadEvent.KeptOnCamera(camera.serial(), file,
                                OffloadEvent.KeptReason.LOCAL_COPY_CHANGED, "the copy verified earlier does not match "
                                + "the manifest now: " + check.detail())))
                .onErrorResume(e -> Mono.just(new OffloadEvent.KeptOnCamera(camera.serial(), file,
                        OffloadEvent.KeptReason.UNCONFIRMED, "could not delete it: " + e.getMessage())));
    }

    /** {@code file}'s RAW version ({@link Companion#isRaw}) in the queue and not verified, if any. */
    private Optional<TakeFile> rawLeft(String serial, TakeFile file) {
        return queue.manifest().camera(serial).flatMap(c -> c.files().stream()
                .filter(f -> Companion.isRaw(f) && file.name().equals(f.companionOf()) && file.folder().equals(f.folder())
                        && !f.verified())
                .findFirst());
    }

    /** Where {@code serial}'s {@code file} is kept while it downloads ({@link DownloadOptions#partName}). */
    private Path part(String serial, TakeFile file) {
        Path target = queue.store().target(queue.manifest().takeId(), serial, file);
        return target.resolveSibling(DownloadOptions.partName(target.getFileName().toString()));
    }

    /** The size of a partial file, bytes; 0 when there is none (or it cannot be read: the download says why). */
    private static long partSize(Path part) {
        try {
            return java.nio.file.Files.isRegularFile(part, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    ? java.nio.file.Files.size(part) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /**
     * Completes once every camera AP this offloader joined has been left. A cancelled offload
     * leaves its AP in the background: a process stopping (Ctrl-C) waits for this before it closes
     * the host's Wi-Fi or exits, so the host gets its own network back.
     */
    public Mono<Void> apsLeft() {
        return links.allLeft();
    }

    /** Adds {@code camera} to the take (identity only) when absent; blocking, see {@link OffloadQueue}. */
    public void enroll(TakeCamera camera) {
        queue.ensureCamera(camera);
    }
}
