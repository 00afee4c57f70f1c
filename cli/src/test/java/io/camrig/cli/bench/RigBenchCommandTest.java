package io.camrig.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.benchmarks.rig.RigScaleResult;
import io.camrig.cli.CamrigCommand;
import io.camrig.cli.CliRun;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code camrig bench rig} as a user runs it, on a tiny rig. */
class RigBenchCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void aTinyRunPrintsTheTableAndWritesTheCsv() throws Exception {
        Path csv = dir.resolve("rig.csv");

        int code = run("bench", "rig", "--cameras", "3", "--fires", "2", "--warmup-fires", "0",
                "--max-warmup-fires", "0", "--idle", "200ms", "--idle-warmup", "0", "--keep-alive", "100ms",
                "--status-push", "50ms", "--csv", csv.toString());

        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("camrig bench rig:").contains("skew p99").contains("targets (what one host must sustain").doesNotContain("issue 8");
        assertThat(out.toString().lines().filter(l -> l.matches("^ +3 +3 .*"))).hasSize(1);
        assertThat(err.toString()).contains("N=3: connecting").contains("N=3: warm after 0 fires");
        assertThat(Files.readAllLines(csv)).hasSize(2).first().isEqualTo(RigScaleResult.CSV_HEADER);
    }

    @Test
    void rigSizesAreACommaSeparatedListDefaultingToTheIssueSizes() {
        RigBenchCommand defaults = parse("bench", "rig");
        assertThat(defaults.cameras).containsExactly(8, 32, 128, 512);
        assertThat(defaults.fires).isEqualTo(50);
        assertThat(defaults.idle).hasSeconds(9);
        assertThat(defaults.warmupFires).isEqualTo(20);
        assertThat(defaults.maxWarmupFires).isEqualTo(400);

        assertThat(parse("bench", "rig", "--cameras", "2,16,64").cameras).containsExactly(2, 16, 64);
    }

    private static RigBenchCommand parse(String... args) {
        CommandLine.ParseResult parsed = CamrigCommand.commandLine().parseArgs(args);
        return (RigBenchCommand) parsed.subcommand().subcommand().commandSpec().userObject();
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(run("bench", "rig", "--cameras", "0", "--quiet")).isEqualTo(2);
        assertThat(err.toString()).contains("camera counts must be 1..1024");
        assertThat(run("bench")).isEqualTo(2);
        assertThat(run("bench", "rig", "--fires", "0", "--quiet")).isEqualTo(2);
    }
}
