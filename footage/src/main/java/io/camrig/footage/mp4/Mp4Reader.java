package io.camrig.footage.mp4;

import io.camrig.footage.error.FootageFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code moov} of an MP4 from a channel without touching {@code mdat}: top-level boxes
 * are walked by their headers (16 bytes read per box into one buffer, at most
 * {@value #MAX_TOP_LEVEL_BOXES} boxes), {@code moov} (at most {@link #MAX_MOOV_BYTES}, a quarter
 * of the heap in a smaller one)
 * is read whole and parsed: {@code mvhd} (v0/v1), {@code udta} children, and per {@code trak} the
 * {@code mdhd}, {@code hdlr}, the first {@code stsd} entry, {@code stsz} and the first
 * {@code stco}/{@code co64} chunk offset (the first sample of a track sits at its first chunk's
 * offset). Works with {@code moov} before or after {@code mdat}.
 *
 * <p>Errors: {@link FootageFormatException} for anything malformed or over the limits outside a
 * {@code trak}; a malformed {@code trak} is left out and named in {@link Mp4Movie#unreadableTracks()}.
 * {@link IOException} from the channel.
 */
public final class Mp4Reader {
    /**
     * The largest {@code moov} read, bytes (a one-hour GoPro chapter's is well under 4 MiB), in a
     * heap of 128 MiB or more; less in a smaller heap ({@link #moovLimit}).
     */
    public static final int MAX_MOOV_BYTES = 32 << 20;
    /**
     * The most top-level boxes walked (a GoPro file has 3 to 5; each costs one 16-byte read, so a
     * 4 GB file of 8-byte boxes would otherwise take 512 million reads).
     */
    public static final int MAX_TOP_LEVEL_BOXES = 1 << 20;
    private static final int FTYP = 0x66747970;   // "ftyp"
    private static final int MOOV = 0x6d6f6f76;   // "moov"

    private Mp4Reader() {
    }

    /** Reads the movie of the file behind {@code ch} ({@code ch.size()} bytes). */
    public static Mp4Movie read(SeekableByteChannel ch) throws IOException {
        long size = ch.size();
        long at = 0;
        String brand = "";
        ByteBuffer moov = null;
        long moovOffset = -1;
        int moovHeader = 8;
        int boxes = 0;
        ByteBuffer h = ByteBuffer.allocate(16);   // one header buffer for the whole walk
        while (at + 8 <= size) {
            if (++boxes > MAX_TOP_LEVEL_BOXES) {
                throw new FootageFormatException("more than " + MAX_TOP_LEVEL_BOXES + " top-level boxes (the next at offset "
                        + at + "): not a recording");
            }
            readInto(ch, at, h.clear().limit((int) Math.min(16, size - at)));
            long boxSize = Integer.toUnsignedLong(h.getInt());
            int type = h.getInt();
            int header = 8;
            if (boxSize == 1) {
                Box.need(h, 8, "box '" + fourCc(type) + "' 64-bit size", at);
                boxSize = h.getLong();
                header = 16;
            } else if (boxSize == 0) {
                boxSize = size - at;
            }
            if (boxSize < header) {
                throw new FootageFormatException("box '" + fourCc(type) + "' at offset " + at + " declares " + boxSize
                        + " bytes, less than its own header: not an MP4");
            }
            if (boxSize > size - at) {
                throw new FootageFormatException("box '" + fourCc(type) + "' at offset " + at + " declares " + boxSize
                        + " bytes; the file has " + (size - at) + " left: the file is cut short (an offload that "
                        + "stopped, a card pulled while recording) or is not an MP4");
            }
            if (type == FTYP && boxSize >= header + 4) {
                brand = Box.fourCc(readFully(ch, at + header, 4));
            } else if (type == MOOV && moov == null) {
                long limit = moovLimit(Runtime.getRuntime().maxMemory());
                if (boxSize - header > limit) {
                    throw new FootageFormatException("moov at offset " + at + " declares " + (boxSize - header)
                            + " bytes, over the limit of " + limit + (limit < MAX_MOOV_BYTES
                            ? " (a quarter of this process's " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap)"
                            : ""));
                }
                moov = readFully(ch, at + header, (int) (boxSize - header));
                moovOffset = at;
                moovHeader = header;
            }
            at += boxSize;
        }
        if (size == 0) {
            throw new FootageFormatException("the file is empty (0 bytes)");
        }
        if (moov == null) {
            throw new FootageFormatException("no moov box: not an MP4, or a recording still being written");
        }
        return parse(brand, new Box("moov", moovOffset, moovHeader, moov), size);
    }

    /**
     * The largest {@code moov} read in a process whose heap may grow to {@code maxHeap} bytes:
     * {@link #MAX_MOOV_BYTES}, or a quarter of the heap when that is less (the offload runs in a
     * 16 MiB heap, where a 31 MiB {@code moov} was an {@link OutOfMemoryError}; a quarter, 4 MiB,
     * still holds a one-hour chapter's).
     */
    static long moovLimit(long maxHeap) {
        return Math.min(MAX_MOOV_BYTES, maxHeap / 4);
    }

    /**
     * Reads {@code length} bytes at {@code offset} (a sample found in {@link Track}).
     *
     * @throws FootageFormatException when the range lies outside the file or over {@code limit}
     */
    public static ByteBuffer readSample(SeekableByteChannel ch, long offset, long length, int limit)
            throws IOException {
        if (offset < 0 || length < 0 || length > limit || offset > ch.size() - length) {   // no overflow
            throw new FootageFormatException("sample of " + length + " bytes at offset " + offset
                    + " lies outside the file (" + ch.size() + " bytes) or over the limit of " + limit);
        }
        return readFully(ch, offset, (int) length);
    }

    private static Mp4Movie parse(String brand, Box moov, long fileSize) {
        long creation = 0;
        long timescale = 0;
        long duration = 0;
        Box mvhd = moov.child("mvhd").orElseThrow(() -> new FootageFormatException("moov has no mvhd"));
        ByteBuffer b = mvhd.reader();
        Box.need(b, 4, "mvhd", mvhd.offset());
        int version = b.get() & 0xFF;
        b.position(4);
        if (version == 1) {
            Box.need(b, 28, "mvhd v1", mvhd.offset());
            creation = b.getLong();
            b.getLong();
            timescale = Integer.toUnsignedLong(b.getInt());
            duration = b.getLong();
        } else {
            Box.need(b, 16, "mvhd v0", mvhd.offset());
            creation = Integer.toUnsignedLong(b.getInt());
            b.getInt();
            timescale = Integer.toUnsignedLong(b.getInt());
            duration = Integer.toUnsignedLong(b.getInt());
        }
        Map<String, byte[]> udta = new LinkedHashMap<>();
        moov.child("udta").ifPresent(u -> u.children().forEach(c -> udta.computeIfAbsent(c.type(), k -> {
            byte[] raw = new byte[c.body().remaining()];
            c.reader().get(raw);
            return raw;
        })));
        List<Track> tracks = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Box trak : moov.all("trak")) {
            try {
                tracks.add(TrackParser.parse(trak));
            } catch (FootageFormatException e) {   // the other tracks, udta and mvhd still say what they say
                unreadable.add("trak at offset " + trak.offset() + " unreadable: " + e.detail());
            }
        }
        return new Mp4Movie(brand, creation, timescale, duration, udta, tracks, unreadable);
    }

    private static String fourCc(int type) {
        return Box.fourCc(ByteBuffer.allocate(4).putInt(0, type));
    }

    /** Bytes as UTF-8 text up to the first NUL (how GoPro writes {@code FIRM}). */
    public static String text(byte[] raw) {
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.UTF_8);
    }

    private static ByteBuffer readFully(SeekableByteChannel ch, long offset, int length) throws IOException {
        return readInto(ch, offset, ByteBuffer.allocate(length));
    }

    /** Fills {@code buf} (position to limit) from {@code offset}; returns it flipped. */
    private static ByteBuffer readInto(SeekableByteChannel ch, long offset, ByteBuffer buf) throws IOException {
        long length = buf.remaining();
        ch.position(offset);
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                throw new FootageFormatException("file ends at " + ch.position() + " inside a box that was to run to "
                        + (offset + length));
            }
        }
        return buf.flip();
    }
}
