package io.camrig.benchmarks.support;

import io.camrig.ble.packet.PacketFragmenter;
import io.camrig.proto.id.QueryId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The message sizes of a camera's notification stream, as issue 8 defines the mix: 70% of 3–19
 * bytes (one packet: status and setting pushes, command responses), 25% of 50–400 bytes (3–22
 * packets: query responses, protobuf notifications), 5% of 1,000–8,000 bytes (53–422 packets:
 * get-all-settings, media lists). Every stream is generated from a fixed seed, so runs compare.
 */
public final class MessageMix {
    /** The length of every message of the "large" stream, bytes (422 packets). */
    public static final int LARGE_MESSAGE = 8000;

    private MessageMix() {
    }

    /** The next message length of the mix, bytes. */
    public static int mixedLength(SplittableRandom random) {
        int bucket = random.nextInt(100);
        return bucket < 70 ? random.nextInt(3, 20)
                : bucket < 95 ? random.nextInt(50, 401)
                : random.nextInt(1000, 8001);
    }

    /** {@code count} random-byte messages with the lengths of the mix. */
    public static List<byte[]> mixedMessages(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] message = new byte[mixedLength(random)];
            random.nextBytes(message);
            messages.add(message);
        }
        return messages;
    }

    /** {@code count} random-byte messages of {@value #LARGE_MESSAGE} bytes. */
    public static List<byte[]> largeMessages(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] message = new byte[LARGE_MESSAGE];
            random.nextBytes(message);
            messages.add(message);
        }
        return messages;
    }

    /**
     * Well-formed GP-0077 push notifications with the lengths of the mix (a 3-byte length becomes
     * 4, the shortest push with one entry). Up to 400 bytes they are status pushes (0x93) of
     * 1- and 4-byte values, as a camera sends; longer ones are setting pushes (0x92), which the
     * engine routes without touching its status cache.
     */
    public static List<byte[]> mixedPushes(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(push(random, Math.max(4, mixedLength(random))));
        }
        return messages;
    }

    /**
     * One push notification of exactly {@code length} bytes: {@code [0x93|0x92][00]} then
     * {@code [id][len][value…]} entries with 1- or 4-byte values (one entry may be longer to make
     * the length exact).
     *
     * @param length 2 or at least 4
     */
    public static byte[] push(SplittableRandom random, int length) {
        if (length < 2 || length == 3) {
            throw new IllegalArgumentException("a push is 2 or at least 4 bytes, got " + length);
        }
        byte[] m = new byte[length];
        m[0] = (byte) (length <= 400 ? QueryId.STATUS_VALUE_PUSH : QueryId.SETTING_VALUE_PUSH);
        m[1] = 0;
        int pos = 2;
        while (pos < length) {
            int left = length - pos;
            int value = Math.min(random.nextBoolean() ? 1 : 4, left - 2);
            if (left - 2 - value == 1) {
                value = value < 255 ? value + 1 : value - 1;
            }
            m[pos] = (byte) random.nextInt(1, 121);
            m[pos + 1] = (byte) value;
            for (int i = 0; i < value; i++) {
                m[pos + 2 + i] = (byte) random.nextInt(2);
            }
            pos += 2 + value;
        }
        return m;
    }

    /** Every message packetized by {@link PacketFragmenter} with the smallest header, in order. */
    public static byte[][] packets(List<byte[]> messages) {
        List<byte[]> packets = new ArrayList<>();
        for (byte[] message : messages) {
            packets.addAll(PacketFragmenter.fragment(message));
        }
        return packets.toArray(byte[][]::new);
    }

    /**
     * Bytes the JVM must allocate for the messages themselves, per packet: the floor of any
     * reassembler that hands each message out as a fresh {@code byte[]} (16-byte array header,
     * size rounded up to 8 bytes, as on a 64-bit HotSpot with compressed class pointers).
     */
    public static double messageBytesPerPacket(List<byte[]> messages) {
        long bytes = 0;
        for (byte[] m : messages) {
            bytes += (16 + m.length + 7) & ~7L;
        }
        return (double) bytes / packets(messages).length;
    }

    /**
     * Moves a freshly built packet stream out of the young generation now, in order, before it is
     * measured. Otherwise the young collections caused by the messages being measured copy the
     * 58,484 small packet arrays with several GC threads at once, in an interleaved order that
     * differs from run to run, and the stream's layout (and with it the score, 60 against 95 M
     * packets/s) becomes a roll of the dice. A full collection compacts them in their order; a
     * transport's packets are fresher still, written just before they are read.
     */
    public static void settle() {
        System.gc();
        System.gc();
    }
}
