package io.camrig.service.takes;

import io.camrig.engine.rig.RigMember;
import io.camrig.engine.session.HttpAddressResolver;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpOptions;
import io.camrig.proto.message.HardwareInfo;
import io.camrig.service.events.EventHub;
import io.camrig.service.rig.ErrorView;
import io.camrig.service.rig.RigAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Downloads a take's files: for each camera that recorded (fire on and off both succeeded), the
 * newest file of its media list over HTTP ({@code GET /gopro/media/list}, then the file, resumed
 * and size-verified by {@link CameraHttpClient}) into {@code <mediaDir>/take-<id>/<serial>/}.
 * Progress goes to the take and out as {@code take} events, at most every 200 ms per camera. A
 * serial that is not a plain name (a camera that sends {@code ../}) is not used as a directory:
 * the camera's index is.
 */
public final class TakeDownloads {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(200);

    private final RigAccess rig;
    private final HttpAddressResolver http;
    private final Path mediaDir;
    private final EventHub hub;

    public TakeDownloads(RigAccess rig, HttpAddressResolver http, Path mediaDir, EventHub hub) {
        this.rig = rig;
        this.http = http;
        this.mediaDir = mediaDir;
        this.hub = hub;
    }

    /** Starts the take's downloads, 4 cameras at a time; completes when all ended (each ok or failed). */
    public Mono<Void> start(Take take) {
        return Flux.fromIterable(take.recorded())
                .flatMap(index -> rig.member(Integer.toString(index))
                        .map(m -> one(take, m)).orElse(Mono.empty()), 4)
                .then(Mono.fromRunnable(() -> hub.publish("take", "take:" + take.id(), take.view())));
    }

    private Mono<Void> one(Take take, RigMember m) {
        String serial = rig.hardware(m).map(HardwareInfo::serialNumber).orElse(null);
        String dirName = serial != null && SAFE.matcher(serial).matches() ? serial : "camera-" + m.index();
        Path dir = mediaDir.resolve("take-" + take.id()).resolve(dirName);
        take.download(m.index(), new Take.DownloadView("pending", 0, 0, null, null));
        return Mono.fromCallable(() -> Optional.ofNullable(serial).flatMap(http::resolve)
                        .orElseThrow(() -> new IllegalStateException(m.advertisedName() + ": no HTTP address")))
                .subscribeOn(Schedulers.boundedElastic())
                .map(address -> new CameraHttpClient(address, HttpOptions.defaults()))
                .flatMap(client -> client.mediaList()
                        .flatMap(list -> Mono.justOrEmpty(list.newest())
                                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                                        m.advertisedName() + ": the media list is empty"))))
                        .flatMap(file -> client.download(file, dir)
                                .sample(PROGRESS_EVERY)
                                .doOnNext(p -> progress(take, m, new Take.DownloadView(p.complete() ? "done" : "running",
                                        p.bytesDone(), p.totalBytes(), file.name(), null)))
                                .last()
                                .doOnNext(p -> {
                                    progress(take, m, new Take.DownloadView("done", p.totalBytes(), p.totalBytes(),
                                            file.name(), null));
                                    rig.metrics().downloaded(m.advertisedName(), p.totalBytes());
                                    hub.log("info", m.advertisedName(), "take " + take.id() + ": downloaded "
                                            + file.name() + " (" + p.totalBytes() + " B)");
                                })))
                .onErrorResume(e -> {
                    progress(take, m, new Take.DownloadView("failed", 0, 0, null, ErrorView.of(e, "download")));
                    hub.log("error", m.advertisedName(), "take " + take.id() + ": download failed: "
                            + e.getClass().getSimpleName() + ": " + e.getMessage());
                    return Mono.empty();
                })
                .then();
    }

    private void progress(Take take, RigMember m, Take.DownloadView d) {
        take.download(m.index(), d);
        hub.publish("take", "take:" + take.id(), take.view());
    }
}
