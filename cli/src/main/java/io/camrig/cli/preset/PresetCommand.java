package io.camrig.cli.preset;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code camrig preset}: presets and preset groups on the selected cameras. */
@Command(name = "preset", mixinStandardHelpOptions = true, description = "Load presets and preset groups.",
        subcommands = {PresetLoadCommand.class})
public final class PresetCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: load");
    }
}
