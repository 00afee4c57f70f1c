package io.camrig.proto.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlvEntryTest {
    @ParameterizedTest(name = "{0}-byte value")
    @ValueSource(ints = {0, 1, 2, 4, 7, 8, 9, 16, 255})
    void aValueComesBackAsItWentIn(int length) {
        byte[] value = new byte[length];
        for (int i = 0; i < length; i++) {
            value[i] = (byte) (0xF0 - 3 * i);
        }
        TlvEntry entry = new TlvEntry(70, value);

        assertThat(entry.value()).containsExactly(value);
        assertThat(entry.length()).isEqualTo(length);
        assertThat(entry.toString()).isEqualTo("70=" + HexFormat.of().formatHex(value));
    }

    @Test
    void integersAreUnsignedBigEndian() {
        assertThat(new TlvEntry(2, new byte[] {(byte) 0xFF}).asLong()).isEqualTo(255);
        assertThat(new TlvEntry(2, new byte[] {0x01, 0x02}).asLong()).isEqualTo(0x0102);
        assertThat(new TlvEntry(2, new byte[] {(byte) 0x80, 0, 0, 0}).asLong()).isEqualTo(0x8000_0000L);
        assertThat(new TlvEntry(2, HexFormat.of().parseHex("0102030405060708")).asLong()).isEqualTo(0x0102030405060708L);
        assertThat(new TlvEntry(2, new byte[0]).asLong()).isZero();
        // Longer than 8 bytes: the last 8, as before.
        assertThat(new TlvEntry(2, HexFormat.of().parseHex("FF0102030405060708")).asLong()).isEqualTo(0x0102030405060708L);
    }

    @Test
    void copyOfReadsOnlyItsRangeAndEqualsTheCopyingConstructor() {
        byte[] message = HexFormat.of().parseHex("930002010146014400");
        TlvEntry fromMessage = TlvEntry.copyOf(70, message, 7, 1);
        TlvEntry built = new TlvEntry(70, new byte[] {0x44});

        assertThat(fromMessage).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(fromMessage).isNotEqualTo(new TlvEntry(70, new byte[] {0x00, 0x44}));
        assertThat(fromMessage).isNotEqualTo(new TlvEntry(71, new byte[] {0x44}));
        message[7] = 0;
        assertThat(fromMessage.asLong()).isEqualTo(0x44);
    }

    @Test
    void longValuesAreCopiedInAndOut() {
        byte[] name = "GoPro 1234\0\0".getBytes(StandardCharsets.UTF_8);
        TlvEntry entry = new TlvEntry(30, name);
        name[0] = 'X';
        entry.value()[1] = 'X';

        assertThat(entry.asString()).isEqualTo("GoPro 1234");
        assertThat(entry).isEqualTo(TlvEntry.copyOf(30, "GoPro 1234\0\0".getBytes(StandardCharsets.UTF_8), 0, 12));
    }

    @Test
    void badIdsLengthsAndRangesAreRefused() {
        assertThatThrownBy(() -> new TlvEntry(256, new byte[1])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one byte");
        assertThatThrownBy(() -> new TlvEntry(1, new byte[256])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("255");
        assertThatThrownBy(() -> TlvEntry.copyOf(1, new byte[4], 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
