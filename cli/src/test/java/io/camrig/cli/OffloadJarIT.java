package io.camrig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.simulator.http.HttpCameraIdentity;
import io.camrig.simulator.http.HttpServerOptions;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.media.SdCard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged offload runtime, {@code cli/target/camrig-offload.jar}, as {@code ./camrig offload}
 * runs it (its own JVM, the launcher's offload options): it offloads simulated cameras over a URL
 * and over each camera's AP, prints its help, and holds a fraction of {@code camrig.jar}'s entries
 * (the JVM keeps a jar's whole central directory on its heap). Runs after {@code package}.
 */
class OffloadJarIT {
    private static final Path OFFLOAD_JAR = Path.of("target", "camrig-offload.jar");
    private static final Path FULL_JAR = Path.of("target", "camrig.jar");

    @TempDir
    Path dir;

    /** A finished process: exit code and what it printed (stdout, then stderr). */
    private record Run(int code, String out, String err) {
    }

    private Run offloadJar(String... args) throws IOException, InterruptedException {
        return run(Map.of(), List.of("-jar", OFFLOAD_JAR.toString()), args);
    }

    /** The JVM as {@link #offloadJar} starts it, with {@code env} added and {@code launch} (a jar or a class path and main). */
    private Run run(Map<String, String> env, List<String> launch, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // The launcher's offload options, but for the native-heap trim, which older JDKs refuse (the
        // launcher tries it first); it changes no behaviour.
        for (String option : io.camrig.cli.bench.OffloadBenchCommand.OFFLOAD_JVM.split(" ")) {
            if (!option.contains("TrimNativeHeap") && !option.contains("UnlockExperimental")) {
                command.add(option);
            }
        }
        command.addAll(launch);
        command.addAll(List.of(args));
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().remove("CAMRIG_LOG");
        builder.environment().putAll(env);
        Process p = builder.start();
        int code = p.waitFor();
        return new Run(code, Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    @Test
    void offloadsACameraByUrl() throws Exception {
        String serial = "C3501460050001";
        SdCard card = new SdCard(serial, 42, 500_000);
        card.record(Instant.parse("2025-01-01T10:00:00Z"));
        card.record(Instant.parse("2025-01-01T10:01:00Z"));
        try (VirtualCameraHttpServer camera = VirtualCameraHttpServer.start(card, HttpCameraIdentity.fromSerial(serial),
                Map::of, Map::of, HttpServerOptions.defaults().withCohn(0)).block(Duration.ofSeconds(15))) {
            Run r = offloadJar("offload", "--url", camera.baseUri().toString(), "--media-dir",
                    dir.resolve("media").toString(), "--json");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("\"event\":\"summary\"").contains("\"verified\":2").contains("\"remaining\":0");
            assertThat(r.err()).doesNotContain("NoClassDefFoundError", "ClassNotFoundException", "SLF4J");
        }
    }

    /**
     * The offload jar logs through SLF4J's simple logger, not logback: camrig's warnings reach stderr
     * (with their cause) and never a password, the libraries that repeat our failures only show
     * errors, Reactor's dropped errors are off, and {@code CAMRIG_LOG} opens every level.
     */
    @Test
    void logsWarningsToStderrWithoutSecretsAndKeepsLibrariesQuiet() throws Exception {
        List<String> probe = List.of("-cp", OFFLOAD_JAR + java.io.File.pathSeparator + Path.of("target", "test-classes"),
                OffloadLogProbe.class.getName());
        Run r = run(Map.of(), probe);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("probe: provider org.slf4j.simple.SimpleLoggerFactory")
                .containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN OffloadRuns - probe: camrig warning for "
                        + "CameraAddress\\[https://192.168.50.21, user gopro]")
                .contains("java.lang.IllegalStateException: probe: cause at CameraAddress[https://192.168.50.21, user gopro]")
                .contains("ERROR HttpClientConnect - probe: reactor netty error")
                .doesNotContain(OffloadLogProbe.SECRET, "probe: camrig info", "probe: reactor netty warning",
                        "probe: dropped error", "SLF4J(W)", "logback");
        assertThat(r.out()).isEmpty();

        Run verbose = run(Map.of("CAMRIG_LOG", "debug"), probe);
        assertThat(verbose.err()).contains("INFO OffloadRuns - probe: camrig info", "WARN HttpClientConnect - probe: reactor "
                + "netty warning", "ERROR Operators - probe: dropped error").doesNotContain(OffloadLogProbe.SECRET);
    }

    @Test
    void offloadsSimulatedCamerasEachOverItsOwnAccessPoint() throws Exception {
        Run r = offloadJar("offload", "--ap", "--cameras", "2", "--media-dir", dir.resolve("media").toString());
        assertThat(r.code()).as("%s%n%s", r.out(), r.err()).isZero();
        assertThat(r.out()).contains("2 camera(s)").contains("2 file(s) verified, 0 remaining");
        assertThat(r.out() + r.err()).doesNotContain("password", "NoClassDefFoundError");
    }

    @Test
    void printsTheOffloadsHelpAndRefusesOtherCommands() throws Exception {
        Run help = offloadJar("offload", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: camrig offload", "--url", "--ap", "--ble", "--wifi", "--delete-after-verify");
        Run other = offloadJar("demo");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("demo");
    }

    @Test
    void holdsAFractionOfTheFullJar() throws Exception {
        try (ZipFile slim = new ZipFile(OFFLOAD_JAR.toFile()); ZipFile full = new ZipFile(FULL_JAR.toFile())) {
            assertThat(slim.size()).isLessThan(full.size() / 2);
            assertThat(slim.getEntry("io/camrig/cli/CamrigOffloadCommand.class")).isNotNull();
            assertThat(slim.getEntry("com/hivemq/embedded/EmbeddedHiveMQ.class")).isNull();
            assertThat(full.getEntry("com/hivemq/embedded/EmbeddedHiveMQ.class")).isNotNull();
            // One SLF4J provider in each: logback in the full jar, the simple logger in the offload's.
            assertThat(slim.getEntry("ch/qos/logback/classic/Logger.class")).isNull();
            assertThat(slim.getEntry("org/slf4j/simple/SimpleLogger.class")).isNotNull();
            assertThat(full.getEntry("ch/qos/logback/classic/Logger.class")).isNotNull();
            assertThat(full.getEntry("org/slf4j/simple/SimpleLogger.class")).isNull();
        }
    }
}
