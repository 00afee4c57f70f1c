package io.camrig.cli.bench;

import io.camrig.benchmarks.rig.RigBenchReport;
import io.camrig.benchmarks.rig.RigHarness;
import io.camrig.benchmarks.rig.RigHarnessOptions;
import io.camrig.cli.console.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code camrig bench rig}: the rig-scale harness ({@link RigHarness}) on simulated cameras with
 * zero link latency. Prints a table of fire skew, time to connect, heap per camera and idle CPU
 * per camera for each rig size, and the targets (p99 fire skew under 1 ms at 128 cameras, heap and idle CPU per camera) met or missed. Exit code 0 when every
 * camera connected and every fire succeeded, 3 otherwise (the table is still printed).
 */
@Command(name = "rig", mixinStandardHelpOptions = true,
        description = "Measure fire skew, connect time, heap and idle CPU per camera on simulated rigs of growing size.")
public final class RigBenchCommand implements Callable<Integer> {

    @Option(names = "--cameras", paramLabel = "N[,N...]", split = ",", defaultValue = "8,32,128,512",
            description = "Rig sizes to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> cameras;

    @Option(names = "--fires", paramLabel = "N", defaultValue = "50",
            description = "Measured fires per rig size (default: ${DEFAULT-VALUE}).")
    int fires;

    @Option(names = "--warmup-fires", paramLabel = "N", defaultValue = "20",
            description = "Fires before the measured ones, not counted, at least (default: ${DEFAULT-VALUE}).")
    int warmupFires;

    @Option(names = "--max-warmup-fires", paramLabel = "N", defaultValue = "400",
            description = "Warm-up fires at most; between the two, warm-up goes on until the JIT compiles for under "
                    + "1 ms per fire over 20 fires (default: ${DEFAULT-VALUE}; raised to --warmup-fires if lower).")
    int maxWarmupFires;

    @Option(names = "--idle", paramLabel = "D", defaultValue = "9s",
            description = "Idle window over which CPU is measured (default: ${DEFAULT-VALUE}).")
    Duration idle;

    @Option(names = "--idle-warmup", paramLabel = "D", defaultValue = "5s",
            description = "Idle load before the CPU window opens (default: ${DEFAULT-VALUE}).")
    Duration idleWarmup;

    @Option(names = "--keep-alive", paramLabel = "D", defaultValue = "3s",
            description = "Keep-alive interval per camera during the idle window (default: ${DEFAULT-VALUE}).")
    Duration keepAlive;

    @Option(names = "--status-push", paramLabel = "D", defaultValue = "1s",
            description = "How often each simulated camera pushes a status change when idle (default: ${DEFAULT-VALUE}).")
    Duration statusPush;

    @Option(names = "--connect-concurrency", paramLabel = "N", defaultValue = "4",
            description = "Connections set up at once (default: ${DEFAULT-VALUE}, the engine's default).")
    int connectConcurrency;

    @Option(names = "--no-latency-compensation",
            description = "Fire with RigOptions.compensateLatency off: every write released at once.")
    boolean noCompensation;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Also write the figures as CSV (input of io.camrig.benchmarks.report.RigPlot).")
    Path csv;

    @Option(names = "--quiet", description = "Do not print progress on stderr.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        RigHarnessOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RigBenchReport report = new RigHarness(options, line -> {
            if (!quiet) {
                err.println("camrig bench rig: " + line);
                err.flush();
            }
        }).run();
        out.print(report.toText());
        out.flush();
        if (csv != null) {
            Files.writeString(csv, report.toCsv(), StandardCharsets.UTF_8);
        }
        boolean allOk = report.results().stream()
                .allMatch(r -> r.connectedCameras() == r.cameras() && r.fireFailures() == 0 && r.keepAliveFailures() == 0);
        return allOk ? 0 : ExitCodes.SOME_FAILED;
    }

    private RigHarnessOptions options() {
        try {
            return RigHarnessOptions.defaults().withCameraCounts(cameras).withFires(fires)
                    .withWarmupFires(warmupFires, Math.max(warmupFires, maxWarmupFires))
                    .withIdle(idleWarmup, idle).withKeepAliveInterval(keepAlive).withStatusPushInterval(statusPush)
                    .withConnectConcurrency(connectConcurrency).withCompensateLatency(!noCompensation);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
