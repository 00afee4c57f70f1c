package io.camrig.cli.preset;

import io.camrig.cli.rig.ConnectedRig;
import io.camrig.cli.rig.RigCommandSupport;
import io.camrig.cli.rig.SelectedCameras;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Mono;

/**
 * {@code camrig preset load --group video|photo|timelapse|ID} (Load Preset Group, 0x3E) or
 * {@code camrig preset load --id PRESET_ID} (Load Preset, 0x40) on every selected camera. Exit code 3
 * when some cameras refused (busy, encoding, hidden or unknown preset).
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load a preset group (--group video|photo|timelapse|ID) or a preset (--id N).")
public final class PresetLoadCommand implements Callable<Integer> {
    static final class Target {
        @Option(names = "--group", paramLabel = "GROUP", required = true,
                description = "Preset group: video (1000), photo (1001), timelapse (1002), or an id.")
        String group;

        @Option(names = "--id", paramLabel = "PRESET_ID", required = true, description = "Preset id (see the camera's presets).")
        Long presetId;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @CommandLine.Mixin
    SelectedCameras selected = new SelectedCameras();

    @CommandLine.Mixin
    io.camrig.cli.rig.BrokerRig broker = new io.camrig.cli.rig.BrokerRig();

    @CommandLine.Mixin
    io.camrig.cli.rig.RemoteRig remote = new io.camrig.cli.rig.RemoteRig();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        selected.validate(cl);
        Integer group = target.group == null ? null : group(target.group, cl);
        String what = group != null ? "preset group " + group : "preset " + target.presetId;
        broker.refuseWith(remote, cl);
        if (broker.present()) {
            return broker.run(cl, rig -> group != null ? rig.loadPresetGroup(group) : rig.loadPreset(target.presetId),
                    io.camrig.cli.rig.BrokerRig.lines("load " + what));
        }
        if (remote.present()) {
            return remote.run(cl, () -> io.camrig.cli.rig.RemoteRig.printOutcomes(group != null
                    ? remote.call("POST", "/api/presets/group", io.camrig.cli.rig.RemoteRig.body("group", group,
                            remote.cameras(selected.selection(), cl)), cl)
                    : remote.call("POST", "/api/presets/load", io.camrig.cli.rig.RemoteRig.body("preset",
                            target.presetId, remote.cameras(selected.selection(), cl)), cl), "load " + what, cl.getOut()));
        }
        try (SelectedCameras.Connected connected = selected.connect(cl)) {
            ConnectedRig rig = connected.rig();
            List<ConnectedRig.Result<Boolean>> results = rig.forEach(c -> (group != null
                    ? c.presets().loadGroup(group) : c.presets().load(target.presetId)).then(Mono.just(true)));
            return RigCommandSupport.printSteps(rig, results, "load " + what, cl.getOut());
        }
    }

    private static int group(String name, CommandLine cl) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "video" -> 1000;
            case "photo" -> 1001;
            case "timelapse", "time_lapse", "time-lapse" -> 1002;
            default -> {
                try {
                    yield Integer.parseInt(name);
                } catch (NumberFormatException e) {
                    throw new CommandLine.ParameterException(cl, "--group is video, photo, timelapse or a number, got '" + name + "'");
                }
            }
        };
    }
}
