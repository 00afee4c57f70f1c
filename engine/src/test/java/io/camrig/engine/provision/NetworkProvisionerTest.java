package io.camrig.engine.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.proto.pb.EnumProvisioning;
import io.camrig.simulator.state.SimulatedNetworks;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class NetworkProvisionerTest {
    private static final Duration LIMIT = SimCamera.LIMIT;
    private static final String WRONG = "bad-pw1";

    private SimCamera c;

    @AfterEach
    void stop() {
        if (c != null) {
            c.close();
        }
    }

    private NetworkProvisioner provisioner() {
        return new NetworkProvisioner(ProvisioningOptions.defaults().withScanRetries(3, Duration.ofMillis(10)));
    }

    @Test
    void aKnownNetworkIsJoinedWithoutAScan() {
        c = SimCamera.start();
        NetworkJoin join = provisioner().connectOrSetUp(c.camera, new RigNetwork("rig-studio", "studio-pass-1"),
                c.listener()).block(LIMIT);

        assertThat(join).isEqualTo(new NetworkJoin("rig-studio", true, 0,
                EnumProvisioning.PROVISIONING_SUCCESS_OLD_AP.name()));
        assertThat(c.sim.wifi().connected()).contains("rig-studio");
        assertThat(c.steps()).containsExactly(ProvisionStep.CONNECT_KNOWN, ProvisionStep.NETWORK_CONNECTED);
    }

    @Test
    void anUnknownNetworkIsScannedForAndSetUpThenKnownTheNextTime() {
        c = SimCamera.start();
        RigNetwork backstage = new RigNetwork("rig-backstage", "backstage-pass-2");
        NetworkJoin join = provisioner().connectOrSetUp(c.camera, backstage, c.listener()).block(LIMIT);

        assertThat(join).isEqualTo(new NetworkJoin("rig-backstage", false, 1,
                EnumProvisioning.PROVISIONING_SUCCESS_NEW_AP.name()));
        assertThat(c.sim.wifi().connected()).contains("rig-backstage");
        assertThat(c.steps()).containsExactly(ProvisionStep.CONNECT_KNOWN, ProvisionStep.SCAN,
                ProvisionStep.CONNECT_NEW, ProvisionStep.NETWORK_CONNECTED);

        NetworkJoin again = provisioner().connectOrSetUp(c.camera, backstage, ProvisionListener.none()).block(LIMIT);
        assertThat(again.known()).as("the camera provisioned it the first time").isTrue();
    }

    @Test
    void anOpenNetworkIsSetUpWithoutAPassword() {
        c = SimCamera.start();
        NetworkJoin join = provisioner().connectOrSetUp(c.camera, RigNetwork.open("venue-guest"), c.listener())
                .block(LIMIT);
        assertThat(join.known()).isFalse();
        assertThat(c.sim.wifi().connected()).contains("venue-guest");
    }

    @Test
    void aWrongPasswordIsATypedErrorWithoutThePassword() {
        c = SimCamera.start();
        // Camera 1 sees rig-backstage (every camera does) but does not know it: Connect New checks the password.
        assertThatThrownBy(() -> provisioner().connectOrSetUp(c.camera, new RigNetwork("rig-backstage", WRONG),
                c.listener()).block(LIMIT))
                .isInstanceOfSatisfying(WrongPasswordException.class, e -> {
                    assertThat(e.ssid()).isEqualTo("rig-backstage");
                    assertThat(e.isTransient()).isFalse();
                })
                .hasMessageContaining("PROVISIONING_ERROR_PASSWORD_AUTH")
                .hasMessageNotContaining(WRONG);
        assertThat(c.events).allSatisfy(e -> assertThat(e.toString()).doesNotContain(WRONG));
        assertThat(c.sim.wifi().connected()).isEmpty();
    }

    @Test
    void aNetworkNoScanShowsFailsAfterEveryScanAllowed() {
        c = SimCamera.start();
        assertThatThrownBy(() -> provisioner().connectOrSetUp(c.camera, new RigNetwork("no-such-net", "whatever-1"),
                c.listener()).block(LIMIT))
                .isInstanceOfSatisfying(NetworkNotFoundException.class, e -> {
                    assertThat(e.scans()).isEqualTo(3);
                    assertThat(e.ssid()).isEqualTo("no-such-net");
                })
                .hasMessageContaining("after 3 scans").hasMessageContaining("saw 3 networks")   // press-5g is seen by even cameras only
                .hasMessageNotContaining("whatever-1");
        assertThat(c.steps()).containsExactly(ProvisionStep.CONNECT_KNOWN, ProvisionStep.SCAN, ProvisionStep.SCAN_RETRY,
                ProvisionStep.SCAN, ProvisionStep.SCAN_RETRY, ProvisionStep.SCAN);
    }

    @Test
    void scansAreRetriedAfterTheirDelayInVirtualTime() {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        c = SimCamera.start(vts);
        NetworkProvisioner slow = new NetworkProvisioner(ProvisioningOptions.defaults()
                .withScanRetries(3, Duration.ofSeconds(5)).withScheduler(vts));

        StepVerifier.withVirtualTime(() -> slow.connectOrSetUp(c.camera, new RigNetwork("no-such-net", "x-pass-123"),
                        c.listener()), () -> vts, Long.MAX_VALUE)
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(1))        // the first scan (40 ms busy) is done, the pause runs
                .then(() -> assertThat(c.steps()).containsExactly(ProvisionStep.CONNECT_KNOWN, ProvisionStep.SCAN,
                        ProvisionStep.SCAN_RETRY))
                .expectNoEvent(Duration.ofSeconds(3))    // 4 s: still within the first 5 s pause
                .then(() -> assertThat(c.steps()).filteredOn(s -> s == ProvisionStep.SCAN).hasSize(1))
                .thenAwait(Duration.ofSeconds(2))        // 6 s: the second scan ran, the second pause runs
                .then(() -> assertThat(c.steps()).filteredOn(s -> s == ProvisionStep.SCAN).hasSize(2))
                .thenAwait(Duration.ofSeconds(6))        // 12 s: the third and last scan
                .expectError(NetworkNotFoundException.class)
                .verify(LIMIT);
    }

    @Test
    void scansThatFindNothingAreRetriedUntilTheNetworkShowsInVirtualTime() {
        joinBackstageAfterEmptyScans(2)   // the third scan shows it; Connect New (40 ms busy)
                .assertNext(join -> assertThat(join).isEqualTo(new NetworkJoin(SimulatedNetworks.BACKSTAGE_SSID, false,
                        3, EnumProvisioning.PROVISIONING_SUCCESS_NEW_AP.name())))
                .expectComplete()
                .verify(LIMIT);

        assertThat(c.sim.wifi().connected()).contains(SimulatedNetworks.BACKSTAGE_SSID);
        assertThat(c.steps()).containsExactly(ProvisionStep.CONNECT_KNOWN, ProvisionStep.SCAN, ProvisionStep.SCAN_RETRY,
                ProvisionStep.SCAN, ProvisionStep.SCAN_RETRY, ProvisionStep.SCAN, ProvisionStep.CONNECT_NEW,
                ProvisionStep.NETWORK_CONNECTED);
        assertThat(c.events).filteredOn(e -> e.step() == ProvisionStep.SCAN_RETRY).hasSize(2)
                .allSatisfy(e -> assertThat(e.detail()).isEqualTo("the scan found nothing, again in 5000 ms"));
        assertThat(c.events).filteredOn(e -> e.step() == ProvisionStep.SCAN).extracting(ProvisionEvent::detail)
                .containsExactly("attempt 1 of 3", "attempt 2 of 3", "attempt 3 of 3");
        assertThat(c.events.toString()).doesNotContain(SimulatedNetworks.BACKSTAGE_PASSWORD);
    }

    @Test
    void moreEmptyScansThanAttemptsEndInNetworkNotFoundInVirtualTime() {
        joinBackstageAfterEmptyScans(5)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(NetworkNotFoundException.class, n -> {
                    assertThat(n.scans()).isEqualTo(3);
                    assertThat(n.ssid()).isEqualTo(SimulatedNetworks.BACKSTAGE_SSID);
                    assertThat(n.isTransient()).isFalse();
                }).hasMessageContaining("after 3 scans (the last one saw 0 networks)")
                        .hasMessageNotContaining(SimulatedNetworks.BACKSTAGE_PASSWORD))
                .verify(LIMIT);

        assertThat(c.steps()).containsExactly(ProvisionStep.CONNECT_KNOWN, ProvisionStep.SCAN, ProvisionStep.SCAN_RETRY,
                ProvisionStep.SCAN, ProvisionStep.SCAN_RETRY, ProvisionStep.SCAN);
        assertThat(c.sim.wifi().connected()).isEmpty();
    }

    @Test
    void aScanOverItsTimeLimitIsATypedTimeoutInVirtualTime() {
        // The simulator ends a scan after 40 ms; a 10 ms limit passes first.
        ProvisioningTimeoutException t = timeoutOf(o -> o.withScanTimeout(Duration.ofMillis(10)),
                impatient -> impatient.setUp(c.camera, new RigNetwork("rig-backstage", "backstage-pass-2"), c.listener()));

        assertThat(t.step()).isEqualTo(ProvisionStep.SCAN);
        assertThat(t.limit()).isEqualTo(Duration.ofMillis(10));
        assertThat(t.isTransient()).isTrue();
    }

    @Test
    void aConnectionOverItsTimeLimitIsATypedTimeoutInVirtualTime() {
        ProvisioningTimeoutException t = timeoutOf(o -> o.withConnectTimeout(Duration.ofMillis(10)),
                impatient -> impatient.connectOrSetUp(c.camera, new RigNetwork("rig-studio", "studio-pass-1"),
                        c.listener()));

        assertThat(t.step()).isEqualTo(ProvisionStep.CONNECT_KNOWN);
    }

    /**
     * Starts a camera on virtual time whose first {@code emptyScans} network scans find nothing, and
     * has a provisioner (3 scans, 5 s apart) join the backstage network: when the returned step
     * goes on, 11 s have passed without a signal (two empty scans, two pauses), the third scan ran.
     */
    private StepVerifier.Step<NetworkJoin> joinBackstageAfterEmptyScans(int emptyScans) {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        c = SimCamera.start(vts, o -> o.withEmptyScans(emptyScans));
        NetworkProvisioner patient = new NetworkProvisioner(ProvisioningOptions.defaults()
                .withScanRetries(3, Duration.ofSeconds(5)).withScheduler(vts));
        RigNetwork backstage = new RigNetwork(SimulatedNetworks.BACKSTAGE_SSID, SimulatedNetworks.BACKSTAGE_PASSWORD);

        return StepVerifier.withVirtualTime(() -> patient.connectOrSetUp(c.camera, backstage, c.listener()), () -> vts,
                        Long.MAX_VALUE)
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(10))
                .thenAwait(Duration.ofSeconds(1));
    }

    /**
     * Starts a camera on virtual time, runs {@code step} (which may use {@link #c}) with a provisioner
     * whose options {@code limited} tightens, lets 100 ms pass and returns the timeout it ended in.
     */
    private ProvisioningTimeoutException timeoutOf(UnaryOperator<ProvisioningOptions> limited,
                                                   Function<NetworkProvisioner, Mono<?>> step) {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        c = SimCamera.start(vts);
        NetworkProvisioner impatient = new NetworkProvisioner(limited.apply(ProvisioningOptions.defaults())
                .withScheduler(vts));
        AtomicReference<Throwable> error = new AtomicReference<>();

        StepVerifier.withVirtualTime(() -> step.apply(impatient), () -> vts, Long.MAX_VALUE)
                .expectSubscription()
                .thenAwait(Duration.ofMillis(100))
                .expectErrorSatisfies(error::set)
                .verify(LIMIT);
        return assertThat(error.get()).asInstanceOf(InstanceOfAssertFactories.type(ProvisioningTimeoutException.class))
                .actual();
    }

    @Test
    void theRigNetworkNeverShowsItsPassword() {
        assertThat(new RigNetwork("rig-studio", "studio-pass-1").toString()).contains("rig-studio")
                .doesNotContain("studio-pass-1");
        assertThat(RigNetwork.open("venue-guest").isOpen()).isTrue();
        assertThatThrownBy(() -> new RigNetwork(" ", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
