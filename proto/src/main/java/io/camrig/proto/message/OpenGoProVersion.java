package io.camrig.proto.message;

import io.camrig.proto.error.MalformedMessageException;

/**
 * The response to Get Open GoPro Version (command 0x51).
 *
 * <p>Layout of the command response payload (after the command id and status bytes):
 * <pre>
 * [major_length: uint8][major: unsigned big-endian, major_length bytes]
 * [minor_length: uint8][minor: unsigned big-endian, minor_length bytes]
 * </pre>
 * For example {@code 01 02 01 00} is version 2.0. Trailing bytes are ignored.
 *
 * <p>Source: Open GoPro BLE spec, "Query" / "Get Open GoPro Version" (features/query.html).
 *
 * @param major the major version, 0 or more
 * @param minor the minor version, 0 or more
 */
public record OpenGoProVersion(int major, int minor) {
    public OpenGoProVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("version parts are unsigned, got " + major + "." + minor);
        }
    }

    /**
     * Parses a Get Open GoPro Version response payload.
     *
     * @throws MalformedMessageException when a part runs past the end or does not fit an int
     */
    public static OpenGoProVersion parse(byte[] payload) {
        PayloadReader r = new PayloadReader(payload, "open gopro version");
        int major = r.lengthPrefixedInt("major");
        int minor = r.lengthPrefixedInt("minor");
        return new OpenGoProVersion(major, minor);
    }

    /** Encodes the payload as a camera sends it, each part in the fewest bytes (at least one). */
    public byte[] encode() {
        return new PayloadWriter()
                .lengthPrefixedInt(major, PayloadWriter.width(major))
                .lengthPrefixedInt(minor, PayloadWriter.width(minor))
                .toByteArray();
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
