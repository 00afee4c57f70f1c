package io.camrig.footage.mp4;

import io.camrig.footage.error.FootageFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One {@code trak}: {@code mdia/mdhd} (timescale, duration; v0/v1), {@code mdia/hdlr} (handler
 * type at body offset 8, name after 24 bytes: a counted string on QuickTime/GoPro files, a
 * C string on ISO ones), {@code mdia/minf/stbl}: {@code stsd} (entry count u32, then the first
 * entry: size u32, format 4cc, body), {@code stsz} (sample size u32, count u32, then sizes when
 * the size is 0), {@code stco} (count u32, u32 offsets) or {@code co64} (u64 offsets).
 */
final class TrackParser {
    private TrackParser() {
    }

    static Track parse(Box trak) {
        Box mdia = trak.child("mdia").orElseThrow(() -> bad(trak, "trak has no mdia"));
        long timescale = 0;
        long duration = 0;
        Box mdhd = mdia.child("mdhd").orElseThrow(() -> bad(mdia, "mdia has no mdhd"));
        ByteBuffer b = mdhd.reader();
        Box.need(b, 4, "mdhd", mdhd.offset());
        int version = b.get() & 0xFF;
        b.position(4);
        if (version == 1) {
            Box.need(b, 28, "mdhd v1", mdhd.offset());
            b.position(4 + 16);
            timescale = Integer.toUnsignedLong(b.getInt());
            duration = b.getLong();
        } else {
            Box.need(b, 16, "mdhd v0", mdhd.offset());
            b.position(4 + 8);
            timescale = Integer.toUnsignedLong(b.getInt());
            duration = Integer.toUnsignedLong(b.getInt());
        }
        String handler = "";
        String name = "";
        var hdlr = mdia.child("hdlr");
        if (hdlr.isPresent()) {
            ByteBuffer h = hdlr.get().reader();
            Box.need(h, 12, "hdlr", hdlr.get().offset());
            h.position(8);
            handler = Box.fourCc(h);
            if (h.remaining() > 12) {
                h.position(24);
                byte[] raw = new byte[h.remaining()];
                h.get(raw);
                name = handlerName(raw);
            }
        }
        Box stbl = mdia.path("minf", "stbl").orElseThrow(() -> bad(mdia, "track has no minf/stbl"));
        String format = "";
        ByteBuffer entry = ByteBuffer.allocate(0);
        var stsd = stbl.child("stsd");
        if (stsd.isPresent()) {
            ByteBuffer s = stsd.get().reader();
            Box.need(s, 8, "stsd", stsd.get().offset());
            long count = Integer.toUnsignedLong(s.getInt(4));
            if (count > 0) {
                s.position(8);
                var entries = Box.children(s, stsd.get().offset() + 16);
                if (!entries.isEmpty()) {
                    format = entries.get(0).type();
                    entry = entries.get(0).body();
                }
            }
        }
        long sampleCount = 0;
        long firstSize = -1;
        var stsz = stbl.child("stsz");
        if (stsz.isPresent()) {
            ByteBuffer z = stsz.get().reader();
            Box.need(z, 12, "stsz", stsz.get().offset());
            long fixed = Integer.toUnsignedLong(z.getInt(4));
            sampleCount = Integer.toUnsignedLong(z.getInt(8));
            if (sampleCount > 0) {
                if (fixed != 0) {
                    firstSize = fixed;
                } else {
                    z.position(12);
                    Box.need(z, 4, "stsz entries", stsz.get().offset());
                    firstSize = Integer.toUnsignedLong(z.getInt());
                }
            }
        }
        long firstOffset = -1;
        var stco = stbl.child("stco");
        var co64 = stbl.child("co64");
        if (stco.isPresent() || co64.isPresent()) {
            Box c = stco.orElseGet(co64::get);
            ByteBuffer o = c.reader();
            Box.need(o, 8, c.type(), c.offset());
            long chunks = Integer.toUnsignedLong(o.getInt(4));
            if (chunks > 0) {
                o.position(8);
                Box.need(o, stco.isPresent() ? 4 : 8, c.type() + " entries", c.offset());
                firstOffset = stco.isPresent() ? Integer.toUnsignedLong(o.getInt()) : o.getLong();
            }
        }
        if (firstOffset < 0) {
            firstSize = -1;
        }
        return new Track(handler, name, timescale, duration, format, entry, sampleCount, firstOffset, firstSize);
    }

    /** A counted (Pascal) string when the first byte is the rest's length, else up to the first NUL. */
    private static String handlerName(byte[] raw) {
        if (raw.length > 0 && (raw[0] & 0xFF) == raw.length - 1) {
            return new String(raw, 1, raw.length - 1, StandardCharsets.UTF_8);
        }
        if (raw.length > 0 && (raw[0] & 0xFF) < raw.length && (raw[0] & 0xFF) > 0 && raw[0] < 0x20) {
            return new String(raw, 1, raw[0] & 0xFF, StandardCharsets.UTF_8);
        }
        return Mp4Reader.text(raw);
    }

    private static FootageFormatException bad(Box b, String what) {
        return new FootageFormatException(what + " (box at offset " + b.offset() + ")");
    }
}
