package io.camrig.engine.camera;

import static io.camrig.proto.gatt.GoProUuid.COMMAND;
import static io.camrig.proto.gatt.GoProUuid.COMMAND_RESPONSE;
import static io.camrig.proto.gatt.GoProUuid.NETWORK_MANAGEMENT_COMMAND;
import static io.camrig.proto.gatt.GoProUuid.NETWORK_MANAGEMENT_RESPONSE;
import static io.camrig.proto.gatt.GoProUuid.QUERY;
import static io.camrig.proto.gatt.GoProUuid.QUERY_RESPONSE;
import static io.camrig.proto.gatt.GoProUuid.SETTINGS;
import static io.camrig.proto.gatt.GoProUuid.SETTINGS_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.error.CameraStatusException;
import io.camrig.engine.error.ExchangeTimeoutException;
import io.camrig.proto.catalog.OperationNotSupportedException;
import io.camrig.proto.catalog.Setting;
import io.camrig.proto.catalog.SettingOption;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.catalog.UnsupportedOptionException;
import io.camrig.proto.message.HardwareInfo;
import io.camrig.proto.pb.EnumCameraControlStatus;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The operation groups against a scripted GATT link: exact bytes, the support checks made before
 * sending, protobuf error replies, reference-counted unregistration, and time limits in virtual
 * time.
 */
class CameraOperationsTest {
    private static final Duration LIMIT = Duration.ofSeconds(5);

    private final ScriptedGattConnection link = new ScriptedGattConnection();

    private Camera open() {
        return Camera.open(link, "cam-1", CameraOptions.defaults()).block(LIMIT);
    }

    private void expectHardwareInfo(int modelId, String modelName) {
        HardwareInfo info = new HardwareInfo(modelId, modelName, "H00.00.00.00.00", "C3440000000001", "GP00000001",
                "0200000000aa");
        link.expectWrite(COMMAND, "3C").thenNotify(COMMAND_RESPONSE, "3C00" + HexFormat.of().formatHex(info.encode()));
    }

