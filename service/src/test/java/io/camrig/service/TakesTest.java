package io.camrig.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.service.takes.Take;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * Takes fired through the service are the engine's takes: a manifest in the media directory with
 * each camera's steps (what {@code camrig takes list|show} read), downloads verified into it with
 * their SHA-256, and the same takes served again after a restart.
 */
class TakesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTakeFiredThroughTheServiceIsInTheTakeStoreAndSurvivesARestart(@TempDir Path media) throws Exception {
        TakeStore store = new TakeStore(media);
        String takeId;
        try (ServiceFixture f = ServiceFixture.start(3, media, o -> o)) {
            f.send("POST", "/api/arm", null);
            JsonNode on = JSON.readTree(f.send("POST", "/api/fire", "{\"shutter\":\"on\"}").body());
            takeId = on.path("take").path("takeId").asText();
            assertThat(store.read(takeId)).as("the manifest exists while recording").isPresent();
            JsonNode off = JSON.readTree(f.send("POST", "/api/fire", "{\"shutter\":\"off\"}").body());
            assertThat(off.path("take").path("takeId").asText()).isEqualTo(takeId);

            TakeManifest m = store.read(takeId).orElseThrow();
            assertThat(m.rigId()).isEqualTo("serve");
            assertThat(m.fire().shutterOk()).isEqualTo(3);
            assertThat(m.cameras()).hasSize(3).allSatisfy(c -> {
                assertThat(c.model()).isEqualTo("HERO12 Black");
                assertThat(c.steps()).containsEntry("fire on", "ok").containsEntry("fire off", "ok");
                assertThat(c.settings()).containsKey("video_resolution");
            });
            assertThat(m.extensions()).containsKey(Take.EXTENSION);

            assertThat(f.send("POST", "/api/takes/" + takeId + "/download", null).statusCode()).isEqualTo(202);
            // the offload writes the manifest as each file is verified: wait for all three
            TakeManifest done = Flux.interval(Duration.ofMillis(100))
                    .map(i -> store.read(takeId).orElseThrow())
                    .filter(x -> x.cameras().stream().allMatch(c -> c.files().stream().anyMatch(TakeFile::verified)))
                    .blockFirst(Duration.ofSeconds(60));
            assertThat(store.verify(done)).hasSize(3)
                    .allSatisfy(check -> assertThat(check.result()).isEqualTo(TakeStore.FileCheck.Result.OK));
            assertThat(done.cameras()).extracting(TakeCamera::serial)
                    .allSatisfy(serial -> assertThat(media.resolve(takeId).resolve(serial)).isDirectory());
        }
        try (ServiceFixture again = ServiceFixture.start(3, media, o -> o)) {
            JsonNode takes = JSON.readTree(again.get("/api/takes").body());
            assertThat(takes).hasSize(1);
            JsonNode t = takes.get(0);
            assertThat(t.path("id").asInt()).isEqualTo(1);
            assertThat(t.path("takeId").asText()).isEqualTo(takeId);
            assertThat(t.path("state").asText()).isEqualTo("stopped");
            assertThat(t.path("on").path("fired").asInt()).isEqualTo(3);
            List<JsonNode> cams = List.copyOf(JSON.convertValue(t.path("cameras"), List.class).stream()
                    .map(x -> JSON.valueToTree(x)).map(JsonNode.class::cast).toList());
            assertThat(cams).hasSize(3).allSatisfy(c -> {
                assertThat(c.path("on").path("outcome").asText()).isEqualTo("ok");
                assertThat(c.path("off").path("outcome").asText()).isEqualTo("ok");
                assertThat(c.path("download").path("state").asText()).isEqualTo("done");
            });
            assertThat(JSON.readTree(again.get("/api/takes/" + takeId).body()).path("id").asInt()).isEqualTo(1);
        }
    }
}
