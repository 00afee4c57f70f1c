package io.camrig.simulator.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.proto.catalog.Operation;
import io.camrig.proto.codec.RequestEncoder;
import io.camrig.proto.message.CameraMessage;
import io.camrig.proto.message.ProtobufMessage;
import io.camrig.proto.pb.EnumProvisioning;
import io.camrig.proto.pb.EnumResultGeneric;
import io.camrig.proto.pb.EnumScanEntryFlags;
import io.camrig.proto.pb.EnumScanning;
import io.camrig.proto.pb.NotifProvisioningState;
import io.camrig.proto.pb.NotifStartScanning;
import io.camrig.proto.pb.RequestConnect;
import io.camrig.proto.pb.RequestConnectNew;
import io.camrig.proto.pb.RequestGetApEntries;
import io.camrig.proto.pb.RequestStartScan;
import io.camrig.proto.pb.ResponseConnectNew;
import io.camrig.proto.pb.ResponseGetApEntries;
import io.camrig.proto.pb.ScanEntry;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.state.NetworkDefinition;
import io.camrig.simulator.state.SimulatedNetworks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Station mode over the BLE bytes: each camera sees its own networks with their own bars, Connect
 * New checks the real password, and a camera may scan and find nothing.
 */
class WifiProvisioningTest {
    private static final Duration STEP = Duration.ofMillis(40);
    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

    private VirtualCamera camera(int index, SimulatorOptions options) {
        return new VirtualCamera(CameraIdentity.generate(index, SimulatedModel.HERO12_BLACK, 42),
                options.withScheduler(time).withBusy(STEP, Duration.ZERO).camera(), Duration.ZERO);
    }

    private VirtualCamera camera(int index) {
        return camera(index, SimulatorOptions.defaults());
    }

    @Test
    void camerasSeeTheNetworksOfTheirIndexWithTheirOwnBars() {
        Map<String, Integer> one = scan(new SessionProbe(camera(1)));
        Map<String, Integer> two = scan(new SessionProbe(camera(2)));
        Map<String, Integer> three = scan(new SessionProbe(camera(3)));

        assertThat(one).containsOnlyKeys("rig-studio", "rig-backstage", "venue-guest")
                .containsEntry("rig-studio", 3).containsEntry("rig-backstage", 2);
        assertThat(two).containsOnlyKeys("rig-studio", "rig-backstage", "venue-guest", "press-5g")
                .containsEntry("rig-studio", 2).containsEntry("rig-backstage", 1);
        assertThat(three).containsOnlyKeys("rig-studio", "rig-backstage").containsEntry("rig-studio", 1);
    }

    @Test
    void theStudioIsKnownSecuredAndTheGuestNetworkOpen() {
        SessionProbe probe = new SessionProbe(camera(1));
        int scanId = scanId(probe);
        List<ScanEntry> entries = entries(probe, scanId);
        Map<String, Integer> flags = entries.stream().collect(Collectors.toMap(ScanEntry::getSsid, ScanEntry::getScanEntryFlags));
        assertThat(flags.get(SimulatedNetworks.STUDIO_SSID)).isEqualTo(EnumScanEntryFlags.SCAN_FLAG_AUTHENTICATED_VALUE
                | EnumScanEntryFlags.SCAN_FLAG_CONFIGURED_VALUE);
        assertThat(flags.get(SimulatedNetworks.BACKSTAGE_SSID)).isEqualTo(EnumScanEntryFlags.SCAN_FLAG_AUTHENTICATED_VALUE);
        assertThat(flags.get(SimulatedNetworks.GUEST_SSID)).isZero();
        assertThat(provision(probe, RequestEncoder.protobuf(Operation.CONNECT_TO_PROVISIONED_ACCESS_POINT,
                RequestConnect.newBuilder().setSsid(SimulatedNetworks.STUDIO_SSID).build())))
                .isEqualTo(EnumProvisioning.PROVISIONING_SUCCESS_OLD_AP);
    }

    @Test
    void connectNewNeedsTheNetworksOwnPassword() {
        VirtualCamera camera = camera(2);
        SessionProbe probe = new SessionProbe(camera);

        // Long enough for WPA2 but wrong: refused, and not provisioned.
        assertThat(connectNew(probe, SimulatedNetworks.BACKSTAGE_SSID, "a long passphrase"))
                .isEqualTo(EnumProvisioning.PROVISIONING_ERROR_PASSWORD_AUTH);
        assertThat(connectNew(probe, SimulatedNetworks.PRESS_SSID, SimulatedNetworks.BACKSTAGE_PASSWORD))
                .isEqualTo(EnumProvisioning.PROVISIONING_ERROR_PASSWORD_AUTH);
        assertThat(camera.wifi().connected()).isEmpty();
        assertThat(camera.wifi().provisionedCount()).isEqualTo(1);

        assertThat(connectNew(probe, SimulatedNetworks.BACKSTAGE_SSID, SimulatedNetworks.BACKSTAGE_PASSWORD))
                .isEqualTo(EnumProvisioning.PROVISIONING_SUCCESS_NEW_AP);
        assertThat(camera.wifi().connected()).contains(SimulatedNetworks.BACKSTAGE_SSID);
        assertThat(connectNew(probe, SimulatedNetworks.GUEST_SSID, "")).isEqualTo(EnumProvisioning.PROVISIONING_SUCCESS_NEW_AP);
        assertThat(camera.wifi().provisionedCount()).isEqualTo(3);
        // press-5g is out of range of odd cameras, even with its password.
        assertThat(connectNew(new SessionProbe(camera(1)), SimulatedNetworks.PRESS_SSID, SimulatedNetworks.PRESS_PASSWORD))
                .isEqualTo(EnumProvisioning.PROVISIONING_ERROR_FAILED_TO_ASSOCIATE);
        assertThat(camera.wifi().toString()).doesNotContain(SimulatedNetworks.BACKSTAGE_PASSWORD);
        assertThat(SimulatedNetworks.defaults().toString()).doesNotContain("pass-");
    }

