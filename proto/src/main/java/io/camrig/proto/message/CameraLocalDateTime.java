package io.camrig.proto.message;

import io.camrig.proto.error.MalformedMessageException;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The camera's wall clock with its UTC offset and daylight saving flag, to the second.
 *
 * <p>The 10-byte {@code date_time} of Set Local Date Time (command 0x0F, one parameter):
 * <pre>
 * [year: uint16][month: uint8][day: uint8][hour: uint8][minute: uint8][second: uint8]
 * [utc_offset: int16, minutes][is_dst: uint8, 1 = daylight saving]
 * </pre>
 * For example 2023-01-31 03:04:05, UTC-02:00, DST on is {@code 07 E7 01 1F 03 04 05 FF 88 01}.
 * The Get Local Date Time (command 0x10) response payload is {@code [response_length: uint8]}
 * followed by the same ten bytes.
 *
 * <p>Source: Open GoPro BLE spec, "Control" / "Set Local Date Time" and "Query" / "Get Local Date
 * Time".
 *
 * @param dateTime         the local date and time; fractions of a second are dropped
 * @param utcOffsetMinutes the offset from UTC in minutes, -32768..32767 (e.g. -120 for UTC-02:00)
 * @param dst              {@code true} when daylight saving time is in effect
 */
public record CameraLocalDateTime(LocalDateTime dateTime, int utcOffsetMinutes, boolean dst) {
    /** Length of the encoded value. */
    public static final int LENGTH = 10;

    public CameraLocalDateTime {
        dateTime = new CameraDateTime(Objects.requireNonNull(dateTime, "dateTime")).dateTime();
        if (utcOffsetMinutes < Short.MIN_VALUE || utcOffsetMinutes > Short.MAX_VALUE) {
            throw new IllegalArgumentException("utc offset is an int16 of minutes, got " + utcOffsetMinutes);
        }
    }

    /**
     * Parses the 10-byte Set Local Date Time parameter.
     *
     * @throws MalformedMessageException when the length is not 10 or a field is out of range
     */
    public static CameraLocalDateTime parse(byte[] value) {
        if (value.length != LENGTH) {
            throw new MalformedMessageException("local date_time is " + LENGTH + " bytes, got " + value.length);
        }
        return read(value);
    }

    /**
     * Parses a Get Local Date Time (0x10) response payload: {@code [length][10-byte value]}.
     *
     * @throws MalformedMessageException when it is shorter than its length byte says, the length is
     *                                   under 10, or a field is out of range
     */
    public static CameraLocalDateTime parseGetLocalDateTimeResponse(byte[] payload) {
        PayloadReader r = new PayloadReader(payload, "get local date time response");
        int length = r.uint8("response_length");
        if (length < LENGTH) {
            throw new MalformedMessageException("get local date time response: response_length " + length + " is under 10");
        }
        return read(r.bytes(length, "date_time"));
    }

    /** The 10-byte Set Local Date Time parameter. */
    public byte[] encode() {
        byte[] out = new byte[LENGTH];
        System.arraycopy(new CameraDateTime(dateTime).encode(), 0, out, 0, CameraDateTime.LENGTH);
        out[7] = (byte) (utcOffsetMinutes >> 8);
        out[8] = (byte) utcOffsetMinutes;
        out[9] = (byte) (dst ? 1 : 0);
        return out;
    }

    /** The Get Local Date Time response payload: length 10, then the value. */
    public byte[] encodeGetLocalDateTimeResponse() {
        byte[] v = encode();
        byte[] out = new byte[LENGTH + 1];
        out[0] = LENGTH;
        System.arraycopy(v, 0, out, 1, LENGTH);
        return out;
    }

    private static CameraLocalDateTime read(byte[] value) {
        byte[] dt = new byte[CameraDateTime.LENGTH];
        System.arraycopy(value, 0, dt, 0, CameraDateTime.LENGTH);
        CameraDateTime base = CameraDateTime.parse(dt);
        PayloadReader r = new PayloadReader(value, "local date_time");
        r.bytes(CameraDateTime.LENGTH, "date_time");
        int offset = (short) r.uint16("utc_offset");
        int dst = r.uint8("is_dst");
        return new CameraLocalDateTime(base.dateTime(), offset, dst != 0);
    }
}
