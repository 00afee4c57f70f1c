package io.camrig.proto.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Value types and names of every status and setting, and the decoding of their value bytes.
 *
 * <p>The tables come from the {@link Catalog} ({@code statuses[*].type}, {@code settings[*].format},
 * names in snake_case); the spec's {@code enum} statuses are one byte ({@link ValueType#UINT8}) and
 * its {@code integer} statuses have no stated width ({@link ValueType#INTEGER}). Empty values decode
 * to empty bytes (or the empty string for a string status).
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

    private static final Map<Integer, Entry> STATUSES = Catalog.statuses().values().stream()
            .collect(Collectors.toUnmodifiableMap(StatusInfo::id, s -> new Entry(s.snakeName(), s.type())));

    private static final Map<Integer, Entry> SETTINGS = Catalog.settings().values().stream()
            .collect(Collectors.toUnmodifiableMap(SettingInfo::id, s -> new Entry(s.snakeName(), s.format())));

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
