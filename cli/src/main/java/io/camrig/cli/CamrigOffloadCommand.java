package io.camrig.cli;

import io.camrig.cli.bench.OffloadBenchClient;
import io.camrig.cli.console.OffloadLogging;
import io.camrig.cli.take.OffloadCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The offload's own entry point: a {@code camrig} root with only {@code offload} (and the hidden
 * {@code bench offload-client} that {@code camrig bench offload} measures), so that an offload does
 * not build the whole command tree and everything its options pull in. {@code ./camrig offload}
 * runs it from {@code cli/target/camrig-offload.jar}, a jar holding only what an offload needs
 * (BENCHMARKS.md, "A slim offload runtime"); the commands, their options and their exit codes are
 * those of {@link CamrigCommand}'s tree.
 */
@Command(name = "camrig", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Drives many GoPro cameras at once over the Open GoPro API 2.0 (offload only).",
        subcommands = {OffloadCommand.class, CamrigOffloadCommand.Bench.class})
public final class CamrigOffloadCommand extends CamrigRoot {
    @Override
    String example() {
        return "camrig offload --help";
    }

    /** {@code bench} with only the offload client of {@code camrig bench offload}. */
    @Command(name = "bench", hidden = true, subcommands = OffloadBenchClient.class,
            description = "The client side of 'camrig bench offload'.")
    static final class Bench {
    }

    /** A command line configured as {@code ./camrig offload} runs it. */
    public static CommandLine commandLine() {
        return CamrigCommand.configure(new CamrigOffloadCommand());
    }

    /**
     * The offload jar's main: its logging ({@link OffloadLogging}) is set up before anything logs,
     * its event loops ({@link OffloadThreads}) before any HTTP client is made.
     */
    public static void main(String[] args) {
        OffloadLogging.configure();
        OffloadThreads.configure();
        CamrigCommand.launch(commandLine(), args);
    }
}
