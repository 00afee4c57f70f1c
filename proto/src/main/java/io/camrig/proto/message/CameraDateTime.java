package io.camrig.proto.message;

import io.camrig.proto.error.MalformedMessageException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The camera's wall clock, to the second, without time zone or daylight saving (the camera cannot
 * be set more precisely).
 *
 * <p>The 7-byte {@code date_time} of Set Date Time (command 0x0D, one parameter):
 * <pre>
 * [year: uint16][month: uint8 1-12][day: uint8 1-31][hour: uint8 0-23][minute: uint8 0-59][second: uint8 0-59]
 * </pre>
 * For example 2023-01-31 03:04:05 is {@code 07 E7 01 1F 03 04 05}.
 *
 * <p>The Get Date Time (command 0x0E) response payload is {@code [response_length: uint8]} followed
 * by the same seven bytes and {@code [weekday: uint8, Sunday = 0]}; the weekday is not kept.
 *
 * <p>Source: Open GoPro BLE spec, "Control" / "Set Date Time" (features/control.html) and "Query" /
 * "Get Date Time" (features/query.html).
 *
 * @param dateTime the date and time; fractions of a second are dropped
 */
public record CameraDateTime(LocalDateTime dateTime) {
    /** Length of the encoded date time. */
    public static final int LENGTH = 7;

    public CameraDateTime {
        Objects.requireNonNull(dateTime, "dateTime");
        if (dateTime.getYear() < 0 || dateTime.getYear() > 0xFFFF) {
            throw new IllegalArgumentException("year is a uint16, got " + dateTime.getYear());
        }
        dateTime = dateTime.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Parses the 7-byte Set Date Time parameter.
     *
     * @throws MalformedMessageException when the length is not 7 or a field is out of range
     */
    public static CameraDateTime parse(byte[] value) {
        if (value.length != LENGTH) {
            throw new MalformedMessageException("date_time is " + LENGTH + " bytes, got " + value.length);
        }
        return read(new PayloadReader(value, "date_time"));
    }

    /**
     * Parses a Get Date Time (0x0E) response payload: {@code [length][7-byte date time][weekday]}.
     *
     * @throws MalformedMessageException when it is shorter than its length byte says, the length is
     *                                   under 7, or a field is out of range
     */
    public static CameraDateTime parseGetDateTimeResponse(byte[] payload) {
        PayloadReader r = new PayloadReader(payload, "get date time response");
        int length = r.uint8("response_length");
        if (length < LENGTH) {
            throw new MalformedMessageException("get date time response: response_length " + length + " is under 7");
        }
        return read(new PayloadReader(r.bytes(length, "date_time"), "date_time"));
    }

    /** The 7-byte Set Date Time parameter. */
    public byte[] encode() {
        return new PayloadWriter()
                .uint16(dateTime.getYear())
                .uint8(dateTime.getMonthValue())
                .uint8(dateTime.getDayOfMonth())
                .uint8(dateTime.getHour())
                .uint8(dateTime.getMinute())
                .uint8(dateTime.getSecond())
                .toByteArray();
    }

    /** The Get Date Time response payload: length 8, the date time, the weekday (Sunday = 0). */
    public byte[] encodeGetDateTimeResponse() {
        byte[] dt = encode();
        byte[] out = new byte[LENGTH + 2];
        out[0] = LENGTH + 1;
        System.arraycopy(dt, 0, out, 1, LENGTH);
        out[LENGTH + 1] = (byte) (dateTime.getDayOfWeek().getValue() % 7);
        return out;
    }

    private static CameraDateTime read(PayloadReader r) {
        int year = r.uint16("year");
        int month = r.uint8("month");
        int day = r.uint8("day");
        int hour = r.uint8("hour");
        int minute = r.uint8("minute");
        int second = r.uint8("second");
        try {
            return new CameraDateTime(LocalDateTime.of(year, month, day, hour, minute, second));
        } catch (DateTimeException e) {
            throw new MalformedMessageException("date_time out of range: " + e.getMessage(), e);
        }
    }
}
