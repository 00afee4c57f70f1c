package io.camrig.proto.request;

import io.camrig.proto.gatt.GoProUuid;
import java.util.List;

/**
 * A TLV query written to GP-0076: {@code [query id][element id]*}, each element a one-byte setting
 * or status id; no elements means "all". For example Get Setting Values for resolution is
 * {@code 12 02}, Register for Status Value Updates for busy and encoding is {@code 53 08 0A}.
 *
 * <p>Source: Open GoPro BLE spec, "Data Protocol" / "Queries" / "Query Request"; "Query".
 *
 * @param queryId the query id, 0..255
 * @param ids     the element ids, each 0..255
 */
public record QueryRequest(int queryId, List<Integer> ids) implements CameraRequest {
    public QueryRequest {
        if (queryId < 0 || queryId > 0xFF) {
            throw new IllegalArgumentException("query id is one byte, got " + queryId);
        }
        ids = List.copyOf(ids);
        for (int id : ids) {
            if (id < 0 || id > 0xFF) {
                throw new IllegalArgumentException("element ids are one byte, got " + id);
            }
        }
    }

    @Override
    public GoProUuid characteristic() {
        return GoProUuid.QUERY;
    }

    @Override
    public String kind() {
        return "query_request";
    }
}
