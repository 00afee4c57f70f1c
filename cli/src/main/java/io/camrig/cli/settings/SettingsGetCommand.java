package io.camrig.cli.settings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.cli.rig.ConnectedRig;
import io.camrig.cli.rig.RigCommandSupport;
import io.camrig.cli.rig.RemoteRig;
import io.camrig.cli.rig.SelectedCameras;
import io.camrig.cli.rig.Table;
import io.camrig.engine.camera.SettingValue;
import io.camrig.proto.catalog.Catalog;
import io.camrig.proto.catalog.Setting;
import io.camrig.proto.catalog.SettingInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code camrig settings get [SETTING…]}: the current value of settings on every selected camera
 * (Get Setting Values, 0x12), as a table (a row per setting, a column per camera) or JSON. No
 * setting means every setting each camera has.
 */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Show settings of the selected cameras (default: every setting they have).")
public final class SettingsGetCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SETTING", arity = "0..*",
            description = "Settings by name (video_resolution), spec name or id (2).")
    List<String> names = List.of();

    @CommandLine.Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @CommandLine.Mixin
    SelectedCameras selected = new SelectedCameras();

    @CommandLine.Mixin
    RemoteRig remote = new RemoteRig();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        selected.validate(cl);
        Setting[] settings = SettingsCommands.settings(names, cl);
        if (remote.present()) {
            return remote.run(cl, () -> RemoteSettings.get(remote, selected.selection(), settings, json, cl));
        }
        try (SelectedCameras.Connected connected = selected.connect(cl)) {
            ConnectedRig rig = connected.rig();
            List<ConnectedRig.Result<List<SettingValue>>> results = rig.forEach(c -> c.settings().get(settings));
            PrintWriter out = cl.getOut();
            if (json) {
                out.println(io.camrig.cli.console.JsonStyle.document(json(results)));
            } else {
                table(results).print(out);
                RigCommandSupport.report(results, out);
            }
            out.flush();
            return RigCommandSupport.exitCode(rig, results);
        }
    }

    private static ObjectNode json(List<ConnectedRig.Result<List<SettingValue>>> results) {
        ObjectNode root = RigCommandSupport.JSON.createObjectNode();
        ArrayNode cameras = root.putArray("cameras");
        for (ConnectedRig.Result<List<SettingValue>> r : results) {
            ObjectNode cam = RigCommandSupport.camera(r.member());
            ObjectNode values = cam.putObject("settings");
            r.value().ifPresent(list -> list.forEach(v -> {
                ObjectNode s = values.putObject(v.settingName());
                s.put("id", v.settingId());
                s.put("value", v.value());
                v.option().ifPresent(o -> s.put("option", o.name()));
            }));
            r.error().ifPresent(e -> cam.put("error", RigCommandSupport.describe(e)));
            cameras.add(cam);
        }
        return root;
    }

    private static Table table(List<ConnectedRig.Result<List<SettingValue>>> results) {
        List<String> header = new ArrayList<>(List.of("setting"));
        results.forEach(r -> header.add(r.member().name()));
        Table table = new Table(header);
        Set<Integer> ids = new LinkedHashSet<>();
        results.forEach(r -> r.value().ifPresent(l -> l.forEach(v -> ids.add(v.settingId()))));
        for (int id : ids.stream().sorted().toList()) {
            List<String> row = new ArrayList<>();
            row.add(Catalog.setting(id).map(SettingInfo::snakeName).orElse(Integer.toString(id)));
            for (ConnectedRig.Result<List<SettingValue>> r : results) {
                row.add(r.value().flatMap(l -> l.stream().filter(v -> v.settingId() == id).findFirst())
                        .map(SettingValue::display).orElse(r.ok() ? "-" : "error"));
            }
            table.row(row);
        }
        return table;
    }
}
