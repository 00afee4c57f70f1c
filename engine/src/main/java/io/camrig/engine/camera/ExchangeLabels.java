package io.camrig.engine.camera;

import io.camrig.proto.catalog.Operation;
import io.camrig.proto.catalog.OperationInfo;
import io.camrig.proto.id.CommandId;
import io.camrig.proto.id.QueryId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names exchanges go by in errors, logs and reports: {@code command 0x01 set_shutter},
 * {@code query 0x13 get_status_values}, {@code protobuf 0xF5 0x6F get_cohn_status}; an id the
 * catalog does not know is named {@code (not in the catalog)}. Each is
 * built once per id (or operation) and reused, since every command of a fire asks for one.
 */
final class ExchangeLabels {
    /*
     * Written without a lock: two threads may both build the same label and one write wins, which
     * is harmless because the labels are equal and a String is safely published (final fields).
     */
    private static final String[] COMMANDS = new String[256];
    private static final String[] QUERIES = new String[256];
    private static final Map<Operation, String> PROTOBUF = new ConcurrentHashMap<>();

    private ExchangeLabels() {
    }

    /** {@code command 0xII name} for a GP-0072/GP-0074 TLV command id (0–255). */
    static String command(int commandId) {
        return cached(COMMANDS, "command", commandId, CommandId.name(commandId));
    }

    /** {@code query 0xII name} for a GP-0076 query id (0–255). */
    static String query(int queryId) {
        return cached(QUERIES, "query", queryId, QueryId.name(queryId));
    }

    /** {@code protobuf 0xFF 0xAA name}: the response's feature id, the request's action id. */
    static String protobuf(Operation operation) {
        return PROTOBUF.computeIfAbsent(operation, o -> {
            OperationInfo info = o.info();
            return String.format("protobuf 0x%02X 0x%02X %s", info.response().orElseThrow().featureId(),
                    info.request().orElseThrow().actionId(), info.snakeName());
        });
    }

    private static String cached(String[] labels, String kind, int id, String name) {
        if (id < 0 || id >= labels.length) {
            return label(kind, id, name);
        }
        String label = labels[id];
        if (label == null) {
            label = label(kind, id, name);
            labels[id] = label;
        }
        return label;
    }

    private static String label(String kind, int id, String name) {
        return String.format("%s 0x%02X %s", kind, id, name == null ? "(not in the catalog)" : name);
    }
}
