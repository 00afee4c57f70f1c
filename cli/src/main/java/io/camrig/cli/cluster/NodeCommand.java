package io.camrig.cli.cluster;

import io.camrig.cli.console.StopHook;
import io.camrig.cli.network.CohnSetup;
import io.camrig.cli.network.CredentialOptions;
import io.camrig.cli.network.HostWifiOptions;
import io.camrig.cli.rig.ClusterLogin;
import io.camrig.cli.rig.RigSourceOptions;
import io.camrig.cluster.Topics;
import io.camrig.cluster.clock.ClusterClock;
import io.camrig.cluster.clock.SkewedClock;
import io.camrig.cluster.mqtt.BrokerUrl;
import io.camrig.cluster.node.NodeMedia;
import io.camrig.cluster.node.NodeOptions;
import io.camrig.cluster.node.RigNode;
import io.camrig.credentials.FileCredentialStore;
import io.camrig.engine.credentials.CredentialStoreException;
import io.camrig.engine.rig.RigOptions;
import io.camrig.engine.session.HttpAddressResolver;
import io.camrig.http.wifi.HostWifi;
import io.camrig.proto.error.CamrigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code camrig node}: this host's part of a rig across hosts. Drives this host's cameras
 * (simulated, or BlueZ's with {@code --ble bluez}) and serves the coordinator over the broker
 * until interrupted; a lost broker is reconnected by itself. A take's offload lands in this host's
 * {@code --media-dir}: real cameras are reached over COHN when the credential store ({@code
 * --credentials}) holds their COHN credentials, else over their own APs through the host Wi-Fi
 * ({@code --wifi}); simulated cameras over loopback, or over their APs with {@code --ap}. Ctrl-C
 * and SIGTERM stop it the same way ({@link RigNode#close()}): offloads under way stop with their
 * partial files kept for a resume, presence "offline", cameras closed, then the host Wi-Fi and the
 * credential store; exit 130 after Ctrl-C.
 */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Run this host's cameras as one node of a rig across hosts, coordinated over an MQTT 5 broker.")
public final class NodeCommand implements Callable<Integer> {
    @Option(names = "--broker", paramLabel = "URL", required = true, description = "mqtt://host:port or mqtts://host:port")
    String broker;

    @Option(names = "--node-id", paramLabel = "ID", required = true, description = "This node's id: 1-32 of a-z 0-9 _ -")
    String nodeId;

    @CommandLine.Mixin
    RigSourceOptions rigSource = new RigSourceOptions();

    @CommandLine.Mixin
    ClusterLogin login = new ClusterLogin();

    @Option(names = "--media-dir", paramLabel = "DIR", defaultValue = "camrig-media",
            description = "Where this node's cameras' takes land, as DIR/<take>/<serial>/<folder>/<file> (default: ${DEFAULT-VALUE}).")
    Path mediaDir;

    @Option(names = "--ap", description = "Simulated cameras: reach them over their own APs (as a BlueZ node without "
            + "COHN does), not over their loopback ports: switched on over BLE, joined through the host Wi-Fi (--wifi…) "
            + "one camera at a time, left.")
    boolean ap;

    @CommandLine.Mixin
    HostWifiOptions wifiOptions = new HostWifiOptions();

    @CommandLine.Mixin
    CredentialOptions credentials = new CredentialOptions();

    @Option(names = "--clock-offset-ms", paramLabel = "MS", hidden = true, defaultValue = "0",
            description = "Benchmarks and tests: run this node on a clock set MS milliseconds ahead (negative: behind).")
    long clockOffsetMillis;

    @Option(names = "--clock-drift-ppm", paramLabel = "PPM", hidden = true, defaultValue = "0",
            description = "Benchmarks and tests: this node's clock runs PPM parts per million fast (negative: slow).")
    double clockDriftPpm;

    @Option(names = "--encoding-starts", paramLabel = "FILE", hidden = true,
            description = "Benchmarks: append each simulated camera's encoding start (System.nanoTime) to FILE.")
    Path encodingStarts;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        CommandLine cl = spec.commandLine();
        rigSource.validate(cl);
        BrokerUrl url;
        try {
            url = BrokerUrl.parse(broker);
            Topics.requireNodeId(nodeId);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        PrintWriter out = cl.getOut();
        RigSourceOptions.Source source = rigSource.open();
        RigNode node;
        FileCredentialStore store = null;
        HostWifi wifi = null;
        try {
            if (encodingStarts != null && source.simulated().isPresent()) {
                EncodingStartLog.attach(source.simulated().get(), encodingStarts);
            }
            NodeMedia media = NodeMedia.defaults().withMediaDir(mediaDir);
            if (source.simulated().isPresent()) {
                var sim = source.simulated().get();
                HttpAddressResolver loopback = HttpAddressResolver.ofUris(sim::httpBaseUri);
                // Over their APs the simulated host Wi-Fi plays the joins; the cameras still answer on loopback.
                wifi = ap ? wifiOptions.open(cl, source) : null;
                media = ap ? media.withAccessPoints(wifi, loopback) : media.withHttp(loopback);
            } else {
                // Real cameras: over COHN with the credentials 'camrig cohn' stored, else over each camera's own AP
                // (NetworkManager, connected at the first join).
                store = credentials.open(cl, System.getenv());
                wifi = wifiOptions.openOnFirstUse(cl, Optional.empty());
                media = media.withCohn(HttpAddressResolver.cohn(store, CohnSetup.HTTPS_PORT))
                        .withAccessPoints(wifi, HttpAddressResolver.accessPoint());
            }
            NodeOptions options = NodeOptions.defaults(nodeId).withMedia(media)
                    .withRig(RigOptions.defaults().withExpectedCameras(source.expectedCameras()));
            if (clockOffsetMillis != 0 || clockDriftPpm != 0) {
                options = options.withClock(SkewedClock.of(ClusterClock.system(), clockOffsetMillis * 1_000_000L, clockDriftPpm));
            }
            node = RigNode.start(url, login.login(nodeId, cl), source.central(), options).block(Duration.ofMinutes(2));
        } catch (CredentialStoreException e) {
            closeQuietly(wifi);
            source.close();
            return CredentialOptions.failed(cl, "node", e);
        } catch (CamrigException | IllegalStateException | java.io.IOException e) {
            closeQuietly(wifi);
            closeQuietly(store);
            source.close();
            cl.getErr().println("camrig node: " + e.getMessage());
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        // SIGTERM: the hook stops the wait below and waits until this thread has closed the node.
        StopHook hook = StopHook.install("camrig-node-stop", stop::countDown);
        out.printf("camrig node %s: %d cameras, online on %s%n", nodeId, node.rig().members().size(), url);
        out.flush();
        try {
            stop.await();    // Ctrl-C interrupts it: the node closes the same way, then exit 130
        } finally {
            try {
                node.close();
                closeQuietly(wifi);
                closeQuietly(store);
                source.close();
                out.printf("camrig node %s: stopped%n", nodeId);
                out.flush();
            } finally {
                hook.closed();
            }
        }
        return 0;
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing at exit: nothing more to do
            }
        }
    }
}
