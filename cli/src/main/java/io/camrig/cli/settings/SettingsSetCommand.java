package io.camrig.cli.settings;

import io.camrig.cli.console.ExitCodes;
import io.camrig.cli.rig.ConnectedRig;
import io.camrig.cli.rig.RigCommandSupport;
import io.camrig.cli.console.TerminalText;
import io.camrig.cli.rig.RemoteRig;
import io.camrig.cli.rig.SelectedCameras;
import io.camrig.proto.catalog.Setting;
import io.camrig.proto.catalog.SettingOption;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code camrig settings set SETTING OPTION}: sets one setting on every selected camera. The option
 * is named as the spec names it ({@code 1080}, {@code "4K 4:3 V2"}, {@code 4k_4_3_v2}) or given as
 * its value; settings without options take a number. Each camera checks the option against its
 * model before sending and reports the options it supports when it refuses. Exit code 3 when some
 * cameras failed.
 */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Set a setting on the selected cameras, e.g. 'settings set video_resolution 1080'.")
public final class SettingsSetCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SETTING", description = "The setting: video_resolution, spec name or id.")
    String settingName;

    @Parameters(index = "1", paramLabel = "OPTION", description = "The option: its name (1080, 240.0), key (4k_4_3_v2), the same number another way (240, 240fps, 1080p) or its value.")
    String optionName;

    @CommandLine.Mixin
    SelectedCameras selected = new SelectedCameras();

    @CommandLine.Mixin
    RemoteRig remote = new RemoteRig();

    @CommandLine.Mixin
    io.camrig.cli.rig.BrokerRig broker = new io.camrig.cli.rig.BrokerRig();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        selected.validate(cl);
        Setting setting = SettingsCommands.settings(List.of(settingName), cl)[0];
        long value = value(setting, cl);
        broker.refuseWith(remote, cl);
        if (remote.present()) {
            return remote.run(cl, () -> remote(setting, cl));
        }
        String step = setting.info().snakeName() + " = "
                + setting.option(value).map(SettingOption::toString).orElse(Long.toString(value));
        if (broker.present()) {
            return broker.run(cl, rig -> rig.setSetting(setting.id(), value), io.camrig.cli.rig.BrokerRig.lines(step));
        }
        try (SelectedCameras.Connected connected = selected.connect(cl)) {
            ConnectedRig rig = connected.rig();
            List<ConnectedRig.Result<Boolean>> results = rig.forEach(c -> c.settings().set(setting, value).thenReturn(true));
            return RigCommandSupport.printSteps(rig, results, step, cl.getOut());
        }
    }

    /** Through a running {@code camrig serve}: one PUT, the per-camera outcomes printed as locally. */
    private int remote(Setting setting, CommandLine cl) {
        List<RemoteRig.Camera> cameras = remote.cameras(selected.selection(), cl);
        var report = remote.call("PUT", "/api/settings/" + setting.info().snakeName(),
                RemoteRig.settingBody(optionName, setting.options().isEmpty(), cameras), cl);
        PrintWriter out = cl.getOut();
        boolean failed = false;
        for (var o : report.path("outcomes")) {
            boolean ok = "ok".equals(o.path("outcome").asText());
            failed |= !ok;
            out.printf("%-12s %s = %s: %s%n", TerminalText.safe(o.path("name").asText()), setting.info().snakeName(),
                    TerminalText.safe(report.path("option").asText()), ok ? "ok"
                            : TerminalText.safe(o.path("error").path("message").asText(o.path("detail").asText())));
        }
        out.flush();
        return failed ? ExitCodes.SOME_FAILED : 0;
    }

    private long value(Setting setting, CommandLine cl) {
        if (setting.options().isEmpty()) {
            try {
                return Long.parseLong(optionName.trim());
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(cl, setting.displayName() + " takes a number, got '" + optionName + "'");
            }
        }
        try {
            return io.camrig.cli.rig.OptionNames.resolve(setting, optionName).value();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }
}
