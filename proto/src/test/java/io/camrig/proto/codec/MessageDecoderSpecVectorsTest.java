package io.camrig.proto.codec;

import static io.camrig.proto.testutil.Hex.bytes;
import static io.camrig.proto.testutil.Hex.stripHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.TlvStatus;
import io.camrig.proto.message.CameraMessage;
import io.camrig.proto.message.CommandResponse;
import io.camrig.proto.message.HardwareInfo;
import io.camrig.proto.message.OpenGoProVersion;
import io.camrig.proto.message.ProtobufMessage;
import io.camrig.proto.message.PushNotification;
import io.camrig.proto.message.QueryResponse;
import io.camrig.proto.message.SettingResponse;
import io.camrig.proto.message.TlvEntry;
import io.camrig.proto.pb.EnumCOHNNetworkState;
import io.camrig.proto.pb.EnumCOHNStatus;
import io.camrig.proto.pb.EnumResultGeneric;
import io.camrig.proto.pb.NotifyCOHNStatus;
import io.camrig.proto.pb.ResponseGeneric;
import org.junit.jupiter.api.Test;

/**
 * Every camera-to-client byte example of the spec pages and tutorials, transcribed by hand, decoded
 * to its documented values. Packets are shown as the tutorials log them (with packet headers);
 * single-packet messages drop their one-byte general header.
 */
class MessageDecoderSpecVectorsTest {

    private static CameraMessage decode(GoProUuid c, String packetWithGeneralHeader) {
        byte[] packet = bytes(packetWithGeneralHeader);
        assertThat(packet[0] & 0xFF).as("general header length").isEqualTo(packet.length - 1);
        return MessageDecoder.decode(c, java.util.Arrays.copyOfRange(packet, 1, packet.length));
    }

    @Test
    void tutorial3SetShutterResponse() {
        assertThat(decode(GoProUuid.COMMAND_RESPONSE, "02:01:00"))
                .isEqualTo(new CommandResponse(0x01, TlvStatus.SUCCESS, new byte[0]));
    }

    @Test
    void tutorial3OpenGoProVersionIs2Point0() {
        CommandResponse r = (CommandResponse) decode(GoProUuid.COMMAND_RESPONSE, "06:51:00:01:02:01:00");
        assertThat(r.commandId()).isEqualTo(0x51);
        assertThat(r.status()).isEqualTo(TlvStatus.SUCCESS);
        assertThat(OpenGoProVersion.parse(r.payload())).isEqualTo(new OpenGoProVersion(2, 0));
    }

    @Test
    void tutorial3HardwareInfoPythonLog() {
        byte[] message = stripHeaders(2,
                "20:62:3c:00:04:00:00:00:3e:0c:48:45:52:4f:31:32:20:42:6c:61",
                "80:63:6b:04:30:78:30:35:0f:48:32:33:2e:30:31:2e:30:31:2e:39",
                "81:39:2e:35:36:0e:43:33:35:30:31:33:32:34:35:30:30:37:30:32",
                "82:11:48:45:52:4f:31:32:20:42:6c:61:63:6b:64:65:62:75:67:0c",
                "83:32:36:37:34:66:37:66:36:36:31:30:34:01:00:01:01:01:00:02",
                "84:5b:5d:01:01");
        assertThat(message).hasSize(0x62);
        CommandResponse r = (CommandResponse) MessageDecoder.decode(GoProUuid.COMMAND_RESPONSE, message);
        assertThat(r.commandId()).isEqualTo(0x3C);
        assertThat(r.status().isSuccess()).isTrue();
        assertThat(HardwareInfo.parse(r.payload())).isEqualTo(new HardwareInfo(62, "HERO12 Black", "H23.01.01.99.56",
                "C3501324500702", "HERO12 Blackdebug", "2674f7f66104"));
    }

    @Test
    void tutorial3HardwareInfoKotlinLog() {
        byte[] message = stripHeaders(2,
                "20:5B:3C:00:04:00:00:00:3E:0C:48:45:52:4F:31:32:20:42:6C:61",
                "80:63:6B:04:30:78:30:35:0F:48:32:33:2E:30:31:2E:30:31:2E:39",
                "81:39:2E:35:36:0E:43:33:35:30:31:33:32:34:35:30:30:37:30:32",
                "82:0A:47:50:32:34:35:30:30:37:30:32:0C:32:36:37:34:66:37:66",
                "83:36:36:31:30:34:01:00:01:01:01:00:02:5B:5D:01:01");
        assertThat(message).hasSize(0x5B);
        CommandResponse r = (CommandResponse) MessageDecoder.decode(GoProUuid.COMMAND_RESPONSE, message);
        // The tutorial's Kotlin log prints 1040187392 (0x3E000000, bytes read little-endian); the
        // spec is big-endian: 0x0000003E = 62, HERO12 Black.
        assertThat(HardwareInfo.parse(r.payload())).isEqualTo(new HardwareInfo(62, "HERO12 Black", "H23.01.01.99.56",
                "C3501324500702", "GP24500702", "2674f7f66104"));
    }

