package io.camrig.cli.settings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.cli.rig.ConnectedRig;
import io.camrig.cli.rig.RigCommandSupport;
import io.camrig.cli.rig.SelectedCameras;
import io.camrig.engine.camera.SettingCapabilities;
import io.camrig.proto.catalog.Catalog;
import io.camrig.proto.catalog.SettingInfo;
import io.camrig.proto.catalog.SettingOption;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code camrig settings capabilities [SETTING…]}: the options each selected camera accepts now
 * (Get Setting Capabilities, 0x32): its model's options narrowed by its other settings. No setting
 * means every setting each camera has.
 */
@Command(name = "capabilities", mixinStandardHelpOptions = true,
        description = "Show the options each selected camera accepts now (default: every setting).")
public final class SettingsCapabilitiesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SETTING", arity = "0..*", description = "Settings by name, spec name or id.")
    List<String> names = List.of();

    @CommandLine.Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @CommandLine.Mixin
    SelectedCameras selected = new SelectedCameras();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        selected.validate(cl);
        var settings = SettingsCommands.settings(names, cl);
        try (SelectedCameras.Connected connected = selected.connect(cl)) {
            ConnectedRig rig = connected.rig();
            List<ConnectedRig.Result<List<SettingCapabilities>>> results =
                    rig.forEach(c -> c.settings().capabilities(settings));
            PrintWriter out = cl.getOut();
            if (json) {
                ObjectNode root = RigCommandSupport.JSON.createObjectNode();
                ArrayNode cameras = root.putArray("cameras");
                for (var r : results) {
                    ObjectNode cam = RigCommandSupport.camera(r.member());
                    ObjectNode caps = cam.putObject("capabilities");
                    r.value().ifPresent(list -> list.forEach(c -> {
                        ArrayNode options = caps.putArray(name(c.settingId()));
                        c.values().forEach(v -> {
                            ObjectNode o = options.addObject();
                            o.put("value", v);
                            Catalog.setting(c.settingId()).flatMap(s -> s.option(v)).ifPresent(opt -> o.put("option", opt.name()));
                        });
                    }));
                    r.error().ifPresent(e -> cam.put("error", RigCommandSupport.describe(e)));
                    cameras.add(cam);
                }
                out.println(io.camrig.cli.console.JsonStyle.document(root));
            } else {
                for (var r : results) {
                    out.printf("%s (%s, %s)%n", r.member().name(), r.member().model(), r.member().serial());
                    r.value().ifPresent(list -> list.forEach(c -> out.printf("  %-28s %s%n", name(c.settingId()),
                            c.options().isEmpty() ? "(any value)"
                                    : c.options().stream().map(SettingOption::name).collect(Collectors.joining(", ")))));
                }
                RigCommandSupport.report(results, out);
            }
            out.flush();
            return RigCommandSupport.exitCode(rig, results);
        }
    }

    private static String name(int settingId) {
        return Catalog.setting(settingId).map(SettingInfo::snakeName).orElse(Integer.toString(settingId));
    }
}
