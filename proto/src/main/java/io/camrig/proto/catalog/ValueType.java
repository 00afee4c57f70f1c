package io.camrig.proto.catalog;

/**
 * The declared type of a status or setting value, as references.json gives it
 * ({@code statuses[*].type}: boolean, enum, integer, string; {@code settings[*].format}: int8ub,
 * int64ub). All integers are unsigned and big-endian.
 *
 * <p>Source: Open GoPro spec, references.json; "Statuses" and "Settings" pages.
 */
public enum ValueType {
    /** One byte, 0 = false, 1 = true. */
    BOOLEAN,
    /** One byte unsigned ({@code int8ub}; also the status type {@code enum}). */
    UINT8,
    /** Two bytes unsigned. */
    UINT16,
    /** Four bytes unsigned. */
    UINT32,
    /** Eight bytes unsigned ({@code int64ub}). */
    UINT64,
    /** An unsigned integer of 1, 2, 4 or 8 bytes: the spec's {@code integer}, width not given. */
    INTEGER,
    /** UTF-8 text, trailing NUL bytes dropped. */
    STRING
}
