package io.camrig.cli.take;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cli.CamrigCommand;
import io.camrig.cli.console.Interrupts;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeStore;
import io.camrig.simulator.http.HttpCameraIdentity;
import io.camrig.simulator.http.HttpFaults;
import io.camrig.simulator.http.HttpServerOptions;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.media.SdCard;
import io.camrig.simulator.media.SdCardFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;

/**
 * Ctrl-C on {@code camrig offload} while a file streams (its camera stalls mid-file), played with
 * {@link Interrupts#interrupt()} as the SIGINT handler does.
 */
class OffloadInterruptTest {
    private static final int SIZE = 1 << 20;
    private static final long STALL = 256 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SERIAL = "C3501460050001";

    @TempDir
    Path dir;
    private VirtualCameraHttpServer camera;
    private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        Interrupts.target(null);
        Hooks.resetOnErrorDropped();
        if (camera != null) {
            camera.close();
        }
    }

    @Test
    void ctrlCMidFileExits130LeavesOnlyThePartAndTheManifestAndTheRerunResumesIt() throws Exception {
        SdCard card = new SdCard(SERIAL, 42, SIZE);
        SdCardFile file = card.record(Instant.parse("2025-01-01T10:00:00Z"));
        camera = VirtualCameraHttpServer.start(card, HttpCameraIdentity.fromSerial(SERIAL), Map::of, Map::of,
                HttpServerOptions.defaults().withCohn(0)).block(WAIT);
        camera.faults(HttpFaults.NONE.withStallAfterBytes(STALL));
        // An error a cancelled operator could no longer deliver would be logged by Reactor: there must be none.
        Hooks.onErrorDropped(dropped::add);
        Path media = dir.resolve("media");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CamrigCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        AtomicInteger code = new AtomicInteger(-1);
        Thread command = new Thread(() -> code.set(CamrigCommand.run(cli, "offload", "--url",
                camera.baseUri().toString(), "--media-dir", media.toString(), "--no-turbo")), "command");
        Interrupts.target(command);
        command.start();

        camera.stalled().block(WAIT);
        String take = Flux.interval(Duration.ofMillis(20)).map(i -> takes(media)).filter(t -> t.size() == 1)
                .blockFirst(WAIT).get(0);
        Path part = media.resolve(take).resolve(SERIAL).resolve(file.directory()).resolve("." + file.name() + ".camrig-part");
        Flux.interval(Duration.ofMillis(20)).filter(i -> size(part) == STALL).blockFirst(WAIT);

        Interrupts.interrupt();
        command.join(TimeUnit.SECONDS.toMillis(Interrupts.GRACE.toSeconds()));

        assertThat(command.isAlive()).as("stopped within the grace period").isFalse();
        assertThat(code.get()).isEqualTo(130);
        assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception")
                .contains("interrupted; partial files and the take's manifest are kept. Resume with:\n  camrig offload --url ")
                .contains(" --take " + take + "\n");
        assertThat(dropped).as("errors dropped after the cancel").isEmpty();
        assertThat(everyFile(dir)).as("only resumable state: the partial file and the manifest")
                .containsExactlyInAnyOrder(part, media.resolve(take).resolve("take.json"));
        assertThat(size(part)).isEqualTo(STALL);
        TakeFile pending = new TakeStore(media).read(take).orElseThrow().camera(SERIAL).orElseThrow().files().get(0);
        assertThat(pending.state()).isEqualTo(TakeFile.State.PENDING);

        camera.faults(HttpFaults.NONE);
        Interrupts.target(null);
        StringWriter out2 = new StringWriter();
        CommandLine again = CamrigCommand.commandLine();
        again.setOut(new PrintWriter(out2, true));
        again.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(CamrigCommand.run(again, "offload", "--take", take, "--url", camera.baseUri().toString(),
                "--media-dir", media.toString())).as("%s", out2).isZero();

        assertThat(camera.downloadStarts()).as("the rerun resumed where the cancel left the part").containsExactly(0L, STALL);
        Path landed = media.resolve(take).resolve(SERIAL).resolve(file.directory()).resolve(file.name());
        assertThat(Files.readAllBytes(landed)).isEqualTo(card.expectedBytes(file));
        assertThat(new TakeStore(media).read(take).orElseThrow().camera(SERIAL).orElseThrow().files().get(0).sha256())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(card.expectedBytes(file))));
    }

    private static List<String> takes(Path media) {
        if (!Files.isDirectory(media)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(media)) {
            return s.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> everyFile(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
