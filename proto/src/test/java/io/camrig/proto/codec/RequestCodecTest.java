package io.camrig.proto.codec;

import static io.camrig.proto.testutil.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.proto.error.MalformedMessageException;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.pb.EnumCameraControlStatus;
import io.camrig.proto.pb.RequestCreateCOHNCert;
import io.camrig.proto.pb.RequestGetCOHNStatus;
import io.camrig.proto.pb.RequestSetCameraControlStatus;
import io.camrig.proto.pb.RequestSetTurboActive;
import io.camrig.proto.request.CameraRequest;
import io.camrig.proto.request.CommandRequest;
import io.camrig.proto.request.ProtobufRequest;
import io.camrig.proto.request.QueryRequest;
import io.camrig.proto.request.SettingRequest;
import io.camrig.proto.request.UnknownRequest;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Client requests: the spec's and tutorials' request bytes (packet header dropped: the tutorials'
 * first byte is the general header), and RequestEncoder → RequestDecoder round trips.
 */
class RequestCodecTest {

    private static void assertEncodes(EncodedRequest r, GoProUuid characteristic, String hex) {
        assertThat(r.characteristic()).isEqualTo(characteristic);
        assertThat(r.bytes()).isEqualTo(bytes(hex));
    }

    @Test
    void tutorialCommandBytes() {
        assertEncodes(RequestEncoder.setShutter(true), GoProUuid.COMMAND, "01 01 01");      // 03:01:01:01
        assertEncodes(RequestEncoder.setShutter(false), GoProUuid.COMMAND, "01 01 00");     // 03:01:01:00
        assertEncodes(RequestEncoder.loadPresetGroup(1000), GoProUuid.COMMAND, "3e 02 03 e8"); // 04:3E:02:03:E8
        assertEncodes(RequestEncoder.loadPresetGroup(1001), GoProUuid.COMMAND, "3e 02 03 e9");
        assertEncodes(RequestEncoder.loadPresetGroup(1002), GoProUuid.COMMAND, "3e 02 03 ea");
        assertEncodes(RequestEncoder.getOpenGoProVersion(), GoProUuid.COMMAND, "51");       // 01:51
        assertEncodes(RequestEncoder.getHardwareInfo(), GoProUuid.COMMAND, "3c");           // 01:3C
        assertEncodes(RequestEncoder.setDateTime(LocalDateTime.of(2023, 1, 31, 3, 4, 5, 999_000_000)),
                GoProUuid.COMMAND, "0d 07 07 e7 01 1f 03 04 05");                             // control page example
        assertEncodes(RequestEncoder.loadPreset(0x01020304L), GoProUuid.COMMAND, "40 04 01 02 03 04");
    }

    @Test
    void keepAliveGoesToTheSettingsCharacteristic() {
        EncodedRequest k = RequestEncoder.keepAlive();
        assertEncodes(k, GoProUuid.SETTINGS, "5b 01 42");
        assertThat(k.responseCharacteristic()).isEqualTo(GoProUuid.SETTINGS_RESPONSE);
        assertThat(((SettingRequest) RequestDecoder.decode(k.characteristic(), k.bytes())).isKeepAlive()).isTrue();
    }

    @Test
    void tutorialSettingAndQueryBytes() {
        assertEncodes(RequestEncoder.setSetting(2, bytes("09")), GoProUuid.SETTINGS, "02 01 09");   // 03:02:01:09
        assertEncodes(RequestEncoder.setSetting(3, bytes("00")), GoProUuid.SETTINGS, "03 01 00");   // 03:03:01:00
        assertEncodes(RequestEncoder.query(0x12, 2), GoProUuid.QUERY, "12 02");                    // 02:12:02
        assertEncodes(RequestEncoder.query(0x12, 2, 3, 0x79), GoProUuid.QUERY, "12 02 03 79");     // 04:12:02:03:79
        assertEncodes(RequestEncoder.query(0x52, 2), GoProUuid.QUERY, "52 02");                    // 02:52:02
        assertEncodes(RequestEncoder.query(0x13), GoProUuid.QUERY, "13");                          // 01:13 all statuses
        assertEncodes(RequestEncoder.registerStatusUpdates(8, 10), GoProUuid.QUERY, "53 08 0a");
    }

    @Test
    void tutorialProtobufBytes() {
        assertEncodes(RequestEncoder.protobuf(0xF1, 0x6B, RequestSetTurboActive.newBuilder().setActive(false).build()),
                GoProUuid.COMMAND, "f1 6b 08 00");                                               // 04:f1:6b:08:00
        assertEncodes(RequestEncoder.protobuf(0xF1, 0x67, RequestCreateCOHNCert.getDefaultInstance()),
                GoProUuid.COMMAND, "f1 67");                                                     // 02:f1:67
        assertEncodes(RequestEncoder.protobuf(0xF5, 0x6F, RequestGetCOHNStatus.newBuilder().setRegisterCohnStatus(true).build()),
                GoProUuid.QUERY, "f5 6f 08 01");                                                 // 04:f5:6f:08:01
        assertEncodes(RequestEncoder.setCameraControl(EnumCameraControlStatus.CAMERA_EXTERNAL_CONTROL),
                GoProUuid.COMMAND, "f1 69 08 02");
    }

