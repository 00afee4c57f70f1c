package io.camrig.cli.demo;

import io.camrig.ble.bluez.BluezCentral;
import io.camrig.cli.ble.BleOptions;
import io.camrig.cli.console.ExitCodes;
import io.camrig.cli.network.CohnSetup;
import io.camrig.cli.network.CredentialOptions;
import io.camrig.credentials.FileCredentialStore;
import io.camrig.engine.credentials.CredentialStore;
import io.camrig.engine.credentials.InMemoryCredentialStore;
import io.camrig.engine.metrics.RigMetrics;
import io.camrig.engine.provision.ProvisioningOptions;
import io.camrig.engine.provision.RigNetwork;
import io.camrig.engine.rig.RigOptions;
import io.camrig.engine.session.HttpAddressResolver;
import io.camrig.engine.session.RecordingSession;
import io.camrig.engine.session.SessionOptions;
import io.camrig.engine.session.SessionReport;
import io.camrig.prometheus.MetricsPortInUseException;
import io.camrig.prometheus.PrometheusEndpoint;
import io.camrig.proto.error.CamrigException;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.fault.FaultProfile;
import io.camrig.simulator.state.SimulatedNetworks;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code camrig demo}: a synchronized recording session on N simulated cameras, end to end over
 * the same BLE bytes and HTTP a real rig uses — or, with {@code --ble bluez}, on N real cameras
 * through BlueZ ({@link BleOptions}). Prints a per-camera report and the rig's fire
 * skew and encoding spread, and per take whether its cameras started together (from the fire and
 * from the footage each camera wrote; {@code --max-spread}). Exit code 0 when every camera
 * succeeded in every take and every take was in sync, 3 otherwise, 1 when the run could not start
 * (for example {@code --metrics-port} already in use: one line on stderr).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Record in sync on a simulated rig: connect, set up, fire, record, stop, download.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--cameras", paramLabel = "N", defaultValue = "8", description = "Number of simulated cameras (default: ${DEFAULT-VALUE}).")
    int cameras;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "3s", description = "How long to record: 3, 3s, 500ms, PT3S (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--json", description = "Print the report as one JSON document.")
    boolean json;

    @Option(names = "--fail-camera", paramLabel = "K", description = "Make camera K (1-based) drop its BLE link mid-recording; repeatable.")
    Set<Integer> failCameras = Set.of();

    @Option(names = "--media-dir", paramLabel = "DIR", defaultValue = "camrig-media", description = "Where downloads land, as DIR/<serial>/ (default: ${DEFAULT-VALUE}).")
    Path mediaDir;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "HERO12 Black", description = "Simulated camera model (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--file-size", paramLabel = "BYTES", defaultValue = "4194304", description = "Size of each recorded file in bytes (default: ${DEFAULT-VALUE}).")
    int fileSize;

    @Option(names = "--chapter-size", paramLabel = "BYTES", defaultValue = "4000000000",
            description = "Simulated cameras split a recording over BYTES into chapters, as a real camera does at "
                    + "its 4 GB file limit; a take holds every chapter (default: ${DEFAULT-VALUE}).")
    long chapterSize;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of latencies, serials and media bytes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-progress", description = "Do not draw progress on stderr.")
    boolean noProgress;

    @Option(names = "--chaos", paramLabel = "PROFILE", defaultValue = "none",
            description = "Inject faults into the simulated rig: none, noisy, lossy, moody, mixed (default: ${DEFAULT-VALUE}).")
    String chaos;

    @Option(names = "--cycles", paramLabel = "N", defaultValue = "1",
            description = "Record cycles after one setup (default: ${DEFAULT-VALUE}).")
    int cycles;

    @Option(names = "--max-spread", paramLabel = "D", defaultValue = "50ms",
            description = "Widest window of camera-side starts a take may have; a camera more than half of it from "
                    + "the rig's median is flagged and the take fails (default: ${DEFAULT-VALUE}).")
    Duration maxSpread;

    @Option(names = "--metrics-port", paramLabel = "P",
            description = "Serve the rig's metrics as Prometheus text on http://127.0.0.1:P/metrics while it runs.")
    Integer metricsPort;

    @Option(names = "--cohn", description = "Reach each camera's HTTP over COHN (HTTPS with its own root CA and "
            + "Basic auth) instead of its access point: the cameras are put on the rig's network and provisioned first.")
    boolean cohn;

    @Option(names = "--ssid", paramLabel = "SSID", description = "With --cohn: the rig's network (default on the "
            + "simulated rig: " + SimulatedNetworks.STUDIO_SSID + ", which its cameras know).")
    String ssid;

    @Option(names = "--password-file", paramLabel = "FILE", description = "With --cohn: the network's password, on "
            + "FILE's first line (default on the simulated rig: the password of " + SimulatedNetworks.STUDIO_SSID + ").")
    Path passwordFile;

    @CommandLine.Mixin
    CredentialOptions credentials = new CredentialOptions();

    @CommandLine.Mixin
    BleOptions ble = new BleOptions();

    @CommandLine.Mixin
    io.camrig.cli.network.HostWifiOptions hostWifi = new io.camrig.cli.network.HostWifiOptions();

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "0",
            description = "Run the rig across N node processes on this machine, coordinated over the embedded MQTT broker.")
    int nodes;

    @Option(names = "--broker", paramLabel = "URL", description = "Coordinate the nodes already on this MQTT 5 broker "
            + "(see 'camrig node'); with --nodes N, wait for N of them.")
    String broker;

    @Option(names = "--clock-limit", paramLabel = "D", description = "Across nodes: refuse a node whose clock offset is "
            + "less certain than this (default 1ms; 20ms with --nodes, whose nodes share this machine's busy loopback).")
    Duration clockLimit;

    @CommandLine.Mixin
    io.camrig.cli.rig.ClusterLogin clusterLogin = new io.camrig.cli.rig.ClusterLogin();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (nodes > 0 || broker != null) {
            return across();
        }
        validate();
        SimulatorOptions sim = SimulatorOptions.defaults().withCameras(cameras).withSeed(seed)
                .withMediaFileBytes(fileSize).withFailCameras(failCameras);
        sim = new SimulatorOptions(sim.cameras(), model, sim.minLatency(), sim.maxLatency(), sim.seed(),
                sim.mediaFileBytes(), sim.busyAfterCommand(), sim.encodingStopTime(), sim.failCameras(),
                sim.linkDropDelay(), sim.scheduler());
        FaultProfile faults = FaultProfile.named(chaos);
        RigOptions rigOptions = RigOptions.defaults().withExpectedCameras(cameras);
        if (!faults.isNone()) {
            // Under injected faults, give up on a lost answer sooner and reconnect sooner.
            rigOptions = rigOptions.withReadyTimeout(Duration.ofSeconds(3)).withReconnect(4, Duration.ofMillis(50))
                    .withCamera(rigOptions.camera().withExchangeTimeout(Duration.ofSeconds(1)));
        }
        if (cohn) {
            rigOptions = CohnSetup.rigOptions(rigOptions, ProvisioningOptions.defaults());
        }
        SessionOptions options = SessionOptions.defaults().withRecordFor(duration).withMediaDir(mediaDir)
                .withCycles(cycles).withRig(rigOptions)
                .withSync(io.camrig.engine.sync.SyncTolerance.defaults().withMaxSpread(maxSpread));
        PrometheusMeterRegistry registry = PrometheusEndpoint.newRegistry();
        RigMetrics metrics = new RigMetrics(registry);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean showProgress = !noProgress && !json;
        if (!json) {
            String media = cohn ? ", media over COHN (HTTPS)" : ", media over each camera's AP in turn";
            if (ble.simulated()) {
                out.printf("camrig demo: %d simulated %s cameras, recording %s%s%n%n", cameras, model, human(duration),
                        media);
            } else {
                out.printf("camrig demo: %d cameras over BlueZ (adapter %s), recording %s%s%n%n", cameras,
                        ble.bluezOptions().adapter(), human(duration), media);
            }
            out.flush();
        }
        long takeBytes = ble.simulated() ? (long) fileSize * cameras * cycles
                : io.camrig.cli.rig.MediaDirCheck.estimateRealTake(duration, cameras, cycles);
        java.util.Optional<String> noRoom = io.camrig.cli.rig.MediaDirCheck.problem(mediaDir, takeBytes);
        if (noRoom.isPresent()) {
            err.println("camrig demo: " + noRoom.get() + "; nothing was recorded (--media-dir chooses another place)");
            err.flush();
            return 1;
        }
        SessionReport report;
        String injected = null;
        if (!ble.simulated()) {
            // Real cameras: the BlueZ central; media over COHN, or over each camera's own AP (10.5.5.9),
            // joined one camera at a time through NetworkManager, which is connected only at the first join
            // (so a machine without D-Bus reports the BLE side's error first).
            BluezCentral central = ble.central().orElseThrow();
            try (ProgressDisplay progress = new ProgressDisplay(err, showProgress, cameras, fileSize);
                 AutoCloseable endpoint = metricsEndpoint(registry, err);
                 FileCredentialStore store = cohn ? credentials.open(spec.commandLine(), System.getenv()) : null;
                 io.camrig.http.wifi.HostWifi wifi = cohn ? null
                         : hostWifi.openOnFirstUse(spec.commandLine(), java.util.Optional.empty())) {
                RecordingSession plain = new RecordingSession(central, cohn
                        ? HttpAddressResolver.cohn(store, CohnSetup.HTTPS_PORT) : HttpAddressResolver.accessPoint(),
                        options, progress, metrics);
                RecordingSession session = wifi == null ? plain : plain.withHostWifi(wifi);
                report = (cohn ? CohnSetup.over(session, store, network()) : session).run().block();
            } catch (CamrigException e) {
                err.println("camrig demo: " + e.getMessage() + io.camrig.cli.console.Hints.suffix(e));
                return 1;
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            } finally {
                central.shutdown().block(Duration.ofSeconds(5));
            }
        } else {
            io.camrig.cli.console.Interrupts.activity("starting " + cameras + " simulated cameras");
            try (VirtualRig rig = VirtualRig.start(sim, faults).block();
                 ProgressDisplay progress = new ProgressDisplay(err, showProgress, cameras, fileSize);
                 AutoCloseable endpoint = metricsEndpoint(registry, err)) {
                rig.cameras().forEach(c -> c.sdCard().videos().splitChaptersAt(chapterSize));
                // A simulated rig's COHN credentials live as long as its certificates: this run.
                CredentialStore store = new InMemoryCredentialStore();
                RecordingSession plain = new RecordingSession(rig.central(), cohn
                        ? HttpAddressResolver.cohn(store, rig.cohnPort()) : HttpAddressResolver.ofUris(rig::httpBaseUri),
                        options, progress, metrics);
                // Without COHN, as on a real rig: each camera's AP switched on, joined (the simulated host Wi-Fi),
                // its serial checked, its file fetched, left; one camera at a time.
                RecordingSession session = cohn ? plain : plain.withHostWifi(hostWifi.openOnFirstUse(spec.commandLine(),
                        java.util.Optional.of(rig.hostWifi())));
                report = (cohn ? CohnSetup.over(session, store, network()) : session).run().block();
                injected = faults.isNone() ? null : rig.faultCounters().toString();
            } catch (MetricsPortInUseException e) {
                err.println("camrig demo: " + e.getMessage());
                return 1;
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
        if (json) {
            out.println(JsonReport.render(report, ble.simulated() ? model : null, duration));
        } else {
            TextReport.render(report, out, injected, io.camrig.cli.console.Terminal.detect());
        }
        out.flush();
        return report.allOk() ? 0 : ExitCodes.SOME_FAILED;
    }

    /** The demo across node processes (--nodes) or the nodes on a broker (--broker). */
    private int across() throws Exception {
        CommandLine cl = spec.commandLine();
        if (nodes < 0 || nodes > 64) {
            throw new CommandLine.ParameterException(cl, "--nodes must be 1..64");
        }
        if (broker == null && cameras < nodes) {
            throw new CommandLine.ParameterException(cl, "--cameras must be at least --nodes");
        }
        io.camrig.cli.cluster.ClusterDemo.Run run = new io.camrig.cli.cluster.ClusterDemo.Run(nodes, cameras, duration, json,
                clockLimit != null ? clockLimit : Duration.ofMillis(broker == null ? 20 : 1), Duration.ofMillis(300),
                mediaDir, maxSpread);
        PrintWriter out = spec.commandLine().getOut();
        if (broker == null) {
            return io.camrig.cli.cluster.ClusterDemo.local(run, out, spec.commandLine().getErr());
        }
        io.camrig.cluster.mqtt.BrokerUrl url;
        try {
            url = io.camrig.cluster.mqtt.BrokerUrl.parse(broker);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        return io.camrig.cli.cluster.ClusterDemo.coordinate(url,
                clusterLogin.login(io.camrig.cluster.Topics.COORDINATOR, cl), run, out, spec.commandLine().getErr());
    }

    /** Starts the Prometheus endpoint when --metrics-port is given; a no-op closeable otherwise. */
    private AutoCloseable metricsEndpoint(PrometheusMeterRegistry registry, PrintWriter err) {
        if (metricsPort == null) {
            return () -> { };
        }
        PrometheusEndpoint endpoint = PrometheusEndpoint.start(registry, metricsPort).block(Duration.ofSeconds(5));
        err.println("metrics: " + endpoint.uri());
        err.flush();
        return () -> endpoint.disposeNow(Duration.ofSeconds(2));
    }

    /** The rig network for --cohn: given, or the simulated rig's known network. */
    private RigNetwork network() {
        if (ssid == null) {
            return new RigNetwork(SimulatedNetworks.STUDIO_SSID, SimulatedNetworks.STUDIO_PASSWORD);
        }
        return passwordFile == null ? RigNetwork.open(ssid)
                : new RigNetwork(ssid, new String(CohnSetup.password(spec.commandLine(), passwordFile)));
    }

    private void validate() {
        CommandLine cl = spec.commandLine();
        ble.validate(cl);
        if (!cohn && (ssid != null || passwordFile != null)) {
            throw new CommandLine.ParameterException(cl, "--ssid and --password-file need --cohn");
        }
        if (cohn && !ble.simulated() && ssid == null) {
            throw new CommandLine.ParameterException(cl, "--cohn with real cameras needs --ssid (and --password-file)");
        }
        if (!ble.simulated() && !failCameras.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--fail-camera needs the simulated rig (--ble simulated)");
        }
        if (cameras < 1 || cameras > 1024) {
            throw new CommandLine.ParameterException(cl, "--cameras must be between 1 and 1024, got " + cameras);
        }
        Set<Integer> bad = failCameras.stream().filter(k -> k < 1 || k > cameras).collect(Collectors.toSet());
        if (!bad.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--fail-camera must name cameras 1.." + cameras + ", got " + bad);
        }
        try {
            FaultProfile.named(chaos);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--chaos: " + e.getMessage());
        }
        if (cycles < 1 || cycles > 1000) {
            throw new CommandLine.ParameterException(cl, "--cycles must be between 1 and 1000, got " + cycles);
        }
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            throw new CommandLine.ParameterException(cl, "--metrics-port must be 0..65535, got " + metricsPort);
        }
        if (maxSpread.isNegative()) {
            throw new CommandLine.ParameterException(cl, "--max-spread must not be negative");
        }
        if (fileSize < 1 || chapterSize < 1) {
            throw new CommandLine.ParameterException(cl, "--file-size and --chapter-size must be positive");
        }
        if (duration.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new CommandLine.ParameterException(cl, "--duration is at most 10 minutes in the demo");
        }
        try {
            io.camrig.simulator.camera.SimulatedModel.byName(model);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
