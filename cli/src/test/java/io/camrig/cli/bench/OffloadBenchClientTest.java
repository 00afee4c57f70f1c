package io.camrig.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.cli.CamrigOffloadCommand;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.http.VirtualHttpRig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench offload-client}, the camrig side of {@code camrig bench offload}: with {@code
 * --warm-up-offload} it first offloads the camera's file once into a scratch take through the same
 * offloader, with a {@code --warm-up-bytes} larger than the file it downloads the file whole twice
 * and a prefix; either way it leaves nothing of the warm-up behind, then offloads the measured take
 * (the file byte-identical, verified); {@code --timeline} and {@code --threads} print the events and the
 * window to stderr.
 */
class OffloadBenchClientTest {
    private static final Duration T = Duration.ofSeconds(30);

    @Test
    void aWarmUpOffloadLeavesNothingBehindAndTheMeasuredOffloadIsVerified(@TempDir Path dir) throws Exception {
        offloadsAfterWarmUp(dir, "--warm-up-offload");
    }

    @Test
    void aWarmUpLargerThanTheFileRepeatsItsDownloadAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        offloadsAfterWarmUp(dir, "--warm-up-bytes", String.valueOf(2 * 700_001 + 1));
    }

    private static void offloadsAfterWarmUp(Path dir, String... warmUp) throws Exception {
        int size = 700_001;
        VirtualHttpRig.Options o = new VirtualHttpRig.Options(1, "HERO12 Black", 7, size, 1, "127.0.0.1", 0, false, 0,
                Duration.ZERO);
        try (VirtualHttpRig rig = VirtualHttpRig.start(o, Optional.of(dir.resolve("spool"))).block(T)) {
            VirtualCameraHttpServer camera = rig.cameras().get(0);
            Path takes = dir.resolve("takes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream stdout = System.out;
            PrintStream stderr = System.err;
            int exit;
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("bench", "offload-client", "--to",
                        takes.toString(), "--timeline", "--threads", "--url", camera.baseUri().toString()));
                args.addAll(java.util.List.of(warmUp));
                exit = CamrigOffloadCommand.commandLine().execute(args.toArray(String[]::new));
            } finally {
                System.setOut(stdout);
                System.setErr(stderr);
            }

            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
            JsonNode r = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8).strip().lines()
                    .reduce((a, b) -> b).orElseThrow());
            assertThat(r.get("bytes").asLong()).isEqualTo(size);
            assertThat(r.get("failures").asInt()).isZero();
            assertThat(r.get("warmUpSeconds").asDouble()).isPositive();
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("measured window: JVM uptime", "offload events",
                    "Verified", "CameraDone", "end of the measured transfer");
            byte[] expected = camera.sdCard().expectedBytes(camera.sdCard().files().get(0));
            try (var files = Files.walk(takes)) {
                assertThat(files.filter(p -> p.getFileName().toString().equals("GX010001.MP4")).toList())
                        .singleElement().satisfies(p -> assertThat(Files.readAllBytes(p)).isEqualTo(expected));
            }
            try (var left = Files.list(dir)) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("spool", "takes");
            }
        }
    }
}
