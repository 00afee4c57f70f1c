package io.camrig.proto.testutil;

import java.util.HexFormat;

/** Hex vectors as the spec prints them: "05:12:00", "05 12 00" or "051200". */
public final class Hex {
    private Hex() {
    }

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("[\\s:]", ""));
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Concatenates packets after dropping each one's header (2 bytes for the first, 1 after). */
    public static byte[] stripHeaders(int startHeaderLength, String... packets) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < packets.length; i++) {
            byte[] p = bytes(packets[i]);
            int skip = i == 0 ? startHeaderLength : 1;
            out.write(p, skip, p.length - skip);
        }
        return out.toByteArray();
    }
}
