package io.camrig.proto.message;

import static io.camrig.proto.testutil.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.request.UnknownRequest;
import org.junit.jupiter.api.Test;

class RawPayloadTest {

    @Test
    void comparesHashesAndPrintsTheBytesByContent() {
        RawPayload a = new RawPayload(GoProUuid.COMMAND_RESPONSE, bytes("5b 00"));
        RawPayload b = new RawPayload(GoProUuid.COMMAND_RESPONSE, bytes("5b 00"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b)
                .isNotEqualTo(new RawPayload(GoProUuid.COMMAND_RESPONSE, bytes("5b 01")))
                .isNotEqualTo(new RawPayload(GoProUuid.QUERY_RESPONSE, bytes("5b 00")));
        assertThat(a).hasToString(GoProUuid.COMMAND_RESPONSE.label() + " 5b00");
    }

    @Test
    void copiesTheBytesInAndOut() {
        byte[] given = bytes("99 01");
        RawPayload p = new RawPayload(GoProUuid.COMMAND, given);
        given[0] = 0;
        p.bytes()[1] = 0;

        assertThat(p.bytes()).isEqualTo(bytes("99 01"));
    }

    @Test
    void idIsTheFirstByteUnsignedOrMinusOneWhenEmpty() {
        assertThat(new RawPayload(GoProUuid.COMMAND, bytes("f5 7f")).id()).isEqualTo(0xF5);
        assertThat(new RawPayload(GoProUuid.COMMAND, new byte[0]).id()).isEqualTo(-1);
    }

    @Test
    void unknownMessagesAndRequestsAreEqualByTheirPayload() {
        assertThat(new UnknownMessage(GoProUuid.QUERY_RESPONSE, bytes("f5 ff 02")))
                .isEqualTo(new UnknownMessage(GoProUuid.QUERY_RESPONSE, bytes("f5 ff 02")))
                .hasToString("UnknownMessage[payload=" + GoProUuid.QUERY_RESPONSE.label() + " f5ff02]");
        assertThat(new UnknownRequest(GoProUuid.COMMAND, bytes("99")))
                .isEqualTo(new UnknownRequest(GoProUuid.COMMAND, bytes("99")))
                .extracting(UnknownRequest::characteristic).isEqualTo(GoProUuid.COMMAND);
    }
}
