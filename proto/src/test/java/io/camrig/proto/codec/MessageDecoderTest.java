package io.camrig.proto.codec;

import static io.camrig.proto.testutil.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.proto.error.MalformedMessageException;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.TlvStatus;
import io.camrig.proto.message.CameraMessage;
import io.camrig.proto.message.CommandResponse;
import io.camrig.proto.message.ProtobufError;
import io.camrig.proto.message.ProtobufMessage;
import io.camrig.proto.message.PushNotification;
import io.camrig.proto.message.QueryResponse;
import io.camrig.proto.message.RawProtobufMessage;
import io.camrig.proto.message.SettingResponse;
import io.camrig.proto.message.TlvEntry;
import io.camrig.proto.message.UnknownMessage;
import io.camrig.proto.pb.EnumCOHNNetworkState;
import io.camrig.proto.pb.EnumResultGeneric;
import io.camrig.proto.pb.Media;
import io.camrig.proto.pb.NotifyCOHNStatus;
import io.camrig.proto.pb.ResponseGeneric;
import io.camrig.proto.pb.ResponseLastCapturedMedia;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MessageDecoderTest {

    @Test
    void unknownCommandIdIsUnknownMessage() {
        CameraMessage m = MessageDecoder.decode(GoProUuid.COMMAND_RESPONSE, bytes("99 00 01 02"));
        assertThat(m).isEqualTo(new UnknownMessage(GoProUuid.COMMAND_RESPONSE, bytes("99 00 01 02")));
        assertThat(((UnknownMessage) m).payload().id()).isEqualTo(0x99);
    }

    @Test
    void unknownQueryIdIsUnknownMessage() {
        assertThat(MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, bytes("44 00 01 01 00")))
                .isInstanceOf(UnknownMessage.class);
    }

    @Test
    void unknownStatusIdInsideAKnownQueryIsKeptAsAnEntry() {
        QueryResponse r = (QueryResponse) MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, bytes("13 00 f0 03 01 02 03"));
        assertThat(r.entries()).containsExactly(new TlvEntry(0xF0, bytes("01 02 03")));
    }

    @Test
    void otherCharacteristicsAreUnknown() {
        assertThat(MessageDecoder.decode(GoProUuid.COMMAND, bytes("01 01 01"))).isInstanceOf(UnknownMessage.class);
        assertThat(MessageDecoder.decode(GoProUuid.WIFI_AP_SSID, bytes("f1 e9 08 01"))).isInstanceOf(UnknownMessage.class);
        // a feature whose answers do not arrive on GP-0092 stays unknown there
        assertThat(MessageDecoder.decode(GoProUuid.NETWORK_MANAGEMENT_RESPONSE, bytes("f5 7f 08 01")))
                .isEqualTo(new UnknownMessage(GoProUuid.NETWORK_MANAGEMENT_RESPONSE, bytes("f5 7f 08 01")));
    }

    @Test
    void aProtobufPairTheCatalogDoesNotKnowKeepsItsFeatureActionAndRawFields() {
        // Feature 0xF5, action 0xFF, as real cameras send it unrequested: field 1 varint 1,
        // field 2 bytes "ab", field 3 fixed32 7.
        CameraMessage m = MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, bytes("f5 ff 08 01 12 01 ab 1d 07 00 00 00"));
        assertThat(m.kind()).isEqualTo("protobuf");
        RawProtobufMessage raw = (RawProtobufMessage) m;
        assertThat(raw.featureId()).isEqualTo(0xF5);
        assertThat(raw.actionId()).isEqualTo(0xFF);
        assertThat(raw.fields().getField(1).getVarintList()).containsExactly(1L);
        assertThat(raw.fields().getField(2).getLengthDelimitedList().get(0).toByteArray()).isEqualTo(bytes("ab"));
        assertThat(raw.fields().getField(3).getFixed32List()).containsExactly(7);
        // on GP-0092 for the network features (two bytes alone stay the [feature][status] error form)
        assertThat(MessageDecoder.decode(GoProUuid.NETWORK_MANAGEMENT_RESPONSE, bytes("02 7f 08 01")))
                .isInstanceOf(RawProtobufMessage.class);
        // bytes that are not protobuf wire format stay unknown, nothing lost
        assertThat(MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, bytes("f5 ff 02")))
                .isEqualTo(new UnknownMessage(GoProUuid.QUERY_RESPONSE, bytes("f5 ff 02")));
    }

    @Test
    void statusPushIsPushNotification() {
        PushNotification p = (PushNotification) MessageDecoder.decode(GoProUuid.QUERY_RESPONSE,
                bytes("93 00 08 01 01 0a 01 00"));
        assertThat(p.isStatusPush()).isTrue();
        assertThat(p.entry(8).orElseThrow().asBoolean()).isTrue();
        assertThat(p.entry(10).orElseThrow().asBoolean()).isFalse();
    }

    @Test
    void errorStatusesAreKept() {
        assertThat(MessageDecoder.decode(GoProUuid.COMMAND_RESPONSE, bytes("01 02")))
                .isEqualTo(new CommandResponse(1, TlvStatus.INVALID_PARAMETER, new byte[0]));
        assertThat(MessageDecoder.decode(GoProUuid.SETTINGS_RESPONSE, bytes("03 01")))
                .isEqualTo(new SettingResponse(3, TlvStatus.ERROR));
        assertThat(((QueryResponse) MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, bytes("12 01"))).entries()).isEmpty();
    }

    @Test
    void keepAliveAcknowledgementIsASettingResponse() {
        assertThat(MessageDecoder.decode(GoProUuid.SETTINGS_RESPONSE, bytes("5b 00")))
                .isEqualTo(new SettingResponse(0x5B, TlvStatus.SUCCESS));
    }

    @Test
    void settingResponseLongerThanTwoBytesIsUnknown() {
        assertThat(MessageDecoder.decode(GoProUuid.SETTINGS_RESPONSE, bytes("02 00 01"))).isInstanceOf(UnknownMessage.class);
    }

    @Test
    void protobufErrorRepliesDecodeToProtobufErrors() {
        // feature, action, one status byte: not a protobuf encoding.
        assertThat(MessageDecoder.decode(GoProUuid.COMMAND_RESPONSE, bytes("f1 e9 02")))
                .isEqualTo(new ProtobufError(GoProUuid.COMMAND_RESPONSE, 0xF1, OptionalInt.of(0xE9), 2));
        // feature and status only, on the characteristic where the feature's answers arrive.
        ProtobufError onlyFeature = (ProtobufError) MessageDecoder.decode(GoProUuid.COMMAND_RESPONSE, bytes("f1 02"));
        assertThat(onlyFeature.actionId()).isEmpty();
        assertThat(onlyFeature.tlvStatus()).isEqualTo(TlvStatus.INVALID_PARAMETER);
        assertThat(MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, bytes("f5 03")))
                .isEqualTo(new ProtobufError(GoProUuid.QUERY_RESPONSE, 0xF5, OptionalInt.empty(), 3));
        assertThat(MessageDecoder.decode(GoProUuid.NETWORK_MANAGEMENT_RESPONSE, bytes("02 01")))
                .isEqualTo(new ProtobufError(GoProUuid.NETWORK_MANAGEMENT_RESPONSE, 0x02, OptionalInt.empty(), 1));
        // elsewhere the same bytes stay TLV: setting 2 answered with status 1.
        assertThat(MessageDecoder.decode(GoProUuid.SETTINGS_RESPONSE, bytes("02 01")))
                .isEqualTo(new SettingResponse(2, TlvStatus.ERROR));
        assertThat(MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, bytes("f1 02"))).isInstanceOf(UnknownMessage.class);
        // feature and action only: a protobuf message with nothing set.
        ProtobufMessage empty = (ProtobufMessage) MessageDecoder.decode(GoProUuid.COMMAND_RESPONSE, bytes("f1 e9"));
        assertThat(empty.message().isInitialized()).isFalse();
        assertThat(((ResponseGeneric) empty.message()).hasResult()).isFalse();
    }

    @Test
    void truncatedTripletsAreMalformed() {
        assertThatThrownBy(() -> MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, bytes("12 00 02 02 09")))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("declares 2 value bytes");
        assertThatThrownBy(() -> MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, bytes("93 00 08 01 01 0a")))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("no length");
    }

    @Test
    void missingStatusAndEmptyMessagesAreMalformed() {
        assertThatThrownBy(() -> MessageDecoder.decode(GoProUuid.COMMAND_RESPONSE, bytes("01")))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> MessageDecoder.decode(GoProUuid.SETTINGS_RESPONSE, bytes("02")))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, bytes("13")))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> MessageDecoder.decode(GoProUuid.COMMAND_RESPONSE, new byte[0]))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("empty");
    }

    @Test
    void protobufThatDoesNotParseIsMalformed() {
        // field 1 length-delimited, declaring 16 bytes with 1 present
        assertThatThrownBy(() -> MessageDecoder.decode(GoProUuid.COMMAND_RESPONSE, bytes("f1 e9 0a 10 01")))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("ResponseGeneric");
    }

    @Test
    void responseEncoderRoundTrips() {
        List<TlvEntry> entries = List.of(new TlvEntry(8, bytes("00")), new TlvEntry(54, bytes("00 00 00 00 00 12 d6 87")),
                new TlvEntry(30, "GP24500702".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        List<CameraMessage> messages = List.of(
                new CommandResponse(0x3C, TlvStatus.SUCCESS, bytes("04 00 00 00 3e")),
                new CommandResponse(0x01, TlvStatus.ERROR, new byte[0]),
                new SettingResponse(2, TlvStatus.SUCCESS),
                new QueryResponse(0x13, TlvStatus.SUCCESS, entries),
                new QueryResponse(0x72, TlvStatus.SUCCESS, List.of()),
                new PushNotification(0x93, TlvStatus.SUCCESS, entries),
                new PushNotification(0xA2, TlvStatus.SUCCESS, List.of(new TlvEntry(2, bytes("01")), new TlvEntry(2, bytes("04")))),
                new UnknownMessage(GoProUuid.COMMAND_RESPONSE, bytes("77 00")));
        for (CameraMessage m : messages) {
            assertThat(MessageDecoder.decode(m.characteristic(), ResponseEncoder.encode(m))).as(m.toString()).isEqualTo(m);
        }
    }

    @Test
    void responseEncoderBuildersMatchTheSpecLayouts() {
        assertThat(ResponseEncoder.commandResponse(0x51, TlvStatus.SUCCESS, bytes("01 02 01 00")))
                .isEqualTo(bytes("51 00 01 02 01 00"));
        assertThat(ResponseEncoder.settingResponse(2, TlvStatus.SUCCESS)).isEqualTo(bytes("02 00"));
        assertThat(ResponseEncoder.queryResponse(0x12, TlvStatus.SUCCESS, List.of(new TlvEntry(2, bytes("09")))))
                .isEqualTo(bytes("12 00 02 01 09"));
        assertThat(ResponseEncoder.push(0x92, List.of(new TlvEntry(2, bytes("04"))))).isEqualTo(bytes("92 00 02 01 04"));
        assertThat(ResponseEncoder.protobuf(0xF1, 0xEB,
                ResponseGeneric.newBuilder().setResult(EnumResultGeneric.RESULT_SUCCESS).build())).isEqualTo(bytes("f1 eb 08 01"));
        assertThatThrownBy(() -> ResponseEncoder.push(0x13, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void protobufRoundTripsForEveryResponseType() {
        ResponseLastCapturedMedia media = ResponseLastCapturedMedia.newBuilder()
                .setResult(EnumResultGeneric.RESULT_SUCCESS)
                .setMedia(Media.newBuilder().setFolder("100GOPRO").setFile("GX010001.MP4")).build();
        byte[] bytes = ResponseEncoder.protobuf(0xF5, 0xED, media);
        ProtobufMessage p = (ProtobufMessage) MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, bytes);
        assertThat(p.message()).isEqualTo(media);

        NotifyCOHNStatus cohn = NotifyCOHNStatus.newBuilder().setState(EnumCOHNNetworkState.COHN_STATE_Idle).build();
        ProtobufMessage q = (ProtobufMessage) MessageDecoder.decode(GoProUuid.QUERY_RESPONSE,
                ResponseEncoder.protobuf(0xF5, 0xEF, cohn));
        assertThat(q.message()).isEqualTo(cohn);
    }
}
