package io.camrig.footage.testutil;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MP4 bytes for tests: a box builder, a small GoPro-like recording (the layout the simulator writes:
 * ftyp, moov with mvhd, udta FIRM/CAME, a tmcd and a gpmd track, then mdat), and a walker that lists
 * every box of a file with its place, for tests that cut and overwrite real files box by box.
 */
public final class Mp4Bytes {
    /** Boxes whose body is a list of boxes (stsd's after an 8-byte count header). */
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "udta", "dinf",
            "edts", "tref", "stsd");

    private Mp4Bytes() {
    }

    /**
     * One box found by {@link #walk}.
     *
     * @param type its type
     * @param offset where its header starts in the file
     * @param header 8, or 16 with a 64-bit size
     * @param size the whole box, bytes
     * @param ancestors the header offsets of the boxes it is inside, outermost first (32-bit sizes)
     */
    public record At(String type, int offset, int header, long size, List<Integer> ancestors) {
        public int body() {
            return offset + header;
        }

        public long end() {
            return offset + size;
        }
    }

    /** Every box of a well-formed file, depth first, in file order. */
    public static List<At> walk(byte[] file) {
        List<At> out = new ArrayList<>();
        walk(file, 0, file.length, List.of(), out);
        return out;
    }

    private static void walk(byte[] d, int from, int to, List<Integer> ancestors, List<At> out) {
        ByteBuffer b = ByteBuffer.wrap(d);
        int at = from;
        while (at + 8 <= to) {
            long size = Integer.toUnsignedLong(b.getInt(at));
            String type = new String(d, at + 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                size = b.getLong(at + 8);
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            At box = new At(type, at, header, size, ancestors);
            out.add(box);
            if (CONTAINERS.contains(type)) {
                List<Integer> inside = new ArrayList<>(ancestors);
                inside.add(at);
                walk(d, box.body() + (type.equals("stsd") ? 8 : 0), (int) box.end(), List.copyOf(inside), out);
            }
            at += (int) size;
        }
    }

    /** {@code file} with {@code extra} inserted at {@code at}, and every ancestor's 32-bit size grown to hold it. */
    public static byte[] insert(byte[] file, int at, byte[] extra, List<Integer> ancestors) {
        byte[] out = new byte[file.length + extra.length];
        System.arraycopy(file, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(file, at, out, at + extra.length, file.length - at);
        ByteBuffer b = ByteBuffer.wrap(out);
        for (int a : ancestors) {
            b.putInt(a, b.getInt(a) + extra.length);
        }
        return out;
    }

    public static byte[] box(String type, byte[]... parts) {
        byte[] body = concat(parts);
        return concat(u32(8L + body.length), ascii(type), body);
    }

    /** A box with a 64-bit size (header size field 1). */
    public static byte[] largeBox(String type, byte[]... parts) {
        byte[] body = concat(parts);
        return concat(u32(1), ascii(type), u64(16L + body.length), body);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] u8(int v) {
        return new byte[] {(byte) v};
    }

    public static byte[] u16(int v) {
        return ByteBuffer.allocate(2).putShort((short) v).array();
    }

    public static byte[] u32(long v) {
        return ByteBuffer.allocate(4).putInt((int) v).array();
    }

    public static byte[] u64(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    /** A version-0 {@code mvhd}: creation time (s since 1904), timescale, duration. */
    public static byte[] mvhd(long creation, long timescale, long duration) {
        return box("mvhd", u32(0), u32(creation), u32(creation), u32(timescale), u32(duration), u32(0x0001_0000),
                u16(0x0100), new byte[10], new byte[36], new byte[24], u32(3));
    }

    /** A version-1 {@code mvhd} (64-bit times and duration). */
    public static byte[] mvhdV1(long creation, long timescale, long duration) {
        return box("mvhd", u32(0x0100_0000), u64(creation), u64(creation), u32(timescale), u64(duration),
                u32(0x0001_0000), u16(0x0100), new byte[10], new byte[36], new byte[24], u32(3));
    }

    /** A {@code tmcd} sample entry (QuickTime timecode sample description). */
    public static byte[] tmcdEntry(int flags, long timescale, long frameDuration, int frames) {
        return box("tmcd", new byte[6], u16(1), u32(0), u32(flags), u32(timescale), u32(frameDuration),
                u8(frames), u8(0));
    }

    /** A {@code gpmd} sample entry. */
    public static byte[] gpmdEntry() {
        return box("gpmd", new byte[6], u16(1), u32(0));
    }

    /**
     * A {@code trak} with one sample of {@code sampleSize} bytes at {@code sampleOffset}, its chunk
     * offset in {@code stco}, or in {@code co64} when {@code co64}.
     */
    public static byte[] trak(String handler, String name, byte[] entry, long sampleSize, long sampleOffset,
                              boolean co64) {
        byte[] nameBytes = ascii(name);
        byte[] hdlr = box("hdlr", u32(0), ascii("mhlr"), ascii(handler), new byte[12], u8(nameBytes.length),
                nameBytes);
        byte[] chunks = co64 ? box("co64", u32(0), u32(1), u64(sampleOffset))
                : box("stco", u32(0), u32(1), u32(sampleOffset));
        byte[] stbl = box("stbl", box("stsd", u32(0), u32(1), entry), box("stts", u32(0), u32(1), u32(1), u32(1001)),
                box("stsc", u32(0), u32(1), u32(1), u32(1), u32(1)), box("stsz", u32(0), u32(sampleSize), u32(1)),
                chunks);
        byte[] mdhd = box("mdhd", u32(0), u32(0), u32(0), u32(30000), u32(1001), u16(0x55C4), u16(0));
        return box("trak", box("tkhd", u32(0x0000_000F), new byte[80]),
                box("mdia", mdhd, hdlr, box("minf", box("nmhd", u32(0)), stbl)));
    }

    /**
     * A GoPro-like recording, moov before mdat as the simulator writes it: mvhd (2026-12-07
     * 10:15:30 camera clock, 3 s), udta FIRM "H23.01.02.32.00" and CAME, a tmcd track (29.97 fps,
     * {@code flags}, start frame {@code startFrame}) and a gpmd track holding {@code gpmf}.
     *
     * @param co64 chunk offsets as {@code co64} and the {@code mdat} with a 64-bit size
     */
    public static byte[] goproLike(long startFrame, int flags, byte[] gpmf, boolean co64) {
        byte[] ftyp = box("ftyp", ascii("mp41"), u32(0), ascii("mp41"));
        byte[] moov = moov(0, flags, gpmf.length, co64);
        int mdatHeader = co64 ? 16 : 8;
        long tcOffset = ftyp.length + moov.length + mdatHeader;
        moov = moov(tcOffset, flags, gpmf.length, co64);
        byte[] mdat = co64 ? largeBox("mdat", u32(startFrame), gpmf) : box("mdat", u32(startFrame), gpmf);
        return concat(ftyp, moov, mdat);
    }

    private static byte[] moov(long tcOffset, int flags, int gpmfLength, boolean co64) {
        long created = 3_974_177_730L;   // 2026-12-07T10:15:30 since 1904
        byte[] came = new byte[16];
        System.arraycopy(ascii("C3501324500001"), 0, came, 0, 14);
        return box("moov", mvhd(created, 90_000, 270_000),
                box("udta", box("FIRM", ascii("H23.01.02.32.00")), box("CAME", came)),
                trak("tmcd", "GoPro TCD", tmcdEntry(flags, 30000, 1001, 30), 4, tcOffset, co64),
                trak("meta", "GoPro MET", gpmdEntry(), gpmfLength, tcOffset + 4, co64));
    }
}
