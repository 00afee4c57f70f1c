package io.camrig.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.http.client.CameraHttpClient;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class HttpExchangeTest {

    @Test
    void queryValuesArePercentEncodedExceptSlashes() {
        assertThat(HttpExchange.uri("/gopro/media/info", HttpExchange.params("path", "100GOPRO/GX010001.MP4")))
                .isEqualTo("/gopro/media/info?path=100GOPRO/GX010001.MP4");
        assertThat(HttpExchange.uri("/x", HttpExchange.params("code", "!MPRXY=1 a&b", "n", 5)))
                .isEqualTo("/x?code=%21MPRXY%3D1%20a%26b&n=5");
        assertThat(HttpExchange.uri("/x", Map.of())).isEqualTo("/x");
        assertThatThrownBy(() -> HttpExchange.params("odd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRawExchangeReturnsAnyStatusAndItsBody() {
        try (TestCamera camera = TestCamera.serve(r -> r.get("/gopro/undocumented",
                (req, res) -> res.status(418).sendString(Mono.just("{\"teapot\":true}"))))) {
            HttpExchange http = CameraHttpClient.create(camera.uri()).exchange();
            StepVerifier.create(http.exchange(HttpMethod.GET, "/gopro/undocumented", Map.of(), null))
                    .assertNext(r -> {
                        assertThat(r.status()).isEqualTo(418);
                        assertThat(r.ok()).isFalse();
                        assertThat(http.json(r.body(), "probe").path("teapot").asBoolean()).isTrue();
                    })
                    .expectComplete()
                    .verify(Duration.ofSeconds(10));
            StepVerifier.create(http.getJson("/gopro/undocumented", Map.of()))
                    .expectError(HttpStatusException.class)
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void resumeBackoffDoublesUpToItsCap() {
        HttpOptions o = HttpOptions.defaults();
        assertThat(o.backoff(0)).isEqualTo(Duration.ofMillis(200));
        assertThat(o.backoff(2)).isEqualTo(Duration.ofMillis(800));
        assertThat(o.backoff(40)).isEqualTo(HttpOptions.MAX_RESUME_BACKOFF);
        assertThat(o.withResumeBackoff(Duration.ZERO).backoff(3)).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> o.withDownloadResumes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withResumeBackoff(Duration.ofMinutes(2))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new HttpOptions(Duration.ofSeconds(1), Duration.ofSeconds(2), 10).downloadResumes())
                .isEqualTo(HttpOptions.DEFAULT_DOWNLOAD_RESUMES);
    }
}
