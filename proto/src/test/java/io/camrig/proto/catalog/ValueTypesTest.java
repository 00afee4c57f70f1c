package io.camrig.proto.catalog;

import static io.camrig.proto.testutil.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void sliceStatusesDecodeToTheirTypes() {
        assertThat(ValueTypes.decodeStatus(8, bytes("01"))).isEqualTo(new TypedValue.Bool(true, "01"));
        assertThat(ValueTypes.decodeStatus(10, bytes("00"))).isEqualTo(new TypedValue.Bool(false, "00"));
        assertThat(ValueTypes.decodeStatus(70, bytes("57"))).isEqualTo(new TypedValue.Unsigned(87, "57"));
        assertThat(ValueTypes.decodeStatus(2, bytes("04"))).isEqualTo(new TypedValue.Unsigned(4, "04"));
        assertThat(ValueTypes.decodeStatus(54, bytes("00 00 00 00 00 12 d6 87")))
                .isEqualTo(new TypedValue.Unsigned(1234567, "000000000012d687"));
        assertThat(ValueTypes.decodeStatus(114, bytes("02"))).isEqualTo(new TypedValue.Unsigned(2, "02"));
        assertThat(ValueTypes.decodeSetting(2, bytes("09"))).isEqualTo(new TypedValue.Unsigned(9, "09"));
        assertThat(ValueTypes.decodeStatus(30, "HERO9 Black".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new TypedValue.Text("HERO9 Black", "4845524f3920426c61636b"));
    }

    @Test
    void bytesWinOverTheDeclaredType() {
        // a string status sent as a big-endian int32 (statuses 29 and 30 on BLE)
        assertThat(ValueTypes.decodeStatus(29, bytes("00 00 00 00"))).isEqualTo(new TypedValue.Unsigned(0, "00000000"));
        assertThat(ValueTypes.decodeStatus(30, bytes("01 02 03 04"))).isEqualTo(new TypedValue.Unsigned(0x01020304, "01020304"));
        // a boolean that is not 0 or 1, or not one byte
        assertThat(ValueTypes.decodeStatus(8, bytes("02"))).isEqualTo(new TypedValue.Unsigned(2, "02"));
        assertThat(ValueTypes.decodeStatus(8, bytes("00 01"))).isEqualTo(new TypedValue.Unsigned(1, "0001"));
        // a uint8 setting sent as 4 bytes
        assertThat(ValueTypes.decodeSetting(2, bytes("00 00 00 09"))).isEqualTo(new TypedValue.Unsigned(9, "00000009"));
        // text with trailing NULs and an empty string
        assertThat(ValueTypes.decodeStatus(122, bytes("47 50 00 00"))).isEqualTo(new TypedValue.Text("GP", "47500000"));
        assertThat(ValueTypes.decodeStatus(29, new byte[0])).isEqualTo(new TypedValue.Text("", ""));
        // three bytes of a string status that are not text
        assertThat(ValueTypes.decodeStatus(29, bytes("ff fe 01"))).isEqualTo(new TypedValue.Bytes("fffe01"));
    }

    @Test
    void unknownIdsDecodeByLength() {
        assertThat(ValueTypes.status(3)).isEmpty();
        assertThat(ValueTypes.decodeStatus(3, bytes("00"))).isEqualTo(new TypedValue.Unsigned(0, "00"));
        assertThat(ValueTypes.decodeStatus(4, bytes("00 ff"))).isEqualTo(new TypedValue.Unsigned(255, "00ff"));
        assertThat(ValueTypes.decodeStatus(57, bytes("00 03 1e 78"))).isEqualTo(new TypedValue.Unsigned(204408, "00031e78"));
        TypedValue big = ValueTypes.decodeStatus(40, bytes("ff ff ff ff ff ff ff fe"));
        assertThat(((TypedValue.Unsigned) big).bigValue().toString()).isEqualTo("18446744073709551614");
        assertThat(ValueTypes.decodeStatus(200, bytes("01 02 03"))).isEqualTo(new TypedValue.Bytes("010203"));
        assertThat(ValueTypes.decodeSetting(200, new byte[0])).isEqualTo(new TypedValue.Bytes(""));
        assertThat(ValueTypes.decodeStatus(200, bytes("01 02 03")).raw()).isEqualTo(bytes("01 02 03"));
    }
}
