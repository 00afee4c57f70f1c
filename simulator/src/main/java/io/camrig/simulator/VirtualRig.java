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
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A rig of virtual cameras: each one a GATT peripheral reachable through {@link #central()} and
 * an HTTP server on 127.0.0.1 (ephemeral port). Close it to stop the servers.
 *
 * <pre>{@code
 * try (VirtualRig rig = VirtualRig.start(SimulatorOptions.defaults()).block()) {
 *     BleCentral central = rig.central();
 *     ...
 * }
 * }</pre>
 */
public final class VirtualRig implements AutoCloseable {
    private final SimulatorOptions options;
    private final List<VirtualCamera> cameras;
    private final List<VirtualCameraHttpServer> servers;
    private final SimulatedBleCentral central;
    private final FaultProfile faults;

    private VirtualRig(SimulatorOptions options, List<VirtualCamera> cameras, List<VirtualCameraHttpServer> servers,
                       FaultProfile faults, Map<Integer, FaultProfile> perCamera) {
        this.options = options;
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
        return Mono.defer(() -> {
            SimulatedModel model = SimulatedModel.byName(options.modelName());
            SplittableRandom random = new SplittableRandom(options.seed());
            long min = options.minLatency().toNanos();
            long span = options.maxLatency().toNanos() - min;
            List<VirtualCamera> cameras = new ArrayList<>();
            for (int i = 1; i <= options.cameras(); i++) {
                Duration latency = Duration.ofNanos(min + (span == 0 ? 0 : random.nextLong(span + 1)));
                cameras.add(new VirtualCamera(CameraIdentity.generate(i, model, options.seed()), options, latency));
            }
            return Flux.fromIterable(cameras)
                    .concatMap(c -> VirtualCameraHttpServer.start(c.sdCard(), c.statuses()::snapshot)
                            .doOnNext(s -> c.httpBaseUri(s.baseUri())))
                    .collectList()
                    .map(servers -> new VirtualRig(options, cameras, servers, faults, perCamera));
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

    /** The HTTP base URI of the camera with this serial number. */
    public Optional<URI> httpBaseUri(String serial) {
        return camera(serial).map(VirtualCamera::httpBaseUri);
    }

    /** Stops every camera's HTTP server. */
    @Override
    public void close() {
        servers.forEach(VirtualCameraHttpServer::close);
    }
}
