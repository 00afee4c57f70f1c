package io.camrig.ble.packet;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Hex helpers for readable test vectors: {@code "20:62:3c"}, {@code "20 62 3c"}, {@code "20623c"}. */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("[\\s:]", ""));
    }

    static List<byte[]> packets(String... hex) {
        List<byte[]> packets = new ArrayList<>();
        for (String h : hex) {
            packets.add(bytes(h));
        }
        return packets;
    }

    static String string(byte[] bytes) {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }

    /** A deterministic pseudo-random message of {@code length} bytes. */
    static byte[] message(int length, long seed) {
        byte[] message = new byte[length];
        long x = seed * 0x9E3779B97F4A7C15L + 1;
        for (int i = 0; i < length; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            message[i] = (byte) x;
        }
        return message;
    }
}
