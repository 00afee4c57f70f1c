package io.camrig.ble.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every message length 0..65535 goes through the fragmenter and back through one reassembler
 * per stripe of lengths (reused, as on a real characteristic): same bytes, the expected number of packets, every
 * packet at most 20 bytes, nothing returned before the last packet.
 */
class RoundTripPropertyTest {

    /** Packet count computed from the spec's arithmetic, independently of the fragmenter. */
    static int expectedPacketCount(int length) {
        int header = length <= 31 ? 1 : length <= 8191 ? 2 : 3;
        int inStart = Math.min(length, 20 - header);
        int rest = length - inStart;
        return 1 + (rest + 18) / 19;
    }

    /** Lengths are dealt round-robin to this many stripes, each with its own reassembler. */
    private static final int STRIPES = 8;

    @Test
    void everyLengthRoundTrips() {
        // One pseudo-random pool; each length takes a slice at a length-dependent offset.
        byte[] pool = Hex.message(2 * 65536, 20240404);
        long packetsSeen = IntStream.range(0, STRIPES).parallel()
                .mapToLong(stripe -> roundTripStripe(pool, stripe))
                .sum();
        long expected = 0;
        for (int length = 0; length <= 65535; length++) {
            expected += expectedPacketCount(length);
        }
        assertEquals(expected, packetsSeen);
    }

    /** Round-trips lengths {@code stripe, stripe + STRIPES, ...}; returns the packets seen. */
    private static long roundTripStripe(byte[] pool, int stripe) {
        PacketReassembler reassembler = new PacketReassembler();
        long packetsSeen = 0;
        for (int length = stripe; length <= 65535; length += STRIPES) {
            int offset = (int) ((length * 2654435761L) & 0xFFFF);
            byte[] message = Arrays.copyOfRange(pool, offset, offset + length);
            List<byte[]> packets = PacketFragmenter.fragment(message);
            if (packets.size() != expectedPacketCount(length)) {
                fail("length " + length + ": " + packets.size() + " packets, expected " + expectedPacketCount(length));
            }
            Optional<byte[]> result = Optional.empty();
            for (int i = 0; i < packets.size(); i++) {
                byte[] packet = packets.get(i);
                if (packet.length > PacketFragmenter.MAX_PACKET_SIZE || result.isPresent()) {
                    fail("length " + length + ", packet " + i + ": " + packet.length + " bytes, early=" + result.isPresent());
                }
                result = reassembler.accept(packet);
            }
            assertTrue(result.isPresent(), () -> "no message for length " + message.length);
            assertArrayEquals(message, result.get(), () -> "length " + message.length);
            packetsSeen += packets.size();
        }
        assertFalse(reassembler.inProgress());
        assertEquals(0, reassembler.duplicatesDropped());
        return packetsSeen;
    }

    @Test
    void everyLengthRoundTripsWithTheForcedExtended13Header() {
        byte[] pool = Hex.message(8192, 8191);
        PacketReassembler reassembler = new PacketReassembler(8191);
        for (int length = 0; length <= 8191; length++) {
            byte[] message = Arrays.copyOf(pool, length);
            List<byte[]> packets = PacketFragmenter.fragment(message, HeaderKind.EXTENDED_13);
            assertEquals(1 + (Math.max(0, length - 18) + 18) / 19, packets.size(), "length " + length);
            Optional<byte[]> result = Optional.empty();
            for (byte[] packet : packets) {
                result = reassembler.accept(packet);
            }
            assertArrayEquals(message, result.orElseThrow(), "length " + length);
        }
    }
}
