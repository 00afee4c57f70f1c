package io.camrig.cli.network;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code camrig credentials list|forget}: the AP and COHN credentials camrig keeps per camera. */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = "List or forget the AP and COHN credentials camrig keeps per camera (passwords are never shown).",
        subcommands = {CredentialsListCommand.class, CredentialsForgetCommand.class})
public final class CredentialsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list or forget");
    }
}
