package io.camrig.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link ReassemblerBenchmark} in-process for a fraction of a second so it cannot rot. */
class ReassemblerBenchmarkSmokeTest {

    @Test
    void benchmarkRunsAndScores() throws RunnerException {
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(ReassemblerBenchmark.class.getName()) + "\\.")
                .forks(0)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        assertThat(results).hasSize(1);
        RunResult result = results.iterator().next();
        assertThat(result.getPrimaryResult().getScore()).isPositive();
        assertThat(result.getPrimaryResult().getScoreUnit()).isEqualTo("ns/op");
    }

    @Test
    void streamHasTheDocumentedMix() {
        ReassemblerBenchmark benchmark = new ReassemblerBenchmark();
        benchmark.setUp();
        // About 16 packets per message on average for this mix.
        assertThat(benchmark.streamPackets()).isBetween(ReassemblerBenchmark.MESSAGES * 8, ReassemblerBenchmark.MESSAGES * 30);
    }
}
