package io.camrig.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code camrig bench offload} measures the client with the JVM options the launcher gives
 * {@code camrig offload}: every option of the bench's default is in the launcher's offload branch.
 */
class OffloadJvmOptionsTest {
    @Test
    void benchDefaultIsWhatTheLauncherGivesOffload() throws Exception {
        String launcher = Files.readString(Path.of("..", "camrig"));
        String branch = launcher.substring(launcher.indexOf("= offload ]"), launcher.indexOf("exec java"));
        assertThat(Arrays.asList(OffloadBenchCommand.OFFLOAD_JVM.split(" "))).isNotEmpty()
                .allSatisfy(option -> assertThat(branch).contains(option));
        assertThat(OffloadBenchCommand.OFFLOAD_JVM).contains("-Xmx", "-XX:MaxDirectMemorySize=");
    }
}
