package io.camrig.ble.packet;

import static io.camrig.ble.packet.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Valid packet streams: the spec's byte examples, header variants, diagnostics. */
class PacketReassemblerTest {
    private final PacketReassembler reassembler = new PacketReassembler();

    private byte[] single(String hex) {
        Optional<byte[]> message = reassembler.accept(bytes(hex));
        assertThat(message).as("single-packet message %s", hex).isPresent();
        assertThat(reassembler.inProgress()).isFalse();
        return message.get();
    }

    @Test
    void singlePacketResponsesFromTheTutorials() {
        // Tutorial 2: Set Shutter response, command 0x01, status 0x00 (success).
        assertThat(single("02:01:00")).containsExactly(0x01, 0x00);
        // Tutorial 3: Get Open GoPro Version 0x51, success, version 2.0 as two length-value pairs.
        assertThat(single("06:51:00:01:02:01:00")).containsExactly(0x51, 0x00, 0x01, 0x02, 0x01, 0x00);
        // Tutorial 4: Get Setting Values 0x12, success, setting 2 (resolution) = 9 (1080).
        assertThat(single("05:12:00:02:01:09")).containsExactly(0x12, 0x00, 0x02, 0x01, 0x09);
        // Tutorial 4: two settings in one response, 11 bytes.
        assertThat(single("0b:12:00:02:01:09:03:01:00:79:01:00")).hasSize(11).startsWith(0x12, 0x00);
        // Tutorial 5: protobuf response, feature 0xF1 action 0xEB, field 1 = 1.
        assertThat(single("04:f1:eb:08:01")).containsExactly(0xF1, 0xEB, 0x08, 0x01);
    }

    /**
     * Feeds a tutorial's packets, checking the remaining byte count the tutorial logged after
     * each one, and returns the message.
     */
    private byte[] multi(String[] packets, int... remainingAfterEach) {
        List<Optional<byte[]>> results = new ArrayList<>();
        for (int i = 0; i < packets.length; i++) {
            results.add(reassembler.accept(bytes(packets[i])));
            int remaining = reassembler.inProgress() ? reassembler.expectedLength() - reassembler.received() : 0;
            assertThat(remaining).as("bytes remaining after packet %d", i).isEqualTo(remainingAfterEach[i]);
        }
        assertThat(results.subList(0, packets.length - 1)).allMatch(Optional::isEmpty);
        return results.get(packets.length - 1).orElseThrow();
    }

    @Test
    void tutorial3HardwareInfoPythonLog() {
        byte[] message = multi(SpecVectors.HARDWARE_INFO_98, 80, 61, 42, 23, 4, 0);
        assertThat(message).hasSize(98).startsWith(0x3C, 0x00).endsWith(0x5B, 0x5D, 0x01, 0x01);
        String text = new String(message, StandardCharsets.US_ASCII);
        assertThat(text).contains("HERO12 Black", "H23.01.01.99.56", "C3501324500702",
                "HERO12 Blackdebug", "2674f7f66104");
    }

    @Test
    void tutorial3HardwareInfoKotlinLog() {
        byte[] message = multi(SpecVectors.HARDWARE_INFO_91, 73, 54, 35, 16, 0);
        assertThat(message).hasSize(91).startsWith(0x3C, 0x00);
        assertThat(new String(message, StandardCharsets.US_ASCII)).contains("GP24500702");
    }

    @Test
    void tutorial6ScanResults() {
        byte[] message = multi(SpecVectors.SCAN_RESULTS_118, 100, 81, 62, 43, 24, 5, 0);
        assertThat(message).hasSize(118).startsWith(0x02, 0x83);
        assertThat(new String(message, StandardCharsets.US_ASCII)).contains("dabugdabug", "Homeynet_2GEXT");
    }

    @Test
    void tutorial9CohnStatus() {
        byte[] message = multi(SpecVectors.COHN_STATUS_71, 53, 34, 15, 0);
        assertThat(message).hasSize(71).startsWith(0xF5, 0xEF);
        assertThat(new String(message, StandardCharsets.US_ASCII)).contains("gopro", "192.168.50.103");
    }

    @Test
    void emptyMessagesWithEveryHeader() {
        assertThat(single("00")).isEmpty();
        assertThat(single("20:00")).isEmpty();
        assertThat(single("40:00:00")).isEmpty();
    }

    @Test
    void extendedHeadersMayDeclareShortMessages() {
        assertThat(single("20:03:01:02:03")).containsExactly(1, 2, 3);
        assertThat(single("40:00:03:01:02:03")).containsExactly(1, 2, 3);
        // Reserved bits of the 16-bit header are ignored.
        assertThat(single("5f:00:01:07")).containsExactly(7);
    }

    @Test
    void extended16BitStartAndDiagnostics() {
        // 0x40 0x20 0x00 declares 8192 bytes; 17 arrive in the start packet.
        byte[] start = new byte[20];
        start[0] = 0x40;
        start[1] = 0x20;
        assertThat(reassembler.accept(start)).isEmpty();
        assertThat(reassembler.inProgress()).isTrue();
        assertThat(reassembler.expectedLength()).isEqualTo(8192);
        assertThat(reassembler.received()).isEqualTo(17);
        reassembler.reset();
        assertThat(reassembler.inProgress()).isFalse();
        assertThat(reassembler.expectedLength()).isZero();
        assertThat(reassembler.received()).isZero();
    }

    @Test
    void packetsLargerThan20BytesAreAcceptedForLargerMtus() {
        byte[] start = new byte[PacketReassembler.MAX_PACKET_LENGTH];
        start[0] = 0x40;
        start[1] = 0x03;
        start[2] = (byte) 0xE8; // 1000 bytes
        assertThat(reassembler.accept(start)).isEmpty();
        byte[] rest = new byte[1 + 1000 - 509];
        rest[0] = (byte) 0x80;
        assertThat(reassembler.accept(rest)).get().satisfies(m -> assertThat(m).hasSize(1000));
    }

    @Test
    void theReturnedArrayIsNotReused() {
        byte[] first = single("02:01:00");
        byte[] second = single("02:01:00");
        assertThat(first).isNotSameAs(second);
        first[0] = 9;
        assertThat(second).containsExactly(0x01, 0x00);
    }

    @Test
    void limitIsInclusive() {
        PacketReassembler limited = new PacketReassembler(100);
        assertThat(limited.maxMessageLength()).isEqualTo(100);
        assertThat(limited.accept(bytes("20:64:01"))).isEmpty();
        assertThat(limited.expectedLength()).isEqualTo(100);
        assertThat(new PacketReassembler().maxMessageLength()).isEqualTo(65535);
    }

    @Test
    void invalidArguments() {
        assertThatThrownBy(() -> new PacketReassembler(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reassembler.accept(null)).isInstanceOf(NullPointerException.class);
    }
}
