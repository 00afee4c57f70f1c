package io.camrig.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.cli.CamrigCommand;
import io.camrig.cli.console.Interrupts;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeStore;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.http.HttpFaults;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import reactor.core.publisher.Flux;

/**
 * Ctrl-C on {@code camrig serve} while a take downloads (its camera stalls mid-file), played with
 * {@link Interrupts#interrupt()} as the SIGINT handler does: the service closes through {@code
 * RigService.close()}, says it stopped, exits 130, and leaves the file pending in the manifest
 * beside its partial file, for a later download to resume.
 */
class ServeInterruptTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long STALL = 256 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void detach() {
        Interrupts.target(null);
    }

    private String post(URI base, String path, String body) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(WAIT)
                    .header("Content-Type", "application/json")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void ctrlCMidDownloadClosesTheServiceExits130AndLeavesTheFileResumable(@TempDir Path media) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CamrigCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        ServeCommand serve = (ServeCommand) cli.getSubcommands().get("serve").getCommand();
        AtomicReference<VirtualRig> sim = new AtomicReference<>();
        AtomicReference<String> takeId = new AtomicReference<>();
        serve.onSimulator = s -> {
            sim.set(s);
            s.httpFaults(HttpFaults.NONE.withStallAfterBytes(STALL));
        };
        serve.onReady = service -> {
            URI base = service.uri();
            post(base, "/api/arm", null);
            try {
                takeId.set(JSON.readTree(post(base, "/api/fire", "{\"shutter\":\"on\"}")).path("take").path("takeId").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            post(base, "/api/fire", "{\"shutter\":\"off\"}");
            post(base, "/api/takes/" + takeId.get() + "/download", null);
        };
        AtomicInteger code = new AtomicInteger(-1);
        Thread command = new Thread(() -> code.set(CamrigCommand.run(cli, "serve", "--port", "0", "--cameras", "1",
                "--media-dir", media.toString())), "command");
        Interrupts.target(command);
        command.start();

        VirtualCameraHttpServer camera = Flux.interval(Duration.ofMillis(20)).map(i -> sim.get() != null)
                .filter(Boolean::booleanValue).map(x -> sim.get()).blockFirst(WAIT)
                .httpServer(sim.get().cameras().get(0).identity().serial()).orElseThrow();
        camera.stalled().block(WAIT);
        String serial = sim.get().cameras().get(0).identity().serial();
        var source = camera.sdCard().files().get(0);
        Path part = media.resolve(takeId.get()).resolve(serial).resolve(source.directory())
                .resolve("." + source.name() + ".camrig-part");
        Flux.interval(Duration.ofMillis(20)).filter(i -> Files.exists(part) && size(part) == STALL).blockFirst(WAIT);

        Interrupts.interrupt();
        command.join(TimeUnit.SECONDS.toMillis(Interrupts.GRACE.toSeconds()));
        assertThat(command.isAlive()).as("stopped within the grace period").isFalse();
        assertThat(code.get()).isEqualTo(130);
        assertThat(out.toString()).contains("camrig serve: stopped");
        assertThat(err.toString()).contains("camrig serve: interrupted (Ctrl-C)").doesNotContain("\tat ");

        TakeFile pending = new TakeStore(media).read(takeId.get()).orElseThrow().camera(serial).orElseThrow()
                .files().get(0);
        assertThat(pending.state()).isEqualTo(TakeFile.State.PENDING);
        assertThat(size(part)).isEqualTo(STALL);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
