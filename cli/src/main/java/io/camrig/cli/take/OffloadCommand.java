package io.camrig.cli.take;

import io.camrig.cli.console.ExitCodes;
import io.camrig.cli.console.TerminalText;
import io.camrig.engine.offload.OffloadCamera;
import io.camrig.engine.offload.OffloadEvent;
import io.camrig.engine.offload.OffloadOptions;
import io.camrig.engine.offload.Offloader;
import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
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
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import reactor.core.Disposable;

/**
 * {@code camrig offload}: fetches files from cameras into a take, {@code
 * <media-dir>/<take>/<serial>/<folder>/<file>}, with the take's manifest as the persistent queue:
 * run it again (with {@code --take}) after a failure, a kill or Ctrl-C and it resumes every partial
 * file and fetches nothing already verified. Each camera's serial is checked over HTTP before a
 * file is credited to it.
 *
 * <p>Exit codes: 0 every queued file verified, 1 an error before offloading (no camera, no take),
 * 2 bad usage, 3 some files failed or remain queued (the report says which), 130 interrupted
 * (partial files and the manifest are kept for a resume).
 */
@Command(name = "offload", mixinStandardHelpOptions = true,
        description = "Fetch a take's or a whole card's files into a take: verified, resumable.")
public final class OffloadCommand implements Callable<Integer> {
    @Option(names = {"--url"}, paramLabel = "URL", description = "A camera's base URL (repeatable), e.g. a COHN "
            + "camera's https://IP or a simulated camera's http://127.0.0.1:PORT (see 'camrig simulate').")
    List<URI> urls = new ArrayList<>();

    @Option(names = "--usb", paramLabel = "SERIAL", description = "A camera on USB (repeatable).")
    List<String> usb = new ArrayList<>();

    @Option(names = "--media-dir", paramLabel = "DIR", defaultValue = "camrig-media",
            description = "Where takes are (default: ${DEFAULT-VALUE}).")
    Path mediaDir;

    @Option(names = "--take", paramLabel = "TAKE",
            description = "Resume or extend this take (default: a new take). With no --card/--since-last-take, "
                    + "fetch only what the take still has queued.")
    String take;

    @Option(names = "--card", description = "Queue every file on each card (the default for a new take).")
    boolean card;

    @Option(names = "--since-last-take", description = "Queue only files newer than the newest file of the same "
            + "camera in earlier takes.")
    boolean sinceLastTake;

    @Option(names = "--delete-after-verify", description = "Delete each file from its camera once verified.")
    boolean deleteAfterVerify;

    @Option(names = "--no-turbo", description = "Leave turbo transfer off.")
    boolean noTurbo;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Cameras offloaded at once (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--json", description = "JSON Lines: one object per event, then a summary.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (urls.isEmpty() && usb.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give at least one --url or --usb camera");
        }
        if (parallel < 1 || minRate < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--parallel must be >= 1, --min-rate >= 0");
        }
        TakeStore store = new TakeStore(mediaDir);
        TakeManifest manifest;
        try {
            manifest = take == null ? store.create("rig") : store.read(take).orElse(null);
        } catch (RuntimeException e) {
            err.println("camrig offload: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (manifest == null) {
            err.println("camrig offload: no take '" + take + "' in " + mediaDir.toAbsolutePath());
            err.flush();
            return 1;
        }
        OffloadQueue queue = new OffloadQueue(store, manifest);
        boolean queueCard = card || sinceLastTake || take == null;
        List<OffloadCamera> cameras = enroll(queue, store, queueCard, err);
        if (cameras.isEmpty()) {
            err.println("camrig offload: no camera could be reached");
            err.flush();
            return 1;
        }
        OffloadOptions options = OffloadOptions.defaults().withMaxParallel(parallel).withTurbo(!noTurbo)
                .withDeleteAfterVerify(deleteAfterVerify)
                .withDownload(DownloadOptions.defaults().withExisting(existing)
                        .withDeadline(deadline == null ? Duration.ZERO : deadline)
                        .withMinRate(minRate, DownloadOptions.DEFAULT_MIN_RATE_WINDOW));
        OffloadDisplay display = new OffloadDisplay(out, err, json, queue.manifest().takeId());
        if (!json) {
            out.printf("take %s: %d camera(s), into %s%n", queue.manifest().takeId(), cameras.size(),
                    store.takeDir(queue.manifest().takeId()));
            out.flush();
        }
        CountDownLatch done = new CountDownLatch(1);
        Disposable run = new Offloader(queue, options, Optional.empty()).run(cameras)
                .doFinally(s -> done.countDown())
                .subscribe(display::on, e -> display.error(e));
        Thread hook = new Thread(() -> {
            run.dispose();
            try {
                done.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            display.interrupted();
        }, "camrig-offload-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.dispose();
            return 130;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return 130;
        }
        int remaining = queue.manifest().pendingFiles();
        display.summary(queue.manifest());
        return remaining == 0 ? 0 : ExitCodes.SOME_FAILED;
    }

    /** Reads each camera's identity, adds it to the take and queues its files. */
    private List<OffloadCamera> enroll(OffloadQueue queue, TakeStore store, boolean queueCard, PrintWriter err) {
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
        HttpOptions http = HttpOptions.defaults().withResponseTimeout(timeout).withProgressStepBytes(1 << 20);
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
                    List<MediaFile> files = client.mediaList().block().files();
                    long after = sinceLastTake ? newestEarlier(store, queue.manifest().takeId(), serial) : Long.MIN_VALUE;
                    List<MediaFile> chosen = new ArrayList<>();
                    for (MediaFile f : files) {
                        if (f.created().getEpochSecond() > after && PathNames.isSafeSegment(f.directory())
                                && PathNames.isSafeSegment(f.name())) {
                            chosen.add(f);
                        } else if (!PathNames.isSafeSegment(f.directory()) || !PathNames.isSafeSegment(f.name())) {
                            err.println("camrig offload: " + TerminalText.safe(serial) + ": skipped a file whose name cannot "
                                    + "be a path: " + TerminalText.safe(f.directory() + "/" + f.name()));
                        }
                    }
                    queue.enqueue(serial, chosen);
                }
                out.add(OffloadCamera.of(serial, label, client, links.get(i)));
            } catch (CamrigException e) {
                err.println("camrig offload: " + label + ": " + e.getMessage());
            }
        }
        err.flush();
        return out;
    }

    /** The newest creation time of a verified file of {@code serial} in takes other than {@code current}. */
    static long newestEarlier(TakeStore store, String current, String serial) {
        long newest = Long.MIN_VALUE;
        for (TakeManifest m : store.list()) {
            if (m.takeId().equals(current)) {
                continue;
            }
            for (TakeCamera c : m.cameras()) {
                if (c.serial().equals(serial)) {
                    for (TakeFile f : c.files()) {
                        if (f.verified()) {
                            newest = Math.max(newest, f.createdEpochSeconds());
                        }
                    }
                }
            }
        }
        return newest;
    }
}
