package io.camrig.cluster.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cluster.wire.CameraEntry;
import io.camrig.cluster.wire.Command;
import io.camrig.cluster.wire.Reply;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigOptions;
import io.camrig.engine.session.HttpAddressResolver;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeStore;
import io.camrig.engine.testing.MediaTree;
import io.camrig.http.Sha256;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.http.HttpFaults;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.media.SdCardFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A node closed while its offload is mid-file (the camera stalls after 1 MiB of 4 MiB): the close
 * returns with nothing writing under its media directory any more (although the camera goes on
 * sending, the take's directory stays as it was, and once deleted is not made again), the node's
 * queue says the file is pending beside its partial file, no reply goes out, a later offload is
 * refused; the next node resumes with {@code Range} and verifies the file.
 */
class NodeOffloadCloseTest {
    private static final String NODE = "n1";
    private static final int FILE = 4 * 1024 * 1024;
    private static final long STALL = 1024 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path media;
    @TempDir
    Path elsewhere;
    private VirtualRig sim;
    private Rig rig;
    private VirtualCameraHttpServer camera;
    private SdCardFile source;
    private String serial;

    @BeforeEach
    void start() {
        sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(1).withMediaFileBytes(FILE)).block(WAIT);
        serial = sim.cameras().get(0).identity().serial();
        camera = sim.httpServer(serial).orElseThrow();
        camera.sdCard().record(Instant.ofEpochSecond(1_765_000_000L));
        source = camera.sdCard().files().get(0);
        rig = Rig.discover(sim.central(), RigOptions.defaults().withExpectedCameras(1).withRealtimeFire(false)).block(WAIT);
        rig.connect().block(WAIT);
    }

    @AfterEach
    void stop() {
        rig.close();
        sim.close();
    }

    private NodeOffload offload() {
        return new NodeOffload(NODE, rig, new ConcurrentHashMap<>(), NodeMedia.defaults().withMediaDir(media)
                .withHttp(HttpAddressResolver.ofUris(sim::httpBaseUri)), e -> { }, index -> java.util.Optional.empty());
    }

    private static Command command(String id, String take) {
        return new Command(id, "offload", List.of(), 0, take, Map.of(NODE, List.of(1)));
    }

    /** Starts an offload of {@code take}, waits until its partial file holds every byte before the stall, closes the node's offloads. */
    private Mono<Reply> closedMidFile(NodeOffload offload, String id, String take) {
        Path part = part(take);
        camera.faults(HttpFaults.NONE.withStallAfterBytes(STALL));
        Mono<Reply> reply = offload.offload(command(id, take)).cache();
        reply.subscribe();
        camera.stalled().block(WAIT);
        Flux.interval(Duration.ofMillis(20)).filter(i -> MediaTree.size(part) == STALL).blockFirst(WAIT);
        assertThat(offload.close(Duration.ofSeconds(5))).as("no manifest write left under way").isTrue();
        return reply;
    }

    /** The whole file downloaded elsewhere: by then a download left running would have written. */
    private void letTheCameraSendTheRest() {
        camera.faults(HttpFaults.NONE);
        CameraHttpClient.create(camera.baseUri())
                .download(source.directory(), source.name(), FILE, elsewhere.resolve(source.name())).blockLast(WAIT);
    }

    private Path part(String take) {
        return media.resolve(take).resolve(serial).resolve(source.directory()).resolve("." + source.name() + ".camrig-part");
    }

    @Test
    void closedMidFileLeavesOnlyResumableStateAndTheNextNodeResumesWithRange() throws Exception {
        String take = "20260101-000000";
        NodeOffload first = offload();
        Mono<Reply> reply = closedMidFile(first, "o1", take);
        Map<Path, Long> atClose = MediaTree.of(media);
        Path queue = media.resolve(take).resolve("take." + NODE + ".json");
        byte[] queueAtClose = Files.readAllBytes(queue);

        StepVerifier.create(reply).as("a stopping node sends no reply").verifyComplete();
        TakeStore store = new TakeStore(media).withManifestName("take." + NODE + ".json");
        TakeFile pending = store.read(take).orElseThrow().camera(serial).orElseThrow().files().get(0);
        assertThat(pending.state()).isEqualTo(TakeFile.State.PENDING);
        assertThat(atClose).containsEntry(part(take), STALL);
        StepVerifier.create(first.offload(command("o2", take))).as("refused after close").verifyComplete();

        letTheCameraSendTheRest();
        assertThat(MediaTree.of(media)).isEqualTo(atClose);
        assertThat(Files.readAllBytes(queue)).isEqualTo(queueAtClose);

        Reply done = offload().offload(command("o3", take)).block(WAIT);
        assertThat(done.cameras()).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(CameraEntry.OK);
            assertThat(e.take().files()).singleElement().satisfies(f -> assertThat(f.verified()).isTrue());
        });
        TakeFile verified = store.read(take).orElseThrow().camera(serial).orElseThrow().files().get(0);
        Path target = media.resolve(take).resolve(verified.path());
        assertThat(Files.readAllBytes(target)).isEqualTo(camera.sdCard().expectedBytes(source));
        assertThat(verified.sha256()).isEqualTo(Sha256.of(target));
        assertThat(part(take)).doesNotExist();
        assertThat(camera.downloadStarts()).containsExactly(0L, 0L, STALL);
    }

    @Test
    void aTakeDirectoryDeletedAfterTheCloseIsNotMadeAgain() throws Exception {
        String take = "20260101-000001";
        closedMidFile(offload(), "o1", take);
        deleteTree(media.resolve(take));

        letTheCameraSendTheRest();
        assertThat(media.resolve(take)).doesNotExist();
        assertThat(MediaTree.of(media)).containsOnlyKeys(media);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
