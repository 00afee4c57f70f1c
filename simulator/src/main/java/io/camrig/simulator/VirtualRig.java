package io.camrig.simulator;

import io.camrig.ble.spi.BleCentral;
import io.camrig.simulator.ble.SimulatedBleCentral;
import io.camrig.simulator.camera.CameraIdentity;
import io.camrig.simulator.camera.SimulatedModel;
import io.camrig.simulator.camera.VirtualCamera;
import io.camrig.simulator.fault.FaultCounters;
import io.camrig.simulator.fault.FaultProfile;
import io.camrig.simulator.http.HttpFaults;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.state.SimulatedCohn;
import io.camrig.simulator.wifi.SimulatedHostWifi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A rig of virtual cameras: each one a GATT peripheral reachable through {@link #central()} and
 * an HTTP server on 127.0.0.1 (ephemeral port). Close it to stop the servers.
 *
 * <p>Networking: each camera sees the networks of {@link SimulatorOptions#networks()} and joins
 * them over BLE (Connect New checks the password). Once joined it holds a loopback address,
 * {@code 127.0.50.<100+index>} (all of 127/8 is loopback on Linux; elsewhere only 127.0.0.1 may
 * bind, and COHN HTTPS listeners fail to start, with a warning). While COHN is provisioned
 * (certificate created over BLE and connected to a network), the camera serves HTTPS on its own
 * address and the rig-wide {@link #cohnPort()}, with the root CA that Get COHN Certificate returns
 * and the credentials of NotifyCOHNStatus; {@link #changeCohnIp(String)} moves it. The simulated
 * host Wi-Fi is {@link #hostWifi()}. Limits: COHN is provisioned over BLE only (the cameras' plain
 * HTTP {@code /gopro/cohn/*} routes do not see it), Set AP Control does not leave station mode, and
 * no traffic is routed by joining networks: {@link #httpBaseUri(String)} answers on 127.0.0.1
 * whether or not the host joined the camera's AP.
 *
 * <pre>{@code
 * try (VirtualRig rig = VirtualRig.start(SimulatorOptions.defaults()).block()) {
 *     BleCentral central = rig.central();
 *     ...
 * }
 * }</pre>
 */
public final class VirtualRig implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(VirtualRig.class);
    private final SimulatorOptions options;
    private final List<VirtualCamera> cameras;
    private final List<VirtualCameraHttpServer> servers;
    private final SimulatedBleCentral central;
    private final FaultProfile faults;
    private final int cohnPort;
    private final List<CohnEndpoint> endpoints = new ArrayList<>();
    private final SimulatedHostWifi hostWifi;
    private final AtomicInteger ipChanges = new AtomicInteger();

    private VirtualRig(SimulatorOptions options, List<VirtualCamera> cameras, List<VirtualCameraHttpServer> servers,
                       FaultProfile faults, Map<Integer, FaultProfile> perCamera, int cohnPort) {
        this.options = options;
        this.cohnPort = cohnPort;
        for (int i = 0; i < cameras.size(); i++) {
            CohnEndpoint endpoint = new CohnEndpoint(cameras.get(i), servers.get(i), cohnPort);
            endpoints.add(endpoint);
            cameras.get(i).onNetworkChange(endpoint::reconcile);
        }
        this.hostWifi = new SimulatedHostWifi(cameras, options.networks(), options.scheduler(), options.hostJoinDelay());
        this.cameras = List.copyOf(cameras);
        this.servers = List.copyOf(servers);
        this.faults = faults;
        this.central = new SimulatedBleCentral(cameras, options.scheduler(), faults, perCamera, new FaultCounters(),
                options.seed());
        for (int i = 0; i < servers.size(); i++) {
            FaultProfile p = perCamera.getOrDefault(i + 1, faults);
            if (p.httpCutAfterBytes() > 0 || !p.httpDelay().isZero()) {
                HttpFaults http = HttpFaults.NONE.withResponseDelay(p.httpDelay());
                if (p.httpCutAfterBytes() > 0 && p.httpCutDownloads() > 0) {
                    http = http.withCutDownloads(p.httpCutDownloads(), p.httpCutAfterBytes());
                }
                servers.get(i).faults(http);
            }
        }
    }

    /** Creates the cameras and starts their HTTP servers; no faults. */
    public static Mono<VirtualRig> start(SimulatorOptions options) {
        return start(options, FaultProfile.NONE);
    }

    /** Creates the cameras and starts their HTTP servers, with {@code faults} on every link. */
    public static Mono<VirtualRig> start(SimulatorOptions options, FaultProfile faults) {
        return start(options, faults, Map.of());
    }

    /**
     * Creates the cameras and starts their HTTP servers; camera {@code i} (1-based) suffers
     * {@code perCamera.get(i)} when present, {@code faults} otherwise.
     */
    public static Mono<VirtualRig> start(SimulatorOptions options, FaultProfile faults,
                                         Map<Integer, FaultProfile> perCamera) {
        return start(options, faults, perCamera, Map.of());
    }

    /**
     * As {@link #start(SimulatorOptions, FaultProfile, Map)}, with camera {@code i} (1-based)
     * reporting {@code serials.get(i)} as its serial number over BLE and HTTP when present: a
     * hostile camera can name itself {@code ../x} (a path) or a control character, and its files
     * carry that serial too.
     */
    public static Mono<VirtualRig> start(SimulatorOptions options, FaultProfile faults,
                                         Map<Integer, FaultProfile> perCamera, Map<Integer, String> serials) {
        return Mono.defer(() -> {
            SimulatedModel model = SimulatedModel.byName(options.modelName());
            SplittableRandom random = new SplittableRandom(options.seed());
            long min = options.minLatency().toNanos();
            long span = options.maxLatency().toNanos() - min;
            List<VirtualCamera> cameras = new ArrayList<>();
            for (int i = 1; i <= options.cameras(); i++) {
                Duration latency = Duration.ofNanos(min + (span == 0 ? 0 : random.nextLong(span + 1)));
                CameraIdentity id = CameraIdentity.generate(i, model, options.seed());
                if (serials.containsKey(i)) {
                    id = new CameraIdentity(i, model, serials.get(i), id.address(), id.apSsid(), id.apPassword());
                }
                cameras.add(new VirtualCamera(id, options.camera(), latency));
            }
            return Flux.fromIterable(cameras)
                    .concatMap(c -> VirtualCameraHttpServer.start(c.sdCard(), c.statuses()::snapshot)
                            .doOnNext(s -> c.httpBaseUri(s.baseUri())))
                    .collectList()
                    .map(servers -> new VirtualRig(options, cameras, servers, faults, perCamera,
                            choosePort(cameras.stream().map(c -> c.cohn().ipAddress()).toList())));
        });
    }

    public SimulatorOptions options() {
        return options;
    }

    /** The cameras, in index order (camera 1 first). */
    public List<VirtualCamera> cameras() {
        return cameras;
    }

    /** A BLE central that reaches these cameras. */
    public BleCentral central() {
        return central;
    }

    /** The fault profile of this rig's links. */
    public FaultProfile faults() {
        return faults;
    }

    /** Faults injected so far. */
    public FaultCounters faultCounters() {
        return central.faultCounters();
    }

    /** Powers off the camera with this serial: its link drops and it no longer answers (fault injection). */
    public void powerOff(String serial) {
        camera(serial).ifPresent(c -> central.powerOff(c.identity().address()));
    }

    /** Drops the BLE link of the camera with this serial; it stays reachable (fault injection). */
    public void dropLink(String serial) {
        camera(serial).ifPresent(c -> central.dropLink(c.identity().address()));
    }

    /** The camera with this serial number. */
    public Optional<VirtualCamera> camera(String serial) {
        return cameras.stream().filter(c -> c.identity().serial().equals(serial)).findFirst();
    }

    /**
     * Sets the HTTP faults of every camera from now on (fault injection): e.g. a rig whose Wi-Fi
     * stalls mid-offload ({@link HttpFaults#withResponseDelay}); requests already answering go on.
     */
    public void httpFaults(HttpFaults faults) {
        servers.forEach(s -> s.faults(faults));
    }

    /** The HTTP server of the camera with this serial number (its faults, stalls, card). */
    public Optional<VirtualCameraHttpServer> httpServer(String serial) {
        for (int i = 0; i < cameras.size(); i++) {
            if (cameras.get(i).identity().serial().equals(serial)) {
                return Optional.of(servers.get(i));
            }
        }
        return Optional.empty();
    }

    /** The HTTP base URI of the camera with this serial number. */
    public Optional<URI> httpBaseUri(String serial) {
        return camera(serial).map(VirtualCamera::httpBaseUri);
    }

    /**
     * The TCP port every camera's COHN HTTPS server listens on, each on its own address; chosen at
     * start by binding camera 1's address on an ephemeral port, then the others on that port.
     */
    public int cohnPort() {
        return cohnPort;
    }

    /**
     * Moves the camera to a new address on its network, as a DHCP lease change would: the
     * {@code n}-th change of the rig gives {@code 127.0.60.0 + n} (counting on into the third byte),
     * skipping addresses whose {@link #cohnPort()} is taken. A provisioned camera's HTTPS server
     * closes its connections and listens there before registered BLE clients get NotifyCOHNStatus
     * (F5 EF) with the new {@code ipaddress}. The certificate keeps the IP SAN it was created with
     * (a client checks the chain to the root, not the name). Blocks while rebinding (milliseconds).
     *
     * @return the new address
     * @throws IllegalArgumentException when no camera has this serial
     * @throws IllegalStateException when no free address is found
     */
    public String changeCohnIp(String serial) {
        VirtualCamera camera = camera(serial).orElseThrow(() -> new IllegalArgumentException("no camera " + serial));
        for (int attempt = 0; attempt < 16; attempt++) {
            String address = SimulatedCohn.ipv4((127 << 24) | (60 << 8), ipChanges.incrementAndGet());
            if (free(address, cohnPort)) {
                camera.moveCohn(address);
                return address;
            }
        }
        throw new IllegalStateException("no free address for " + serial + " on port " + cohnPort);
    }

    /**
     * The simulated host Wi-Fi: sees the cameras' APs while their status 69 is 1, and the rig's
     * networks. See {@link SimulatedHostWifi} for what it does not simulate.
     */
    public SimulatedHostWifi hostWifi() {
        return hostWifi;
    }

    /**
     * A port free on every one of {@code hosts}: ephemeral on the first, then tried on the others,
     * one socket at a time (a rig of 1024 cameras must not hold 1024 descriptors at once).
     */
    private static int choosePort(List<String> hosts) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getByName(hosts.get(0)))) {
                port = first.getLocalPort();
            } catch (IOException e) {
                log.warn("cannot bind {} ({}): 127/8 is not all loopback here, COHN HTTPS will not listen",
                        hosts.get(0), e.toString());
                return anyPort();
            }
            int p = port;
            if (hosts.stream().skip(1).allMatch(h -> free(h, p))) {
                return port;
            }
        }
        throw new IllegalStateException("no port free on all " + hosts.size() + " camera addresses");
    }

    private static int anyPort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind the loopback address", e);
        }
    }

    private static boolean free(String host, int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            return probe.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops every camera's HTTP server. */
    @Override
    public void close() {
        servers.forEach(VirtualCameraHttpServer::close);
        hostWifi.close();
    }
}
