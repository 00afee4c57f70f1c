package io.camrig.simulator.wifi;

import io.camrig.http.wifi.HostWifi;
import io.camrig.http.wifi.HostWifiException;
import io.camrig.http.wifi.HostWifiException.Reason;
import io.camrig.http.wifi.HostWifiLink;
import io.camrig.http.wifi.WifiAccessPoint;
import io.camrig.proto.catalog.Status;
import io.camrig.simulator.camera.VirtualCamera;
import io.camrig.simulator.state.NetworkDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A simulated host Wi-Fi interface, for the AP path of a {@code VirtualRig} without a radio.
 *
 * <ul>
 *   <li>It sees every camera's access point (SSID and password: the camera's GP-0002 and GP-0003
 *       values) while that camera's status 69 "AP Mode" is 1, and every network of the rig's
 *       {@link NetworkDefinition}s (whichever cameras see them). Camera APs come at 80 % and
 *       2437 MHz, networks at 30 % per bar.</li>
 *   <li>{@link #join} takes the configured join delay on the rig's scheduler (virtual time in
 *       tests), then checks the password: {@link Reason#WRONG_PASSWORD} for a wrong one (or none for
 *       a secured network). An SSID not in sight fails at once with
 *       {@link Reason#NETWORK_NOT_FOUND}; a join slower than its time limit with
 *       {@link Reason#TIMEOUT}. After {@link #close()} everything fails with
 *       {@link Reason#UNAVAILABLE}.</li>
 *   <li>A link's {@link HostWifiLink#restore()} goes back to the network joined before (or to none).
 *       While joined to a camera AP whose status 69 drops to 0, {@link #currentSsid()} is empty.</li>
 * </ul>
 *
 * <p>Limits, honestly: no traffic is routed. Joining a camera's AP changes only what this object
 * reports; the camera's plain HTTP server ({@code VirtualRig#httpBaseUri(serial)}, on 127.0.0.1)
 * answers whether or not the host joined. Passwords are compared in constant time and never kept,
 * logged or put in errors. Thread-safe.
 */
public final class SimulatedHostWifi implements HostWifi {
    private static final int CAMERA_AP_STRENGTH = 80;
    private static final int CAMERA_AP_FREQUENCY = 2437;

    private final List<VirtualCamera> cameras;
    private final List<NetworkDefinition> networks;
    private final Scheduler scheduler;
    private final Duration joinDelay;
    private String current;
    private boolean closed;

    /**
     * @param cameras   the cameras whose APs it may see
     * @param networks  the networks it sees
     * @param scheduler times the joins
     * @param joinDelay how long a join takes, &gt;= 0
     */
    public SimulatedHostWifi(List<VirtualCamera> cameras, List<NetworkDefinition> networks, Scheduler scheduler,
                             Duration joinDelay) {
        this.cameras = List.copyOf(cameras);
        this.networks = List.copyOf(networks);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        if (joinDelay.isNegative()) {
            throw new IllegalArgumentException("joinDelay must not be negative");
        }
        this.joinDelay = joinDelay;
    }

    /** What is in sight now, strongest first; the scan itself takes no time. */
    @Override
    public Mono<List<WifiAccessPoint>> scan(Duration timeout) {
        return Mono.fromCallable(() -> {
            ensureOpen(null, "scan");
            List<WifiAccessPoint> out = new ArrayList<>();
            for (VirtualCamera c : cameras) {
                if (apOn(c)) {
                    out.add(new WifiAccessPoint(c.identity().apSsid(), c.identity().address().toLowerCase(Locale.ROOT),
                            CAMERA_AP_STRENGTH, CAMERA_AP_FREQUENCY, true));
                }
            }
            for (NetworkDefinition n : networks) {
                out.add(new WifiAccessPoint(n.ssid(), "", 30 * n.bars(), n.frequencyMhz(), n.secured()));
            }
            out.sort(Comparator.comparingInt(WifiAccessPoint::strengthPercent).reversed());
            return List.copyOf(out);
        });
    }

    @Override
    public Mono<HostWifiLink> join(String ssid, String password, Duration timeout) {
        return Mono.defer(() -> {
            ensureOpen(ssid, "join");
            if (!inSight(ssid)) {
                return Mono.error(new HostWifiException(Reason.NETWORK_NOT_FOUND, "network not in range", ssid,
                        "join", null));
            }
            return Mono.delay(joinDelay, scheduler).then(Mono.fromCallable(() -> connect(ssid, password)));
        }).timeout(timeout, scheduler).onErrorMap(TimeoutException.class, e -> new HostWifiException(Reason.TIMEOUT,
                "the link did not come up within " + timeout.toMillis() + " ms", ssid, "join", e));
    }

    @Override
    public Mono<Optional<String>> currentSsid() {
        return Mono.fromCallable(() -> {
            ensureOpen(null, "current");
            synchronized (this) {
                return Optional.ofNullable(current).filter(this::inSight);
            }
        });
    }

    /** Marks the interface unusable; later calls fail with {@link Reason#UNAVAILABLE}. */
    @Override
    public synchronized void close() {
        closed = true;
    }

    private HostWifiLink connect(String ssid, String password) {
        ensureOpen(ssid, "join");
        if (!inSight(ssid)) {
            throw new HostWifiException(Reason.NETWORK_NOT_FOUND, "network went out of range", ssid, "join", null);
        }
        if (!accepts(ssid, password)) {
            throw new HostWifiException(Reason.WRONG_PASSWORD, "the network refused the password", ssid, "join", null);
        }
        String previous;
        synchronized (this) {
            previous = current;
            current = ssid;
        }
        return new Link(ssid, previous);
    }

    private boolean inSight(String ssid) {
        return cameras.stream().anyMatch(c -> c.identity().apSsid().equals(ssid) && apOn(c))
                || networks.stream().anyMatch(n -> n.ssid().equals(ssid));
    }

    private boolean accepts(String ssid, String password) {
        for (VirtualCamera c : cameras) {
            if (c.identity().apSsid().equals(ssid)) {
                return password != null && MessageDigest.isEqual(c.identity().apPassword().getBytes(StandardCharsets.UTF_8),
                        password.getBytes(StandardCharsets.UTF_8));
            }
        }
        return networks.stream().filter(n -> n.ssid().equals(ssid)).anyMatch(n -> n.accepts(password));
    }

    private static boolean apOn(VirtualCamera c) {
        return c.statuses().get(Status.AP_MODE.id()) == 1;
    }

    private synchronized void ensureOpen(String ssid, String operation) {
        if (closed) {
            throw new HostWifiException(Reason.UNAVAILABLE, "the simulated host Wi-Fi is closed", ssid, operation, null);
        }
    }

    @Override
    public synchronized String toString() {
        return "SimulatedHostWifi[current=" + (current == null ? "none" : current) + "]";
    }

    private final class Link implements HostWifiLink {
        private final String ssid;
        private final String previous;

        Link(String ssid, String previous) {
            this.ssid = ssid;
            this.previous = previous;
        }

        @Override
        public String ssid() {
            return ssid;
        }

        @Override
        public Optional<String> previous() {
            return Optional.ofNullable(previous);
        }

        /** Back to {@link #previous()} (or no network) when this link is still the current one. */
        @Override
        public Mono<Void> restore() {
            return Mono.fromRunnable(() -> {
                ensureOpen(ssid, "restore");
                synchronized (SimulatedHostWifi.this) {
                    if (ssid.equals(current)) {
                        current = previous;
                    }
                }
            });
        }

        @Override
        public String toString() {
            return "SimulatedHostWifi.Link[" + ssid + ", previous=" + (previous == null ? "none" : previous) + "]";
        }
    }
}
