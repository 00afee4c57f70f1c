package io.camrig.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bench's process runner never deadlocks on a chatty client and names the cause of a failure:
 * a process writing far more than a pipe holds to stderr finishes; one that fails is reported with
 * its last own stderr line, not {@code /usr/bin/time}'s.
 */
class OffloadBenchProcessesTest {

    @Test
    void aClientThatWritesMuchToStderrStillFinishes() throws Exception {
        // 1 MB on stderr before anything on stdout: with pipes read one after the other this would block forever
        OffloadBenchProcesses.Usage u = OffloadBenchProcesses.runAll(List.of(
                List.of("sh", "-c", "head -c 1000000 /dev/zero | tr '\\000' x >&2; echo done"),
                List.of("sh", "-c", "echo other")));
        assertThat(u.stdout()).containsExactly("done\n", "other\n");
        assertThat(u.wallSeconds()).isPositive();
    }

    @Test
    void aFailedClientIsReportedWithItsOwnLastErrorLine() {
        assertThatThrownBy(() -> OffloadBenchProcesses.runAll(List.of(
                List.of("sh", "-c", "echo 'jdk client: java.lang.OutOfMemoryError: Java heap space' >&2; exit 1"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exited 1: jdk client: java.lang.OutOfMemoryError: Java heap space")
                .hasMessageNotContaining("Command exited");
    }
}
