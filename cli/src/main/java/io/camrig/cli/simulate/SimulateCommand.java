package io.camrig.cli.simulate;

import io.camrig.simulator.camera.SimulatedModel;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.http.VirtualHttpRig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@code camrig simulate}: runs N virtual cameras' HTTP servers as a standalone process and prints
 * each camera's base URL (with {@code --cohn}, its HTTPS URL and where its credentials are), so
 * other tools, other SDKs included, can be tested against them. Runs until Ctrl-C (or {@code
 * --duration}), then stops every server and exits 0. Exit 1 when a port cannot be bound, 2 on bad
 * usage. BLE is not offered: the simulated BLE link exists only inside one process.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run virtual cameras' HTTP servers until Ctrl-C; print their URLs.")
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--cameras", paramLabel = "N", defaultValue = "4", description = "Number of cameras (default: ${DEFAULT-VALUE}).")
    int cameras;

    @Option(names = "--http-port", paramLabel = "P", defaultValue = "0",
            description = "HTTP port of camera 1; camera i gets P+i-1 (default: ephemeral ports).")
    int httpPort;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--cohn", description = "Also serve HTTPS with Basic auth, as cameras on the home network (COHN).")
    boolean cohn;

    @Option(names = "--cohn-port", paramLabel = "P", defaultValue = "0",
            description = "HTTPS port of camera 1 with --cohn; camera i gets P+i-1 (default: ephemeral ports).")
    int cohnPort;

    @Option(names = "--credentials-dir", paramLabel = "DIR", defaultValue = "camrig-cohn",
            description = "With --cohn: where each camera's root CA and password files go (default: ${DEFAULT-VALUE}).")
    Path credentialsDir;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "HERO12 Black", description = "Camera model (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--files", paramLabel = "K", defaultValue = "1", description = "Recordings on each card at start (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--file-size", paramLabel = "BYTES", defaultValue = "4194304", description = "Size of each recording (default: ${DEFAULT-VALUE}).")
    int fileSize;

    @Option(names = "--groups", paramLabel = "N", defaultValue = "0",
            description = "Bursts on each card at start, after the recordings, listed as real cameras list grouped "
                    + "photos (default: ${DEFAULT-VALUE}).")
    int groups;

    @Option(names = "--group-size", paramLabel = "K", defaultValue = "10",
            description = "Photos in each burst, each --photo-size bytes (default: ${DEFAULT-VALUE}).")
    int groupSize;

    @Option(names = "--photo-size", paramLabel = "BYTES", defaultValue = "262144",
            description = "Size of each burst photo (default: ${DEFAULT-VALUE}).")
    int photoSize;

    @Option(names = "--raw-photos", paramLabel = "K", defaultValue = "0",
            description = "RAW photos on each card at start, after the bursts: each a JPG of --photo-size bytes "
                    + "listed with \"raw\": \"1\", its .GPR beside it, not listed (default: ${DEFAULT-VALUE}).")
    int rawPhotos;
    @Option(names = "--chapter-size", paramLabel = "BYTES", defaultValue = "4000000000",
            description = "Split a recording over BYTES into chapters GX01nnnn.MP4, GX02nnnn.MP4 ..., as a real "
                    + "camera does at its 4 GB file limit (default: ${DEFAULT-VALUE}, no file here reaches it).")
    long chapterSize;

    @Option(names = "--spool", paramLabel = "DIR",
            description = "Write each recording to a real file under DIR first and send downloads from it with zero "
                    + "copy (sendfile) instead of computing every byte: for benchmarking a downloader, since the "
                    + "simulator then takes almost no CPU. Needs files x size bytes of disk.")
    Path spool;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of serials and media bytes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--duration", paramLabel = "D", description = "Stop by itself after D (default: run until Ctrl-C).")
    Duration duration;

    @Option(names = "--json", description = "Print the cameras as one JSON document.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Completes when the simulation should stop; set by tests, else Ctrl-C or {@code --duration}. */
    Mono<Void> stopSignal;

    /** Told once every camera is up (tests use it to reach the cameras). */
    Consumer<VirtualHttpRig> onReady = rig -> { };

    @Override
    public Integer call() throws Exception {
        VirtualHttpRig.Options options = options();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        VirtualHttpRig rig;
        try {
            rig = VirtualHttpRig.start(options, java.util.Optional.ofNullable(spool)).block();
            addGroups(rig);
            addRawPhotos(rig);
        } catch (RuntimeException e) {
            err.println("camrig simulate: cannot start the cameras: " + rootMessage(e));
            err.flush();
            return 1;
        }
        Sinks.Empty<Void> interrupted = Sinks.empty();
        Sinks.Empty<Void> closed = Sinks.empty();
        Thread hook = new Thread(() -> {
            interrupted.tryEmitEmpty();
            closed.asMono().block(Duration.ofSeconds(5));
        }, "camrig-simulate-stop");
        boolean hooked = stopSignal == null;
        if (hooked) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        try {
            List<Map<String, Object>> rows = describe(rig);
            print(rows, out);
            onReady.accept(rig);
            io.camrig.cli.console.Interrupts.activity(rig.cameras().size() + " simulated cameras");
            Mono<Void> stop = stopSignal != null ? stopSignal : interrupted.asMono();
            if (duration != null) {
                stop = Mono.firstWithSignal(stop, Mono.delay(duration).then());
            }
            stop.block();
        } finally {
            rig.close();
            rig.onClose().block(Duration.ofSeconds(5));
            if (!json) {
                out.println("stopped " + rig.cameras().size() + " cameras");
                out.flush();
            }
            closed.tryEmitEmpty();
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the JVM is already running the hook, which waits for 'closed'
                }
            }
        }
        return 0;
    }

    /** {@code --groups} bursts on each card, a minute after its last recording. */
    private void addGroups(VirtualHttpRig rig) {
        java.time.Instant at = java.time.Instant.parse("2025-01-01T10:00:00Z").plusSeconds(60L * files);
        for (var camera : rig.cameras()) {
            for (int g = 0; g < groups; g++) {
                camera.sdCard().addGroup(groupSize, photoSize, at.plusSeconds(60L * g));
            }
        }
    }

    /** {@code --raw-photos} on each card, a minute apart after the bursts. */
    private void addRawPhotos(VirtualHttpRig rig) {
        java.time.Instant at = java.time.Instant.parse("2025-01-01T10:00:00Z").plusSeconds(60L * (files + groups));
        for (var camera : rig.cameras()) {
            for (int p = 0; p < rawPhotos; p++) {
                camera.sdCard().addPhoto(photoSize, true, at.plusSeconds(60L * p));
            }
        }
    }

    private VirtualHttpRig.Options options() {
        CommandLine cl = spec.commandLine();
        if (cameras < 1 || cameras > 1024) {
            throw new CommandLine.ParameterException(cl, "--cameras must be between 1 and 1024, got " + cameras);
        }
        if (files < 0 || files > 100 || fileSize < 1 || chapterSize < 1) {
            throw new CommandLine.ParameterException(cl, "--files must be 0..100, --file-size and --chapter-size positive");
        }
        if (groups < 0 || groups > 100 || groupSize < 1 || groupSize > 1000 || photoSize < 0
                || files + (long) groups * groupSize > io.camrig.simulator.media.SdCard.MAX_FILES) {
            throw new CommandLine.ParameterException(cl, "--groups must be 0..100, --group-size 1..1000, --photo-size "
                    + ">= 0, and the card's numbers (files + groups x group size) at most 9999");
        }
        if (rawPhotos < 0 || rawPhotos > 1000
                || files + (long) groups * groupSize + rawPhotos > io.camrig.simulator.media.SdCard.MAX_FILES) {
            throw new CommandLine.ParameterException(cl, "--raw-photos must be 0..1000, and the card's numbers (files + "
                    + "groups x group size + RAW photos) at most 9999");
        }
        if (cohnPort != 0 && !cohn) {
            throw new CommandLine.ParameterException(cl, "--cohn-port needs --cohn");
        }
        try {
            SimulatedModel.byName(model);
            int cohnBase = cohnPort != 0 ? cohnPort : 0;
            return new VirtualHttpRig.Options(cameras, model, seed, fileSize, files, host, httpPort, cohn, cohnBase,
                    Duration.ofMillis(60)).withChapterBytes(chapterSize);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    private List<Map<String, Object>> describe(VirtualHttpRig rig) throws java.io.IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        int i = 1;
        for (VirtualCameraHttpServer s : rig.cameras()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", i++);
            row.put("serial", s.sdCard().serial());
            row.put("model", s.model().identity().model().displayName());
            row.put("http", s.baseUri().toString());
            if (s.cohn().isPresent()) {
                Path dir = CohnFiles.write(credentialsDir, s.sdCard().serial(), s.cohn().get());
                row.put("https", s.cohnBaseUri().orElseThrow().toString());
                row.put("user", s.cohn().get().credentials().username());
                row.put("rootCa", dir.resolve("GoProRootCA.crt").toString());
                row.put("passwordFile", dir.resolve("password").toString());
            }
            rows.add(row);
        }
        return rows;
    }

    private void print(List<Map<String, Object>> rows, PrintWriter out) throws java.io.IOException {
        if (json) {
            out.println(io.camrig.cli.console.JsonStyle.document(Map.of("cameras", rows)));
            out.flush();
            return;
        }
        out.printf("camrig simulate: %d simulated %s cameras (HTTP only; Ctrl-C stops them)%n%n", rows.size(), model);
        out.printf("%-3s %-15s %-28s%s%n", "#", "serial", "http", cohn ? "  https (COHN)" : "");
        for (Map<String, Object> r : rows) {
            out.printf("%-3s %-15s %-28s%s%n", r.get("index"), r.get("serial"), r.get("http"),
                    cohn ? "  " + r.get("https") : "");
        }
        if (cohn) {
            out.printf("%nCOHN: user gopro; each camera's root CA and password file are in %s/<serial>/%n",
                    credentialsDir);
            out.printf("  e.g. camrig http --url %s --cohn-ca %s --user gopro --password-file %s state%n",
                    rows.get(0).get("https"), rows.get(0).get("rootCa"), rows.get(0).get("passwordFile"));
        }
        out.println();
        out.flush();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
