package io.camrig.engine.provision.cohn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.engine.camera.ApCredentials;
import io.camrig.engine.camera.Camera;
import io.camrig.engine.camera.CameraOptions;
import io.camrig.engine.credentials.CameraCredentials;
import io.camrig.engine.credentials.CohnCredentials;
import io.camrig.engine.credentials.InMemoryCredentialStore;
import io.camrig.engine.provision.ProvisionEvent;
import io.camrig.engine.provision.ProvisionStep;
import io.camrig.engine.provision.ProvisioningOptions;
import io.camrig.engine.provision.ProvisioningTimeoutException;
import io.camrig.proto.pb.EnumCOHNStatus;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.camera.VirtualCamera;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class CohnProvisionerTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final InMemoryCredentialStore store = new InMemoryCredentialStore();
    private final List<ProvisionEvent> events = new CopyOnWriteArrayList<>();
    private VirtualRig rig;
    private VirtualCamera sim;
    private Camera camera;

    @AfterEach
    void stop() {
        if (camera != null) {
            camera.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    private void start(VirtualTimeScheduler vts) {
        SimulatorOptions sims = SimulatorOptions.defaults().withCameras(1).withMediaFileBytes(1024)
                .withLatency(Duration.ofMillis(1), Duration.ofMillis(1));
        CameraOptions options = CameraOptions.defaults();
        if (vts != null) {
            sims = sims.withScheduler(vts);
            options = options.withScheduler(vts).withDeliveryScheduler(vts);
        }
        rig = VirtualRig.start(sims).block(LIMIT);
        sim = rig.cameras().get(0);
        CameraOptions o = options;
        CompletableFuture<Camera> opening = rig.central().connect(sim.identity().address())
                .flatMap(l -> Camera.open(l, sim.identity().bleName(), o)).toFuture();
        for (int i = 0; vts != null && i < 1000 && !opening.isDone(); i++) {
            vts.advanceTimeBy(Duration.ofMillis(10));
        }
        camera = opening.join();
    }

    private void startOnStudio() {
        start(null);
        camera.network().connect("rig-studio").block(LIMIT);
    }

    private CohnProvisioner provisioner() {
        return new CohnProvisioner(store, ProvisioningOptions.defaults());
    }

    private String serial() {
        return sim.identity().serial();
    }

    @Test
    void aConnectedCameraIsProvisionedAndItsCredentialsStored() {
        startOnStudio();
        CohnResult result = provisioner().provision(camera, serial(), "rig-studio", events::add).block(LIMIT);

        CohnCredentials c = result.credentials();
        assertThat(result.reused()).isFalse();
        assertThat(c.username()).isEqualTo("gopro");
        assertThat(c.password()).isNotBlank();
        assertThat(c.ipAddress()).isEqualTo(sim.cohn().ipAddress()).matches("127\\.0\\.50\\.\\d+");
        assertThat(c.ssid()).isEqualTo("rig-studio");
        assertThat(c.rootCaPem()).isEqualTo(sim.cohn().certificate().orElseThrow());
        assertThat(store.get(serial()).flatMap(CameraCredentials::cohn)).contains(c);
        assertThat(events).extracting(ProvisionEvent::step).containsExactly(ProvisionStep.COHN_CREATE_CERTIFICATE,
                ProvisionStep.COHN_WAIT, ProvisionStep.COHN_STORED);
        assertThat(events.get(2).detail()).isEqualTo(c.ipAddress());
        assertNoSecret(c.password(), result.toString(), events.toString());
    }

    @Test
    void storedCredentialsThatStillMatchAreReusedWithoutANewCertificate() {
        startOnStudio();
        CohnResult first = provisioner().provision(camera, serial(), "rig-studio", events::add).block(LIMIT);
        String pem = sim.cohn().certificate().orElseThrow();
        events.clear();

        CohnResult second = provisioner().provision(camera, serial(), "rig-studio", events::add).block(LIMIT);

        assertThat(second.reused()).isTrue();
        assertThat(second.credentials()).isEqualTo(first.credentials());
        assertThat(sim.cohn().certificate()).as("no certificate created").contains(pem);
        assertThat(events).extracting(ProvisionEvent::step).containsExactly(ProvisionStep.COHN_REUSED);
    }

    @Test
    void aStoredRootCaTheCameraNoLongerHasIsReplacedByANewCertificate() {
        startOnStudio();
        CohnResult first = provisioner().provision(camera, serial(), "rig-studio", events::add).block(LIMIT);
        String stale = "-----BEGIN CERTIFICATE-----\nc3RhbGU=\n-----END CERTIFICATE-----\n";
        store.update(serial(), e -> e.withCohn(new CohnCredentials("gopro", "old-secret", "10.0.0.9", "rig-studio",
                stale), Instant.now()));

        CohnResult second = provisioner().provision(camera, serial(), "rig-studio", events::add).block(LIMIT);

        assertThat(second.reused()).isFalse();
        assertThat(second.credentials().rootCaPem()).isNotEqualTo(stale)
                .isNotEqualTo(first.credentials().rootCaPem()).isEqualTo(sim.cohn().certificate().orElseThrow());
        assertThat(store.get(serial()).flatMap(CameraCredentials::cohn)).contains(second.credentials());
    }

    @Test
    void clearingRemovesTheCertificateAndTheStoredCohnPartOnly() {
        startOnStudio();
        ApCredentials ap = new ApCredentials("GP12345678", "ap-secret-1");
        store.update(serial(), e -> e.withAp(ap, Instant.now()));
        provisioner().provision(camera, serial(), "rig-studio", events::add).block(LIMIT);

        provisioner().clear(camera, serial(), events::add).block(LIMIT);

        assertThat(sim.cohn().certificate()).isEmpty();
        assertThat(camera.cohn().status().block(LIMIT).getStatus()).isEqualTo(EnumCOHNStatus.COHN_UNPROVISIONED);
        CameraCredentials entry = store.get(serial()).orElseThrow();
        assertThat(entry.cohn()).isEmpty();
        assertThat(entry.ap()).contains(ap);
        assertThat(events).extracting(ProvisionEvent::step).endsWith(ProvisionStep.COHN_CLEARED);
    }

    @Test
    void clearingACameraTheStoreDoesNotKnowStoresNothing() {
        startOnStudio();
        provisioner().clear(camera, serial(), events::add).block(LIMIT);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aCameraThatNeverGetsProvisionedTimesOutInVirtualTime() {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        start(vts);   // not on any network: COHN cannot become provisioned
        CohnProvisioner p = new CohnProvisioner(store, ProvisioningOptions.defaults()
                .withCohnTimeout(Duration.ofSeconds(30)).withScheduler(vts));

        StepVerifier.withVirtualTime(() -> p.provision(camera, serial(), "rig-studio", events::add), () -> vts,
                        Long.MAX_VALUE)
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(29))
                .then(() -> assertThat(events).extracting(ProvisionEvent::step).last().isEqualTo(ProvisionStep.COHN_WAIT))
                .thenAwait(Duration.ofSeconds(2))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(ProvisioningTimeoutException.class,
                        t -> {
                            assertThat(t.step()).isEqualTo(ProvisionStep.COHN_WAIT);
                            assertThat(t.limit()).isEqualTo(Duration.ofSeconds(30));
                        }))
                .verify(LIMIT);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void theTrackerUpdatesAStoredIpAddressTheCameraNoLongerHas() {
        startOnStudio();
        CohnCredentials provisioned = provisioner().provision(camera, serial(), "rig-studio", e -> { })
                .block(LIMIT).credentials();
        store.update(serial(), e -> e.withCohn(provisioned.withIpAddress("10.1.2.3"), Instant.now()));

        StepVerifier.create(new CohnIpTracker(store).follow(camera, serial(), events::add))
                .assertNext(c -> assertThat(c).isEqualTo(provisioned))
                .thenCancel()
                .verify(LIMIT);
        assertThat(store.get(serial()).flatMap(CameraCredentials::cohn)).contains(provisioned);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.step()).isEqualTo(ProvisionStep.COHN_IP_CHANGED);
            assertThat(e.detail()).isEqualTo(provisioned.ipAddress());
        });
    }

    @Test
    void theTrackerLeavesMatchingAndUnknownCamerasAlone() {
        startOnStudio();
        provisioner().provision(camera, serial(), "rig-studio", e -> { }).block(LIMIT);
        CameraCredentials before = store.get(serial()).orElseThrow();

        StepVerifier.create(new CohnIpTracker(store).follow(camera, serial(), events::add))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(300))
                .thenCancel()
                .verify(LIMIT);
        StepVerifier.create(new CohnIpTracker(store).follow(camera, "C0000000000000", events::add))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(300))
                .thenCancel()
                .verify(LIMIT);
        assertThat(store.get(serial())).contains(before);
        assertThat(store.get("C0000000000000")).isEmpty();
        assertThat(events).isEmpty();
    }

    private static void assertNoSecret(String secret, String... texts) {
        for (String t : texts) {
            assertThat(t).doesNotContain(secret);
        }
    }
}
