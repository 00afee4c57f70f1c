package io.camrig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.simulator.http.HttpCameraIdentity;
import io.camrig.simulator.http.HttpServerOptions;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.media.SdCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The offload's own entry point ({@link CamrigOffloadCommand}, the main class of
 * {@code camrig-offload.jar}): it offloads like {@code camrig offload}, with the same options and
 * help, and holds nothing else but the bench's offload client.
 */
class CamrigOffloadCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    /** Runs {@code args} on the offload's own root, as {@code camrig-offload.jar}'s main does. */
    private int run(String... args) {
        return cli.runOn(CamrigOffloadCommand.commandLine(), args);
    }

    @Test
    void offloadsASimulatedCameraIntoAVerifiedTake() throws Exception {
        String serial = "C3501460050001";
        SdCard card = new SdCard(serial, 42, 200_000);
        card.record(Instant.parse("2025-01-01T10:00:00Z"));
        try (VirtualCameraHttpServer camera = VirtualCameraHttpServer.start(card, HttpCameraIdentity.fromSerial(serial),
                Map::of, Map::of, HttpServerOptions.defaults().withCohn(0)).block(Duration.ofSeconds(15))) {
            Path media = dir.resolve("media");
            assertThat(run("offload", "--url", camera.baseUri().toString(), "--media-dir", media.toString()))
                    .as("%s%n%s", cli.out, cli.err).isZero();
            assertThat(cli.out.toString()).contains("1 file(s) verified, 0 remaining");
            Path file;
            try (Stream<Path> takes = Files.list(media)) {
                file = takes.filter(Files::isDirectory).findFirst().orElseThrow()
                        .resolve(serial).resolve("100GOPRO").resolve("GX010001.MP4");
            }
            assertThat(Files.readAllBytes(file))
                    .isEqualTo(card.expectedBytes(card.find("100GOPRO", "GX010001.MP4").orElseThrow()));
        }
    }

    @Test
    void itsOffloadIsTheFullTreesOffloadAndItHoldsNothingElse() {
        CommandLine slim = CamrigOffloadCommand.commandLine();
        CommandLine full = CamrigCommand.commandLine();
        assertThat(slim.getSubcommands().keySet()).containsExactlyInAnyOrder("offload", "bench");
        assertThat(slim.getSubcommands().get("bench").getSubcommands().keySet()).containsExactly("offload-client");
        assertThat(slim.getSubcommands().get("offload").getUsageMessage(CommandLine.Help.Ansi.OFF))
                .isEqualTo(full.getSubcommands().get("offload").getUsageMessage(CommandLine.Help.Ansi.OFF))
                .contains("--url", "--ap", "--ble", "--wifi", "--media-dir", "--pretty");
    }

    @Test
    void bareOrUnknownCommandsAreUsageErrors() {
        assertThat(run()).isEqualTo(2);
        assertThat(cli.err.toString()).contains("a command is required");
        assertThat(run("demo")).isEqualTo(2);
        assertThat(run("offload", "--parallel", "0", "--url", "http://127.0.0.1:9")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--parallel must be >= 1");
    }
}
