package io.camrig.proto.codec;

import static io.camrig.proto.testutil.Hex.bytes;
import static io.camrig.proto.testutil.Hex.hex;
import static io.camrig.proto.testutil.Hex.stripHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.proto.catalog.Operation;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.message.CameraLocalDateTime;
import io.camrig.proto.message.ProtobufMessage;
import io.camrig.proto.pb.EnumResultGeneric;
import io.camrig.proto.pb.EnumScanning;
import io.camrig.proto.pb.NotifStartScanning;
import io.camrig.proto.pb.RequestGetApEntries;
import io.camrig.proto.pb.ResponseGetApEntries;
import io.camrig.proto.pb.ResponseStartScanning;
import io.camrig.proto.pb.ScanEntry;
import io.camrig.proto.request.CommandRequest;
import io.camrig.proto.request.ProtobufRequest;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * Byte examples of the access point tutorial (6), the COHN tutorial (9) and the Control page that
 * need the full catalog: network management on GP-0091/GP-0092 and the local date time, decoded to
 * the values the spec documents, and re-encoded to the same bytes.
 */
class NetworkAndDateTimeSpecVectorsTest {

    private static byte[] singlePacket(String packet) {
        byte[] p = bytes(packet);
        assertThat(p[0] & 0xFF).as("general header length").isEqualTo(p.length - 1);
        return java.util.Arrays.copyOfRange(p, 1, p.length);
    }

    @Test
    void tutorial6ScanRequestResponseAndNotification() {
        assertThat(RequestDecoder.decode(GoProUuid.NETWORK_MANAGEMENT_COMMAND, singlePacket("02:02:02")))
                .isInstanceOfSatisfying(ProtobufRequest.class, r -> assertThat(r.name()).isEqualTo("RequestStartScan"));
        ProtobufMessage response = (ProtobufMessage) MessageDecoder.decode(GoProUuid.NETWORK_MANAGEMENT_RESPONSE,
                singlePacket("06:02:82:08:01:10:02"));
        ResponseStartScanning started = (ResponseStartScanning) response.message();
        assertThat(started.getResult()).isEqualTo(EnumResultGeneric.RESULT_SUCCESS);
        assertThat(started.getScanningState()).isEqualTo(EnumScanning.SCANNING_STARTED);
        ProtobufMessage notification = (ProtobufMessage) MessageDecoder.decode(GoProUuid.NETWORK_MANAGEMENT_RESPONSE,
                singlePacket("0a:02:0b:08:05:10:01:18:05:20:01"));
        NotifStartScanning done = (NotifStartScanning) notification.message();
        assertThat(done.getScanningState()).isEqualTo(EnumScanning.SCANNING_SUCCESS);
        assertThat(done.getScanId()).isEqualTo(1);
        assertThat(done.getTotalEntries()).isEqualTo(5);
        assertThat(done.getTotalConfiguredSsid()).isEqualTo(1);
    }

    @Test
    void tutorial6ApEntriesRequestAndSixPacketResponse() {
        byte[] request = singlePacket("08:02:03:08:00:10:64:18:01");
        RequestGetApEntries get = RequestGetApEntries.newBuilder().setStartIndex(0).setMaxEntries(100).setScanId(1).build();
        assertThat(RequestEncoder.protobuf(Operation.GET_AP_SCAN_RESULTS, get).bytes()).isEqualTo(request);
        byte[] message = stripHeaders(2,
                "20:76:02:83:08:01:10:01:1a:13:0a:0a:64:61:62:75:67:64:61:62",
                "80:75:67:10:03:20:e4:28:28:2f:1a:13:0a:0a:41:54:54:54:70:34",
                "81:72:36:46:69:10:02:20:f1:2c:28:01:1a:13:0a:0a:41:54:54:62",
                "82:37:4a:67:41:77:61:10:02:20:99:2d:28:01:1a:16:0a:0d:52:69",
                "83:6e:67:20:53:65:74:75:70:20:65:37:10:01:20:ec:12:28:00:1a",
                "84:17:0a:0e:48:6f:6d:65:79:6e:65:74:5f:32:47:45:58:54:10:01",
                "85:20:85:13:28:01");
        assertThat(message).hasSize(0x76);
        ProtobufMessage p = (ProtobufMessage) MessageDecoder.decode(GoProUuid.NETWORK_MANAGEMENT_RESPONSE, message);
        ResponseGetApEntries entries = (ResponseGetApEntries) p.message();
        assertThat(entries.getResult()).isEqualTo(EnumResultGeneric.RESULT_SUCCESS);
        assertThat(entries.getScanId()).isEqualTo(1);
        assertThat(entries.getEntriesList()).extracting(ScanEntry::getSsid)
                .containsExactly("dabugdabug", "ATTTp4r6Fi", "ATTb7JgAwa", "Ring Setup e7", "Homeynet_2GEXT");
        ScanEntry first = entries.getEntries(0);
        assertThat(first.getSignalStrengthBars()).isEqualTo(3);
        assertThat(first.getSignalFrequencyMhz()).isEqualTo(5220);
        assertThat(first.getScanEntryFlags()).isEqualTo(47);
        ScanEntry last = entries.getEntries(4);
        assertThat(last.getSignalStrengthBars()).isEqualTo(1);
        assertThat(last.getSignalFrequencyMhz()).isEqualTo(2437);
        assertThat(last.getScanEntryFlags()).isEqualTo(1);
        assertThat(ResponseEncoder.encode(p)).isEqualTo(message);
    }

    @Test
    void controlPageLocalDateTimeExample() {
        CameraLocalDateTime t = CameraLocalDateTime.parse(bytes("07:E7:01:1F:03:04:05:FF:88:01"));
        assertThat(t).isEqualTo(new CameraLocalDateTime(LocalDateTime.of(2023, 1, 31, 3, 4, 5), -120, true));
        assertThat(hex(t.encode())).isEqualTo("07e7011f030405ff8801");
    }

    @Test
    void tutorial9SetLocalDateTimeRequest() {
        byte[] request = singlePacket("0c:0f:0a:07:e8:04:04:0d:00:05:fe:5c:01");
        CommandRequest decoded = (CommandRequest) RequestDecoder.decode(GoProUuid.COMMAND, request);
        CameraLocalDateTime t = CameraLocalDateTime.parse(decoded.param(0));
        assertThat(t.dateTime()).isEqualTo(LocalDateTime.of(2024, 4, 4, 13, 0, 5));
        assertThat(t.utcOffsetMinutes()).isEqualTo(-420);
        assertThat(t.dst()).isTrue();
        assertThat(RequestEncoder.setLocalDateTime(t).bytes()).isEqualTo(request);
    }

    @Test
    void getLocalDateTimeResponseRoundTrips() {
        CameraLocalDateTime t = new CameraLocalDateTime(LocalDateTime.of(2024, 4, 4, 13, 0, 5), 330, false);
        assertThat(CameraLocalDateTime.parseGetLocalDateTimeResponse(t.encodeGetLocalDateTimeResponse())).isEqualTo(t);
    }
}
