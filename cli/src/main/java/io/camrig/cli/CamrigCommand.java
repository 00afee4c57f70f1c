package io.camrig.cli;

import io.camrig.cli.bench.BenchCommand;
import io.camrig.cli.console.ErrorReport;
import io.camrig.cli.console.ExitCodes;
import io.camrig.cli.console.Interrupts;
import io.camrig.cli.console.JsonStyle;
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
import io.camrig.cli.take.OffloadCommand;
import io.camrig.cli.take.TakesCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code camrig}: drive many GoPro cameras at once. Exit codes: 0 success, 1 an error, 2 bad
 * usage, 3 some cameras failed (the report is still complete), 130 stopped by Ctrl-C.
 */
@Command(name = "camrig", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Drives many GoPro cameras at once over the Open GoPro API 2.0.",
        subcommands = {DemoCommand.class, DecodeCommand.class, BenchCommand.class, SettingsCommand.class,
                StatusCommand.class, PresetCommand.class, HttpCommand.class, SimulateCommand.class,
                ProvisionCommand.class, ApCommand.class, WifiCommand.class, CredentialsCommand.class, ServeCommand.class,
                MediaCommand.class,
                io.camrig.cli.cluster.BrokerCommand.class, io.camrig.cli.cluster.NodeCommand.class,
                TakesCommand.class, OffloadCommand.class,
                CommandLine.HelpCommand.class})
public final class CamrigCommand extends CamrigRoot {
    @Override
    String example() {
        return "camrig demo";
    }

    /** A command line configured as the launcher runs it. */
    public static CommandLine commandLine() {
        return configure(new CamrigCommand());
    }

    /**
     * A command line over {@code root} (this command or {@link CamrigOffloadCommand}) with what every
     * camrig command line shares: duration and case-insensitive enum conversion, the error report.
     */
    static CommandLine configure(CamrigRoot root) {
        JsonStyle.pretty(false);
        CommandLine cli = new CommandLine(root);
        cli.registerConverter(java.time.Duration.class, new DurationConverter());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        ErrorReport errors = new ErrorReport(System.getenv("CAMRIG_LOG"));
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors);
        return cli;
    }

    /**
     * Runs a command line and returns its exit code; after Ctrl-C always {@link
     * ExitCodes#INTERRUPTED}, saying what was stopped even when the command ended by itself.
     */
    public static int run(CommandLine cli, String... args) {
        int code = cli.execute(args);
        if (Interrupts.requested() && code != ExitCodes.INTERRUPTED) {
            CommandLine.ParseResult parsed = cli.getParseResult();
            while (parsed != null && parsed.subcommand() != null) {
                parsed = parsed.subcommand();
            }
            ErrorReport.interrupted(cli.getErr(), parsed == null ? "camrig" : parsed.commandSpec().qualifiedName());
            return ExitCodes.INTERRUPTED;
        }
        return code;
    }

    public static void main(String[] args) {
        launch(commandLine(), args);
    }

    /** Runs {@code cli} as a process's main: sets Netty up, installs the Ctrl-C handling, exits with its code. */
    static void launch(CommandLine cli, String[] args) {
        // Netty 4.2 registers JFR events for its buffer pools (about 100 JDK classes and generated
        // event handlers per process) unless told not to; camrig records no flight recording.
        if (System.getProperty("io.netty.jfr.enabled") == null) {
            System.setProperty("io.netty.jfr.enabled", "false");
        }
        Interrupts.install(Thread.currentThread());
        System.exit(run(cli, args));
    }
}
