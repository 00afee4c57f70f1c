package io.camrig.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code camrig bench}: measurements of camrig itself. The JMH benchmarks run from {@code benchmarks/target/benchmarks.jar}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure camrig itself (the packet-path JMH benchmarks are in benchmarks/target/benchmarks.jar).",
        subcommands = {RigBenchCommand.class, io.camrig.cli.cluster.ClusterBenchCommand.class, OffloadBenchCommand.class, OffloadBenchClient.class,
        OffloadAotCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a benchmark is required (try 'camrig bench rig')");
    }
}
