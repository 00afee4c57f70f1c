package io.camrig.cli.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.cli.console.TerminalText;
import io.camrig.cli.rig.CameraSelection;
import io.camrig.cli.rig.RemoteRig;
import io.camrig.cli.rig.RigCommandSupport;
import io.camrig.cli.rig.Table;
import io.camrig.proto.catalog.Setting;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * {@code settings get --rig URL}: the settings of a running service's cameras (read from each
 * camera now, {@code GET /api/cameras/{id}/settings}), printed as the local command prints them:
 * a table (a row per setting, a column per camera) or the same JSON document.
 */
final class RemoteSettings {
    private RemoteSettings() {
    }

    static int get(RemoteRig remote, CameraSelection selection, Setting[] wanted, boolean json, CommandLine cl) {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(wanted).forEach(s -> names.add(s.info().snakeName()));
        Map<RemoteRig.Camera, Map<String, JsonNode>> values = new LinkedHashMap<>();
        for (RemoteRig.Camera c : remote.cameras(selection, cl)) {
            Map<String, JsonNode> mine = new LinkedHashMap<>();
            for (JsonNode s : remote.call("GET", "/api/cameras/" + c.index() + "/settings", null, cl).path("settings")) {
                if (names.isEmpty() || names.contains(s.path("name").asText())) {
                    mine.put(s.path("name").asText(), s);
                }
            }
            values.put(c, mine);
        }
        PrintWriter out = cl.getOut();
        if (json) {
            ObjectNode root = RigCommandSupport.JSON.createObjectNode();
            ArrayNode cameras = root.putArray("cameras");
            values.forEach((c, mine) -> {
                ObjectNode cam = cameras.addObject();
                cam.put("index", c.index());
                cam.put("name", c.name());
                cam.put("serial", c.serial());
                cam.put("model", c.model());
                ObjectNode settings = cam.putObject("settings");
                mine.forEach((name, s) -> {
                    ObjectNode v = settings.putObject(name);
                    v.put("id", s.path("id").asInt());
                    v.put("value", s.path("value").asLong());
                    v.put("option", s.path("option").asText());
                });
            });
            out.println(root.toString());
        } else {
            List<String> header = new ArrayList<>(List.of("setting"));
            values.keySet().forEach(c -> header.add(TerminalText.safe(c.name())));
            Table table = new Table(header);
            Set<String> rows = new LinkedHashSet<>();
            values.values().forEach(m -> rows.addAll(m.keySet()));
            for (String name : rows) {
                List<String> row = new ArrayList<>(List.of(TerminalText.safe(name)));
                values.values().forEach(m -> row.add(m.containsKey(name)
                        ? TerminalText.safe(m.get(name).path("option").asText()) : "-"));
                table.row(row);
            }
            table.print(out);
        }
        out.flush();
        return 0;
    }
}
