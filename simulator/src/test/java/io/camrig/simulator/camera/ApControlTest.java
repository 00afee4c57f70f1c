package io.camrig.simulator.camera;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.proto.codec.RequestEncoder;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.CommandId;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.id.TlvStatus;
import io.camrig.proto.message.CommandResponse;
import io.camrig.proto.message.PushNotification;
import io.camrig.simulator.SimulatorOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Set AP Control (0x17) and status 69 "AP Mode" on virtual time: on only after the camera has
 * started its AP, off at once, bounce; the AP SSID and password (GP-0002, GP-0003) are each
 * camera's own.
 */
class ApControlTest {
    private static final Duration START = Duration.ofMillis(200);
    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

    private VirtualCamera camera(int index) {
        SimulatorOptions options = SimulatorOptions.defaults().withScheduler(time).withBusy(START, Duration.ZERO);
        return new VirtualCamera(CameraIdentity.generate(index, SimulatedModel.HERO12_BLACK, 42), options.camera(), Duration.ZERO);
    }

    @Test
    void apModeTurnsOnAfterADelayAndOffAtOnce() {
        VirtualCamera camera = camera(1);
        SessionProbe probe = new SessionProbe(camera);
        probe.request(RequestEncoder.registerStatusUpdates(Status.AP_MODE.id()));
        probe.drain();

        assertThat(probe.request(RequestEncoder.setApControl(true)))
                .isEqualTo(new CommandResponse(CommandId.SET_AP_CONTROL, TlvStatus.SUCCESS, new byte[0]));
        assertThat(apMode(camera)).isZero();
        time.advanceTimeBy(START.minusMillis(1));
        assertThat(apMode(camera)).isZero();
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(apMode(camera)).isEqualTo(1);
        assertThat(read(probe, GoProUuid.WIFI_AP_STATE)).containsExactly(1);

        probe.request(RequestEncoder.setApControl(false));
        assertThat(apMode(camera)).isZero();
        assertThat(probe.drain()).filteredOn(m -> m instanceof PushNotification p && p.isStatusPush())
                .extracting(m -> ((PushNotification) m).entry(Status.AP_MODE.id()).orElseThrow().asLong())
                .containsExactly(1L, 0L);
    }

    @Test
    void bounceTurnsTheApOffThenOnAndALaterOffCancelsAPendingOn() {
        VirtualCamera camera = camera(1);
        SessionProbe probe = new SessionProbe(camera);
        probe.request(RequestEncoder.setApControl(true));
        time.advanceTimeBy(START);
        assertThat(apMode(camera)).isEqualTo(1);

        assertThat(probe.request(RequestEncoder.command(CommandId.SET_AP_CONTROL, new byte[] {2})))
                .isEqualTo(new CommandResponse(CommandId.SET_AP_CONTROL, TlvStatus.SUCCESS, new byte[0]));
        assertThat(apMode(camera)).isZero();
        time.advanceTimeBy(START);
        assertThat(apMode(camera)).isEqualTo(1);

        probe.request(RequestEncoder.command(CommandId.SET_AP_CONTROL, new byte[] {2}));
        probe.request(RequestEncoder.setApControl(false));
        time.advanceTimeBy(START.multipliedBy(2));
        assertThat(apMode(camera)).isZero();

        assertThat(probe.request(RequestEncoder.command(CommandId.SET_AP_CONTROL, new byte[] {3})))
                .isEqualTo(new CommandResponse(CommandId.SET_AP_CONTROL, TlvStatus.INVALID_PARAMETER, new byte[0]));
    }

    @Test
    void theApSsidAndPasswordAreEachCamerasOwn() {
        VirtualCamera one = camera(1);
        VirtualCamera two = camera(2);
        SessionProbe p1 = new SessionProbe(one);
        SessionProbe p2 = new SessionProbe(two);
        String ssid1 = new String(read(p1, GoProUuid.WIFI_AP_SSID), StandardCharsets.UTF_8);
        String ssid2 = new String(read(p2, GoProUuid.WIFI_AP_SSID), StandardCharsets.UTF_8);
        String pass1 = new String(read(p1, GoProUuid.WIFI_AP_PASSWORD), StandardCharsets.UTF_8);
        String pass2 = new String(read(p2, GoProUuid.WIFI_AP_PASSWORD), StandardCharsets.UTF_8);
        assertThat(ssid1).isEqualTo(one.identity().apSsid()).isNotEqualTo(ssid2);
        assertThat(pass1).isEqualTo(one.identity().apPassword()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(pass2).isEqualTo(two.identity().apPassword());
        assertThat(one.identity().toString()).doesNotContain(pass1);
    }

    private static long apMode(VirtualCamera camera) {
        return camera.statuses().get(Status.AP_MODE.id());
    }

    private static byte[] read(SessionProbe probe, GoProUuid uuid) {
        return probe.session.onRead(uuid.uuid());
    }
}