    @Test
    void tutorial2LoadPresetGroupAndSettingResponses() {
        assertThat(decode(GoProUuid.COMMAND_RESPONSE, "02:3e:00"))
                .isEqualTo(new CommandResponse(0x3E, TlvStatus.SUCCESS, new byte[0]));
        assertThat(decode(GoProUuid.SETTINGS_RESPONSE, "02:02:00")).isEqualTo(new SettingResponse(2, TlvStatus.SUCCESS));
        assertThat(decode(GoProUuid.SETTINGS_RESPONSE, "02:03:00")).isEqualTo(new SettingResponse(3, TlvStatus.SUCCESS));
    }

    @Test
    void tutorial4GetResolutionIs1080() {
        QueryResponse r = (QueryResponse) decode(GoProUuid.QUERY_RESPONSE, "05:12:00:02:01:09");
        assertThat(r.queryId()).isEqualTo(0x12);
        assertThat(r.status()).isEqualTo(TlvStatus.SUCCESS);
        assertThat(r.entries()).containsExactly(new TlvEntry(2, bytes("09")));
        assertThat(r.entry(2).orElseThrow().asLong()).isEqualTo(9);
    }

    @Test
    void tutorial4MultipleSettings() {
        QueryResponse r = (QueryResponse) decode(GoProUuid.QUERY_RESPONSE, "0b:12:00:02:01:09:03:01:00:79:01:00");
        assertThat(r.entries()).containsExactly(
                new TlvEntry(2, bytes("09")), new TlvEntry(3, bytes("00")), new TlvEntry(0x79, bytes("00")));
    }

    @Test
    void tutorial4RegisterResponseAndPush() {
        QueryResponse register = (QueryResponse) decode(GoProUuid.QUERY_RESPONSE, "05:52:00:02:01:09");
        assertThat(register.queryId()).isEqualTo(0x52);
        assertThat(register.entries()).containsExactly(new TlvEntry(2, bytes("09")));

        PushNotification push = (PushNotification) decode(GoProUuid.QUERY_RESPONSE, "05:92:00:02:01:04");
        assertThat(push.queryId()).isEqualTo(0x92);
        assertThat(push.isStatusPush()).isFalse();
        assertThat(push.entries()).containsExactly(new TlvEntry(2, bytes("04")));
    }

    @Test
    void tutorial5TurboTransferResponse() {
        ProtobufMessage p = (ProtobufMessage) decode(GoProUuid.COMMAND_RESPONSE, "04:f1:eb:08:01");
        assertThat(p.featureId()).isEqualTo(0xF1);
        assertThat(p.actionId()).isEqualTo(0xEB);
        assertThat(p.name()).isEqualTo("ResponseGeneric");
        assertThat(((ResponseGeneric) p.message()).getResult()).isEqualTo(EnumResultGeneric.RESULT_SUCCESS);
    }

    @Test
    void setCameraControlResponse() {
        ProtobufMessage p = (ProtobufMessage) MessageDecoder.decode(GoProUuid.COMMAND_RESPONSE, bytes("f1 e9 08 01"));
        assertThat(p.actionId()).isEqualTo(0xE9);
        assertThat(((ResponseGeneric) p.message()).getResult()).isEqualTo(EnumResultGeneric.RESULT_SUCCESS);
    }

    @Test
    void tutorial9SetLocalDateTimeAndCreateCertResponses() {
        assertThat(decode(GoProUuid.COMMAND_RESPONSE, "02:0f:00"))
                .isEqualTo(new CommandResponse(0x0F, TlvStatus.SUCCESS, new byte[0]));
        ProtobufMessage p = (ProtobufMessage) decode(GoProUuid.COMMAND_RESPONSE, "04:f1:e7:08:01");
        assertThat(p.actionId()).isEqualTo(0xE7);
        assertThat(((ResponseGeneric) p.message()).getResult()).isEqualTo(EnumResultGeneric.RESULT_SUCCESS);
    }

    @Test
    void tutorial9CohnStatusOverFourPackets() {
        byte[] message = stripHeaders(2,
                "20:47:f5:ef:08:01:10:1b:1a:05:67:6f:70:72:6f:22:0c:47:7a:74",
                "80:32:6d:36:59:4d:76:4c:41:6f:2a:0e:31:39:32:2e:31:36:38:2e",
                "81:35:30:2e:31:30:33:30:01:3a:0a:64:61:62:75:67:64:61:62:75",
                "82:67:42:0c:32:34:37:34:66:37:66:36:36:31:30:34");
        assertThat(message).hasSize(0x47);
        ProtobufMessage p = (ProtobufMessage) MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, message);
        assertThat(p.name()).isEqualTo("NotifyCOHNStatus");
        NotifyCOHNStatus s = (NotifyCOHNStatus) p.message();
        assertThat(s.getStatus()).isEqualTo(EnumCOHNStatus.COHN_PROVISIONED);
        assertThat(s.getState()).isEqualTo(EnumCOHNNetworkState.COHN_STATE_NetworkConnected);
        assertThat(s.getUsername()).isEqualTo("gopro");
        assertThat(s.getPassword()).isEqualTo("Gzt2m6YMvLAo");
        assertThat(s.getIpaddress()).isEqualTo("192.168.50.103");
        assertThat(s.getEnabled()).isTrue();
        assertThat(s.getSsid()).isEqualTo("dabugdabug");
        assertThat(s.getMacaddress()).isEqualTo("2474f7f66104");
    }
}
