package io.camrig.simulator.ble;

import io.camrig.ble.spi.Advertisement;
import io.camrig.ble.spi.BleCentral;
import io.camrig.ble.spi.BleException;
import io.camrig.ble.spi.GattConnection;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.simulator.camera.VirtualCamera;
import io.camrig.simulator.fault.FaultCounters;
import io.camrig.simulator.fault.FaultProfile;
import io.camrig.simulator.fault.LinkFaults;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A BLE central whose radio reaches only virtual cameras. Every camera advertises
 * {@code "GoPro XXXX"} (the last four digits of its serial) and service 0xFEA6, as real cameras
 * in pairing mode do (Open GoPro BLE spec, "Advertisements").
 */
public final class SimulatedBleCentral implements BleCentral {
    private final Map<String, VirtualCamera> cameras;
    private final Scheduler scheduler;
    private final Set<String> gone = ConcurrentHashMap.newKeySet();
    private final Map<String, SimulatedGattConnection> links = new ConcurrentHashMap<>();
    private final FaultProfile faults;
    private final Map<Integer, FaultProfile> perCamera;
    private final FaultCounters counters;
    private final long seed;
    private final AtomicLong connections = new AtomicLong();

    public SimulatedBleCentral(List<VirtualCamera> cameras, Scheduler scheduler) {
        this(cameras, scheduler, FaultProfile.NONE, new FaultCounters(), 0L);
    }

    /**
     * A central whose links suffer {@code faults}, counted in {@code counters}; each link draws
     * its faults from its own random source seeded from {@code seed}.
     */
    public SimulatedBleCentral(List<VirtualCamera> cameras, Scheduler scheduler, FaultProfile faults,
                               FaultCounters counters, long seed) {
        this(cameras, scheduler, faults, Map.of(), counters, seed);
    }

    /**
     * As above, with a different profile for some cameras: {@code perCamera} maps a camera's
     * 1-based index to its profile; the others get {@code faults}.
     */
    public SimulatedBleCentral(List<VirtualCamera> cameras, Scheduler scheduler, FaultProfile faults,
                               Map<Integer, FaultProfile> perCamera, FaultCounters counters, long seed) {
        this.perCamera = Map.copyOf(perCamera);
        this.faults = faults;
        this.counters = counters;
        this.seed = seed;
        this.cameras = cameras.stream()
                .collect(Collectors.toMap(c -> c.identity().address(), Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
        this.scheduler = scheduler;
    }

    /** Drops the current link to a camera, as radio trouble would; the camera stays reachable. */
    public void dropLink(String address) {
        SimulatedGattConnection link = links.get(address);
        if (link != null) {
            link.dropLink();
        }
    }

    /** Powers a camera off: its link drops and it stops answering connects (as after a battery pull). */
    public void powerOff(String address) {
        gone.add(address);
        dropLink(address);
    }

    /** Faults injected so far on this central's links. */
    public FaultCounters faultCounters() {
        return counters;
    }

    /**
     * Emits one advertisement per virtual camera advertising {@code serviceUuid} and not powered off
     * ({@link #powerOff}: a switched-off camera is silent), then completes
     * (a simulated radio hears every camera at once; {@code duration} bounds nothing further).
     */
    @Override
    public Flux<Advertisement> scan(UUID serviceUuid, Duration duration) {
        return Flux.fromIterable(cameras.values())
                .filter(c -> !gone.contains(c.identity().address()))   // a camera switched off does not advertise
                .map(c -> new Advertisement(c.identity().address(), c.identity().bleName(),
                        Set.of(GoProUuid.CONTROL_AND_QUERY_SERVICE), -40 - c.identity().index() % 30))
                .filter(a -> a.serviceUuids().contains(serviceUuid));
    }

    /**
     * Connects after one link round trip; errors with {@link BleException} for an unknown address
     * or a camera that dropped its link by fault injection (it stays off, as after a battery pull).
     */
    @Override
    public Mono<GattConnection> connect(String address) {
        return Mono.defer(() -> {
            VirtualCamera camera = cameras.get(address);
            if (camera == null) {
                return Mono.error(new BleException("no peripheral answers at this address", address));
            }
            if (gone.contains(address)) {
                return Mono.delay(camera.latency().multipliedBy(2), scheduler)
                        .then(Mono.error(new BleException("the camera does not answer (powered off)", address)));
            }
            FaultProfile profile = perCamera.getOrDefault(camera.identity().index(), faults);
            LinkFaults linkFaults = new LinkFaults(profile, counters, seed * 31 + connections.incrementAndGet());
            return Mono.delay(camera.latency().multipliedBy(2), scheduler)
                    .map(t -> {
                        SimulatedGattConnection link = new SimulatedGattConnection(camera, scheduler,
                                () -> gone.add(address), linkFaults);
                        links.put(address, link);
                        return link;
                    });
        });
    }
}
