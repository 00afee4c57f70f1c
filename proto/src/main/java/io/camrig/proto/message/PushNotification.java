package io.camrig.proto.message;

import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.QueryId;
import io.camrig.proto.id.TlvStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An unsolicited TLV push on GP-0077 after a registration: setting values (0x92), status values
 * (0x93) or setting capabilities (0xA2). Layout as a query response:
 * {@code [push id][status]([id][length][value…])*}.
 *
 * @param queryId 0x92, 0x93 or 0xA2
 * @param status  the status byte
 * @param entries the updated values
 */
public record PushNotification(int queryId, TlvStatus status, List<TlvEntry> entries) implements CameraMessage {
    public PushNotification {
        if (!QueryId.isPush(queryId)) {
            throw new IllegalArgumentException(String.format("0x%02X is not a push notification id", queryId));
        }
        Objects.requireNonNull(status, "status");
        // Decoded entries are immutable already; any other list is copied.
        entries = entries instanceof TlvEntries ? entries : List.copyOf(entries);
    }

    /** {@code true} for status value pushes (0x93). */
    public boolean isStatusPush() {
        return queryId == QueryId.STATUS_VALUE_PUSH;
    }

    /** The entry for an id, when present. */
    public Optional<TlvEntry> entry(int id) {
        return entries.stream().filter(e -> e.id() == id).findFirst();
    }

    @Override
    public GoProUuid characteristic() {
        return GoProUuid.QUERY_RESPONSE;
    }

    @Override
    public String kind() {
        return "push_notification";
    }
}
