package io.camrig.cli.settings;

import io.camrig.cli.rig.Names;
import io.camrig.proto.catalog.Setting;
import java.util.List;
import picocli.CommandLine;

/** Argument parsing shared by the settings subcommands. */
final class SettingsCommands {
    private SettingsCommands() {
    }

    /** Resolves setting names, or fails with a usage error naming the bad one. */
    static Setting[] settings(List<String> names, CommandLine cl) {
        try {
            return names.stream().map(Names::setting).toArray(Setting[]::new);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }
}
