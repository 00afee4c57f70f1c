package io.camrig.simulator.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/**
 * Writes the head of a simulated recording as a small valid MP4 (ISO/IEC 14496-12, QuickTime
 * conventions where GoPro uses them), without video:
 * <pre>
 * ftyp  mp41
 * moov  mvhd (timescale 90000, creation = the camera's clock at start, whole seconds since 1904)
 *       udta  FIRM (firmware text), CAME (16-byte camera id)
 *       trak  tmcd track: hdlr "tmcd" "GoPro TCD", stsd tmcd entry (30000/1001 fps, 30 frames,
 *             24-hour flag), one 4-byte sample: frames since the camera's midnight at start
 *       trak  meta track: hdlr "meta" "GoPro MET", stsd gpmd entry, one GPMF payload
 * mdat  tmcd sample, GPMF payload, then filler up to the file's size
 * </pre>
 * The filler is the card's pseudo-random content, so a file of any configured size stays a valid
 * MP4 whose {@code mdat} runs to the end of the file.
 */
public final class Mp4Writer {
    /** The timecode's rate: 30000/1001 (29.97) fps, as a GoPro records "30". */
    public static final int TC_TIMESCALE = 30000;
    public static final int TC_FRAME_DURATION = 1001;
    private static final int MOVIE_TIMESCALE = 90000;
    private static final long MP4_EPOCH_OFFSET = 2_082_844_800L;

    private Mp4Writer() {
    }

    /**
     * The file's head: everything before the filler. The {@code mdat} header declares
     * {@code max(fileSize, head length) − mdat offset} bytes.
     */
    public static byte[] head(RecordingFacts f, long fileSize) {
        byte[] ftyp = box("ftyp", ascii("mp41"), u32(0), ascii("mp41"));
        byte[] tc = u32(startFrame(f));
        byte[] gpmf = GpmfWriter.payload(f);
        byte[] moov = moov(f, 0, 0, gpmf.length);
        long mdatOffset = ftyp.length + moov.length;
        long tcOffset = mdatOffset + 8;
        moov = moov(f, tcOffset, tcOffset + tc.length, gpmf.length);
        long headLength = mdatOffset + 8 + tc.length + gpmf.length;
        long mdatSize = Math.max(fileSize, headLength) - mdatOffset;
        if (mdatSize > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("files over 4 GiB are not simulated");
        }
        return concat(ftyp, moov, u32(mdatSize), ascii("mdat"), tc, gpmf);
    }

    /** Frames since midnight of the camera's clock at the start, at 30000/1001 fps (floor). */
    public static long startFrame(RecordingFacts f) {
        long nanosOfDay = f.encodingStart().toLocalTime().toNanoOfDay();
        return Math.floorDiv(nanosOfDay * 3, TC_FRAME_DURATION * 100_000L);   // × 30000 / (1001 × 1e9)
    }

    private static byte[] moov(RecordingFacts f, long tcOffset, long gpmfOffset, int gpmfLength) {
        long created = f.encodingStart().toEpochSecond(ZoneOffset.UTC) + MP4_EPOCH_OFFSET;
        long lengthMs = f.length().toMillis();
        byte[] mvhd = box("mvhd", u32(0), u32(created), u32(created), u32(MOVIE_TIMESCALE),
                u32(Math.min(0xFFFF_FFFFL, lengthMs * MOVIE_TIMESCALE / 1000)), u32(0x0001_0000), u16(0x0100),
                new byte[10], matrix(), new byte[24], u32(3));
        byte[] came = new byte[16];
        byte[] id = f.cameraId().getBytes(StandardCharsets.UTF_8);
        System.arraycopy(id, 0, came, 0, Math.min(16, id.length));
        byte[] udta = box("udta", box("FIRM", f.firmware().getBytes(StandardCharsets.UTF_8)), box("CAME", came));
        byte[] tmcdEntry = box("tmcd", new byte[6], u16(1), u32(0), u32(2), u32(TC_TIMESCALE),
                u32(TC_FRAME_DURATION), new byte[] {30, 0});
        long frames = lengthMs * TC_TIMESCALE / 1000 / TC_FRAME_DURATION;
        byte[] tmcd = trak(1, created, "tmcd", "GoPro TCD", TC_TIMESCALE, frames * TC_FRAME_DURATION, tmcdEntry,
                4, tcOffset);
        byte[] gpmdEntry = box("gpmd", new byte[6], u16(1), u32(0));
        byte[] meta = trak(2, created, "meta", "GoPro MET", 1000, lengthMs, gpmdEntry, gpmfLength, gpmfOffset);
        return box("moov", mvhd, udta, tmcd, meta);
    }

    private static byte[] trak(int id, long created, String handler, String name, int timescale, long duration,
                               byte[] entry, int sampleSize, long sampleOffset) {
        byte[] tkhd = box("tkhd", u32(0x0000_000F), u32(created), u32(created), u32(id), u32(0),
                u32(Math.min(0xFFFF_FFFFL, duration * MOVIE_TIMESCALE / timescale)), new byte[8], u16(0), u16(0),
                u16(0), u16(0), matrix(), u32(0), u32(0));
        byte[] mdhd = box("mdhd", u32(0), u32(created), u32(created), u32(timescale),
                u32(Math.min(0xFFFF_FFFFL, duration)), u16(0x55C4), u16(0));
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        byte[] hdlr = box("hdlr", u32(0), ascii("mhlr"), ascii(handler), new byte[12],
                new byte[] {(byte) nameBytes.length}, nameBytes);
        byte[] dinf = box("dinf", box("dref", u32(0), u32(1), box("url ", u32(1))));
        byte[] stbl = box("stbl",
                box("stsd", u32(0), u32(1), entry),
                box("stts", u32(0), u32(1), u32(1), u32(Math.min(0xFFFF_FFFFL, duration))),
                box("stsc", u32(0), u32(1), u32(1), u32(1), u32(1)),
                box("stsz", u32(0), u32(sampleSize), u32(1)),
                box("stco", u32(0), u32(1), u32(sampleOffset)));
        byte[] minf = box("minf", box("nmhd", u32(0)), dinf, stbl);
        return box("trak", tkhd, box("mdia", mdhd, hdlr, minf));
    }

    private static byte[] matrix() {
        return concat(u32(0x0001_0000), u32(0), u32(0), u32(0), u32(0x0001_0000), u32(0), u32(0), u32(0),
                u32(0x4000_0000));
    }

    static byte[] box(String type, byte[]... parts) {
        byte[] body = concat(parts);
        return concat(u32(8L + body.length), ascii(type), body);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] u32(long v) {
        return ByteBuffer.allocate(4).putInt((int) v).array();
    }

    static byte[] u16(int v) {
        return ByteBuffer.allocate(2).putShort((short) v).array();
    }
}
