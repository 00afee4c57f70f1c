package io.camrig.simulator.http;

import io.camrig.simulator.camera.CameraIdentity;
import io.camrig.simulator.camera.SimulatedModel;
import io.camrig.simulator.media.RecordedVideos;
import io.camrig.simulator.media.SdCard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * N virtual cameras' HTTP servers on their own, without the in-process BLE link: what {@code
 * camrig simulate} runs so that other tools (other SDKs included) can be tested against them.
 * Camera {@code i} (1-based) gets the same identity as camera {@code i} of a {@code VirtualRig}
 * with the same seed and model, and {@link Options#filesPerCamera()} recordings on its card.
 * Close it to stop every server.
 */
public final class VirtualHttpRig implements AutoCloseable {
    /**
     * How long each recording on a card at start lasts: its {@code mvhd} duration and the media
     * info's {@code dur}. Its MP4 head carries the camera's model (GPMF device name), firmware
     * ({@code udta/FIRM}) and serial ({@code CAME}), and its start timecode reads its listed
     * creation time (2025-01-01T10:00:00Z, then a minute apart) on the camera's clock.
     */
    public static final Duration PRELOADED_LENGTH = Duration.ofSeconds(30);

    /**
     * What to simulate. The constructor throws {@link IllegalArgumentException} when a value is out
     * of range, the model is unknown, or a port range passes 65535.
     *
     * @param cameras how many, 1..1024
     * @param model the model's display name, for example {@code "HERO12 Black"}
     * @param seed seed of serials and media bytes
     * @param fileBytes size of each recording, bytes, at least 1
     * @param filesPerCamera recordings on each card at start, 0..100
     * @param host the address to bind (default {@code 127.0.0.1})
     * @param basePort HTTP port of camera 1, the next ones follow; 0 for ephemeral ports
     * @param cohn also serve HTTPS with Basic auth (COHN)
     * @param cohnBasePort HTTPS port of camera 1, the next ones follow; 0 for ephemeral ports
     * @param encodingStopTime delay between shutter stop and the file landing on the card
     * @param chapterBytes a recording over this many bytes is split into chapters, at least 1
     *     ({@link RecordedVideos#splitChaptersAt}; default {@link RecordedVideos#DEFAULT_CHAPTER_BYTES}, one file)
     */
    public record Options(int cameras, String model, long seed, int fileBytes, int filesPerCamera, String host,
            int basePort, boolean cohn, int cohnBasePort, Duration encodingStopTime, long chapterBytes) {
        /** As the canonical constructor, recordings split at a real camera's chapter size (never, here). */
        public Options(int cameras, String model, long seed, int fileBytes, int filesPerCamera, String host,
                int basePort, boolean cohn, int cohnBasePort, Duration encodingStopTime) {
            this(cameras, model, seed, fileBytes, filesPerCamera, host, basePort, cohn, cohnBasePort, encodingStopTime,
                    RecordedVideos.DEFAULT_CHAPTER_BYTES);
        }

        /** These options with recordings split into chapters of at most {@code bytes} bytes. */
        public Options withChapterBytes(long bytes) {
            return new Options(cameras, model, seed, fileBytes, filesPerCamera, host, basePort, cohn, cohnBasePort,
                    encodingStopTime, bytes);
        }

        public Options {
            if (chapterBytes < 1) {
                throw new IllegalArgumentException("chapterBytes must be >= 1, was " + chapterBytes);
            }
            if (cameras < 1 || cameras > 1024) {
                throw new IllegalArgumentException("cameras must be 1..1024, was " + cameras);
            }
            SimulatedModel.byName(Objects.requireNonNull(model, "model"));
            if (fileBytes < 1 || filesPerCamera < 0 || filesPerCamera > 100) {
                throw new IllegalArgumentException("fileBytes must be >= 1 and filesPerCamera 0..100");
            }
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(encodingStopTime, "encodingStopTime");
            for (int p : new int[] {basePort, cohnBasePort}) {
                if (p < 0 || (p > 0 && p + cameras - 1 > 65_535)) {
                    throw new IllegalArgumentException("ports " + p + ".." + (p + cameras - 1) + " are out of range");
                }
            }
        }

        /** 4 HERO12 Black cameras, seed 42, one 4 MiB file each, loopback, ephemeral ports, no COHN. */
        public static Options defaults() {
            return new Options(4, "HERO12 Black", 42, 4 * 1024 * 1024, 1, "127.0.0.1", 0, false, 0,
                    Duration.ofMillis(60));
        }
    }

    private final List<VirtualCameraHttpServer> cameras;

    private VirtualHttpRig(List<VirtualCameraHttpServer> cameras) {
        this.cameras = List.copyOf(cameras);
    }

    /**
     * Starts every camera's servers, one after another.
     *
     * @return the running rig; errors (and stops what started) when a port cannot be bound
     */
    public static Mono<VirtualHttpRig> start(Options o) {
        return start(o, java.util.Optional.empty());
    }

    /**
     * Starts every camera's servers, one after another, each card's recordings written under
     * {@code spool} as real files first ({@link SdCard#spoolTo}) when given, so downloads are sent
     * with zero copy ({@code sendfile}) instead of computed byte by byte: what a benchmark of the
     * downloader wants, since the simulator shares the CPU with it. The files are written on a
     * bounded-elastic thread.
     *
     * @return the running rig; errors (and stops what started) when a port cannot be bound or the
     *     spool cannot be written
     */
    public static Mono<VirtualHttpRig> start(Options o, java.util.Optional<java.nio.file.Path> spool) {
        SimulatedModel model = SimulatedModel.byName(o.model());
        List<VirtualCameraHttpServer> started = new ArrayList<>();
        return Flux.range(1, o.cameras())
                .concatMap(i -> {
                    CameraIdentity id = CameraIdentity.generate(i, model, o.seed());
                    SdCard card = new SdCard(id.serial(), o.seed(), o.fileBytes());
                    card.videos().splitChaptersAt(o.chapterBytes());
                    Instant t0 = Instant.parse("2025-01-01T10:00:00Z");
                    for (int f = 0; f < o.filesPerCamera(); f++) {
                        // written as this camera writes its own recordings: its model, firmware, serial and a length
                        Instant at = t0.plusSeconds(60L * f);
                        card.record(at, new io.camrig.simulator.media.RecordingFacts(model.displayName(),
                                model.firmwareVersion(), id.serial(),
                                java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC), PRELOADED_LENGTH));
                    }
                    HttpCameraIdentity identity = new HttpCameraIdentity(id.serial(), model, id.apSsid(),
                            id.address().replace(":", "").toLowerCase(java.util.Locale.ROOT));
                    HttpServerOptions options = new HttpServerOptions(o.host(),
                            o.basePort() == 0 ? 0 : o.basePort() + i - 1, o.cohn(),
                            o.cohnBasePort() == 0 ? 0 : o.cohnBasePort() + i - 1, o.encodingStopTime(),
                            Schedulers.parallel());
                    Mono<VirtualCameraHttpServer> server = VirtualCameraHttpServer.start(card, identity, Map::of,
                            Map::of, options);
                    if (spool.isPresent()) {    // writing the files blocks: off the caller's thread
                        server = Mono.fromRunnable(() -> card.spoolTo(spool.get()))
                                .subscribeOn(Schedulers.boundedElastic()).then(server);
                    }
                    return server.doOnNext(started::add);
                })
                .collectList()
                .map(VirtualHttpRig::new)
                .doOnError(e -> started.forEach(VirtualCameraHttpServer::close));
    }

    /** The cameras' servers, camera 1 first. */
    public List<VirtualCameraHttpServer> cameras() {
        return cameras;
    }

    /** Stops every server and drops open connections. */
    @Override
    public void close() {
        cameras.forEach(VirtualCameraHttpServer::close);
    }

    /** Completes once every server stopped. */
    public Mono<Void> onClose() {
        return Flux.fromIterable(cameras).flatMap(VirtualCameraHttpServer::onDispose).then();
    }
}
