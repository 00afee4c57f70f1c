package io.camrig.cli.network;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code camrig wifi join CAMERA}: the host's Wi-Fi and the cameras' access points. */
@Command(name = "wifi", mixinStandardHelpOptions = true,
        description = "Join a camera's Wi-Fi access point from this host.",
        subcommands = {WifiJoinCommand.class})
public final class WifiCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: join");
    }
}
