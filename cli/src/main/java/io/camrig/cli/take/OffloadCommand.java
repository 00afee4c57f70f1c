package io.camrig.cli.take;

import io.camrig.cli.console.ExitCodes;
import io.camrig.cli.console.TerminalText;
import io.camrig.engine.offload.OffloadCamera;
import io.camrig.engine.offload.OffloadOptions;
import io.camrig.engine.offload.Offloader;
import io.camrig.engine.take.Companion;
import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.DownloadOptions;
import io.camrig.http.ExistingFilePolicy;
import io.camrig.http.HttpOptions;
import io.camrig.http.address.CameraAddress;
import io.camrig.http.model.CameraInfo;
import io.camrig.http.model.MediaFile;
import io.camrig.http.model.PathNames;
import io.camrig.proto.error.CamrigException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import reactor.core.Disposable;

/**
 * {@code camrig offload}: fetches files from cameras into a take, {@code
 * <media-dir>/<take>/<serial>/<folder>/<file>}, with the take's manifest as the persistent queue:
 * run it again (with {@code --take}) after a failure, a kill or Ctrl-C and it resumes every partial
 * file and fetches nothing already verified. Each camera's serial is checked over HTTP before a
 * file is credited to it. Cameras come as URLs ({@code --url}: COHN or another address), on USB
 * ({@code --usb}), or found over BLE and reached over their own APs ({@code --ap}: one at a time
 * through the host's Wi-Fi, see {@link ApCameras}). After each download the camera's media info
 * is compared with what arrived; {@code --with lrv,thm} fetches each video's companions too.
 * Once the cameras are done, what each verified video says about itself (firmware, camera id,
 * start timecode, GPMF devices) is read into the manifest ({@link io.camrig.engine.offload.TakeFootage}).
 *
 * <p>A file the camera lists under a folder or name that cannot be a local path ({@code ../x},
 * a control character …) is never fetched: the report names it with {@link
 * io.camrig.http.UnsafeMediaNameException}, and the camera's other files are fetched as usual.
 *
 * <p>Exit codes: 0 every queued file verified, 1 an error before offloading (no camera, no take),
 * 2 bad usage, 3 some files failed, remain queued or were refused for their names (the report says
 * which), 4 every file verified but {@code --delete-after-verify} left some on their cameras (each
 * one's reason reported), 130 interrupted (partial files and the manifest are kept for a resume).
 */
@Command(name = "offload", mixinStandardHelpOptions = true,
        description = "Fetch a take's or a whole card's files into a take: verified, resumable.")
public final class OffloadCommand implements Callable<Integer> {
    @Option(names = {"--url"}, paramLabel = "URL", description = "A camera's base URL (repeatable), e.g. a COHN "
            + "camera's https://IP or a simulated camera's http://127.0.0.1:PORT (see 'camrig simulate').")
    List<URI> urls = new ArrayList<>();

    @Option(names = "--usb", paramLabel = "SERIAL", description = "A camera on USB (repeatable).")
    List<String> usb = new ArrayList<>();

    @Option(names = "--ap", description = "Also the cameras found over BLE (--ble, --cameras), each over its own "
            + "access point: switched on over BLE, joined from this host (--wifi…) one camera at a time, its serial "
            + "checked over HTTP, its files fetched, left. On the simulated rig each camera holds one recording.")
    boolean ap;

    @CommandLine.Mixin
    io.camrig.cli.rig.RigSourceOptions rigSource = new io.camrig.cli.rig.RigSourceOptions();

    @CommandLine.Mixin
    io.camrig.cli.network.HostWifiOptions wifiOptions = new io.camrig.cli.network.HostWifiOptions();

    @Option(names = "--media-dir", paramLabel = "DIR", defaultValue = "camrig-media",
            description = "Where takes are (default: ${DEFAULT-VALUE}).")
    Path mediaDir;

    @Option(names = "--take", paramLabel = "TAKE",
            description = "Resume or extend this take, by id or 'latest' (default: a new take). With no --card/--since-last-take, "
                    + "fetch only what the take still has queued.")
    String take;

