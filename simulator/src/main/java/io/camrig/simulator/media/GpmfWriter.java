package io.camrig.simulator.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The one GPMF payload a simulated recording carries (KLV as in github.com/gopro/gpmf-parser's
 * README: key, type, structure size, u16 repeat, big-endian, padded to 32 bits; type 0 nests):
 * <pre>
 * DEVC { DVID L 1, DVNM c "&lt;model&gt;",
 *        STRM { STMP J &lt;µs since the camera's midnight at start&gt;, STNM c "Camera temperature",
 *               SIUN c "°C", TMPC f 40.0 } }
 * </pre>
 * No GPS stream: a simulated camera has no fix, as a camera indoors would not.
 */
final class GpmfWriter {
    private GpmfWriter() {
    }

    static byte[] payload(RecordingFacts f) {
        long micros = f.encodingStart().toLocalTime().toNanoOfDay() / 1000;
        byte[] strm = Mp4Writer.concat(
                klv("STMP", 'J', 8, 1, ByteBuffer.allocate(8).putLong(micros).array()),
                klv("STNM", 'c', 1, 18, "Camera temperature".getBytes(StandardCharsets.ISO_8859_1)),
                klv("SIUN", 'c', 2, 1, new byte[] {(byte) 0xB0, 'C'}),
                klv("TMPC", 'f', 4, 1, ByteBuffer.allocate(4).putFloat(40.0f).array()));
        byte[] model = f.model().getBytes(StandardCharsets.ISO_8859_1);
        byte[] devc = Mp4Writer.concat(
                klv("DVID", 'L', 4, 1, Mp4Writer.u32(1)),
                klv("DVNM", 'c', 1, Math.min(model.length, 255), model),
                nested("STRM", strm));
        return nested("DEVC", devc);
    }

    private static byte[] nested(String key, byte[] body) {
        return klv(key, '\0', 4, body.length / 4, body);
    }

    private static byte[] klv(String key, char type, int structSize, int repeat, byte[] value) {
        int length = structSize * repeat;
        int padded = (length + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocate(8 + padded);
        b.put(key.getBytes(StandardCharsets.US_ASCII)).put((byte) type).put((byte) structSize)
                .putShort((short) repeat).put(value, 0, length);
        return b.array();
    }
}
