package io.camrig.engine.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.engine.camera.ApCredentials;
import io.camrig.engine.credentials.CameraCredentials;
import io.camrig.engine.credentials.InMemoryCredentialStore;
import io.camrig.http.wifi.HostWifi;
import io.camrig.http.wifi.HostWifiException;
import io.camrig.http.wifi.HostWifiLink;
import io.camrig.http.wifi.WifiAccessPoint;
import io.camrig.proto.catalog.Status;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class AccessPointModeTest {
    private static final Duration LIMIT = SimCamera.LIMIT;

    private final InMemoryCredentialStore store = new InMemoryCredentialStore();
    private SimCamera c;

    @AfterEach
    void stop() {
        if (c != null) {
            c.close();
        }
    }

    @Test
    void theApIsSwitchedOnAndOffAndStatus69Followed() {
        c = SimCamera.start();
        AccessPointMode ap = new AccessPointMode(ProvisioningOptions.defaults());

        ap.set(c.camera, true, c.listener()).block(LIMIT);
        assertThat(c.sim.statuses().get(Status.AP_MODE.id())).isEqualTo(1);
        ap.set(c.camera, false, c.listener()).block(LIMIT);
        assertThat(c.sim.statuses().get(Status.AP_MODE.id())).isZero();

        assertThat(c.events).extracting(ProvisionEvent::toString).containsExactly(
                c.camera.name() + " AP_SWITCH on", c.camera.name() + " AP_MODE on",
                c.camera.name() + " AP_SWITCH off", c.camera.name() + " AP_MODE off");
    }

    @Test
    void status69ThatNeverComesIsATypedTimeoutInVirtualTime() {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        c = SimCamera.start(vts);
        AccessPointMode ap = new AccessPointMode(ProvisioningOptions.defaults()
                .withApTimeout(Duration.ofSeconds(15), Duration.ofSeconds(1)).withScheduler(vts));

        // Nobody switches the AP on (it is off): the wait polls, then gives up after 15 s.
        StepVerifier.withVirtualTime(() -> ap.await(c.camera, true), () -> vts, Long.MAX_VALUE)
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(14))
                .thenAwait(Duration.ofSeconds(2))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(ProvisioningTimeoutException.class,
                        t -> assertThat(t.step()).isEqualTo(ProvisionStep.AP_MODE)))
                .verify(LIMIT);
    }

    @Test
    void switchingOnWaitsForStatus69AfterTheCamerasDelayAndOffDoesNotInVirtualTime() {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        // The camera takes 3 s (its busyAfterCommand) to bring its AP up.
        c = SimCamera.start(vts, o -> o.withBusy(Duration.ofSeconds(3), Duration.ofMillis(25)));
        AccessPointMode ap = new AccessPointMode(ProvisioningOptions.defaults()
                .withApTimeout(Duration.ofSeconds(15), Duration.ofSeconds(1)).withScheduler(vts));

        CompletableFuture<Void> on = ap.set(c.camera, true, c.listener()).toFuture();
        advance(vts, Duration.ofMillis(2900));
        assertThat(on).as("Set AP Control was acknowledged, status 69 is still 0").isNotDone();
        assertThat(c.steps()).containsExactly(ProvisionStep.AP_SWITCH);
        assertThat(c.sim.statuses().get(Status.AP_MODE.id())).isZero();
        advance(vts, Duration.ofMillis(200));
        assertThat(on).isCompleted();
        assertThat(c.sim.statuses().get(Status.AP_MODE.id())).isEqualTo(1);

        CompletableFuture<Void> off = ap.set(c.camera, false, c.listener()).toFuture();
        advance(vts, Duration.ofMillis(20));   // a few 1 ms link latencies, no camera delay
        assertThat(off).isCompleted();
        assertThat(c.sim.statuses().get(Status.AP_MODE.id())).isZero();
        assertThat(c.steps()).containsExactly(ProvisionStep.AP_SWITCH, ProvisionStep.AP_MODE, ProvisionStep.AP_SWITCH,
                ProvisionStep.AP_MODE);
    }

    @Test
    void theApCredentialsAreReadAndStored() {
        c = SimCamera.start();
        ApCredentials read = new AccessPointMode(ProvisioningOptions.defaults())
                .storeCredentials(c.camera, c.serial(), store, c.listener()).block(LIMIT);

        assertThat(read).isEqualTo(new ApCredentials(c.sim.identity().apSsid(), c.sim.identity().apPassword()));
        assertThat(store.get(c.serial()).flatMap(CameraCredentials::ap)).contains(read);
        assertThat(c.events).singleElement().satisfies(e -> {
            assertThat(e.step()).isEqualTo(ProvisionStep.AP_CREDENTIALS);
            assertThat(e.detail()).isEqualTo(read.ssid()).doesNotContain(read.password());
        });
    }

    @Test
    void joiningEnablesTheApThenTheHostJoinsItWithItsCredentials() {
        c = SimCamera.start();
        RecordingWifi wifi = new RecordingWifi(null);
        HostWifiLink link = new AccessPointMode(ProvisioningOptions.defaults().withHostJoinTimeout(Duration.ofSeconds(7)))
                .join(c.camera, c.serial(), store, wifi, c.listener()).block(LIMIT);

        assertThat(link.ssid()).isEqualTo(c.sim.identity().apSsid());
        assertThat(wifi.joins).containsExactly(c.sim.identity().apSsid() + "/" + c.sim.identity().apPassword() + "/PT7S");
        assertThat(c.sim.statuses().get(Status.AP_MODE.id())).isEqualTo(1);
        assertThat(store.get(c.serial()).flatMap(CameraCredentials::ap)).isPresent();
        assertThat(c.steps()).containsExactly(ProvisionStep.AP_SWITCH, ProvisionStep.AP_MODE,
                ProvisionStep.AP_CREDENTIALS, ProvisionStep.HOST_JOIN);
        assertThat(c.events.toString()).doesNotContain(c.sim.identity().apPassword());
    }

    @Test
    void theSimulatedHostJoinsTheCamerasApWithTheStoredCredentials() {
        c = SimCamera.start();
        HostWifi wifi = c.rig.hostWifi();
        String ssid = c.sim.identity().apSsid();
        assertThat(wifi.scan(LIMIT).block(LIMIT)).extracting(WifiAccessPoint::ssid).doesNotContain(ssid);

        HostWifiLink link = new AccessPointMode(ProvisioningOptions.defaults())
                .join(c.camera, c.serial(), store, wifi, c.listener()).block(LIMIT);

        assertThat(link.ssid()).isEqualTo(ssid);
        assertThat(link.previous()).isEmpty();
        assertThat(wifi.currentSsid().block(LIMIT)).contains(ssid);
        assertThat(wifi.scan(LIMIT).block(LIMIT)).extracting(WifiAccessPoint::ssid).contains(ssid);
        assertThat(store.get(c.serial()).flatMap(CameraCredentials::ap))
                .contains(new ApCredentials(ssid, c.sim.identity().apPassword()));

        link.restore().block(LIMIT);
        assertThat(wifi.currentSsid().block(LIMIT)).isEmpty();
        new AccessPointMode(ProvisioningOptions.defaults()).set(c.camera, false, c.listener()).block(LIMIT);
        assertThat(wifi.scan(LIMIT).block(LIMIT)).extracting(WifiAccessPoint::ssid)
                .as("the AP is out of sight once status 69 is 0").doesNotContain(ssid);
    }

    @Test
    void aWrongApPasswordIsRefusedByTheSimulatedHostWithoutShowingIt() {
        c = SimCamera.start();
        String stale = "stale-ap-pass-9";
        // The host is handed a password the camera no longer has (e.g. a stale copy).
        HostWifi wrongPassword = new PasswordSwappingWifi(c.rig.hostWifi(), stale);

        assertThatThrownBy(() -> new AccessPointMode(ProvisioningOptions.defaults())
                .join(c.camera, c.serial(), store, wrongPassword, c.listener()).block(LIMIT))
                .isInstanceOfSatisfying(HostWifiException.class,
                        e -> assertThat(e.reason()).isEqualTo(HostWifiException.Reason.WRONG_PASSWORD))
                .hasMessageContaining(c.sim.identity().apSsid())
                .hasMessageNotContaining(stale)
                .hasMessageNotContaining(c.sim.identity().apPassword());
        assertThat(c.rig.hostWifi().currentSsid().block(LIMIT)).isEmpty();
        assertThat(c.events.toString()).doesNotContain(stale).doesNotContain(c.sim.identity().apPassword());
    }

    @Test
    void aHostJoinErrorStaysTyped() {
        c = SimCamera.start();
        HostWifiException refused = new HostWifiException(HostWifiException.Reason.WRONG_PASSWORD,
                "the network refused the password", "GP-any", "join", null);
        assertThatThrownBy(() -> new AccessPointMode(ProvisioningOptions.defaults())
                .join(c.camera, c.serial(), store, new RecordingWifi(refused), c.listener()).block(LIMIT))
                .isSameAs(refused);
    }

    /** Advances virtual time in 10 ms steps, as the link's latencies need. */
    private static void advance(VirtualTimeScheduler vts, Duration total) {
        for (long ms = 0; ms < total.toMillis(); ms += 10) {
            vts.advanceTimeBy(Duration.ofMillis(10));
        }
    }

    /** A host Wi-Fi that joins through another one, with a password of its own. */
    private record PasswordSwappingWifi(HostWifi delegate, String password) implements HostWifi {
        @Override
        public Mono<List<WifiAccessPoint>> scan(Duration timeout) {
            return delegate.scan(timeout);
        }

        @Override
        public Mono<HostWifiLink> join(String ssid, String ignored, Duration timeout) {
            return delegate.join(ssid, password, timeout);
        }

        @Override
        public Mono<Optional<String>> currentSsid() {
            return delegate.currentSsid();
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return "PasswordSwappingWifi";
        }
    }

    /** A host Wi-Fi that records what it was asked to join and answers with a link or an error. */
    private static final class RecordingWifi implements HostWifi {
        final List<String> joins = new CopyOnWriteArrayList<>();
        private final HostWifiException failure;

        RecordingWifi(HostWifiException failure) {
            this.failure = failure;
        }

        @Override
        public Mono<List<WifiAccessPoint>> scan(Duration timeout) {
            return Mono.just(List.of());
        }

        @Override
        public Mono<HostWifiLink> join(String ssid, String password, Duration timeout) {
            joins.add(ssid + "/" + password + "/" + timeout);
            if (failure != null) {
                return Mono.error(failure);
            }
            return Mono.just(new HostWifiLink() {
                @Override
                public String ssid() {
                    return ssid;
                }

                @Override
                public Optional<String> previous() {
                    return Optional.of("home");
                }

                @Override
                public Mono<Void> restore() {
                    return Mono.empty();
                }
            });
        }

        @Override
        public Mono<Optional<String>> currentSsid() {
            return Mono.just(Optional.empty());
        }

        @Override
        public void close() {
        }
    }
}
