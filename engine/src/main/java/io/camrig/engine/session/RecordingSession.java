package io.camrig.engine.session;

import io.camrig.ble.spi.BleCentral;
import io.camrig.engine.camera.Camera;
import io.camrig.engine.camera.SettingValue;
import io.camrig.engine.metrics.RigMetrics;
import io.camrig.engine.rig.FireResult;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.rig.RigResult;
import io.camrig.engine.sync.CameraSync;
import io.camrig.engine.sync.TakeSync;
import io.camrig.footage.FootageFacts;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.engine.offload.OffloadCamera;
import io.camrig.engine.take.OffloadQueue;
import io.camrig.http.wifi.HostWifi;
import java.util.Optional;
import io.camrig.http.model.MediaFile;
import io.camrig.http.model.Recording;
import io.camrig.proto.error.PermanentCamrigException;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.message.HardwareInfo;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The main job on a rig, each step fanned out with per-camera isolation:
 * <ol>
 *   <li>discover (scan for 0xFEA6), connect ({@code connectConcurrency} at a time), enable notifications;</li>
 *   <li>read the AP SSID and password (GP-0002, GP-0003; the password is never shown), hardware info
 *       (0x3C), Open GoPro version (0x51), register for busy/encoding status updates (0x53), claim
 *       control (0xF1 0x69), set date and time (0x0D), load the video preset group (0x3E);</li>
 *   <li>read every setting value in force (0x12; recorded in the take's manifest), arm (every
 *       camera ready: not busy, not encoding), fire shutter on to all at once, record,
 *       fire shutter off, wait for encoding off;</li>
 *   <li>create the cycle's take ({@code <mediaDir>/<take>/take.json}: the fire's figures, each
 *       camera's identity), fetch each camera's media list over HTTP and offload its newest
 *       recording (the newest file and every other chapter of it, {@link Recording}) into the take ({@code <take>/<serial>/<folder>/<file>}: the serial checked over HTTP, turbo
 *       transfer on, SHA-256 while streaming, size-checked, never replacing another file).</li>
 *   <li>read what each downloaded file says about itself (udta, mvhd, tmcd start frame, GPMF;
 *       {@link io.camrig.footage.FootageReader}) and check the take's sync from each recording's
 *       first chapter (a later chapter's timecode starts minutes after the fire: with chapter 01
 *       not on the card, the camera's start is unknown, not late)
 *       ({@link io.camrig.engine.sync.TakeSync}): a camera out of {@link SessionOptions#sync()},
 *       missing, or whose footage disagrees with the fire makes the take fail; then replace the
 *       manifest atomically with every camera's step outcomes, its footage facts per file, its
 *       start offset and late flag, and the take's sync.</li>
 * </ol>
 * The clock is set with the instants around each command noted ({@code set date time}), so
 * footage timecodes can be translated to host time.
 * A camera that fails a step is reported with the step and the typed reason; the others finish.
 */
public final class RecordingSession {
    private final BleCentral central;
    private final HttpAddressResolver http;
    private final SessionOptions options;
    private final SessionListener listener;
    private final RigMetrics metrics;
    private final Map<RigMember, HardwareInfo> info = new ConcurrentHashMap<>();
    private final Map<RigMember, DownloadedFile> files = new ConcurrentHashMap<>();
    private final java.util.function.Function<Rig, Mono<?>> networkSetup;
    private final String networkStep;
    private final TakeCheck takeCheck;
    private final SessionTakes takes;
    private final HostWifi wifi;
    private final Map<Integer, String> takeIds = new ConcurrentHashMap<>();
    private final Map<RigMember, List<SettingValue>> settings = new ConcurrentHashMap<>();

    public RecordingSession(BleCentral central, HttpAddressResolver http, SessionOptions options,
                            SessionListener listener) {
        this(central, http, options, listener, RigMetrics.inMemory());
    }

    /** As above, with the rig's meters recorded in {@code metrics} (e.g. on a Prometheus registry). */
    public RecordingSession(BleCentral central, HttpAddressResolver http, SessionOptions options,
                            SessionListener listener, RigMetrics metrics) {
        this(central, http, options, listener, metrics, null, rig -> Mono.empty(), null);
    }

    private RecordingSession(BleCentral central, HttpAddressResolver http, SessionOptions options,
                             SessionListener listener, RigMetrics metrics, String networkStep,
                             java.util.function.Function<Rig, Mono<?>> networkSetup, HostWifi wifi) {
        this.networkStep = networkStep;
        this.networkSetup = networkSetup;
        this.metrics = metrics;
        this.central = central;
        this.http = http;
        this.options = options;
        this.listener = listener;
        this.takeCheck = new TakeCheck(options.sync());
        this.takes = new SessionTakes(options, Optional.ofNullable(wifi));
        this.wifi = wifi;
    }

    /**
     * A session that runs one more setup step after the others and before the first cycle: how
     * the cameras' HTTP becomes reachable, for example provisioning COHN on every camera (so the
     * resolver can hand out each camera's HTTPS address). The step fans out per camera itself
     * (e.g. with {@link Rig#forEachMember}), so a camera it fails is reported and skipped later.
     *
     * @param name the step's name in progress and reports, e.g. {@code "cohn"}
     * @param setup the step, given the connected rig
     */
    public RecordingSession withNetworkSetup(String name, java.util.function.Function<Rig, Mono<?>> setup) {
        return new RecordingSession(central, http, options, listener, metrics, name, setup, wifi);
    }

    /**
     * A session that reaches each camera's HTTP over the camera's own AP through the host's Wi-Fi
     * interface: at download, one camera at a time, its AP is switched on (0x17), its SSID and
     * password read (GP-0002, GP-0003), the AP joined, its serial checked over HTTP, its file
     * fetched, and the host's previous network restored. Use it with {@link
     * HttpAddressResolver#accessPoint()}.
     */
    public RecordingSession withHostWifi(HostWifi hostWifi) {
        return new RecordingSession(central, http, options, listener, metrics, networkStep, networkSetup,
                java.util.Objects.requireNonNull(hostWifi, "hostWifi"));
    }

    /** Runs the session; errors only when no camera could be found at all. */
    public Mono<SessionReport> run() {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            listener.onStep("discover");
            return Mono.usingWhen(Rig.discover(central, options.rig(), metrics),
                    rig -> setup(rig)
                            .thenMany(Flux.range(1, options.cycles()).concatMap(i -> cycle(rig, i)))
                            .collectList()
                            .map(cycles -> report(rig, cycles, start)),
                    rig -> Mono.fromRunnable(rig::close));
        });
    }

    private Mono<Void> setup(Rig rig) {
        return step("connect", rig.connect())
                .doOnNext(c -> rig.startKeepAlive())
                .then(step("setup", rig.forEachIdempotent("ap credentials", Camera::readApCredentials,
                        c -> "ssid " + c.ssid())))
                .then(rig.forEachMember("hardware info", rig.options().concurrency(), true,
                        m -> m.currentCamera().flatMap(Camera::hardwareInfo).doOnNext(h -> info.put(m, h)),
                        h -> h.modelName() + " " + h.serialNumber() + " fw " + h.firmwareVersion()))
                .then(rig.forEachIdempotent("open gopro version", Camera::openGoProVersion,
                        v -> v.major() + "." + v.minor()))
                .then(rig.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id(), Status.INTERNAL_BATTERY_PERCENTAGE.id(),
                        Status.SD_CARD_REMAINING.id()))
                .then(rig.claimControl())
                .then(rig.forEachMember("set date time", rig.options().concurrency(), true, takeCheck::setClock,
                        LocalDateTime::toString))
                .then(rig.forEachIdempotent("load preset group", c -> c.loadPresetGroup(options.presetGroup()),
                        v -> String.valueOf(options.presetGroup())))
                .then(networkStep == null ? Mono.empty() : step(networkStep, Mono.defer(() -> networkSetup.apply(rig))))
                .then();
    }

    /** One record cycle; from the second on, failed cameras are recovered first. */
    private Mono<CycleReport> cycle(Rig rig, int n) {
        Map<RigMember, DownloadedFile> before = Map.copyOf(files);
        Mono<?> recover = n == 1 ? Mono.empty() : rig.recover()
                .then(rig.forEach("stop leftover recording", c -> c.status(Status.ENCODING.id()).orElse(0L) == 1L
                        ? c.setShutter(false).then(c.awaitEncoding(false, rig.options().readyTimeout())).then()
                        : Mono.<Void>empty(), v -> ""));
        return recover
                .then(rig.forEachMember("read settings", rig.options().concurrency(), true, this::readSettings,
                        v -> v.size() + " values"))
                .then(step("arm", rig.forEachIdempotent("arm", c -> c.awaitReady(rig.options().readyTimeout()),
                        v -> "")))
                .then(rig.measureLatency(options.latencyProbes()))
                .then(Mono.fromSupplier(() -> takeCheck.mark(rig)))
                .flatMap(mark -> step("record", rig.fire(true))
                        .flatMap(on -> Mono.delay(options.recordFor())
                                .then(step("stop", rig.fire(false)))
                                .then(takes.begin(rig, on, info, settings))
                                .flatMap(queue -> step("download", download(rig, queue))
                                        // Every chapter's own facts into the manifest; the take's sync reads the first's.
                                        .then(io.camrig.engine.offload.TakeFootage.read(queue))
                                        .then(Mono.defer(() -> {
                                            Map<RigMember, Path> fresh = fresh(before);
                                            return takeCheck.readFootage(fresh).flatMap(footage -> {
                                                TakeSync sync = takeCheck.sync(rig, on, mark, footage);
                                                // The manifest is written once more, atomically, with the footage's facts.
                                                return takes.finish(queue, rig, info, fresh, footage, sync)
                                                        .map(m -> {
                                                            takeIds.put(n, m.takeId());
                                                            return cycleReport(rig, n, on, before, sync, footage);
                                                        });
                                            });
                                        })))));
    }

    /** Every setting value the camera reports (0x12); a failed read records none and fails nothing. */
    private Mono<List<SettingValue>> readSettings(RigMember m) {
        return m.currentCamera().flatMap(c -> c.settings().all())
                .onErrorResume(e -> Mono.just(List.of()))
                .doOnNext(v -> settings.put(m, v));
    }

    /** The files downloaded since {@code before}, by member. */
    private Map<RigMember, Path> fresh(Map<RigMember, DownloadedFile> before) {
        Map<RigMember, Path> fresh = new LinkedHashMap<>();
        files.forEach((m, f) -> {
            if (!f.equals(before.get(m))) {
                fresh.put(m, f.path());
            }
        });
        return fresh;
    }

    private CycleReport cycleReport(Rig rig, int n, FireResult fire, Map<RigMember, DownloadedFile> before,
                                    TakeSync sync, Map<RigMember, TakeCheck.Footage> footage) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        Map<String, String> cycleFiles = new LinkedHashMap<>();
        Map<String, FootageFacts> facts = new LinkedHashMap<>();
        List<RigMember> members = rig.members();
        for (int i = 0; i < members.size(); i++) {
            RigMember m = members.get(i);
            DownloadedFile f = files.get(m);
            boolean fresh = f != null && !f.equals(before.get(m));
            TakeCheck.Footage read = footage.get(m);
            if (read != null) {
                read.facts().ifPresent(x -> facts.put(m.advertisedName(), x));
            }
            CameraSync line = sync.cameras().get(i);
            if (m.isHealthy() && fresh && line.flagged()) {
                outcomes.put(m.advertisedName(), "out of sync: " + line.reasons().get(0));
                cycleFiles.put(m.advertisedName(), f.path().toString());
            } else if (m.isHealthy() && fresh) {
                outcomes.put(m.advertisedName(), "ok");
                cycleFiles.put(m.advertisedName(), f.path().toString());
            } else {
                outcomes.put(m.advertisedName(), m.failure()
                        .map(e -> "failed in " + m.failedStep().orElse("?") + ": " + e.getClass().getSimpleName()
                                + ": " + e.getMessage())
                        .orElse("failed: no new file"));
            }
        }
        return new CycleReport(n, outcomes, cycleFiles, fire, sync, facts, takeIds.getOrDefault(n, ""));
    }

    private <T> Mono<T> step(String name, Mono<T> work) {
        return Mono.fromRunnable(() -> listener.onStep(name)).then(work);
    }

    private Mono<RigResult<DownloadedFile>> download(Rig rig, OffloadQueue queue) {
        if (takes.viaAccessPoints()) {
            // Over each camera's AP the media list is read once joined: inside the offload, one camera at a time.
            return offloadEach(rig, queue, 1, m -> c -> newest(c, m));
        }
        return rig.forEachMember("media list", rig.options().concurrency(), true, m -> client(m).flatMap(c -> newest(c, m)),
                        r -> r.first().name() + (r.chapters().size() > 1 ? " + " + (r.chapters().size() - 1) + " chapters" : ""))
                .flatMap(lists -> offloadEach(rig, queue, options.downloadConcurrency(),
                        m -> c -> Mono.just(lists.value(m).orElseThrow())));
    }

    /** The camera's newest recording: its newest file and every other chapter of it ({@link Recording}). */
    private static Mono<Recording> newest(CameraHttpClient client, RigMember m) {
        return client.mediaList().flatMap(list -> Mono.fromCallable(() -> io.camrig.http.UnsafeMediaNameException
                        .requireNewestRecording(list, m.advertisedName())).flatMap(o -> Mono.justOrEmpty(o))
                .switchIfEmpty(Mono.error(() -> new PermanentCamrigException(
                        "the media list is empty", m.advertisedName(), "media list", null))));
    }

    private Mono<RigResult<DownloadedFile>> offloadEach(Rig rig, OffloadQueue queue, int concurrency,
            java.util.function.Function<RigMember, java.util.function.Function<CameraHttpClient, Mono<Recording>>> select) {
        return rig.forEachMember("download", concurrency, true, m -> client(m)
                        .flatMap(c -> apAccess(m).flatMap(ap -> takes.offload(queue, m, serial(m), c, select.apply(m), ap,
                                listener::onDownloadProgress)))
                        .map(DownloadedFile::of)
                        .doOnNext(f -> {
                            files.put(m, f);
                            rig.metrics().downloaded(m.advertisedName(), f.bytes());
                        }),
                f -> f.path().getFileName() + (f.chapters() > 1 ? " + " + (f.chapters() - 1) + " chapters" : "")
                        + " " + f.bytes() + " B");
    }

    /** With a host Wi-Fi: the camera's AP switched on and its credentials; else empty. */
    private Mono<Optional<OffloadCamera.ApAccess>> apAccess(RigMember m) {
        if (wifi == null) {
            return Mono.just(Optional.empty());
        }
        return m.currentCamera().flatMap(c -> c.control().setApControl(true)
                .then(c.readApCredentials())
                .map(a -> Optional.of(new OffloadCamera.ApAccess(a.ssid(), a.password()))));
    }

    /** The member's HTTP client, resolved off the event loop (a resolver may read a file). */
    private Mono<CameraHttpClient> client(RigMember m) {
        return Mono.fromCallable(() -> http.resolve(serial(m))
                        .map(address -> new CameraHttpClient(address, options.http()))
                        .orElseThrow(() -> new PermanentCamrigException("no HTTP address for this camera",
                                m.advertisedName(), "resolve HTTP address", null)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private String serial(RigMember m) {
        HardwareInfo h = info.get(m);
        return h == null ? m.advertisedName().replace(' ', '_') : h.serialNumber();
    }

    private SessionReport report(Rig rig, List<CycleReport> cycles, long startNanos) {
        List<CameraReport> cameras = new ArrayList<>();
        for (RigMember m : rig.members()) {
            HardwareInfo h = info.get(m);
            DownloadedFile f = files.get(m);
            String failure = m.failure().map(e -> e.getClass().getSimpleName() + ": " + e.getMessage()).orElse("");
            cameras.add(new CameraReport(m.index(), m.advertisedName(), m.address(),
                    h == null ? "" : h.serialNumber(), h == null ? "" : h.modelName(), m.isHealthy(),
                    m.failedStep().orElse(""), failure, m.log(),
                    f == null ? "" : f.path().toString(), f == null ? -1 : f.bytes()));
        }
        String found = rig.missingSummary().orElse("");
        for (int k = 1; k <= rig.missing(); k++) {
            // Expected, never found: a failed camera of its own, so the take cannot pass as complete.
            cameras.add(new CameraReport(rig.members().size() + k, "(not found)", "", "", "", false, "discover",
                    "no camera answered the scan: " + found, List.of(), "", -1));
        }
        FireResult first = cycles.isEmpty() ? null : cycles.get(0).fire();
        return new SessionReport(cameras, first, cycles, rig.metrics(), (System.nanoTime() - startNanos) / 1_000_000);
    }

    /**
     * A camera's recording in the take: its first chapter (whose footage gives the camera's start),
     * how many files, and their bytes together.
     */
    private record DownloadedFile(Path path, long bytes, int chapters) {
        /**
         * The recording {@code results} (never empty) make up: the first by chapter number holds its
         * start, when it is chapter 01 ({@link io.camrig.engine.sync.CameraStart#footageFrom}).
         */
        static DownloadedFile of(List<io.camrig.http.DownloadResult> results) {
            io.camrig.http.DownloadResult first = Recording.firstChapter(results,
                    r -> r.path().getFileName().toString()).orElseThrow();
            return new DownloadedFile(first.path(), results.stream().mapToLong(io.camrig.http.DownloadResult::bytes).sum(),
                    results.size());
        }
    }
}
