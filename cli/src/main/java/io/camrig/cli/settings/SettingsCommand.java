package io.camrig.cli.settings;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code camrig settings}: read, change and inspect settings on the selected cameras. */
@Command(name = "settings", mixinStandardHelpOptions = true,
        description = "Read, change and inspect camera settings (Open GoPro settings, typed by the catalog).",
        subcommands = {SettingsGetCommand.class, SettingsSetCommand.class, SettingsCapabilitiesCommand.class})
public final class SettingsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: get, set or capabilities");
    }
}
