package io.camrig.engine.provision.cohn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.engine.camera.Camera;
import io.camrig.engine.camera.CameraOptions;
import io.camrig.engine.credentials.CameraCredentials;
import io.camrig.engine.credentials.CohnCredentials;
import io.camrig.engine.credentials.InMemoryCredentialStore;
import io.camrig.engine.provision.ProvisionEvent;
import io.camrig.engine.provision.ProvisionStep;
import io.camrig.engine.provision.ProvisioningOptions;
import io.camrig.engine.session.HttpAddressResolver;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpStatusException;
import io.camrig.http.HttpTlsException;
import io.camrig.http.HttpTransportException;
import io.camrig.http.address.CameraAddress;
import io.camrig.http.model.CameraState;
import io.camrig.proto.catalog.Status;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.camera.VirtualCamera;
import io.camrig.simulator.state.SimulatedNetworks;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * COHN end to end against the simulator's real HTTPS listeners: credentials provisioned and the
 * root CA fetched over BLE are enough to reach the camera over HTTPS, and nothing else is.
 */
class CohnHttpsTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final InMemoryCredentialStore store = new InMemoryCredentialStore();
    private final List<ProvisionEvent> events = new CopyOnWriteArrayList<>();
    private VirtualRig rig;
    private VirtualCamera sim;
    private Camera camera;
    private CohnCredentials provisioned;

    @BeforeEach
    void provision() {
        rig = VirtualRig.start(SimulatorOptions.defaults().withCameras(1).withMediaFileBytes(1024)
                .withLatency(Duration.ofMillis(1), Duration.ofMillis(1))).block(LIMIT);
        sim = rig.cameras().get(0);
        camera = rig.central().connect(sim.identity().address())
                .flatMap(l -> Camera.open(l, sim.identity().bleName(), CameraOptions.defaults())).block(LIMIT);
        camera.network().connect(SimulatedNetworks.STUDIO_SSID).block(LIMIT);
        provisioned = new CohnProvisioner(store, ProvisioningOptions.defaults())
                .provision(camera, serial(), SimulatedNetworks.STUDIO_SSID, e -> { }).block(LIMIT).credentials();
    }

    @AfterEach
    void stop() {
        if (camera != null) {
            camera.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    private String serial() {
        return sim.identity().serial();
    }

    private CameraAddress resolved() {
        return HttpAddressResolver.cohn(store, rig.cohnPort()).resolve(serial()).orElseThrow();
    }

    @Test
    void theStoredCredentialsReachTheCameraOverHttpsTrustingItsBleFetchedRootCa() {
        CameraAddress address = provisioned.address(rig.cohnPort());
        assertThat(address.secure()).isTrue();
        assertThat(address.baseUri()).isEqualTo(URI.create("https://" + sim.cohn().ipAddress() + ":" + rig.cohnPort()));
        assertThat(address.rootCa()).isPresent();

        CameraState state = CameraHttpClient.create(address).state().block(LIMIT);
        assertThat(state.status(Status.AP_MODE.id())).hasValue(sim.statuses().get(Status.AP_MODE.id()));
        assertThat(CameraHttpClient.create(address).mediaList().block(LIMIT)).isNotNull();

        CameraAddress viaResolver = resolved();
        assertThat(viaResolver.baseUri()).isEqualTo(address.baseUri());
        assertThat(CameraHttpClient.create(viaResolver).state().block(LIMIT).statuses()).isNotEmpty();
        assertThat(HttpAddressResolver.cohn(store, rig.cohnPort()).resolve("C0000000000000")).isEmpty();
    }

    @Test
    void aTamperedPasswordIsATyped401WithoutThePassword() {
        String tampered = "tampered-pw-7";
        store.update(serial(), e -> e.withCohn(new CohnCredentials(provisioned.username(), tampered,
                provisioned.ipAddress(), provisioned.ssid(), provisioned.rootCaPem()), Instant.now()));

        assertThatThrownBy(() -> CameraHttpClient.create(resolved()).state().block(LIMIT))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.toString()).doesNotContain(tampered).doesNotContain(provisioned.password());
                })
                .hasMessageContaining("401")
                .hasMessageNotContaining(tampered)
                .hasMessageNotContaining(provisioned.password());
    }

    @Test
    void aRootCaTheCameraNoLongerUsesIsRefused() {
        // A new certificate (override) replaces the root CA the HTTPS server chains to; the stored one is stale.
        camera.cohn().createCertificate(true).block(LIMIT);
        assertThat(sim.cohn().certificate()).isPresent().get().isNotEqualTo(provisioned.rootCaPem());

        assertThatThrownBy(() -> CameraHttpClient.create(resolved()).state().block(LIMIT))
                .isInstanceOf(HttpTlsException.class)
                .hasMessageNotContaining(provisioned.password());
    }

    @Test
    void theTrackerFollowsAnIpChangeAndTheNewAddressAnswersOverHttps() {
        String oldIp = provisioned.ipAddress();
        AtomicReference<String> newIp = new AtomicReference<>();

        StepVerifier.create(new CohnIpTracker(store).follow(camera, serial(), events::add))
                .expectSubscription()
                // A round trip on the same link: the registration sent before it has been answered.
                .then(() -> camera.cohn().status().block(LIMIT))
                .then(() -> newIp.set(rig.changeCohnIp(serial())))
                .assertNext(c -> {
                    assertThat(c.ipAddress()).isEqualTo(newIp.get()).isNotEqualTo(oldIp);
                    assertThat(c).isEqualTo(provisioned.withIpAddress(newIp.get()));
                })
                .thenCancel()
                .verify(LIMIT);

        assertThat(store.get(serial()).flatMap(CameraCredentials::cohn)).contains(provisioned.withIpAddress(newIp.get()));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.step()).isEqualTo(ProvisionStep.COHN_IP_CHANGED);
            assertThat(e.detail()).isEqualTo(newIp.get());
        });
        CameraAddress moved = resolved();
        assertThat(moved.baseUri().getHost()).isEqualTo(newIp.get());
        assertThat(CameraHttpClient.create(moved).state().block(LIMIT).statuses()).isNotEmpty();
        assertThatThrownBy(() -> CameraHttpClient.create(provisioned.address(rig.cohnPort())).state().block(LIMIT))
                .as("nothing listens on the old address").isInstanceOf(HttpTransportException.class);
    }
}
