package io.camrig.footage.mp4;

import io.camrig.footage.error.FootageFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One box held in memory (inside {@code moov}): its four-character type and its body.
 *
 * <p>Header layout (ISO/IEC 14496-12 §4.2, QuickTime "atoms"), big-endian: {@code size} u32 (the
 * whole box, header included), {@code type} 4 bytes; {@code size == 1}: a u64 {@code largesize}
 * follows the type; {@code size == 0}: the box runs to the end of its parent.
 *
 * @param type the box type, e.g. {@code "mvhd"}; bytes outside printable ASCII become {@code ?}
 * @param offset where the box starts in the file, bytes (for error messages)
 * @param header the header's length, 8 or 16 bytes
 * @param body the body after the header; a read-only view positioned at 0
 */
public record Box(String type, long offset, int header, ByteBuffer body) {
    /**
     * The most boxes one box may hold (a GoPro {@code moov} holds under 10, its {@code udta} under 20):
     * a {@code moov} of a million empty boxes would otherwise cost hundreds of MB per look-up.
     */
    public static final int MAX_CHILDREN = 1024;

    /**
     * The boxes inside {@code parent} (from its position to its limit), in order.
     *
     * @param parentOffset the file offset of {@code parent}'s position, for messages
     * @throws FootageFormatException when a header is truncated, a size runs past the parent, or
     *     the parent holds more than {@value #MAX_CHILDREN} boxes
     */
    public static List<Box> children(ByteBuffer parent, long parentOffset) {
        ByteBuffer b = parent.slice();
        List<Box> boxes = new ArrayList<>();
        while (b.remaining() >= 8) {
            int start = b.position();
            if (boxes.size() == MAX_CHILDREN) {
                throw new FootageFormatException("box '" + fourCc(b.duplicate().position(start + 4)) + "' at offset "
                        + (parentOffset + start) + " is one more than the " + MAX_CHILDREN + " boxes one box may hold");
            }
            long size = Integer.toUnsignedLong(b.getInt());
            String type = fourCc(b);
            int header = 8;
            if (size == 1) {
                if (b.remaining() < 8) {
                    throw new FootageFormatException("box '" + type + "' at offset " + (parentOffset + start)
                            + ": truncated 64-bit size");
                }
                size = b.getLong();
                header = 16;
            } else if (size == 0) {
                size = b.limit() - start;
            }
            if (size < header || size > b.limit() - start) {
                throw new FootageFormatException("box '" + type + "' at offset " + (parentOffset + start)
                        + " declares " + size + " bytes; its parent has " + (b.limit() - start) + " left");
            }
            ByteBuffer body = b.slice(start + header, (int) size - header).asReadOnlyBuffer();
            boxes.add(new Box(type, parentOffset + start, header, body));
            b.position(start + (int) size);
        }
        return boxes;
    }

    /** The first child of this box of the given type. */
    public Optional<Box> child(String childType) {
        return children().stream().filter(x -> x.type.equals(childType)).findFirst();
    }

    /** Every child of this box (for container boxes). */
    public List<Box> children() {
        return children(body, offset + header);
    }

    /** Every child of this box of the given type. */
    public List<Box> all(String childType) {
        return children().stream().filter(x -> x.type.equals(childType)).toList();
    }

    /** Follows a path of first children, e.g. {@code "mdia", "minf", "stbl"}. */
    public Optional<Box> path(String... types) {
        Optional<Box> at = Optional.of(this);
        for (String t : types) {
            at = at.flatMap(x -> x.child(t));
        }
        return at;
    }

    /** A fresh view of the body at position 0, for reading fields. */
    public ByteBuffer reader() {
        return body.duplicate();
    }

    /** Reads a four-character code; bytes outside printable ASCII become {@code ?}. */
    static String fourCc(ByteBuffer b) {
        byte[] raw = new byte[4];
        b.get(raw);
        for (int i = 0; i < 4; i++) {
            if (raw[i] < 0x20 || raw[i] > 0x7E) {
                raw[i] = '?';
            }
        }
        return new String(raw, StandardCharsets.US_ASCII);
    }

    /** Throws unless {@code b} holds {@code n} more bytes. */
    static void need(ByteBuffer b, int n, String what, long offset) {
        if (b.remaining() < n) {
            throw new FootageFormatException(what + " at offset " + offset + " is truncated: needs " + n
                    + " more bytes, has " + b.remaining());
        }
    }
}