    @Test
    void theFirstScansMayFindNothing() {
        SessionProbe probe = new SessionProbe(camera(1, SimulatorOptions.defaults().withEmptyScans(2)));
        for (int i = 0; i < 2; i++) {
            NotifStartScanning empty = scanDone(probe);
            assertThat(empty.getScanningState()).isEqualTo(EnumScanning.SCANNING_SUCCESS);
            assertThat(empty.getTotalEntries()).isZero();
            ResponseGetApEntries none = page(probe, empty.getScanId());
            assertThat(none.getResult()).isEqualTo(EnumResultGeneric.RESULT_SUCCESS);
            assertThat(none.getEntriesList()).isEmpty();
        }
        NotifStartScanning third = scanDone(probe);
        assertThat(third.getTotalEntries()).isEqualTo(3);
        assertThat(entries(probe, third.getScanId())).hasSize(3);
    }

    @Test
    void networksAreConfigurable() {
        NetworkDefinition lab = NetworkDefinition.of("lab", "lab-secret-9", 3, 5200).known(true);
        NetworkDefinition far = NetworkDefinition.of("far", null, 1, 2462).seenBy(i -> i > 5);
        VirtualCamera camera = camera(1, SimulatorOptions.defaults().withNetworks(lab, far));
        SessionProbe probe = new SessionProbe(camera);
        assertThat(scan(probe)).containsOnlyKeys("lab");
        assertThat(connectNew(probe, "rig-studio", SimulatedNetworks.STUDIO_PASSWORD))
                .isEqualTo(EnumProvisioning.PROVISIONING_ERROR_FAILED_TO_ASSOCIATE);
        assertThat(connectNew(probe, "lab", "lab-secret-9")).isEqualTo(EnumProvisioning.PROVISIONING_SUCCESS_NEW_AP);
        assertThat(lab.toString()).doesNotContain("lab-secret-9");
        assertThatThrownBy(() -> SimulatorOptions.defaults().withNetworks(lab, lab))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatorOptions.defaults().withEmptyScans(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** SSID → bars of a full scan. */
    private Map<String, Integer> scan(SessionProbe probe) {
        return entries(probe, scanId(probe)).stream()
                .collect(Collectors.toMap(ScanEntry::getSsid, ScanEntry::getSignalStrengthBars));
    }

    private int scanId(SessionProbe probe) {
        return scanDone(probe).getScanId();
    }

    private NotifStartScanning scanDone(SessionProbe probe) {
        probe.request(RequestEncoder.protobuf(Operation.SCAN_FOR_ACCESS_POINTS, RequestStartScan.getDefaultInstance()));
        time.advanceTimeBy(STEP);
        return last(probe.drain(), NotifStartScanning.class);
    }

    private static ResponseGetApEntries page(SessionProbe probe, int scanId) {
        return (ResponseGetApEntries) ((ProtobufMessage) probe.request(RequestEncoder.protobuf(Operation.GET_AP_SCAN_RESULTS,
                RequestGetApEntries.newBuilder().setScanId(scanId).setStartIndex(0).setMaxEntries(100).build())))
                .message();
    }

    private static List<ScanEntry> entries(SessionProbe probe, int scanId) {
        ResponseGetApEntries page = page(probe, scanId);
        assertThat(page.getResult()).isEqualTo(EnumResultGeneric.RESULT_SUCCESS);
        return page.getEntriesList();
    }

    private EnumProvisioning connectNew(SessionProbe probe, String ssid, String password) {
        return provision(probe, RequestEncoder.protobuf(Operation.CONNECT_TO_A_NEW_ACCESS_POINT,
                RequestConnectNew.newBuilder().setSsid(ssid).setPassword(password).build()));
    }

    private EnumProvisioning provision(SessionProbe probe, io.camrig.proto.codec.EncodedRequest request) {
        probe.drain();
        CameraMessage answer = probe.request(request);
        if (answer instanceof ProtobufMessage p && p.message() instanceof ResponseConnectNew r) {
            assertThat(r.getProvisioningState()).isEqualTo(EnumProvisioning.PROVISIONING_STARTED);
        }
        time.advanceTimeBy(STEP);
        return last(probe.drain(), NotifProvisioningState.class).getProvisioningState();
    }

    private static <T> T last(List<CameraMessage> messages, Class<T> type) {
        return messages.stream().filter(m -> m instanceof ProtobufMessage p && type.isInstance(p.message()))
                .map(m -> type.cast(((ProtobufMessage) m).message())).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + messages));
    }
}
