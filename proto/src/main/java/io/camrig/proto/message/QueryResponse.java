package io.camrig.proto.message;

import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.TlvStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A TLV query response on GP-0077: {@code [query id][status]([id][length][value…])*}.
 *
 * @param queryId the query id (0x12, 0x13, 0x32, 0x52, 0x53, 0x62, 0x72, 0x73, 0x82)
 * @param status  the command status
 * @param entries the results, in the order the camera sent them
 */
public record QueryResponse(int queryId, TlvStatus status, List<TlvEntry> entries) implements CameraMessage {
    public QueryResponse {
        Objects.requireNonNull(status, "status");
        // Decoded entries are immutable already; any other list is copied.
        entries = entries instanceof TlvEntries ? entries : List.copyOf(entries);
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
        return "query_response";
    }
}
