package io.camrig.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler for shared machines: how many cores the benchmark process kept busy during each
 * measured iteration (process CPU time / wall time), as the secondary result {@code cpu.cores}.
 * When other work competes for the CPU, a single-threaded benchmark shows less than 1.0, and
 * {@code score / cpu.cores} is its rate per core-second of CPU it actually got. Use with
 * {@code -prof io.camrig.benchmarks.ProcessCpuProfiler} (in a fork, so the process is the
 * benchmark's alone).
 */
public final class ProcessCpuProfiler implements InternalProfiler {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long cpuStart;
    private long wallStart;

    @Override
    public String getDescription() {
        return "Cores kept busy by the benchmark process (process CPU time / wall time)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        wallStart = System.nanoTime();
        cpuStart = OS.getProcessCpuTime();
    }

    @Override
    @SuppressWarnings("rawtypes")   // the InternalProfiler signature uses the raw Result type
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpu = OS.getProcessCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        return List.of(new ScalarResult("cpu.cores", wall > 0 ? (double) cpu / wall : 0, "cores", AggregationPolicy.AVG));
    }
}
