package io.camrig.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.simulator.media.SdCard;
import io.camrig.simulator.media.SdCardFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * A recording the camera split into chapters (spec: tag "Media", section "Chapters") is downloaded
 * whole by the service: every chapter in the take, verified, byte-identical, and the camera's
 * download shown done only with all of them.
 */
class ChapterTakeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyChapterOfTheRecordingIsDownloadedIntoTheTake(@TempDir Path media) throws Exception {
        TakeStore store = new TakeStore(media);
        try (ServiceFixture f = ServiceFixture.start(2, media, o -> o)) {
            SdCard card = f.sim.cameras().get(0).sdCard();
            card.videos().splitChaptersAt(10 * 1024);     // 32 KiB recordings: 3 chapters of 10 KiB and one of 2 KiB
            f.send("POST", "/api/arm", null);
            String takeId = JSON.readTree(f.send("POST", "/api/fire", "{\"shutter\":\"on\"}").body())
                    .path("take").path("takeId").asText();
            f.send("POST", "/api/fire", "{\"shutter\":\"off\"}");
            assertThat(f.send("POST", "/api/takes/" + takeId + "/download", null).statusCode()).isEqualTo(202);

            TakeManifest done = Flux.interval(Duration.ofMillis(100))
                    .map(i -> store.read(takeId).orElseThrow())
                    .filter(x -> x.cameras().stream().allMatch(c -> !c.files().isEmpty()
                            && c.files().stream().allMatch(TakeFile::verified))
                            && x.camera(card.serial()).orElseThrow().files().size() > 1)
                    .blockFirst(Duration.ofSeconds(30));

            var chapters = card.files();
            TakeCamera cam = done.camera(card.serial()).orElseThrow();
            assertThat(chapters).hasSize(4);
            assertThat(cam.files()).extracting(TakeFile::name)
                    .containsExactlyElementsOf(chapters.stream().map(SdCardFile::name).toList());
            assertThat(cam.files().get(0).name()).startsWith("GX01");
            for (int i = 0; i < chapters.size(); i++) {
                assertThat(Files.readAllBytes(media.resolve(takeId).resolve(cam.files().get(i).path())))
                        .isEqualTo(card.expectedBytes(chapters.get(i)));
            }
            assertThat(store.verify(done)).hasSize(5)
                    .allSatisfy(check -> assertThat(check.result()).isEqualTo(TakeStore.FileCheck.Result.OK));

            JsonNode download = Flux.interval(Duration.ofMillis(100))
                    .map(i -> part(f, takeId, cam.name()).path("download"))
                    .filter(d -> d.path("state").asText().equals("done"))
                    .blockFirst(Duration.ofSeconds(30));
            assertThat(download.path("file").asText()).isEqualTo(chapters.get(0).name());
            assertThat(download.path("total").asLong()).isEqualTo(chapters.stream().mapToLong(SdCardFile::size).sum());
        }
    }

    /** The camera's part of the take, as {@code GET /api/takes} shows it. */
    private static JsonNode part(ServiceFixture f, String takeId, String camera) {
        try {
            for (JsonNode t : JSON.readTree(f.get("/api/takes").body())) {
                for (JsonNode c : t.path("cameras")) {
                    if (t.path("takeId").asText().equals(takeId) && c.path("name").asText().equals(camera)) {
                        return c;
                    }
                }
            }
            return JSON.createObjectNode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
