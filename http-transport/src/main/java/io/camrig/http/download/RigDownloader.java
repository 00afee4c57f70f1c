package io.camrig.http.download;

import io.camrig.proto.error.TransientCamrigException;
import io.camrig.http.model.MediaFile;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bulk media offload from many cameras: up to {@code maxParallel} cameras download at once, each
 * camera's files one after another (a camera's Wi-Fi is the bottleneck; parallel requests to one
 * camera only share it). Each file is a {@link io.camrig.http.client.CameraHttpClient#download}: streamed,
 * resumed, verified, renamed into place.
 *
 * <p>With turbo, each camera's turbo transfer ({@code GET /gopro/media/turbo_transfer?p=1}, {@code
 * OGP_TURBO_MODE_ENABLE}) is switched on before its first file and off after its last, also when
 * a file fails or the run is cancelled, as the spec asks ("only used during media offload"). A
 * camera that refuses turbo downloads at normal speed ({@link DownloadEvent.TurboFailed}).
 *
 * <p>Cameras are isolated: a failure is reported as an event and never fails the run or another
 * camera. After a transient failure (the camera is gone, too slow, out of time) its remaining files are {@link
 * DownloadEvent.Skipped}; after a permanent one (404, size mismatch) its next file is tried.
 */
public final class RigDownloader {
    private RigDownloader() {
    }

    /**
     * Runs the jobs.
     *
     * @param jobs one per camera
     * @param maxParallel how many cameras download at once, at least 1
     * @param turbo switch turbo transfer on around each camera's downloads
     * @return every event, cameras interleaved; completes when every job is done; never errors
     *     for a camera's failure. Cold: nothing happens until subscribed
     * @throws IllegalArgumentException when {@code maxParallel < 1}
     */
    public static Flux<DownloadEvent> run(List<DownloadJob> jobs, int maxParallel, boolean turbo) {
        if (maxParallel < 1) {
            throw new IllegalArgumentException("maxParallel must be >= 1, was " + maxParallel);
        }
        List<DownloadJob> all = List.copyOf(jobs);
        return Flux.fromIterable(all).flatMap(job -> turbo ? withTurbo(job) : files(job), maxParallel);
    }

    private static Flux<DownloadEvent> withTurbo(DownloadJob job) {
        Mono<DownloadEvent> off = switchTurbo(job, false);
        return Flux.usingWhen(switchTurbo(job, true),
                on -> Flux.concat(Mono.just(on), files(job)),
                on -> Mono.empty(),
                (on, error) -> Mono.empty(),
                on -> off.then())
                .concatWith(Flux.defer(() -> off));
    }

    private static Mono<DownloadEvent> switchTurbo(DownloadJob job, boolean on) {
        return job.client().control().turboTransfer(on)
                .thenReturn((DownloadEvent) new DownloadEvent.Turbo(job.camera(), on))
                .onErrorResume(e -> Mono.just(new DownloadEvent.TurboFailed(job.camera(), on, e)));
    }

    private static Flux<DownloadEvent> files(DownloadJob job) {
        AtomicBoolean gone = new AtomicBoolean();
        return Flux.fromIterable(job.files()).concatMap(file -> gone.get()
                ? Mono.just(new DownloadEvent.Skipped(job.camera(), file))
                : one(job, file, gone));
    }

    private static Flux<DownloadEvent> one(DownloadJob job, MediaFile file, AtomicBoolean gone) {
        return job.client().download(file, job.target(file), job.options())
                .map(p -> p.complete()
                        ? new DownloadEvent.Completed(job.camera(), file, p.result())
                        : (DownloadEvent) new DownloadEvent.Progress(job.camera(), file, p))
                .onErrorResume(e -> {
                    if (e instanceof TransientCamrigException) {
                        gone.set(true);
                    }
                    return Mono.just(new DownloadEvent.Failed(job.camera(), file, e));
                });
    }
}