    @Test
    void anOptionTheModelLacksIsRefusedBeforeSendingWithTheSupportedOptions() {
        expectHardwareInfo(55, "HERO9 Black");
        Camera camera = open();
        SettingOption fiveThreeK = Setting.VIDEO_RESOLUTION.option("5.3K");

        StepVerifier.create(camera.settings().set(Setting.VIDEO_RESOLUTION, fiveThreeK))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(UnsupportedOptionException.class)
                        .hasMessageContaining("[cam-1]")
                        .hasMessageContaining("HERO9 Black does not support Video Resolution = 5.3K (100)")
                        .hasMessageContaining("supported: 4K (1)")
                        .hasMessageContaining("5K (24)"))
                .verify(LIMIT);
        assertThat(link.written()).containsExactly("GP-0072 3c");
    }

    @Test
    void aSupportedOptionIsSentOnTheSettingsCharacteristic() {
        expectHardwareInfo(62, "HERO12 Black");
        link.expectWrite(SETTINGS, "02 01 09").thenNotify(SETTINGS_RESPONSE, "02 00");
        link.expectWrite(SETTINGS, "1E 08 00 00 00 00 00 00 00 65").thenNotify(SETTINGS_RESPONSE, "1E 00");
        Camera camera = open();

        StepVerifier.create(camera.settings().set(Setting.VIDEO_RESOLUTION, "1080")).verifyComplete();
        StepVerifier.create(camera.settings().set(Setting.PHOTO_TIMELAPSE_RATE, 101)).verifyComplete();
        assertThat(link.unexpected()).isEmpty();
    }

    @Test
    void anOperationTheKnownModelLacksIsRefusedWithoutSending() {
        expectHardwareInfo(62, "HERO12 Black");
        Camera camera = open();
        camera.info().hardwareInfo().block(LIMIT);

        StepVerifier.create(camera.control().setCameraName("left"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(OperationNotSupportedException.class)
                        .hasMessageContaining("HERO12 Black does not support Set Camera Name"))
                .verify(LIMIT);
        assertThat(link.written()).containsExactly("GP-0072 3c");
    }

    @Test
    void aProtobufErrorReplyFailsWithTheCameraStatus() {
        link.expectWrite(COMMAND, "F1 69 08 02").thenNotify(COMMAND_RESPONSE, "F1 02");
        link.expectWrite(COMMAND, "F1 6B 08 01").thenNotify(COMMAND_RESPONSE, "F1 EB 08 03");
        Camera camera = open();

        StepVerifier.create(camera.control().setCameraControl(EnumCameraControlStatus.CAMERA_EXTERNAL_CONTROL))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(CameraStatusException.class)
                        .hasMessageContaining("invalid_parameter"))
                .verify(LIMIT);
        StepVerifier.create(camera.control().setTurboTransfer(true))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(CameraStatusException.class)
                        .hasMessageContaining("RESULT_NOT_SUPPORTED"))
                .verify(LIMIT);
    }

    @Test
    void cancellingTheLastSubscriberUnregistersAndNotBefore() {
        link.expectWrite(QUERY, "53 08").thenNotify(QUERY_RESPONSE, "53 00 08 01 00");
        link.expectWrite(QUERY, "53 08").thenNotify(QUERY_RESPONSE, "53 00 08 01 00");
        link.expectWrite(QUERY, "73 08").thenNotify(QUERY_RESPONSE, "73 00");
        link.expectWrite(QUERY, "13 0A").thenNotify(QUERY_RESPONSE, "13 00 0A 01 00");
        Camera camera = open();

        Disposable first = camera.statuses().updates(Status.BUSY).subscribe();
        StepVerifier.create(camera.statuses().updates(Status.BUSY))
                .assertNext(v -> assertThat(v.display()).isEqualTo("false"))
                .then(first::dispose)   // the other subscriber still needs the registration
                .then(() -> link.notify(QUERY_RESPONSE, "93 00 08 01 01"))
                .assertNext(v -> assertThat(v.asLong()).isEqualTo(1))
                .thenCancel()
                .verify(LIMIT);
        // The next query is queued after the unregistration on the same characteristic.
        StepVerifier.create(camera.statuses().get(Status.ENCODING)).expectNextCount(1).verifyComplete();
        assertThat(link.written()).containsExactly("GP-0076 5308", "GP-0076 5308", "GP-0076 7308", "GP-0076 130a");
        assertThat(link.unexpected()).isEmpty();
    }

    @Test
    void capabilityPushesGroupOneEntryPerOption() {
        link.expectWrite(QUERY, "62 03").thenNotify(QUERY_RESPONSE, "62 00 03 01 05 03 01 08");
        Camera camera = open();

        StepVerifier.create(camera.settings().capabilityUpdates(Setting.FRAMES_PER_SECOND))
                .assertNext(c -> assertThat(c.options()).extracting(SettingOption::name).containsExactly("60.0", "30.0"))
                .then(() -> link.notify(QUERY_RESPONSE, "A2 00 03 01 08"))
                .assertNext(c -> assertThat(c.values()).containsExactly(8L))
                .thenCancel()
                .verify(LIMIT);
    }

    @Test
    void aScanThatNeverEndsTimesOutInVirtualTime() {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        CameraOptions options = CameraOptions.defaults().withScheduler(vts).withDeliveryScheduler(vts);
        link.expectWrite(NETWORK_MANAGEMENT_COMMAND, "02 02").thenNotify(NETWORK_MANAGEMENT_RESPONSE, "02 82 08 01 10 02");

        StepVerifier.withVirtualTime(() -> Camera.open(link, "cam-1", options)
                        .flatMap(c -> c.network().scan(Duration.ofSeconds(10))), () -> vts, Long.MAX_VALUE)
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(9))
                .thenAwait(Duration.ofSeconds(2))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ExchangeTimeoutException.class)
                        .hasMessageContaining("scan_for_access_points"))
                .verify(LIMIT);
    }
}
