package io.camrig.cli;

import io.camrig.cli.bench.BenchCommand;
import io.camrig.cli.decode.DecodeCommand;
import io.camrig.cli.demo.DemoCommand;
import io.camrig.cli.http.HttpCommand;
import io.camrig.cli.media.MediaCommand;
import io.camrig.cli.network.ApCommand;
import io.camrig.cli.network.CredentialsCommand;
import io.camrig.cli.network.ProvisionCommand;
import io.camrig.cli.network.WifiCommand;
import io.camrig.cli.preset.PresetCommand;
import io.camrig.cli.serve.ServeCommand;
import io.camrig.cli.settings.SettingsCommand;
import io.camrig.cli.simulate.SimulateCommand;
import io.camrig.cli.status.StatusCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code camrig}: drive many GoPro cameras at once. Exit codes: 0 success, 1 an error, 2 bad
 * usage, 3 some cameras failed (the report is still complete).
 */
@Command(name = "camrig", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Drives many GoPro cameras at once over the Open GoPro API 2.0.",
        subcommands = {DemoCommand.class, DecodeCommand.class, BenchCommand.class, SettingsCommand.class,
                StatusCommand.class, PresetCommand.class, HttpCommand.class, SimulateCommand.class,
                ProvisionCommand.class, ApCommand.class, WifiCommand.class, CredentialsCommand.class, ServeCommand.class,
                MediaCommand.class,
                io.camrig.cli.cluster.BrokerCommand.class, io.camrig.cli.cluster.NodeCommand.class,
                CommandLine.HelpCommand.class})
public final class CamrigCommand implements Runnable {
    /** Exit code: some cameras failed; the report is complete. */
    public static final int EXIT_SOME_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try 'camrig demo')");
    }

    /** A command line configured as the launcher runs it. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CamrigCommand());
        cli.registerConverter(java.time.Duration.class, new DurationConverter());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
