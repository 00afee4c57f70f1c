package io.camrig.proto.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Value types and names of the statuses and settings a vertical slice sees, and the decoding of
 * their value bytes.
 *
 * <p>The table is small and hand-written from references.json ({@code statuses[*].type},
 * {@code settings[*].format}, names in snake_case); the spec's {@code enum} statuses are one byte
 * ({@link ValueType#UINT8}) and its {@code integer} statuses have no stated width
 * ({@link ValueType#INTEGER}). A later catalog replaces the table behind the same methods.
 *
 * <p>Decoding follows the bytes, not the table, when they disagree (real cameras send ids the spec
 * types as strings as 4-byte integers, and ids the spec does not list):
 * <ul>
 *   <li>boolean: one byte 0 or 1, else as unknown</li>
 *   <li>string: strict UTF-8 without control characters (trailing NULs dropped, not all NUL), else
 *       as unknown</li>
 *   <li>integers and unknown ids: 1, 2, 4 or 8 bytes give an unsigned big-endian integer, any other
 *       length gives hex</li>
 * </ul>
 * Decoding never throws for any byte array.
 *
 * <p>Source: Open GoPro spec, references.json; BLE "Statuses", "Settings", "ID Tables".
 */
public final class ValueTypes {
    /**
     * One row of the table.
     *
     * @param name snake_case name, as references.json names the id
     * @param type the declared value type
     */
    public record Entry(String name, ValueType type) {
    }

    private static final Map<Integer, Entry> STATUSES = Map.ofEntries(
            Map.entry(1, new Entry("battery_present", ValueType.BOOLEAN)),
            Map.entry(2, new Entry("internal_battery_bars", ValueType.UINT8)),
            Map.entry(6, new Entry("overheating", ValueType.BOOLEAN)),
            Map.entry(8, new Entry("busy", ValueType.BOOLEAN)),
            Map.entry(10, new Entry("encoding", ValueType.BOOLEAN)),
            Map.entry(13, new Entry("video_encoding_duration", ValueType.INTEGER)),
            Map.entry(29, new Entry("connected_wifi_ssid", ValueType.STRING)),
            Map.entry(30, new Entry("access_point_ssid", ValueType.STRING)),
            Map.entry(31, new Entry("connected_devices", ValueType.INTEGER)),
            Map.entry(34, new Entry("remaining_photos", ValueType.INTEGER)),
            Map.entry(35, new Entry("remaining_video_time", ValueType.INTEGER)),
            Map.entry(38, new Entry("photos", ValueType.INTEGER)),
            Map.entry(39, new Entry("videos", ValueType.INTEGER)),
            Map.entry(54, new Entry("sd_card_remaining", ValueType.INTEGER)),
            Map.entry(68, new Entry("gps_lock", ValueType.BOOLEAN)),
            Map.entry(69, new Entry("ap_mode", ValueType.BOOLEAN)),
            Map.entry(70, new Entry("internal_battery_percentage", ValueType.INTEGER)),
            Map.entry(82, new Entry("ready", ValueType.BOOLEAN)),
            Map.entry(85, new Entry("cold", ValueType.BOOLEAN)),
            Map.entry(96, new Entry("preset_group", ValueType.INTEGER)),
            Map.entry(97, new Entry("preset", ValueType.INTEGER)),
            Map.entry(114, new Entry("camera_control_id", ValueType.UINT8)),
            Map.entry(115, new Entry("usb_connected", ValueType.BOOLEAN)),
            Map.entry(117, new Entry("sd_card_capacity", ValueType.INTEGER)),
            Map.entry(122, new Entry("camera_name", ValueType.STRING)));

    private static final Map<Integer, Entry> SETTINGS = Map.ofEntries(
            Map.entry(2, new Entry("video_resolution", ValueType.UINT8)),
            Map.entry(3, new Entry("frames_per_second", ValueType.UINT8)),
            Map.entry(30, new Entry("photo_timelapse_rate", ValueType.UINT64)),
            Map.entry(32, new Entry("nightlapse_rate", ValueType.UINT64)),
            Map.entry(59, new Entry("auto_power_down", ValueType.UINT8)),
            Map.entry(108, new Entry("video_aspect_ratio", ValueType.UINT8)),
            Map.entry(121, new Entry("video_lens", ValueType.UINT8)),
            Map.entry(128, new Entry("media_format", ValueType.UINT8)),
            Map.entry(134, new Entry("anti_flicker", ValueType.UINT8)),
            Map.entry(135, new Entry("hypersmooth", ValueType.UINT8)),
            Map.entry(173, new Entry("video_performance_mode", ValueType.UINT8)));

    private ValueTypes() {
    }

    /** The table row of a status id, when the table has it. */
    public static Optional<Entry> status(int statusId) {
        return Optional.ofNullable(STATUSES.get(statusId));
    }

    /** The table row of a setting id, when the table has it. */
    public static Optional<Entry> setting(int settingId) {
        return Optional.ofNullable(SETTINGS.get(settingId));
    }

    /** Every status row, for tests that check the table against the spec. */
    public static Map<Integer, Entry> statuses() {
        return STATUSES;
    }

    /** Every setting row, for tests that check the table against the spec. */
    public static Map<Integer, Entry> settings() {
        return SETTINGS;
    }

    /** Decodes the value of a status id (unknown ids by length). */
    public static TypedValue decodeStatus(int statusId, byte[] value) {
        return decode(status(statusId).map(Entry::type).orElse(null), value);
    }

    /** Decodes the value of a setting id (unknown ids by length). */
    public static TypedValue decodeSetting(int settingId, byte[] value) {
        return decode(setting(settingId).map(Entry::type).orElse(null), value);
    }

    /**
     * Decodes value bytes given a declared type, following the bytes where they disagree.
     *
     * @param declared the declared type, or {@code null} when unknown
     * @param value    the value bytes
     */
    public static TypedValue decode(ValueType declared, byte[] value) {
        String hex = HexFormat.of().formatHex(value);
        if (declared == ValueType.BOOLEAN && value.length == 1 && (value[0] == 0 || value[0] == 1)) {
            return new TypedValue.Bool(value[0] == 1, hex);
        }
        if (declared == ValueType.STRING) {
            Optional<String> text = text(value);
            if (text.isPresent()) {
                return new TypedValue.Text(text.get(), hex);
            }
        }
        return decodeByLength(value);
    }

    /** Decodes bytes with no declared type: 1, 2, 4, 8 bytes as an unsigned integer, else hex. */
    public static TypedValue decodeByLength(byte[] value) {
        String hex = HexFormat.of().formatHex(value);
        return switch (value.length) {
            case 1, 2, 4, 8 -> {
                long v = 0;
                for (byte b : value) {
                    v = (v << 8) | (b & 0xFF);
                }
                yield new TypedValue.Unsigned(v, hex);
            }
            default -> new TypedValue.Bytes(hex);
        };
    }

    /** Strict UTF-8 without control characters, trailing NULs dropped; empty input is "". */
    private static Optional<String> text(byte[] value) {
        int end = value.length;
        while (end > 0 && value[end - 1] == 0) {
            end--;
        }
        if (end == 0 && value.length > 0) {
            return Optional.empty();
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value, 0, end)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }
}
