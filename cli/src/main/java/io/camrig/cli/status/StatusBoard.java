package io.camrig.cli.status;

import io.camrig.cli.rig.ConnectedRig;
import io.camrig.cli.rig.Table;
import io.camrig.engine.camera.StatusValue;
import io.camrig.proto.catalog.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest status values of every camera of a rig, rendered as a table: a row per status, a
 * column per camera. Updated from any thread; rendered from one.
 */
final class StatusBoard {
    private final List<ConnectedRig.Member> cameras;
    private final List<Status> statuses;
    private final Map<Integer, Map<Integer, StatusValue>> values = new ConcurrentHashMap<>();
    private final Map<Integer, String> errors = new LinkedHashMap<>();

    StatusBoard(List<ConnectedRig.Member> cameras, List<Status> statuses) {
        this.cameras = List.copyOf(cameras);
        this.statuses = List.copyOf(statuses);
    }

    void put(ConnectedRig.Member camera, StatusValue value) {
        values.computeIfAbsent(camera.index(), k -> new ConcurrentHashMap<>()).put(value.statusId(), value);
    }

    synchronized void error(ConnectedRig.Member camera, String message) {
        errors.put(camera.index(), message);
    }

    /**
     * The value shown for a camera and status: {@code -} when the camera did not report it; enum
     * names up to their first colon ({@code "Camera Idle: No one is …"} shows {@code Camera Idle}).
     */
    String cell(ConnectedRig.Member camera, Status status) {
        StatusValue v = values.getOrDefault(camera.index(), Map.of()).get(status.id());
        if (v == null) {
            return "-";
        }
        String shown = v.display();
        int colon = shown.indexOf(": ");
        return colon > 0 ? shown.substring(0, colon) : shown;
    }

    synchronized Table table() {
        List<String> header = new ArrayList<>(List.of("status"));
        cameras.forEach(c -> header.add(c.name()));
        Table table = new Table(header);
        for (Status s : statuses) {
            List<String> row = new ArrayList<>(List.of(s.info().snakeName()));
            cameras.forEach(c -> row.add(errors.containsKey(c.index()) ? "error" : cell(c, s)));
            table.row(row);
        }
        return table;
    }

    synchronized Map<Integer, String> errors() {
        return Map.copyOf(errors);
    }
}
