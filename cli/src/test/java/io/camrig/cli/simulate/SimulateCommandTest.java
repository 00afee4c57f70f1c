package io.camrig.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.cli.CamrigCommand;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.http.VirtualHttpRig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import reactor.core.publisher.Sinks;

/** {@code camrig simulate}: what it prints, that the cameras answer, and that it stops cleanly. */
class SimulateCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs simulate on its own thread; {@code whileUp} runs once the cameras are up, then it stops. */
    private int simulate(java.util.function.Consumer<VirtualHttpRig> whileUp, String... args) throws Exception {
        CommandLine cli = CamrigCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        SimulateCommand command = (SimulateCommand) cli.getSubcommands().get("simulate").getCommand();
        Sinks.Empty<Void> stop = Sinks.empty();
        command.stopSignal = stop.asMono();
        command.onReady = rig -> {
            try {
                whileUp.accept(rig);
            } finally {
                stop.tryEmitEmpty();
            }
        };
        String[] all = new String[args.length + 1];
        all[0] = "simulate";
        System.arraycopy(args, 0, all, 1, args.length);
        return CompletableFuture.supplyAsync(() -> cli.execute(all)).get(60, TimeUnit.SECONDS);
    }

    @Test
    void printsEachCamerasUrlServesThemAndStops() throws Exception {
        List<URI> reached = new ArrayList<>();
        int code = simulate(rig -> {
            for (VirtualCameraHttpServer s : rig.cameras()) {
                CameraHttpClient c = CameraHttpClient.create(s.baseUri());
                assertThat(c.query().info().block(Duration.ofSeconds(10)).serialNumber()).isEqualTo(s.sdCard().serial());
                reached.add(s.baseUri());
            }
        }, "--cameras", "3", "--file-size", "1024");

        assertThat(code).as(err.toString()).isZero();
        assertThat(reached).hasSize(3);
        String text = out.toString();
        assertThat(text).contains("3 simulated HERO12 Black cameras").contains("stopped 3 cameras");
        reached.forEach(u -> assertThat(text).contains(u.toString()));
        // After stopping, nothing listens any more.
        CameraHttpClient gone = CameraHttpClient.create(reached.get(0));
        assertThat(gone.keepAlive().onErrorResume(e -> reactor.core.publisher.Mono.empty()).thenReturn("done")
                .block(Duration.ofSeconds(10))).isEqualTo("done");
    }

    @Test
    void withGroupsEachCardListsBurstsWhosePhotosDownload() throws Exception {
        List<Integer> members = new ArrayList<>();
        int code = simulate(rig -> {
            for (VirtualCameraHttpServer s : rig.cameras()) {
                var list = CameraHttpClient.create(s.baseUri()).mediaList().block(Duration.ofSeconds(10));
                assertThat(list.groups()).hasSize(2);
                members.add(list.members().size());
                assertThat(list.members().get(0).name()).isEqualTo("G0010002.JPG");
            }
        }, "--cameras", "2", "--file-size", "1024", "--groups", "2", "--group-size", "3", "--photo-size", "500");

        assertThat(code).as(err.toString()).isZero();
        assertThat(members).containsExactly(6, 6);
        assertThat(simulate(rig -> { }, "--groups", "101")).isEqualTo(2);
    }

    @Test
    void withCohnItWritesTheRootCaAndPasswordFilesAndNeverPrintsThePassword() throws Exception {
        List<String> passwords = new ArrayList<>();
        Path creds = dir.resolve("cohn");
        int code = simulate(rig -> rig.cameras().forEach(s -> passwords.add(s.cohn().orElseThrow().credentials().password())),
                "--cameras", "2", "--cohn", "--credentials-dir", creds.toString(), "--json", "--files", "0");

        assertThat(code).as(err.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.get("cameras")).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode cam = doc.get("cameras").get(i);
            assertThat(cam.get("https").asText()).startsWith("https://127.0.0.1:");
            assertThat(Files.readString(Path.of(cam.get("rootCa").asText()))).startsWith("-----BEGIN CERTIFICATE-----");
            assertThat(Files.readString(Path.of(cam.get("passwordFile").asText())).trim()).isEqualTo(passwords.get(i));
        }
        passwords.forEach(p -> assertThat(out.toString() + err.toString()).doesNotContain(p));
    }

    @Test
    void fixedPortsFollowEachOther() throws Exception {
        int base = twoFreePortsInARow();
        List<Integer> ports = new ArrayList<>();
        int code = simulate(rig -> rig.cameras().forEach(s -> ports.add(s.baseUri().getPort())),
                "--cameras", "2", "--http-port", Integer.toString(base), "--files", "0");
        assertThat(code).as(err.toString()).isZero();
        assertThat(ports).containsExactly(base, base + 1);
    }

    /**
     * A port {@code p} such that {@code p} and {@code p + 1} were both free a moment ago: a free port
     * alone leaves its neighbour to chance (another process's ephemeral port), which failed CI once.
     */
    private static int twoFreePortsInARow() throws java.io.IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (java.net.ServerSocket first = new java.net.ServerSocket(0)) {
                int p = first.getLocalPort();
                if (p < 65535) {
                    try (java.net.ServerSocket second = new java.net.ServerSocket(p + 1)) {
                        return p;
                    } catch (java.io.IOException taken) {
                        // its neighbour is in use: try another
                    }
                }
            }
        }
        throw new IllegalStateException("no two free ports in a row in 50 attempts");
    }

    @Test
    void durationStopsItByItselfAndBadUsageExitsTwo() {
        CommandLine cli = CamrigCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("simulate", "--cameras", "1", "--duration", "100ms", "--files", "0")).isZero();
        assertThat(out.toString()).contains("stopped 1 cameras");
        assertThat(cli.execute("simulate", "--cameras", "0")).isEqualTo(2);
        assertThat(cli.execute("simulate", "--model", "HERO99")).isEqualTo(2);
        assertThat(cli.execute("simulate", "--cohn-port", "9443")).isEqualTo(2);
    }
}
