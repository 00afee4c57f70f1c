package io.camrig.cli.media;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code camrig media}: work on recordings already on this host. */
@Command(name = "media", mixinStandardHelpOptions = true,
        description = "Work on recordings on this host: inspect what a GoPro wrote into its MP4s.",
        subcommands = {MediaInspectCommand.class})
public final class MediaCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
