package io.camrig.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cli.CliRun;
import io.camrig.cluster.broker.LocalMosquitto;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code camrig bench cluster --broker-impl mosquitto}: the bench starts its own Mosquitto, a node
 * JVM logs in with its credentials file, the fires complete, and nothing the bench started (broker,
 * node) outlives it. Skipped when Mosquitto is missing, unless {@code -Dcamrig.mosquitto.required=true}.
 */
class ClusterBenchMosquittoTest {
    @Test
    void theBenchRunsThroughItsOwnMosquittoAndLeavesNoProcessBehind() {
        if (!LocalMosquitto.installed()) {
            if (Boolean.getBoolean("camrig.mosquitto.required")) {
                throw new IllegalStateException("mosquitto is required (camrig.mosquitto.required) but is not installed");
            }
            Assumptions.abort("mosquitto not installed (apt-get install mosquitto): test skipped");
        }
        CliRun cli = new CliRun();
        int code = cli.run("bench", "cluster", "--broker-impl", "mosquitto", "--nodes", "1", "--cameras", "2",
                "--fires", "2", "--warmup-fires", "0", "--clock-limit", "100ms");
        assertThat(code).as("%s%n%s", cli.out, cli.err).isZero();
        assertThat(cli.err.toString()).contains("mosquitto broker on mqtt://127.0.0.1:");
        assertThat(cli.out.toString()).contains("nodes 1 x cameras 2 (2 cameras): 4/4 fires complete on every camera")
                .contains("node loss (SIGKILL to Last Will at the coordinator)");
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().orElse("?")).toList())
                .as("processes the bench started").noneMatch(c -> c.endsWith("mosquitto") || c.endsWith("java"));
    }

    @Test
    void anUnknownBrokerIsAUsageError() {
        CliRun cli = new CliRun();
        assertThat(cli.run("bench", "cluster", "--broker-impl", "rabbit")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("embedded, mosquitto");
    }
}
