package io.camrig.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.engine.testing.MediaTree;
import io.camrig.http.Sha256;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.http.HttpFaults;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.media.SdCardFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * Closing the service while a take's download is mid-file (the camera stalls after 1 MiB of 4 MiB)
 * leaves only resumable state: close returns, nothing under the take's directory changes afterwards
 * (although the camera goes on sending), the manifest says the file is pending, its partial file
 * holds the bytes received; a service started again resumes it with {@code Range} from there and
 * ends with the file verified, byte for byte the camera's.
 */
class CloseMidDownloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FILE = 4 * 1024 * 1024;
    private static final long STALL = 1024 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void closingMidDownloadLeavesOnlyResumableStateThatTheNextServiceResumesWithRange(@TempDir Path media,
            @TempDir Path elsewhere) throws Exception {
        TakeStore store = new TakeStore(media);
        try (VirtualRig sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(1).withMediaFileBytes(FILE))
                .block(WAIT)) {
            String serial = sim.cameras().get(0).identity().serial();
            VirtualCameraHttpServer camera = sim.httpServer(serial).orElseThrow();
            String takeId;
            Path part;
            SdCardFile source;
            ServiceFixture first = ServiceFixture.on(sim, media, o -> o);
            try {
                first.send("POST", "/api/arm", null);
                takeId = JSON.readTree(first.send("POST", "/api/fire", "{\"shutter\":\"on\"}").body())
                        .path("take").path("takeId").asText();
                first.send("POST", "/api/fire", "{\"shutter\":\"off\"}");
                source = camera.sdCard().files().get(0);
                part = media.resolve(takeId).resolve(serial).resolve(source.directory())
                        .resolve("." + source.name() + ".camrig-part");

                camera.faults(HttpFaults.NONE.withStallAfterBytes(STALL));
                assertThat(first.send("POST", "/api/takes/" + takeId + "/download", null).statusCode()).isEqualTo(202);
                camera.stalled().block(WAIT);
                assertThat(first.send("POST", "/api/takes/" + takeId + "/download", null).statusCode())
                        .as("one download of a take at a time").isEqualTo(409);
                // Every byte sent before the stall reaches the partial file.
                Flux.interval(Duration.ofMillis(20)).filter(i -> MediaTree.size(part) == STALL).blockFirst(WAIT);
            } finally {
                first.close();
            }
            assertThat(first.service.downloads().active()).isZero();
            Map<Path, Long> atClose = MediaTree.of(media);
            byte[] manifestAtClose = Files.readAllBytes(media.resolve(takeId).resolve(TakeStore.MANIFEST));
            assertThat(atClose).containsEntry(part, STALL);
            TakeFile interrupted = store.read(takeId).orElseThrow().camera(serial).orElseThrow().files().get(0);
            assertThat(interrupted.state()).isEqualTo(TakeFile.State.PENDING);
            assertThat(interrupted.name()).isEqualTo(source.name());

            // The camera goes on sending: nothing lands any more. A whole download of the same file
            // elsewhere is the point by which a download left running would have written.
            camera.faults(HttpFaults.NONE);
            CameraHttpClient.create(camera.baseUri())
                    .download(source.directory(), source.name(), FILE, elsewhere.resolve(source.name())).blockLast(WAIT);
            assertThat(MediaTree.of(media)).isEqualTo(atClose);
            assertThat(Files.readAllBytes(media.resolve(takeId).resolve(TakeStore.MANIFEST))).isEqualTo(manifestAtClose);

            try (ServiceFixture second = ServiceFixture.on(sim, media, o -> o)) {
                assertThat(second.send("POST", "/api/takes/" + takeId + "/download", null).statusCode()).isEqualTo(202);
                TakeManifest done = Flux.interval(Duration.ofMillis(50))
                        .map(i -> store.read(takeId).orElseThrow())
                        .filter(m -> m.cameras().get(0).files().get(0).verified())
                        .blockFirst(WAIT);
                TakeFile f = done.cameras().get(0).files().get(0);
                Path target = media.resolve(takeId).resolve(f.path());
                assertThat(Files.readAllBytes(target)).isEqualTo(camera.sdCard().expectedBytes(source));
                assertThat(f.sha256()).isEqualTo(Sha256.of(target));
                assertThat(store.verify(done)).singleElement()
                        .satisfies(c -> assertThat(c.result()).isEqualTo(TakeStore.FileCheck.Result.OK));
                assertThat(part).doesNotExist();
            }
            // The first request from byte 0, the one elsewhere, then the resume from where the partial file ended.
            assertThat(camera.downloadStarts()).containsExactly(0L, 0L, STALL);
        }
    }

}
