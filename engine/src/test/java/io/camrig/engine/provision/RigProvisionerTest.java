package io.camrig.engine.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.credentials.CameraCredentials;
import io.camrig.engine.credentials.CohnCredentials;
import io.camrig.engine.credentials.InMemoryCredentialStore;
import io.camrig.engine.provision.rig.ProvisionedCamera;
import io.camrig.engine.provision.rig.RigProvisioner;
import io.camrig.engine.provision.rig.RigProvisioning;
import io.camrig.engine.rig.Outcome;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.rig.RigOptions;
import io.camrig.engine.rig.RigResult;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.camera.VirtualCamera;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RigProvisionerTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final RigNetwork BACKSTAGE = new RigNetwork("rig-backstage", "backstage-pass-2");

    private final InMemoryCredentialStore store = new InMemoryCredentialStore();
    private VirtualRig sim;
    private Rig rig;

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private Rig connected(int cameras) {
        sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(cameras).withMediaFileBytes(1024))
                .block(LIMIT);
        rig = Rig.discover(sim.central(), RigOptions.defaults().withExpectedCameras(cameras)
                .withReconnect(1, Duration.ofMillis(20))).block(LIMIT);
        assertThat(rig.connect().block(LIMIT).allOk()).isTrue();
        return rig;
    }

    private RigProvisioner provisioner() {
        return new RigProvisioner(store, ProvisioningOptions.defaults().withConcurrency(2)
                .withScanRetries(2, Duration.ofMillis(10)));
    }

    @Test
    void everyCameraJoinsANewNetworkAndGetsCohnWithProgressEvents() {
        connected(3);
        RigProvisioning run = provisioner().start(rig, BACKSTAGE);

        RigResult<ProvisionedCamera> result = run.result().block(LIMIT);
        List<ProvisionEvent> events = run.events().collectList().block(LIMIT);

        assertThat(result.step()).isEqualTo("provision");
        assertThat(result.allOk()).isTrue();
        for (VirtualCamera cam : sim.cameras()) {
            String serial = cam.identity().serial();
            ProvisionedCamera p = result.outcomes().values().stream().map(o -> ((Outcome.Ok<ProvisionedCamera>) o).value())
                    .filter(v -> v.serial().equals(serial)).findFirst().orElseThrow();
            CohnCredentials stored = store.get(serial).flatMap(CameraCredentials::cohn).orElseThrow();
            assertThat(p.ipAddress()).isEqualTo(stored.ipAddress()).isEqualTo(cam.cohn()
                    .status(cam.wifi().connected()).getIpaddress());
            assertThat(p.ssid()).isEqualTo("rig-backstage");
            assertThat(p.networkKnown()).isFalse();
            assertThat(p.certificateReused()).isFalse();
            assertThat(cam.wifi().connected()).contains("rig-backstage");
            // The stored credentials and BLE-fetched root CA reach the camera over HTTPS.
            assertThat(CameraHttpClient.create(stored.address(sim.cohnPort())).state().block(LIMIT).statuses())
                    .isNotEmpty();
        }
        Map<String, List<ProvisionStep>> byCamera = events.stream().collect(Collectors.groupingBy(ProvisionEvent::camera,
                Collectors.mapping(ProvisionEvent::step, Collectors.toList())));
        assertThat(byCamera).hasSize(3).allSatisfy((camera, steps) -> assertThat(steps).containsExactly(
                ProvisionStep.CONNECT_KNOWN, ProvisionStep.SCAN, ProvisionStep.CONNECT_NEW,
                ProvisionStep.NETWORK_CONNECTED, ProvisionStep.COHN_CREATE_CERTIFICATE, ProvisionStep.COHN_WAIT,
                ProvisionStep.COHN_STORED, ProvisionStep.DONE));
        assertNoSecrets(events.toString() + result);
        assertThat(rig.members()).allSatisfy(m -> assertThat(m.log()).extracting(s -> s.step())
                .contains("identify", "network", "cohn"));
    }

    @Test
    void aSecondRunFindsTheNetworkKnownAndReusesTheCertificates() {
        connected(2);
        provisioner().provision(rig, BACKSTAGE, ProvisionListener.none()).block(LIMIT);
        List<String> pems = sim.cameras().stream().map(c -> c.cohn().certificate().orElseThrow()).toList();

        RigResult<ProvisionedCamera> again = provisioner().provision(rig, BACKSTAGE, ProvisionListener.none())
                .block(LIMIT);

        assertThat(again.allOk()).isTrue();
        assertThat(again.outcomes().values()).allSatisfy(o -> {
            ProvisionedCamera p = ((Outcome.Ok<ProvisionedCamera>) o).value();
            assertThat(p.networkKnown()).isTrue();
            assertThat(p.certificateReused()).isTrue();
        });
        assertThat(sim.cameras().stream().map(c -> c.cohn().certificate().orElseThrow()).toList()).isEqualTo(pems);
    }

    @Test
    void aCameraThatIsGoneFailsAloneAndTheOthersAreProvisioned() {
        connected(3);
        RigMember gone = rig.members().get(1);
        VirtualCamera goneSim = sim.cameras().stream()
                .filter(c -> c.identity().address().equals(gone.address())).findFirst().orElseThrow();
        sim.powerOff(goneSim.identity().serial());

        RigProvisioning run = provisioner().start(rig, new RigNetwork("rig-studio", "studio-pass-1"));
        RigResult<ProvisionedCamera> result = run.result().block(LIMIT);
        List<ProvisionEvent> events = run.events().collectList().block(LIMIT);

        assertThat(result.outcomes().get(gone)).isNotInstanceOf(Outcome.Ok.class);
        assertThat(result.succeeded()).hasSize(2).doesNotContain(gone);
        // Its link drop is seen by the rig's reconnector, which may mark it failed first.
        assertThat(gone.failedStep()).hasValueSatisfying(step -> assertThat(step).isIn("identify", "reconnect"));
        assertThat(events).filteredOn(e -> e.camera().equals(gone.advertisedName()))
                .extracting(ProvisionEvent::step).containsExactly(ProvisionStep.FAILED);   // its row ends
        assertThat(events).filteredOn(e -> e.step() == ProvisionStep.DONE).hasSize(2);
        assertThat(store.list()).hasSize(2).noneMatch(e -> e.serial().equals(goneSim.identity().serial()));
    }

    @Test
    void aWrongPasswordFailsEveryCameraWithATypedErrorAndNoSecret() {
        connected(2);
        RigProvisioning run = provisioner().start(rig, new RigNetwork("rig-backstage", "bad-pw1"));
        RigResult<ProvisionedCamera> result = run.result().block(LIMIT);

        assertThat(result.outcomes().values()).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(Outcome.Failed.class,
                f -> assertThat(f.cause()).isInstanceOf(WrongPasswordException.class)
                        .hasMessageNotContaining("bad-pw1")));
        assertThat(run.events().collectList().block(LIMIT)).filteredOn(e -> e.step() == ProvisionStep.FAILED)
                .hasSize(2).allSatisfy(e -> assertThat(e.detail()).contains("WrongPasswordException")
                        .doesNotContain("bad-pw1"));
        assertThat(rig.members()).allSatisfy(m -> assertThat(m.failedStep()).contains("network"));
        assertThat(store.list()).allSatisfy(e -> assertThat(e.cohn()).isEmpty());
    }

    private void assertNoSecrets(String text) {
        assertThat(text).doesNotContain("backstage-pass-2");
        for (VirtualCamera cam : sim.cameras()) {
            String password = cam.cohn().status(cam.wifi().connected()).getPassword();
            if (!password.isEmpty()) {
                assertThat(text).doesNotContain(password);
            }
        }
    }
}
