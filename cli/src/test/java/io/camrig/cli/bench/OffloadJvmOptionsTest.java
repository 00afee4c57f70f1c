package io.camrig.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code camrig bench offload} measures the client as the launcher runs {@code camrig offload}: with
 * the same JVM options (every option of the bench's default is in the launcher's offload branch),
 * from the same jar ({@code camrig-offload.jar}, which the build makes with the offload's own entry
 * point as its main class) and entry point.
 */
class OffloadJvmOptionsTest {
    @TempDir
    Path dir;

    private static String launcherOffloadBranch() throws Exception {
        String launcher = Files.readString(Path.of("..", "camrig"));
        return launcher.substring(launcher.indexOf("= offload ]"), launcher.indexOf("exec java"));
    }

    @Test
    void benchDefaultIsWhatTheLauncherGivesOffload() throws Exception {
        String branch = launcherOffloadBranch();
        assertThat(Arrays.asList(OffloadBenchCommand.OFFLOAD_JVM.split(" "))).isNotEmpty()
                .allSatisfy(option -> assertThat(branch).contains(option));
        assertThat(OffloadBenchCommand.OFFLOAD_JVM).contains("-Xmx", "-XX:MaxDirectMemorySize=");
    }

    /**
     * On a JDK 25+ the launcher adds the same options for the training and the run, uses the cache as
     * {@link OffloadAotCommand#USE_CACHE} says, and {@code bench offload} gives its client the same JDK
     * 25 options, its cache in mode "on" (a cache the JVM cannot use fails the run), and refuses a
     * cache on an older JDK.
     */
    @Test
    void onJdk25TheLauncherAndTheBenchAddTheSameOptions() throws Exception {
        String branch = launcherOffloadBranch();
        assertThat(branch).contains("aot_opts=(${priority[@]+\"${priority[@]}\"} \"${defaults[@]}\" \"${trim[@]}\" "
                + OffloadAotCommand.JDK25_JVM + ")");
        for (String option : OffloadAotCommand.USE_CACHE.split(" ")) {
            assertThat(branch).contains(option.contains("*") ? "'" + option + "'" : option);
        }
        String launcher = Files.readString(Path.of("..", "camrig"));
        assertThat(launcher).contains("bench offload-aot --java \"$j\" --jar \"$offload_jar\" --output \"$cache\" "
                + "--jvm \"${aot_opts[*]}\"");

        OffloadBenchCommand bench = new OffloadBenchCommand();
        bench.clientJvm = "-Xmx16m";
        assertThat(bench.clientOptions(new JdkVersion(17, "17.0.15"))).isEqualTo("-Xmx16m");
        assertThat(bench.clientOptions(new JdkVersion(25, "25.0.3"))).isEqualTo("-Xmx16m " + OffloadAotCommand.JDK25_JVM);
        bench.clientAotCache = dir.resolve("c.aot");
        assertThat(bench.clientOptions(new JdkVersion(25, "25.0.3"))).isEqualTo("-Xmx16m " + OffloadAotCommand.JDK25_JVM
                + " -XX:AOTMode=on -XX:+VerifySharedSpaces -XX:AOTCache=" + dir.resolve("c.aot").toAbsolutePath());
        assertThatThrownBy(() -> bench.clientOptions(new JdkVersion(17, "17.0.15")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a JDK 25+");
    }

    @Test
    void trainingRunsTheOffloadJarAsTheLauncherDoes() {
        assertThat(OffloadAotCommand.launch("/x/cli/target/camrig-offload.jar"))
                .containsExactly("-jar", "/x/cli/target/camrig-offload.jar");
        assertThat(OffloadAotCommand.launch("target/classes:target/lib.jar"))
                .containsExactly("-cp", "target/classes:target/lib.jar", "io.camrig.cli.CamrigOffloadCommand");
        assertThat(OffloadAotCommand.options(" -Xmx16m  -Xss256k ")).containsExactly("-Xmx16m", "-Xss256k");
        assertThat(OffloadAotCommand.options("")).isEmpty();
    }

    @Test
    void launcherAndBenchRunTheOffloadJarAndItsEntryPoint() throws Exception {
        assertThat(launcherOffloadBranch()).contains("run_jar=\"$offload_jar\"");
        assertThat(Files.readString(Path.of("..", "camrig"))).contains("offload_jar=\"$here/cli/target/camrig-offload.jar\"");
        String pom = Files.readString(Path.of("pom.xml"));
        String execution = pom.substring(pom.indexOf("<id>offload-jar</id>"));
        assertThat(execution.substring(0, execution.indexOf("</execution>")))
                .contains("/camrig-offload.jar</outputFile>", "<mainClass>io.camrig.cli.CamrigOffloadCommand</mainClass>");

        Path full = Files.createFile(dir.resolve("camrig.jar"));
        assertThat(OffloadBenchProcesses.camrigClient("java", "-Xmx20m -Xss256k", full.toString()))
                .as("without camrig-offload.jar beside it, the same entry point on the given class path")
                .containsExactly("java", "-Xmx20m", "-Xss256k", "-cp", full.toString(), "io.camrig.cli.CamrigOffloadCommand");
        Path slim = Files.createFile(dir.resolve("camrig-offload.jar"));
        List<String> client = OffloadBenchProcesses.camrigClient("java", OffloadBenchCommand.OFFLOAD_JVM, full.toString());
        assertThat(client.subList(client.size() - 3, client.size()))
                .containsExactly("-cp", slim.toString(), "io.camrig.cli.CamrigOffloadCommand");
        assertThat(client.subList(1, client.size() - 3)).containsExactly(OffloadBenchCommand.OFFLOAD_JVM.split(" "));
    }
}
