package io.camrig.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every JMH benchmark of this module in-process, each for one iteration of 100 ms and no
 * warm-up, so that none can rot: each must run, score above zero and report its secondary
 * counters, with the CPU profiler attached. The figures themselves mean nothing here; they come from the shaded jar.
 */
class BenchmarksSmokeTest {

    @Test
    void everyBenchmarkRunsOnceAndScores() throws RunnerException {
        Options options = new OptionsBuilder()
                .include("^io\\.camrig\\.benchmarks\\.[A-Za-z]+Benchmark\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .addProfiler(ProcessCpuProfiler.class)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, Long> runsPerClass = results.stream().collect(Collectors.groupingBy(
                r -> r.getParams().getBenchmark().replaceAll("\\.[^.]+$", ""), Collectors.counting()));
        assertThat(runsPerClass).containsOnly(
                Map.entry(ReassemblerBenchmark.class.getName(), 2L),
                Map.entry(StreamCopyBenchmark.class.getName(), 1L),
                Map.entry(ReassemblyFloorBenchmark.class.getName(), 2L),
                Map.entry(FragmenterBenchmark.class.getName(), 3L),
                Map.entry(DecoderBenchmark.class.getName(), 7L),
                Map.entry(NotificationPathBenchmark.class.getName(), 4L),
                Map.entry(OffloadQueueBenchmark.class.getName(), 2L));
        for (RunResult r : results) {
            assertThat(r.getPrimaryResult().getScore()).as(r.getParams().id()).isPositive();
            assertThat(r.getPrimaryResult().getScoreUnit()).isEqualTo("ops/s");
            assertThat(r.getSecondaryResults().get("cpu.cores").getScore()).as(r.getParams().id()).isPositive();
        }
        Map<String, RunResult> byClass = results.stream().collect(Collectors.toMap(
                r -> r.getParams().getBenchmark().replaceAll("^.*\\.([A-Za-z]+)\\.[^.]+$", "$1"),
                Function.identity(), (a, b) -> a));
        assertThat(byClass.get("ReassemblerBenchmark").getSecondaryResults()).containsKey("messages");
        assertThat(byClass.get("ReassemblyFloorBenchmark").getSecondaryResults()).containsKey("messages");
        assertThat(byClass.get("NotificationPathBenchmark").getSecondaryResults()).containsKey("messages");
        assertThat(byClass.get("FragmenterBenchmark").getSecondaryResults()).containsKey("packets");
    }
}
