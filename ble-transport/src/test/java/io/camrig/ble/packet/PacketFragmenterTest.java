package io.camrig.ble.packet;

import static io.camrig.ble.packet.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PacketFragmenterTest {

    private static List<String> hex(List<byte[]> packets) {
        return packets.stream().map(Hex::string).toList();
    }

    @Test
    void shortMessagesFromTheTutorialsGetAGeneralHeader() {
        // Tutorial 2: Set Shutter On, Load Video Preset Group; tutorial 3: Get Version;
        // tutorial 5: protobuf Set Turbo Active off; tutorial 6: Scan Wi-Fi networks request.
        assertThat(hex(PacketFragmenter.fragment(bytes("01:01:01")))).containsExactly("03:01:01:01");
        assertThat(hex(PacketFragmenter.fragment(bytes("3e:02:03:e8")))).containsExactly("04:3e:02:03:e8");
        assertThat(hex(PacketFragmenter.fragment(bytes("51")))).containsExactly("01:51");
        assertThat(hex(PacketFragmenter.fragment(bytes("f1:6b:08:00")))).containsExactly("04:f1:6b:08:00");
        assertThat(hex(PacketFragmenter.fragment(bytes("02:03:08:00:10:64:18:01"))))
                .containsExactly("08:02:03:08:00:10:64:18:01");
    }

    @Test
    void emptyMessageIsOneHeaderByte() {
        assertThat(hex(PacketFragmenter.fragment(new byte[0]))).containsExactly("00");
        assertThat(hex(PacketFragmenter.fragment(new byte[0], HeaderKind.EXTENDED_13))).containsExactly("20:00");
        assertThat(hex(PacketFragmenter.fragment(new byte[0], HeaderKind.EXTENDED_16))).containsExactly("40:00:00");
    }

    @Test
    void nineteenBytesFitOnePacketTwentyNeedTwo() {
        List<byte[]> nineteen = PacketFragmenter.fragment(new byte[19]);
        assertThat(nineteen).hasSize(1);
        assertThat(nineteen.get(0)).hasSize(20).startsWith(0x13);

        List<byte[]> twenty = PacketFragmenter.fragment(new byte[20]);
        assertThat(twenty).hasSize(2);
        assertThat(twenty.get(0)).hasSize(20).startsWith(0x14);
        assertThat(twenty.get(1)).containsExactly(0x80, 0x00);
    }

    @Test
    void headerBoundaries() {
        // 31: the longest general header, 19 + 12 bytes.
        List<byte[]> p31 = PacketFragmenter.fragment(new byte[31]);
        assertThat(p31.get(0)[0]).isEqualTo((byte) 0x1F);
        assertThat(p31).extracting(p -> p.length).containsExactly(20, 13);
        // 32: extended 13-bit, 0x20 0x20, then 18 + 14 bytes.
        List<byte[]> p32 = PacketFragmenter.fragment(new byte[32]);
        assertThat(p32.get(0)).startsWith(0x20, 0x20);
        assertThat(p32).extracting(p -> p.length).containsExactly(20, 15);
        // 8191: the longest extended 13-bit, 0x3F 0xFF.
        assertThat(PacketFragmenter.fragment(new byte[8191]).get(0)).startsWith(0x3F, 0xFF);
        // 8192: extended 16-bit, 0x40 0x20 0x00, 17 message bytes in the start packet.
        List<byte[]> p8192 = PacketFragmenter.fragment(new byte[8192]);
        assertThat(p8192.get(0)).hasSize(20).startsWith(0x40, 0x20, 0x00);
        assertThat(p8192).hasSize(1 + (8192 - 17 + 18) / 19);
        // 65535: the longest message of all.
        assertThat(PacketFragmenter.fragment(new byte[65535]).get(0)).startsWith(0x40, 0xFF, 0xFF);
    }

    @Test
    void smallestHeaderPicksByLength() {
        assertThat(HeaderKind.smallestFor(0)).isEqualTo(HeaderKind.GENERAL_5);
        assertThat(HeaderKind.smallestFor(31)).isEqualTo(HeaderKind.GENERAL_5);
        assertThat(HeaderKind.smallestFor(32)).isEqualTo(HeaderKind.EXTENDED_13);
        assertThat(HeaderKind.smallestFor(8191)).isEqualTo(HeaderKind.EXTENDED_13);
        assertThat(HeaderKind.smallestFor(8192)).isEqualTo(HeaderKind.EXTENDED_16);
        assertThat(HeaderKind.smallestFor(65535)).isEqualTo(HeaderKind.EXTENDED_16);
    }

    @Test
    void messageOver65535BytesIsRejected() {
        assertThatThrownBy(() -> PacketFragmenter.fragment(new byte[65536]))
                .isInstanceOfSatisfying(MessageTooLongException.class, e -> {
                    assertThat(e.length()).isEqualTo(65536);
                    assertThat(e.limit()).isEqualTo(65535);
                });
    }

    @Test
    void forcedExtended13HeaderAsTheSpecTipRecommends() {
        assertThat(hex(PacketFragmenter.fragment(bytes("01:01:01"), HeaderKind.EXTENDED_13)))
                .containsExactly("20:03:01:01:01");
        assertThatThrownBy(() -> PacketFragmenter.fragment(new byte[8192], HeaderKind.EXTENDED_13))
                .isInstanceOfSatisfying(MessageTooLongException.class,
                        e -> assertThat(e.limit()).isEqualTo(8191));
        assertThatThrownBy(() -> PacketFragmenter.fragment(new byte[32], HeaderKind.GENERAL_5))
                .isInstanceOfSatisfying(MessageTooLongException.class,
                        e -> assertThat(e.limit()).isEqualTo(31));
    }

    @Test
    void continuationCounterWrapsAfter0xF() {
        // 18 bytes in the start packet, then 20 continuations of 19 bytes.
        List<byte[]> packets = PacketFragmenter.fragment(new byte[18 + 20 * 19]);
        assertThat(packets).hasSize(21);
        assertThat(packets.subList(1, 21)).extracting(p -> p[0] & 0xFF).containsExactly(
                0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87,
                0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F,
                0x80, 0x81, 0x82, 0x83);
    }

    @Test
    void reproducesTheCamerasPacketsOfTutorial3HardwareInfo() {
        // The 98-byte Get Hardware Info response logged in tutorial 3 (Python log): the camera's
        // packetization is exactly ours.
        List<byte[]> camera = Hex.packets(SpecVectors.HARDWARE_INFO_98);
        byte[] message = assemble(camera);
        assertThat(hex(PacketFragmenter.fragment(message))).isEqualTo(hex(camera));
    }

    @Test
    void resultIsUnmodifiableAndInputUntouched() {
        byte[] message = Hex.message(100, 7);
        byte[] copy = message.clone();
        List<byte[]> packets = PacketFragmenter.fragment(message);
        assertThat(message).isEqualTo(copy);
        assertThat(packets).allSatisfy(p -> assertThat(p.length).isBetween(1, PacketFragmenter.MAX_PACKET_SIZE));
        assertThatThrownBy(() -> packets.add(new byte[1])).isInstanceOf(UnsupportedOperationException.class);
    }

    private static byte[] assemble(List<byte[]> packets) {
        PacketReassembler reassembler = new PacketReassembler();
        byte[] result = null;
        for (byte[] packet : packets) {
            result = reassembler.accept(packet).orElse(null);
        }
        return result;
    }
}