    @Option(names = "--card", description = "Queue every file on each card (the default for a new take).")
    boolean card;

    @Option(names = "--since-last-take", description = "Queue only files not already offloaded from the same camera "
            + "in earlier takes (new ones; older-looking ones in no take, e.g. after a clock reset, are queued and said).")
    boolean sinceLastTake;

    @Option(names = "--delete-after-verify", description = "Delete each file from its camera once verified and "
            + "recorded on disk, after checking the camera and its file are still those verified (exit 4 when some "
            + "could not be deleted); with --take, also the take's files verified by an earlier run and still on "
            + "their cameras, each re-hashed against the manifest first.")
    boolean deleteAfterVerify;

    @Option(names = "--no-turbo", description = "Leave turbo transfer off.")
    boolean noTurbo;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "" + OffloadOptions.DEFAULT_MAX_PARALLEL,
            description = "Cameras offloaded at once over COHN and USB (each AP camera alone) (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--deadline", paramLabel = "D", description = "Give up a file after D (resumable later).")
    Duration deadline;

    @Option(names = "--min-rate", paramLabel = "BYTES/S", defaultValue = "32768",
            description = "Give up a file slower than this over 30 s, 0 to never (default: ${DEFAULT-VALUE}).")
    long minRate;

    @Option(names = "--on-existing", paramLabel = "POLICY", defaultValue = "rename",
            description = "A different file at the target: rename (NAME~n.EXT) or refuse (default: ${DEFAULT-VALUE}).")
    ExistingFilePolicy existing;

    @Option(names = "--timeout", paramLabel = "D", defaultValue = "10s",
            description = "Longest silence from a camera (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--with", paramLabel = "KIND", split = ",",
            description = "Also fetch each video's companions the camera offers: lrv (low-resolution video, from the "
                    + "media list's glrv size), thm (thumbnail, GET /gopro/media/thumbnail); e.g. --with lrv,thm.")
    List<String> with = new ArrayList<>();

    @Option(names = "--no-media-info-check", description = "Do not compare each file with the camera's media info "
            + "(size, duration) after its download.")
    boolean noMediaInfoCheck;

    @Option(names = "--json", description = "JSON Lines: one object per event, then a summary.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** How long a stopping offload waits for the camera AP it was on to be left. */
    private static final Duration LEAVE_AP = Duration.ofSeconds(10);
    private volatile Offloader offloader;
    private final GroupTotals totals = new GroupTotals();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (urls.isEmpty() && usb.isEmpty() && !ap) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give at least one --url or --usb camera, or --ap");
        }
        if (ap) {
            rigSource.validate(spec.commandLine());
        }
        if (parallel < 1 || minRate < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--parallel must be >= 1, --min-rate >= 0");
        }
        java.util.Set<Companion> companions = java.util.EnumSet.noneOf(Companion.class);
        try {
            with.forEach(k -> companions.add(Companion.parse(k)));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--with: " + e.getMessage());
        }
        TakeStore store = new TakeStore(mediaDir);
        TakeManifest manifest;
        try {
            manifest = take == null ? store.create("rig")
                    : "latest".equals(take) ? store.latest().orElse(null) : store.read(take).orElse(null);
        } catch (RuntimeException e) {
            err.println("camrig offload: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (manifest == null) {
            err.println("latest".equals(take) ? "camrig offload: no takes in " + mediaDir.toAbsolutePath()
                    : "camrig offload: no take '" + take + "' in " + mediaDir.toAbsolutePath());
            err.flush();
            return 1;
        }
        OffloadQueue queue = new OffloadQueue(store, manifest);
        boolean queueCard = card || sinceLastTake || take == null;
        io.camrig.cli.console.Terminal terminal = io.camrig.cli.console.Terminal.detect();
        OffloadDisplay display = new OffloadDisplay(out, err, json,
                ResumeCommand.of(spec.commandLine().getParseResult().originalArgs(), manifest.takeId()),
                terminal.interactive() ? new io.camrig.cli.console.LiveBlock(out, terminal.columns()) : null);
        CardSelection selection = new CardSelection(store, manifest.takeId(), sinceLastTake, display::rejected,
                display::note);
        List<OffloadCamera> cameras = enroll(queue, selection, queueCard, companions, err);
        io.camrig.cli.rig.RigSourceOptions.Source source = null;
        io.camrig.cli.rig.ConnectedRig rig = null;
        io.camrig.http.wifi.HostWifi wifi = null;
        try {
            if (ap) {
                source = rigSource.open();
                ApCameras.recordOnSimulatedCards(source);
                rig = io.camrig.cli.rig.ConnectedRig.connect(source, new io.camrig.cli.rig.CameraSelection());
                wifi = wifiOptions.open(spec.commandLine(), source);
                cameras = new ArrayList<>(cameras);
                cameras.addAll(ApCameras.enroll(source, rig, queue, http(), err));
            }
            if (cameras.isEmpty()) {
                err.println("camrig offload: no camera could be reached");
                dropIfEmpty(store, queue, take == null, err);
                err.flush();
                return 1;
            }
            return offload(queue, store, take == null, cameras, selection, queueCard, companions, Optional.ofNullable(wifi),
                    display, out);
        } catch (CamrigException e) {
            err.println("camrig offload: " + e.getMessage() + io.camrig.cli.console.Hints.suffix(e));
            dropIfEmpty(store, queue, take == null, err);
            err.flush();
            return 1;
        } finally {
            if (wifi != null) {
                leaveAps(offloader);
                wifi.close();
            }
            if (rig != null) {
                rig.close();
            }
            if (source != null) {
                source.close();
            }
        }
    }

    private int offload(OffloadQueue queue, TakeStore store, boolean newTake, List<OffloadCamera> cameras,
            CardSelection selection, boolean queueCard, java.util.Set<Companion> companions, Optional<io.camrig.http.wifi.HostWifi> wifi,
            OffloadDisplay display, PrintWriter out) {
        OffloadOptions options = OffloadOptions.defaults().withMaxParallel(parallel).withTurbo(!noTurbo)
                .withDeleteAfterVerify(deleteAfterVerify).withCompanions(companions).withCheckMediaInfo(!noMediaInfoCheck)
                .withDownload(DownloadOptions.defaults().withExisting(existing)
                        .withDeadline(deadline == null ? Duration.ZERO : deadline)
                        .withMinRate(minRate, DownloadOptions.DEFAULT_MIN_RATE_WINDOW));
        if (!json) {
            out.printf("take %s: %d camera(s), into %s%n", queue.manifest().takeId(), cameras.size(),
                    store.takeDir(queue.manifest().takeId()));
            out.flush();
        }
        CountDownLatch done = new CountDownLatch(1);
        // Over an AP the card can only be listed once joined: its files are queued then.
        Offloader offloader = new Offloader(queue, options, wifi);
        this.offloader = offloader;
        Disposable run = offloader.run(cameras, c -> client -> c.link() != OffloadCamera.Link.AP
                        || !queueCard ? reactor.core.publisher.Mono.just(List.<MediaFile>of())
                        : client.mediaList().flatMap(l -> reactor.core.publisher.Mono.fromCallable(() -> {
                                    selection.enqueue(queue, c.serial(), c.name(), l, companions);
                                    totals.seen(c.serial(), l);
                                    return List.<MediaFile>of();    // queued above, with the groups' members
                                })
                                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())))
                .doFinally(s -> done.countDown())
                .subscribe(display::on, e -> display.error(e));
        Thread hook = new Thread(() -> {
            run.dispose();
            leaveAps(offloader);
            // The partial files are closed by the cancel; a manifest write under way finishes (no
            // temporary file left behind) and none starts after it.
            store.close(Duration.ofSeconds(5));
            display.interrupted();
        }, "camrig-offload-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            done.await();
        } catch (InterruptedException e) {
            // Ctrl-C through camrig's SIGINT handler: stop here as the hook would at exit, and say so now.
            Thread.currentThread().interrupt();
            hook.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting anyway
            }
            return ExitCodes.INTERRUPTED;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return 130;
        }
        // What each video says about itself (firmware, camera id, start timecode …) into the manifest.
        io.camrig.engine.offload.TakeFootage.read(queue).block();
        if (newTake && display.rejectedFiles() == 0 && EmptyTake.discard(store, queue.manifest())) {
            display.nothingToFetch(queue.manifest());    // nothing to fetch: no empty take left behind
            return 0;
        }
        int remaining = queue.manifest().pendingFiles();
        totals.warnings(queue.manifest()).forEach(display::note);
        display.summary(queue.manifest());
        return remaining > 0 || display.rejectedFiles() > 0 ? ExitCodes.SOME_FAILED
                : display.keptOnCamera() > 0 ? ExitCodes.NOT_DELETED : 0;
    }

    /**
     * Waits (up to {@link #LEAVE_AP}) until the camera AP a cancelled offload was on has been
     * left, so the host gets its own network back before the Wi-Fi backend is closed or the JVM exits.
     */
    private static void leaveAps(Offloader offloader) {
        if (offloader == null) {
            return;
        }
        try {
            offloader.apsLeft().block(LEAVE_AP);
        } catch (RuntimeException e) {
            // a leave that did not end in time: the backend's own reason was reported by the offload, if any
        }
    }

    /** A take this run created and that still holds nothing is not kept when the run fails before fetching. */
    private static void dropIfEmpty(TakeStore store, OffloadQueue queue, boolean newTake, PrintWriter err) {
        if (!newTake) {
            return;
        }
        try {
            if (EmptyTake.discard(store, queue.manifest())) {
                err.println("camrig offload: take " + queue.manifest().takeId() + " not kept (empty)");
            }
        } catch (java.io.UncheckedIOException e) {
            err.println("camrig offload: " + e.getMessage());
        }
    }

    /** Reads each camera's identity, adds it to the take and queues its files. */
    private List<OffloadCamera> enroll(OffloadQueue queue, CardSelection selection, boolean queueCard,
            java.util.Set<Companion> companions, PrintWriter err) {
        List<CameraAddress> addresses = new ArrayList<>();
        List<OffloadCamera.Link> links = new ArrayList<>();
        try {
            for (URI u : urls) {
                addresses.add(CameraAddress.of(u));
                links.add(u.getScheme().equals("https") ? OffloadCamera.Link.COHN : OffloadCamera.Link.OTHER);
            }
            for (String s : usb) {
                addresses.add(CameraAddress.usb(s));
                links.add(OffloadCamera.Link.USB);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        HttpOptions http = http();
        List<OffloadCamera> out = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            CameraHttpClient client = new CameraHttpClient(addresses.get(i), http);
            String label = client.baseUri().toString();
            try {
                CameraInfo info = client.query().info().block();
                String serial = info.serialNumber();
                if (!PathNames.isSafeSegment(serial)) {
                    err.println("camrig offload: " + label + " reports a serial number that cannot name a directory ("
                            + TerminalText.safe(serial) + "); skipped");
                    continue;
                }
                queue.ensureCamera(TakeCamera.of(serial, label, info.modelName(), info.firmwareVersion()));
                if (queueCard) {
                    io.camrig.http.model.MediaList list = client.mediaList().block();
                    selection.enqueue(queue, serial, label, list, companions);
                    totals.seen(serial, list);
                }
                out.add(OffloadCamera.of(serial, label, client, links.get(i)));
            } catch (CamrigException e) {
                err.println("camrig offload: " + label + ": " + e.getMessage());
            }
        }
        err.flush();
        return out;
    }

    private HttpOptions http() {
        return HttpOptions.defaults().withResponseTimeout(timeout).withProgressStepBytes(1 << 20);
    }
}