    @Test
    void tutorial9SetLocalDateTimeDecodesAsACommandWithOneTenByteParameter() {
        // 0c:0f:0a:07:e8:04:04:0d:00:05:fe:5c:01 = 2024-04-04 13:00:05, UTC-07:00 (-420 min), DST on
        CommandRequest c = (CommandRequest) RequestDecoder.decode(GoProUuid.COMMAND, bytes("0f 0a 07 e8 04 04 0d 00 05 fe 5c 01"));
        assertThat(c.commandId()).isEqualTo(0x0F);
        assertThat(c.params()).hasSize(1);
        assertThat(c.param(0)).isEqualTo(bytes("07 e8 04 04 0d 00 05 fe 5c 01"));
    }

    @Test
    void roundTrips() {
        List<EncodedRequest> requests = List.of(
                RequestEncoder.setShutter(true), RequestEncoder.setDateTime(LocalDateTime.of(2024, 2, 29, 23, 59, 58)),
                RequestEncoder.loadPresetGroup(1000), RequestEncoder.keepAlive(), RequestEncoder.getHardwareInfo(),
                RequestEncoder.getOpenGoProVersion(), RequestEncoder.setSetting(2, bytes("09")),
                RequestEncoder.setSetting(30, bytes("00 00 00 00 00 00 00 05")), RequestEncoder.query(0x12),
                RequestEncoder.registerStatusUpdates(1, 2, 8, 10, 54, 70, 114),
                RequestEncoder.command(0x17, bytes("01")), RequestEncoder.command(0x01, bytes(""), bytes("0102")),
                RequestEncoder.setCameraControl(EnumCameraControlStatus.CAMERA_IDLE),
                RequestEncoder.protobuf(0xF1, 0x6B, RequestSetTurboActive.newBuilder().setActive(true).build()),
                RequestEncoder.protobuf(0xF5, 0x6F, RequestGetCOHNStatus.getDefaultInstance()));
        for (EncodedRequest r : requests) {
            CameraRequest decoded = RequestDecoder.decode(r.characteristic(), r.bytes());
            assertThat(decoded).as(r.toString()).isNotInstanceOf(UnknownRequest.class);
            assertThat(decoded.characteristic()).isEqualTo(r.characteristic());
            assertThat(RequestEncoder.encode(decoded)).as(r.toString()).isEqualTo(r);
        }
    }

    @Test
    void decodedRequestsCarryTheirValues() {
        assertThat(RequestDecoder.decode(GoProUuid.COMMAND, RequestEncoder.setShutter(true).bytes()))
                .isEqualTo(new CommandRequest(1, List.of(bytes("01"))));
        assertThat(RequestDecoder.decode(GoProUuid.SETTINGS, bytes("02 01 09"))).isEqualTo(new SettingRequest(2, bytes("09")));
        assertThat(RequestDecoder.decode(GoProUuid.QUERY, bytes("53 08 0a"))).isEqualTo(new QueryRequest(0x53, List.of(8, 10)));
        ProtobufRequest p = (ProtobufRequest) RequestDecoder.decode(GoProUuid.COMMAND, bytes("f1 69 08 02"));
        assertThat(p.name()).isEqualTo("RequestSetCameraControlStatus");
        assertThat(((RequestSetCameraControlStatus) p.message()).getCameraControlStatus())
                .isEqualTo(EnumCameraControlStatus.CAMERA_EXTERNAL_CONTROL);
    }

    @Test
    void unknownRequests() {
        assertThat(RequestDecoder.decode(GoProUuid.COMMAND, bytes("99 01 00")))
                .isEqualTo(new UnknownRequest(GoProUuid.COMMAND, bytes("99 01 00")));
        assertThat(RequestDecoder.decode(GoProUuid.QUERY, bytes("93 08"))).isInstanceOf(UnknownRequest.class);
        assertThat(RequestDecoder.decode(GoProUuid.QUERY, bytes("f5 7f 08 01"))).isInstanceOf(UnknownRequest.class);
        assertThat(RequestDecoder.decode(GoProUuid.NETWORK_MANAGEMENT_COMMAND, bytes("02 7f 08 01")))
                .isInstanceOf(UnknownRequest.class);
        assertThat(RequestDecoder.decode(GoProUuid.COMMAND_RESPONSE, bytes("01 00"))).isInstanceOf(UnknownRequest.class);
        assertThat(((UnknownRequest) RequestDecoder.decode(GoProUuid.COMMAND, bytes("99")))).extracting(u -> u.payload().id())
                .isEqualTo(0x99);
    }

    @Test
    void malformedRequests() {
        assertThatThrownBy(() -> RequestDecoder.decode(GoProUuid.COMMAND, bytes("01 02 01")))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("declares 2 bytes");
        assertThatThrownBy(() -> RequestDecoder.decode(GoProUuid.SETTINGS, bytes("02")))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> RequestDecoder.decode(GoProUuid.SETTINGS, bytes("02 01 09 00")))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> RequestDecoder.decode(GoProUuid.SETTINGS, bytes("02 02 09")))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> RequestDecoder.decode(GoProUuid.COMMAND, bytes("f1 69 0a 05")))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> RequestDecoder.decode(GoProUuid.QUERY, new byte[0]))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void encoderRejectsOutOfRangeArguments() {
        assertThatThrownBy(() -> RequestEncoder.loadPresetGroup(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestEncoder.command(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestEncoder.command(1, new byte[256])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestEncoder.query(0x13, 300)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestEncoder.protobuf(0x42, 1, RequestCreateCOHNCert.getDefaultInstance()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
