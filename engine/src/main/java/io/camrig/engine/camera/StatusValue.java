package io.camrig.engine.camera;

import io.camrig.proto.catalog.Catalog;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.catalog.StatusInfo;
import io.camrig.proto.catalog.TypedValue;
import io.camrig.proto.catalog.ValueTypes;
import io.camrig.proto.message.TlvEntry;
import java.util.Objects;
import java.util.Optional;

/**
 * A status as the camera reported it (query 0x13, register 0x53, push 0x93), decoded by its
 * declared type where the bytes allow it, else by what the bytes say ({@link ValueTypes}); the raw
 * bytes are always kept ({@link TypedValue#hex()}).
 *
 * @param statusId the status id, 0..255
 * @param value    the decoded value
 */
public record StatusValue(int statusId, TypedValue value) {
    public StatusValue {
        Objects.requireNonNull(value, "value");
    }

    /** Decodes one id-length-value entry. */
    public static StatusValue of(TlvEntry entry) {
        return new StatusValue(entry.id(), ValueTypes.decodeStatus(entry.id(), entry.value()));
    }

    /** The typed status, when the catalog has it. */
    public Optional<Status> status() {
        return Status.of(statusId);
    }

    /** The value as an unsigned integer (booleans 0 or 1; text and odd lengths: -1). */
    public long asLong() {
        if (value instanceof TypedValue.Bool b) {
            return b.value() ? 1 : 0;
        }
        return value instanceof TypedValue.Unsigned u ? u.value() : -1;
    }

    /** The status's snake_case name, or its id. */
    public String statusName() {
        return Catalog.status(statusId).map(StatusInfo::snakeName).orElse(Integer.toString(statusId));
    }

    /** For people: booleans, numbers, enum value names ({@code "Charging"}), text or hex. */
    public String display() {
        if (value instanceof TypedValue.Bool b) {
            return Boolean.toString(b.value());
        } else if (value instanceof TypedValue.Unsigned u) {
            return Catalog.status(statusId).flatMap(s -> s.valueName(u.value())).orElse(u.toString());
        } else if (value instanceof TypedValue.Text t) {
            return t.value();
        }
        return value.hex().isEmpty() ? "" : "0x" + value.hex();
    }
}
